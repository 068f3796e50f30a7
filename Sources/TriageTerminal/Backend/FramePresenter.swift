import TriageUI

/// Remembers the last frame a backend showed and reports only the cells that changed, so a
/// one-line update costs one line of terminal output rather than a full repaint (SwiftTUI's
/// cell cache, ncurses' own optimisation one level up).
public struct FramePresenter: Sendable {
    /// The frame shown last; nil before the first frame and after ``invalidate()``.
    public private(set) var previous: ScreenBuffer?

    public init() {}

    /// Forgets the last frame, so the next ``present(_:write:)`` repaints every cell — after a
    /// resize or when something else may have drawn on the screen.
    public mutating func invalidate() { previous = nil }

    /// Calls `write(x, y, cell)` for every cell of `buffer` that differs from the previous frame
    /// (every cell when the size changed or there is no previous frame), in row-major order,
    /// and returns how many cells it wrote.
    @discardableResult
    public mutating func present(_ buffer: ScreenBuffer, write: (_ x: Int, _ y: Int, _ cell: Cell) -> Void) -> Int {
        var written = 0
        let old = previous.flatMap { $0.width == buffer.width && $0.height == buffer.height ? $0 : nil }
        for y in 0..<buffer.height {
            for x in 0..<buffer.width {
                let cell = buffer[x, y]
                if let old, old[x, y] == cell { continue }
                write(x, y, cell)
                written += 1
            }
        }
        previous = buffer
        return written
    }
}
