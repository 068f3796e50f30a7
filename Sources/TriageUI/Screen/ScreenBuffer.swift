/// A grid of cells the renderer fills and a backend presents: curses on a terminal, plain text
/// in tests and headless replays. Column counting assumes every character used is one column
/// wide (box drawing, shade blocks, ASCII), which the renderer guarantees.
public struct ScreenBuffer: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: Cell(), count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Writes `text` from column `x` of row `y`, clipped to the buffer (and to `maxWidth`
    /// columns if given); returns the column after the last character written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .normal, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height else { return x }
        let limit = min(width, maxWidth.map { x + $0 } ?? width)
        var column = x
        for character in text {
            if column >= limit { break }
            if column >= 0 { self[column, y] = Cell(character, style) }
            column += 1
        }
        return column
    }

    /// Sets the style of `count` cells from (x, y) without changing their characters.
    public mutating func restyle(x: Int, y: Int, count: Int, style: Style) {
        guard y >= 0, y < height else { return }
        for column in max(0, x)..<min(width, x + count) { self[column, y].style = style }
    }

    /// Fills a rectangle with one character and style.
    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, with cell: Cell = Cell()) {
        for row in max(0, y)..<min(height, y + h) {
            for column in max(0, x)..<min(width, x + w) { self[column, row] = cell }
        }
    }

    /// The screen as text lines, trailing spaces kept so snapshots show the full width.
    public var lines: [String] {
        (0..<height).map { y in String(cells[(y * width)..<((y + 1) * width)].map(\.character)) }
    }

    /// The screen as one string, for text snapshots.
    public var text: String { lines.joined(separator: "\n") }
}
