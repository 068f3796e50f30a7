import TriageUI

/// What a backend reports when the main loop asks for input.
public enum TerminalInput: Equatable, Sendable {
    /// A key the user pressed.
    case key(KeyPress)
    /// The terminal now has this size (curses reports `KEY_RESIZE` after SIGWINCH).
    case resize(width: Int, height: Int)
    /// SIGINT or SIGTERM arrived; the loop quits through its normal path so the terminal is restored.
    case interrupted
    /// The input is gone for good: a scripted replay ran out, or the terminal hung up.
    case endOfInput
}

/// The one thing the main loop needs from a terminal: its size, its keys, a way to show a frame
/// and a way to give the terminal back. ``CursesBackend`` drives a real terminal;
/// ``HeadlessBackend`` replays a script in memory for tests and replays (the NIOEmbedded idea).
///
/// Backends are used from one thread (curses is not thread-safe on Debian), so they are classes
/// that are deliberately not `Sendable`.
public protocol TerminalBackend: AnyObject {
    /// The current size in columns and rows.
    var size: (width: Int, height: Int) { get }

    /// Waits at most `timeout` for input; nil when nothing arrived in time.
    func nextKey(timeout: Duration) -> TerminalInput?

    /// Shows `buffer`, writing only the cells that differ from the previous frame.
    func present(_ buffer: ScreenBuffer)

    /// Gives the terminal back to the shell. Safe to call more than once.
    func restore()
}
