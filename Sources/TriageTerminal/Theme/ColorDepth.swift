/// How many colours the terminal can show, and so how theme colours degrade: 24-bit colours
/// become the nearest xterm-256 index, or the basic colour of the nearest hue on 16- and
/// 8-colour terminals, and with `NO_COLOR` or a terminal without colour only attributes remain.
public enum ColorDepth: Equatable, Sendable {
    case monochrome
    case basic8
    case basic16
    case xterm256

    /// The depth for a terminal reporting `colors` colours; `noColor` is true when the
    /// `NO_COLOR` environment variable is set to anything (no-color.org).
    public static func detect(hasColors: Bool, colors: Int, noColor: Bool) -> ColorDepth {
        if noColor || !hasColors || colors < 8 { return .monochrome }
        if colors >= 256 { return .xterm256 }
        return colors >= 16 ? .basic16 : .basic8
    }

    /// The curses colour number for `color`: −1 for the terminal default, nil in monochrome.
    public func terminalColor(_ color: ThemeColor) -> Int? {
        switch (self, color) {
        case (.monochrome, _): nil
        case (_, .terminalDefault): -1
        case (.xterm256, .basic(let index)), (.xterm256, .indexed(let index)): index
        case (.xterm256, .rgb(let r, let g, let b)): Self.nearest(to: (r, g, b), among: 16...255)
        case (.basic16, .basic(let index)): index
        case (.basic16, .indexed(let index)) where index < 16: index
        case (.basic8, .basic(let index)): index % 8
        case (.basic8, .indexed(let index)) where index < 16: index % 8
        case (.basic16, _): Self.basic(for: color.rgb, bright: true)
        case (.basic8, _): Self.basic(for: color.rgb, bright: false)
        }
    }

    /// The basic colour for `rgb`, chosen by hue rather than by distance: the basic colours
    /// are few and fully saturated, so by distance a pastel red (#f7768e, a theme's "failed")
    /// lands on white and loses its meaning. Greys go by lightness; colours by the nearest of
    /// the six hues, bright (8…15) when `bright` is allowed and the colour is light.
    static func basic(for rgb: (UInt8, UInt8, UInt8), bright: Bool) -> Int {
        let r = Double(rgb.0) / 255, g = Double(rgb.1) / 255, b = Double(rgb.2) / 255
        let maximum = max(r, g, b), minimum = min(r, g, b)
        let saturation = maximum == 0 ? 0 : (maximum - minimum) / maximum
        if saturation < 0.3 || maximum < 0.25 {
            let lightness = (r + g + b) / 3
            if !bright { return lightness < 0.5 ? 0 : 7 }
            return lightness < 0.2 ? 0 : lightness < 0.55 ? 8 : lightness < 0.9 ? 7 : 15
        }
        let delta = maximum - minimum
        var hue: Double
        if maximum == r {
            hue = 60 * ((g - b) / delta)
        } else if maximum == g {
            hue = 60 * (2 + (b - r) / delta)
        } else {
            hue = 60 * (4 + (r - g) / delta)
        }
        if hue < 0 { hue += 360 }
        // Sectors of 60° centred on red, yellow, green, cyan, blue, magenta.
        let base = [1, 3, 2, 6, 4, 5][Int((hue + 30) / 60) % 6]
        return bright && maximum > 0.85 ? base + 8 : base
    }

    /// The xterm colour in `candidates` closest to `rgb` by the "redmean" weighted distance,
    /// which tracks perceived difference far better than plain RGB distance at no cost.
    static func nearest(to rgb: (UInt8, UInt8, UInt8), among candidates: ClosedRange<Int>) -> Int {
        func distance(_ a: (UInt8, UInt8, UInt8), _ b: (UInt8, UInt8, UInt8)) -> Double {
            let meanRed = (Double(a.0) + Double(b.0)) / 2
            let dr = Double(a.0) - Double(b.0), dg = Double(a.1) - Double(b.1), db = Double(a.2) - Double(b.2)
            return (2 + meanRed / 256) * dr * dr + 4 * dg * dg + (2 + (255 - meanRed) / 256) * db * db
        }
        return candidates.min { distance(rgb, ThemeColor.xtermRGB($0)) < distance(rgb, ThemeColor.xtermRGB($1)) }!
    }
}

extension ThemeColor {
    /// The colour's RGB value; basic and indexed colours use xterm's default palette.
    public var rgb: (UInt8, UInt8, UInt8) {
        switch self {
        case .terminalDefault: (0, 0, 0)
        case .basic(let index), .indexed(let index): Self.xtermRGB(index)
        case .rgb(let r, let g, let b): (r, g, b)
        }
    }

    /// xterm's default RGB for colour `index` 0…255: 16 basic colours, a 6×6×6 cube, 24 greys.
    static func xtermRGB(_ index: Int) -> (UInt8, UInt8, UInt8) {
        switch index {
        case 0..<16: return basicRGB[index]
        case 16..<232:
            let levels: [UInt8] = [0, 95, 135, 175, 215, 255]
            let cube = index - 16
            return (levels[cube / 36], levels[(cube / 6) % 6], levels[cube % 6])
        default:
            let grey = UInt8(8 + 10 * (min(255, max(232, index)) - 232))
            return (grey, grey, grey)
        }
    }

    private static let basicRGB: [(UInt8, UInt8, UInt8)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]
}
