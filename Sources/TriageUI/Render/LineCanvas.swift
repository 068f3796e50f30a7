/// A grid on which lines are drawn as connection bits (up, down, left, right), each cell with a
/// style, and turned into box-drawing characters; text goes only into free cells. The same idea
/// as MXClustering's `TextCanvas`, with styles, for the dendrogram view.
struct LineCanvas {
    static let up: UInt8 = 1, down: UInt8 = 2, left: UInt8 = 4, right: UInt8 = 8

    let rows: Int, columns: Int
    private var bits: [UInt8]
    private var styles: [Style]
    private var text: [Character?]

    init(rows: Int, columns: Int) {
        self.rows = max(0, rows)
        self.columns = max(0, columns)
        bits = [UInt8](repeating: 0, count: self.rows * self.columns)
        styles = [Style](repeating: .normal, count: self.rows * self.columns)
        text = [Character?](repeating: nil, count: self.rows * self.columns)
    }

    private func inside(_ r: Int, _ c: Int) -> Bool { r >= 0 && r < rows && c >= 0 && c < columns }

    private mutating func mark(_ r: Int, _ c: Int, _ bit: UInt8, _ style: Style) {
        guard inside(r, c) else { return }
        bits[r * columns + c] |= bit
        if style != .normal { styles[r * columns + c] = style }
    }

    /// A horizontal line on row r from column c0 to c1, both ends included.
    mutating func horizontal(row r: Int, from c0: Int, to c1: Int, style: Style) {
        guard c0 < c1 else { return }
        for c in c0..<c1 {
            mark(r, c, Self.right, style)
            mark(r, c + 1, Self.left, style)
        }
    }

    /// A vertical line in column c from row r0 to r1, both ends included.
    mutating func vertical(column c: Int, from r0: Int, to r1: Int, style: Style) {
        guard r0 < r1 else { return }
        for r in r0..<r1 {
            mark(r, c, Self.down, style)
            mark(r + 1, c, Self.up, style)
        }
    }

    func isFree(row r: Int, from c0: Int, count: Int) -> Bool {
        guard count > 0, inside(r, c0), inside(r, c0 + count - 1) else { return false }
        for c in c0..<(c0 + count) where bits[r * columns + c] != 0 || text[r * columns + c] != nil { return false }
        return true
    }

    /// Writes `s` at (r, c0) if every cell it needs is free; returns whether it did.
    @discardableResult
    mutating func write(_ s: String, row r: Int, column c0: Int, style: Style) -> Bool {
        guard isFree(row: r, from: c0, count: s.count) else { return false }
        for (k, ch) in s.enumerated() {
            text[r * columns + c0 + k] = ch
            styles[r * columns + c0 + k] = style
        }
        return true
    }

    /// Puts a character in a free cell (the dendrogram's cut marks).
    mutating func mark(_ ch: Character, row r: Int, column c: Int, style: Style) {
        guard inside(r, c), bits[r * columns + c] == 0, text[r * columns + c] == nil else { return }
        text[r * columns + c] = ch
        styles[r * columns + c] = style
    }

    /// Copies row r into the buffer at (x, y), at most `width` columns.
    func draw(row r: Int, into buffer: inout ScreenBuffer, x: Int, y: Int, width: Int) {
        guard r >= 0, r < rows else { return }
        for c in 0..<min(columns, width) {
            let i = r * columns + c
            let ch = text[i] ?? Self.glyph(bits[i])
            if ch != " " { buffer[x + c, y] = Cell(ch, styles[i]) }
        }
    }

    static func glyph(_ b: UInt8) -> Character {
        switch b {
        case 0: return " "
        case left, right, left | right: return "─"
        case up, down, up | down: return "│"
        case down | left: return "┐"
        case up | left: return "┘"
        case down | right: return "┌"
        case up | right: return "└"
        case up | down | right: return "├"
        case up | down | left: return "┤"
        case left | right | down: return "┬"
        case left | right | up: return "┴"
        default: return "┼"
        }
    }
}
