/// A grid of terminal cells on which lines are drawn as connections (up, down, left, right) and
/// rendered to box-drawing characters, with text written only into free cells. Every cell also
/// carries a `Mark` (the terminal UI's style; a trivial type for plain text), so `dendrogram.txt`
/// and the UI's dendrogram view draw on the same canvas.
public struct TextCanvas<Mark: Equatable & Sendable>: Sendable {
    /// The sides of a cell a line leaves it by.
    public struct Sides: OptionSet, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static var up: Sides { Sides(rawValue: 1) }
        public static var down: Sides { Sides(rawValue: 2) }
        public static var left: Sides { Sides(rawValue: 4) }
        public static var right: Sides { Sides(rawValue: 8) }
    }

    public let rows: Int, columns: Int
    /// The mark of an untouched cell.
    public let blank: Mark
    private var sides: [Sides]
    private var marks: [Mark]
    private var text: [Character?]

    public init(rows: Int, columns: Int, blank: Mark) {
        self.rows = max(0, rows)
        self.columns = max(0, columns)
        self.blank = blank
        let count = self.rows * self.columns
        sides = [Sides](repeating: [], count: count)
        marks = [Mark](repeating: blank, count: count)
        text = [Character?](repeating: nil, count: count)
    }

    private func inside(_ r: Int, _ c: Int) -> Bool { r >= 0 && r < rows && c >= 0 && c < columns }

    /// Adds `side` to cell (r, c) if it is on the canvas. A blank mark leaves the cell's mark
    /// alone, so a plain line crossing a marked one does not erase the mark where they meet.
    private mutating func connect(_ r: Int, _ c: Int, _ side: Sides, _ mark: Mark) {
        guard inside(r, c) else { return }
        sides[r * columns + c].insert(side)
        if mark != blank { marks[r * columns + c] = mark }
    }

    /// A horizontal line on row r from column c0 to c1 (c0 ≤ c1), both ends included; the part
    /// off the canvas is dropped, so a line running off the edge still reaches the edge cell.
    public mutating func horizontal(row r: Int, from c0: Int, to c1: Int, mark: Mark) {
        guard c0 < c1 else { return }
        for c in c0..<c1 {
            connect(r, c, .right, mark)
            connect(r, c + 1, .left, mark)
        }
    }

    /// A vertical line in column c from row r0 to r1 (r0 ≤ r1), both ends included.
    public mutating func vertical(column c: Int, from r0: Int, to r1: Int, mark: Mark) {
        guard r0 < r1 else { return }
        for r in r0..<r1 {
            connect(r, c, .down, mark)
            connect(r + 1, c, .up, mark)
        }
    }

    /// A stub leaving (r, c) by `side`, for a line that continues off the drawn part.
    public mutating func stub(row r: Int, column c: Int, toward side: Sides, mark: Mark) {
        connect(r, c, side, mark)
    }

    /// Whether `count` cells from (r, c0) are on the canvas and hold neither line nor text.
    public func isFree(row r: Int, from c0: Int, count: Int) -> Bool {
        guard count > 0, inside(r, c0), inside(r, c0 + count - 1) else { return false }
        for c in c0..<(c0 + count) where !sides[r * columns + c].isEmpty || text[r * columns + c] != nil { return false }
        return true
    }

    /// Writes `s` at (r, c0) if every cell it needs is free; returns whether it did.
    @discardableResult
    public mutating func write(_ s: String, row r: Int, column c0: Int, mark: Mark) -> Bool {
        guard isFree(row: r, from: c0, count: s.count) else { return false }
        for (k, ch) in s.enumerated() {
            text[r * columns + c0 + k] = ch
            marks[r * columns + c0 + k] = mark
        }
        return true
    }

    /// Puts a single character in (r, c) if that cell is free (the UI's cut marks).
    public mutating func put(_ ch: Character, row r: Int, column c: Int, mark: Mark) {
        guard isFree(row: r, from: c, count: 1) else { return }
        text[r * columns + c] = ch
        marks[r * columns + c] = mark
    }

    /// The character shown in (r, c) (its text, else its line glyph, else a space) and its mark.
    /// (r, c) must be on the canvas.
    public subscript(row r: Int, column c: Int) -> (character: Character, mark: Mark) {
        precondition(inside(r, c), "cell (\(r), \(c)) is outside a \(rows)×\(columns) canvas")
        let i = r * columns + c
        return (text[i] ?? Self.glyph(sides[i]), marks[i])
    }

    /// Row r as plain text, without trailing spaces.
    public func line(_ r: Int) -> String {
        var out = ""
        for c in 0..<columns { out.append(self[row: r, column: c].character) }
        while out.last == " " { out.removeLast() }
        return out
    }

    static func glyph(_ s: Sides) -> Character {
        switch s {
        case []: return " "
        case .left, .right, [.left, .right]: return "─"
        case .up, .down, [.up, .down]: return "│"
        case [.down, .left]: return "┐"
        case [.up, .left]: return "┘"
        case [.down, .right]: return "┌"
        case [.up, .right]: return "└"
        case [.up, .down, .right]: return "├"
        case [.up, .down, .left]: return "┤"
        case [.left, .right, .down]: return "┬"
        case [.left, .right, .up]: return "┴"
        default: return "┼"
        }
    }
}
