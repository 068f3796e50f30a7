import TriageUI

/// A terminal that exists only in memory: it hands the main loop a scripted list of inputs and
/// keeps every frame it is shown. Tests and `--replay` drive ``TerminalApp`` with it exactly as
/// a user drives it through curses, without a TTY.
public final class HeadlessBackend: TerminalBackend {
    /// One scripted input.
    public enum Step: Equatable, Sendable {
        case key(KeyPress)
        case resize(width: Int, height: Int)
        /// One poll that times out, giving the loop a turn to drain engine events.
        case idle
        /// Simulates SIGINT.
        case interrupt
    }

    public private(set) var size: (width: Int, height: Int)
    /// Every frame presented, oldest first.
    public private(set) var frames: [ScreenBuffer] = []
    /// How many cells each ``present(_:)`` wrote (the diff, not the frame size).
    public private(set) var cellsWritten: [Int] = []
    /// How many times ``restore()`` was called.
    public private(set) var restoreCount = 0
    private var script: [Step]
    private var presenter = FramePresenter()

    /// - Parameter script: inputs returned one per ``nextKey(timeout:)``; after the last one the
    ///   backend reports ``TerminalInput/endOfInput``.
    public init(width: Int, height: Int, script: [Step]) {
        size = (width, height)
        self.script = script.reversed()
    }

    /// The steps for typing `text`, one character key each.
    public static func typing(_ text: String) -> [Step] { text.map { .key(.character($0)) } }

    /// The last frame shown, nil before the first.
    public var screen: ScreenBuffer? { frames.last }

    /// Steps not yet consumed.
    public var remainingSteps: Int { script.count }

    public func nextKey(timeout: Duration) -> TerminalInput? {
        guard let step = script.popLast() else { return .endOfInput }
        switch step {
        case .key(let key): return .key(key)
        case .resize(let width, let height):
            size = (width, height)
            presenter.invalidate()  // as CursesBackend does: after a resize every cell is repainted
            return .resize(width: width, height: height)
        case .idle: return nil
        case .interrupt: return .interrupted
        }
    }

    public func present(_ buffer: ScreenBuffer) {
        frames.append(buffer)
        cellsWritten.append(presenter.present(buffer) { _, _, _ in })
    }

    public func restore() { restoreCount += 1 }
}
