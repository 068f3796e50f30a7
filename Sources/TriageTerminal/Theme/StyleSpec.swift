/// Text attributes a theme can ask for; every terminal that curses supports has these, so they
/// survive when colour does not.
public struct ThemeAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = ThemeAttributes(rawValue: 1 << 0)
    public static let reverse = ThemeAttributes(rawValue: 1 << 1)
    public static let underline = ThemeAttributes(rawValue: 1 << 2)
    public static let dim = ThemeAttributes(rawValue: 1 << 3)

    /// The names used in theme files, in a fixed order.
    public static let named: [(name: String, attribute: ThemeAttributes)] = [
        ("bold", .bold), ("reverse", .reverse), ("underline", .underline), ("dim", .dim),
    ]
}

/// How one semantic style looks: foreground, background and attributes.
public struct StyleSpec: Hashable, Sendable {
    public var foreground: ThemeColor
    public var background: ThemeColor
    public var attributes: ThemeAttributes

    public init(_ foreground: ThemeColor, _ background: ThemeColor = .terminalDefault, _ attributes: ThemeAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }
}
