import TriageUI

/// How every semantic ``Style`` looks: the only place colours live. The renderer never sees a
/// theme, so a missing or broken theme can change how the screen looks but never what it says.
public struct Theme: Equatable, Sendable {
    /// The name from the file's `name` key, or the file name.
    public var name: String
    /// One spec per ``StyleKey``; always complete (a file's missing entries come from ``builtinDark``).
    public private(set) var styles: [StyleKey: StyleSpec]

    /// A theme with `styles` over the built-in defaults.
    public init(name: String, styles: [StyleKey: StyleSpec] = [:]) {
        self.name = name
        self.styles = Self.builtinDarkStyles.merging(styles) { _, new in new }
    }

    public subscript(key: StyleKey) -> StyleSpec {
        get { styles[key] ?? Self.builtinDarkStyles[key]! }
        set { styles[key] = newValue }
    }

    /// The spec for a semantic style (heat levels clamped to −4…4).
    public func spec(for style: Style) -> StyleSpec { self[StyleKey(style)] }

    /// The name used when neither `--theme` nor `MXTRIAGE_THEME` chooses one.
    public static let defaultName = "dark"

    /// The dark theme compiled in, used when no theme file is found. `themes/dark.toml` holds
    /// the same values (a test keeps them equal), so editing that file is how to change them.
    public static let builtinDark = Theme(name: "dark")

    private static let builtinDarkStyles: [StyleKey: StyleSpec] = {
        func hex(_ value: UInt32) -> ThemeColor {
            .rgb(UInt8(value >> 16), UInt8((value >> 8) & 0xff), UInt8(value & 0xff))
        }
        let foreground = hex(0xc0caf5), comment = hex(0x565f89), blue = hex(0x7aa2f7)
        let purple = hex(0xbb9af7), cyan = hex(0x7dcfff), green = hex(0x9ece6a)
        let yellow = hex(0xe0af68), orange = hex(0xff9e64), red = hex(0xf7768e)
        let muted = hex(0x737aa2), ink = hex(0x1a1b26)
        let heat: [UInt32] = [0x3b6fd6, 0x5a8ae0, 0x7fa6e8, 0xa9c3ee, 0x565f89, 0xeeb0a9, 0xe88a7f, 0xe0645a, 0xd63b3b]
        var styles: [StyleKey: StyleSpec] = [
            .normal: StyleSpec(foreground),
            .border: StyleSpec(comment),
            .title: StyleSpec(blue, .terminalDefault, .bold),
            .heading: StyleSpec(purple, .terminalDefault, .bold),
            .selected: StyleSpec(ink, blue, .bold),
            .dim: StyleSpec(comment),
            .ok: StyleSpec(green),
            .running: StyleSpec(yellow),
            .failed: StyleSpec(red, .terminalDefault, .bold),
            .warning: StyleSpec(orange),
            .excluded: StyleSpec(muted, .terminalDefault, .dim),
            .key: StyleSpec(cyan, .terminalDefault, .bold),
        ]
        for level in -4...4 { styles[StyleKey(.heat(level: level))] = StyleSpec(hex(heat[level + 4])) }
        return styles
    }()
}
