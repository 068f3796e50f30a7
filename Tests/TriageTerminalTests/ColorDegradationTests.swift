import Testing

@testable import TriageTerminal

@Suite struct ColorDegradationTests {
    @Test func depthFromTheTerminal() {
        #expect(ColorDepth.detect(hasColors: true, colors: 256, noColor: false) == .xterm256)
        #expect(ColorDepth.detect(hasColors: true, colors: 16_777_216, noColor: false) == .xterm256)
        #expect(ColorDepth.detect(hasColors: true, colors: 88, noColor: false) == .basic16)
        #expect(ColorDepth.detect(hasColors: true, colors: 16, noColor: false) == .basic16)
        #expect(ColorDepth.detect(hasColors: true, colors: 8, noColor: false) == .basic8)
        #expect(ColorDepth.detect(hasColors: false, colors: 256, noColor: false) == .monochrome)
        #expect(ColorDepth.detect(hasColors: true, colors: 256, noColor: true) == .monochrome)
    }

    @Test func rgbBecomesTheNearestXterm256Index() {
        let depth = ColorDepth.xterm256
        #expect(depth.terminalColor(.rgb(0x5f, 0x87, 0xaf)) == 67)  // exact cube entry
        #expect(depth.terminalColor(.rgb(0x80, 0x80, 0x80)) == 244)  // exact grey-ramp entry
        #expect(depth.terminalColor(.rgb(0x5e, 0x88, 0xb0)) == 67)  // near miss snaps to the cube
        #expect(depth.terminalColor(.rgb(0, 0, 0)) == 16)  // 0…15 are user-defined, never chosen for rgb
        #expect(depth.terminalColor(.indexed(200)) == 200)
        #expect(depth.terminalColor(.basic(9)) == 9)
        #expect(depth.terminalColor(.terminalDefault) == -1)
    }

    @Test func sixteenColours() {
        let depth = ColorDepth.basic16
        #expect(depth.terminalColor(.rgb(255, 0, 0)) == 9)
        #expect(depth.terminalColor(.rgb(0xcd, 0, 0)) == 1)
        #expect(depth.terminalColor(.rgb(0xc0, 0xca, 0xf5)) == 7)  // dark theme's text: light grey, not bright white
        #expect(depth.terminalColor(.rgb(0x1a, 0x1b, 0x26)) == 0)
        #expect(depth.terminalColor(.indexed(67)) == 4)  // steel blue → blue
        #expect(depth.terminalColor(.rgb(0xf7, 0x76, 0x8e)) == 9)  // pastel "failed" red stays red, not white
        #expect(depth.terminalColor(.rgb(0x7a, 0xa2, 0xf7)) == 12)  // light blue → bright blue
        #expect(depth.terminalColor(.rgb(0x56, 0x5f, 0x89)) == 4)  // muted blue-grey keeps its hue
        #expect(depth.terminalColor(.rgb(0x80, 0x80, 0x80)) == 8)  // grey by lightness
        #expect(depth.terminalColor(.rgb(0xff, 0xff, 0xff)) == 15)
        #expect(depth.terminalColor(.indexed(12)) == 12)
        #expect(depth.terminalColor(.basic(14)) == 14)
        #expect(depth.terminalColor(.terminalDefault) == -1)
    }

    @Test func eightColours() {
        let depth = ColorDepth.basic8
        #expect(depth.terminalColor(.basic(9)) == 1)  // bright red → red
        #expect(depth.terminalColor(.indexed(15)) == 7)
        #expect(depth.terminalColor(.rgb(255, 0, 0)) == 1)
        #expect(depth.terminalColor(.indexed(67)) == 4)
        #expect(depth.terminalColor(.rgb(0xf7, 0x76, 0x8e)) == 1)
        #expect(depth.terminalColor(.rgb(0x3b, 0xa0, 0x3b)) == 2)
        #expect(depth.terminalColor(.rgb(0xc0, 0xca, 0xf5)) == 7)
        #expect(depth.terminalColor(.rgb(0x1a, 0x1b, 0x26)) == 0)
        #expect(depth.terminalColor(.terminalDefault) == -1)
    }

    @Test func monochromeHasNoColours() {
        #expect(ColorDepth.monochrome.terminalColor(.rgb(255, 0, 0)) == nil)
        #expect(ColorDepth.monochrome.terminalColor(.terminalDefault) == nil)
    }

    @Test func paletteSharesPairsBetweenStylesWithTheSameColours() {
        let palette = TerminalPalette(theme: .builtinDark, depth: .xterm256)
        // border, dim and heat_0 are all "comment" on the default background.
        #expect(palette.pairNumber(.border) == palette.pairNumber(.dim))
        #expect(palette.pairNumber(.border) == palette.pairNumber(.heat0))
        #expect(palette.pairNumber(.border) != palette.pairNumber(.selected))
        #expect(Set(StyleKey.allCases.map(palette.pairNumber)).count == palette.pairs.count)
        #expect(palette.pairs.allSatisfy { $0.foreground >= -1 && $0.foreground < 256 && $0.background < 256 })
        let selected = palette[.selected]
        #expect(palette.pairs[palette.pairNumber(.selected) - 1] == .init(foreground: selected.foreground, background: selected.background))
        #expect(selected.attributes == .bold)
    }

    @Test func withoutDefaultColoursTheTerminalDefaultsBecomeWhiteOnBlack() {
        let palette = TerminalPalette(theme: .builtinDark, depth: .basic8, defaultColors: false)
        #expect(palette[.normal].background == 0)
        #expect(palette[.normal].foreground == 7)
        #expect(palette.pairs.allSatisfy { $0.foreground >= 0 && $0.background >= 0 })
    }

    @Test func monochromeKeepsMeaningInAttributes() {
        let palette = TerminalPalette(theme: .builtinDark, depth: .monochrome)
        #expect(palette.pairs.isEmpty)
        #expect(StyleKey.allCases.allSatisfy { palette.pairNumber($0) == 0 })
        #expect(palette[.selected].attributes.contains(.reverse))
        #expect(palette[.failed].attributes.contains(.bold))
        #expect(palette[.excluded].attributes.contains(.dim))
        // Heat cells are told apart by their glyphs (░▒▓█) alone.
        for level in -4...4 { #expect(palette[StyleKey(.heat(level: level))].attributes == []) }
        #expect(palette[.normal].attributes == [])
    }
}
