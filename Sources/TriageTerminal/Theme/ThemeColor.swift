/// A colour as a theme file writes it. Which colour the terminal actually shows depends on how
/// many it has; see ``ColorDepth``.
public enum ThemeColor: Hashable, Sendable {
    /// The terminal's own foreground or background (curses colour −1).
    case terminalDefault
    /// One of the 16 basic colours, 0 (black) … 7 (white), 8 … 15 their bright versions;
    /// the user's terminal palette decides the exact shade.
    case basic(Int)
    /// An xterm-256 index 0…255.
    case indexed(Int)
    /// A 24-bit colour, shown as the nearest colour the terminal has.
    case rgb(UInt8, UInt8, UInt8)

    /// The names a theme may use for the basic colours, in index order.
    public static let basicNames = [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
        "bright_black", "bright_red", "bright_green", "bright_yellow",
        "bright_blue", "bright_magenta", "bright_cyan", "bright_white",
    ]

    /// Parses `#rrggbb`, a basic colour name or `default`; nil for anything else.
    public init?(name: String) {
        let text = name.lowercased()
        if text == "default" {
            self = .terminalDefault
        } else if let index = Self.basicNames.firstIndex(of: text) {
            self = .basic(index)
        } else if text.hasPrefix("#"), text.count == 7, let value = UInt32(text.dropFirst(), radix: 16) {
            self = .rgb(UInt8(value >> 16), UInt8((value >> 8) & 0xff), UInt8(value & 0xff))
        } else {
            return nil
        }
    }

    /// The colour as a theme file would write it.
    public var themeText: String {
        switch self {
        case .terminalDefault: "\"default\""
        case .basic(let index): "\"\(Self.basicNames[index])\""
        case .indexed(let index): "\(index)"
        case .rgb(let r, let g, let b):
            "\"#" + [r, g, b].map { String($0, radix: 16).leftPadded(to: 2) }.joined() + "\""
        }
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
