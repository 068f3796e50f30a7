/// A grid of terminal cells on which lines are drawn as connection bits (up, down, left, right)
/// and rendered to box-drawing characters, with text written only into free cells.
struct TextCanvas {
    static let up: UInt8 = 1, down: UInt8 = 2, left: UInt8 = 4, right: UInt8 = 8

    let rows: Int, columns: Int
    private var bits: [UInt8]
    private var text: [Character?]

    init(rows: Int, columns: Int) {
        self.rows = rows
        self.columns = columns
        bits = [UInt8](repeating: 0, count: rows * columns)
        text = [Character?](repeating: nil, count: rows * columns)
    }

    private func inside(_ r: Int, _ c: Int) -> Bool { r >= 0 && r < rows && c >= 0 && c < columns }

    /// A horizontal line on row r from column c0 to c1 (c0 ≤ c1), both ends included.
    mutating func horizontal(row r: Int, from c0: Int, to c1: Int) {
        guard c0 < c1 else { return }
        for c in c0..<c1 where inside(r, c) && inside(r, c + 1) {
            bits[r * columns + c] |= Self.right
            bits[r * columns + c + 1] |= Self.left
        }
    }

    /// A vertical line in column c from row r0 to r1 (r0 ≤ r1), both ends included.
    mutating func vertical(column c: Int, from r0: Int, to r1: Int) {
        guard r0 < r1 else { return }
        for r in r0..<r1 where inside(r, c) && inside(r + 1, c) {
            bits[r * columns + c] |= Self.down
            bits[(r + 1) * columns + c] |= Self.up
        }
    }

    /// A stub reaching right out of (r, c), for a line that continues off the drawn part.
    mutating func stub(row r: Int, column c: Int, _ direction: UInt8) {
        if inside(r, c) { bits[r * columns + c] |= direction }
    }

    func isFree(row r: Int, from c0: Int, count: Int) -> Bool {
        guard count > 0, inside(r, c0), inside(r, c0 + count - 1) else { return false }
        for c in c0..<(c0 + count) where bits[r * columns + c] != 0 || text[r * columns + c] != nil { return false }
        return true
    }

    /// Writes `s` at (r, c0) if every cell it needs is free; returns whether it did.
    @discardableResult
    mutating func write(_ s: String, row r: Int, column c0: Int) -> Bool {
        guard isFree(row: r, from: c0, count: s.count) else { return false }
        for (k, ch) in s.enumerated() { text[r * columns + c0 + k] = ch }
        return true
    }

    func line(_ r: Int) -> String {
        var out = ""
        for c in 0..<columns {
            if let ch = text[r * columns + c] { out.append(ch) } else { out.append(Self.glyph(bits[r * columns + c])) }
        }
        while out.last == " " { out.removeLast() }
        return out
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
