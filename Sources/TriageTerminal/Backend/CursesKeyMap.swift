import CNcursesw
import TriageUI

/// Translates what `wget_wch` returns into ``KeyPress``es. Kept apart from ``CursesBackend`` so
/// the table is tested without a terminal.
public enum CursesKeyMap {
    /// What one `wget_wch` result means.
    public enum Result: Equatable, Sendable {
        case key(KeyPress)
        /// `KEY_RESIZE`: ncurses saw SIGWINCH and resized its windows.
        case resize
        /// A key the UI has no use for (function keys, control characters, backspace).
        case ignored
    }

    /// - Parameters:
    ///   - code: the `wint_t` that `wget_wch` stored.
    ///   - isKeyCode: true when `wget_wch` returned `KEY_CODE_YES` (so `code` is a `KEY_*`
    ///     value), false when it returned `OK` (so `code` is a character).
    public static func map(code: UInt32, isKeyCode: Bool) -> Result {
        isKeyCode ? keyCode(Int32(truncatingIfNeeded: code)) : character(code)
    }

    private static func keyCode(_ code: Int32) -> Result {
        switch code {
        case KEY_UP: .key(.up)
        case KEY_DOWN: .key(.down)
        case KEY_LEFT: .key(.left)
        case KEY_RIGHT: .key(.right)
        case KEY_PPAGE: .key(.pageUp)
        case KEY_NPAGE: .key(.pageDown)
        case KEY_HOME: .key(.home)
        case KEY_END: .key(.end)
        case KEY_BTAB: .key(.backTab)
        case KEY_ENTER: .key(.enter)
        case KEY_BACKSPACE: .key(.backspace)
        case KEY_RESIZE: .resize
        default: .ignored
        }
    }

    private static func character(_ code: UInt32) -> Result {
        switch code {
        case 3: return .key(.interrupt)  // Ctrl-C when the terminal does not turn it into SIGINT (raw mode)
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)  // nonl() makes Enter arrive as 13; some terminals send 10
        case 27: return .key(.escape)
        case 8, 127: return .key(.backspace)  // ^H, DEL: what terminals send for backspace
        case 0..<32: return .ignored
        default:
            guard let scalar = Unicode.Scalar(code) else { return .ignored }
            return .key(.character(Character(scalar)))
        }
    }
}
