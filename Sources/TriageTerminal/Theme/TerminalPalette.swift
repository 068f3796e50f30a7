/// A style as one terminal will show it: curses colour numbers (−1 = terminal default) and
/// attributes.
public struct TerminalStyle: Hashable, Sendable {
    public var foreground: Int
    public var background: Int
    public var attributes: ThemeAttributes
}

/// A theme resolved for one terminal: every style degraded to the terminal's ``ColorDepth`` and
/// given a colour pair. Pure data, so the degradation rules are tested without a terminal; the
/// curses backend only calls `init_pair` for each entry of ``pairs``.
public struct TerminalPalette: Equatable, Sendable {
    public let depth: ColorDepth
    public private(set) var styles: [StyleKey: TerminalStyle] = [:]
    /// Colour pairs to initialise: pair number `i + 1` is `pairs[i]`. Pair 0 is the terminal's
    /// default pair and is used for default-on-default.
    public private(set) var pairs: [ColorPairSpec] = []
    private var pairNumbers: [StyleKey: Int] = [:]

    /// A (foreground, background) pair of curses colour numbers.
    public struct ColorPairSpec: Hashable, Sendable {
        public var foreground: Int
        public var background: Int
    }

    /// Attributes that carry the meaning when there is no colour: the selection stays visible,
    /// failures stand out, heat cells rely on their glyphs.
    public static let monochromeAttributes: [StyleKey: ThemeAttributes] = [
        .selected: .reverse, .failed: .bold, .title: .bold, .heading: .underline, .key: .bold,
        .warning: .underline, .dim: .dim, .excluded: .dim,
    ]

    /// - Parameter defaultColors: whether `use_default_colors()` succeeded, so −1 may be used;
    ///   if not, the default foreground becomes white (7) and the default background black (0).
    public init(theme: Theme, depth: ColorDepth, defaultColors: Bool = true) {
        self.depth = depth
        for key in StyleKey.allCases {
            let spec = theme[key]
            guard var foreground = depth.terminalColor(spec.foreground), var background = depth.terminalColor(spec.background)
            else {
                styles[key] = TerminalStyle(
                    foreground: -1, background: -1,
                    attributes: spec.attributes.union(Self.monochromeAttributes[key] ?? []))
                pairNumbers[key] = 0
                continue
            }
            if !defaultColors {
                if foreground < 0 { foreground = 7 }
                if background < 0 { background = 0 }
            }
            styles[key] = TerminalStyle(foreground: foreground, background: background, attributes: spec.attributes)
            if foreground < 0 && background < 0 {
                pairNumbers[key] = 0
                continue
            }
            let pair = ColorPairSpec(foreground: foreground, background: background)
            if let existing = pairs.firstIndex(of: pair) {
                pairNumbers[key] = existing + 1
            } else {
                pairs.append(pair)
                pairNumbers[key] = pairs.count
            }
        }
    }

    public subscript(key: StyleKey) -> TerminalStyle { styles[key]! }

    /// The colour pair number for `key` (0 in monochrome).
    public func pairNumber(_ key: StyleKey) -> Int { pairNumbers[key] ?? 0 }
}
