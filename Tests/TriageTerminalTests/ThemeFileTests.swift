import Foundation
import MXTestSupport
import Testing
import TriageUI

@testable import TriageTerminal

@Suite struct ThemeFileTests {
    static let themes = TestData.repositoryRoot.appendingPathComponent("themes")

    @Test(arguments: ["dark", "light", "high-contrast"])
    func shippedThemesParse(name: String) throws {
        let theme = try Theme.load(contentsOf: Self.themes.appendingPathComponent("\(name).toml"))
        #expect(theme.name == name)
        #expect(theme.styles.count == StyleKey.allCases.count)
    }

    /// The compiled-in fallback and the shipped default file must not drift apart.
    @Test func darkFileEqualsTheBuiltInDefaults() throws {
        let dark = try Theme.load(contentsOf: Self.themes.appendingPathComponent("dark.toml"))
        for key in StyleKey.allCases {
            #expect(dark[key] == Theme.builtinDark[key], "style \(key.rawValue)")
        }
        #expect(dark.name == Theme.builtinDark.name)
    }

    @Test func lightAndHighContrastReallyDiffer() throws {
        let light = try Theme.load(contentsOf: Self.themes.appendingPathComponent("light.toml"))
        let contrast = try Theme.load(contentsOf: Self.themes.appendingPathComponent("high-contrast.toml"))
        #expect(light[.normal].foreground == .rgb(0x34, 0x3b, 0x58))
        #expect(contrast[.selected] == StyleSpec(.terminalDefault, .terminalDefault, [.reverse, .bold]))
        #expect(contrast[.failed].foreground == .basic(9))
    }

    @Test func missingEntriesFallBackToTheBuiltInDefaults() throws {
        let theme = try Theme.parse(
            """
            [palette]
            accent = 208
            [styles.title]
            fg = "accent"
            """, file: "partial.toml", defaultName: "partial")
        #expect(theme.name == "partial")
        // fg overridden through the palette; bg and attrs keep the built-in values.
        #expect(theme[.title] == StyleSpec(.indexed(208), .terminalDefault, .bold))
        #expect(theme[.selected] == Theme.builtinDark[.selected])
        #expect(theme.spec(for: .heat(level: 9)) == Theme.builtinDark[.heatPos4])
    }

    @Test func colourForms() throws {
        let theme = try Theme.parse(
            """
            [styles.ok]
            fg = "Bright_Green"
            bg = 17
            [styles.failed]
            fg = "#FF0080"
            bg = "default"
            attrs = []
            """, file: "forms.toml", defaultName: "forms")
        #expect(theme[.ok].foreground == .basic(10))
        #expect(theme[.ok].background == .indexed(17))
        #expect(theme[.failed] == StyleSpec(.rgb(255, 0, 128), .terminalDefault, []))
    }

    @Test(arguments: [
        ("[styles.ok]\ncolour = \"red\"", 2, "unknown key 'colour' in [styles.ok] (expected fg, bg, attrs)"),
        ("[styles.ok]\nfg = \"#12345\"", 2,
         "bad colour for 'fg' of style 'ok' (a palette name, or expected \"#rrggbb\", 0…255, a basic colour name such as \"bright_red\", or \"default\")"),
        ("[palette]\nx = 256", 2,
         "bad colour for palette entry 'x' (expected \"#rrggbb\", 0…255, a basic colour name such as \"bright_red\", or \"default\")"),
        ("\n[styles.okay]", 2, "unknown style 'okay' (styles are \(StyleKey.allCases.map(\.rawValue).joined(separator: ", ")))"),
        ("[colours]", 1, "unknown table [colours] (expected [palette] or [styles.<style>])"),
        ("[styles]\nok = \"red\"", 2, "put 'ok' in a [styles.<style>] table"),
        ("[styles.key]\nattrs = [\"blink\"]", 2, "unknown attribute \"blink\" (known: bold, reverse, underline, dim)"),
        ("[styles.key]\nattrs = \"bold\"", 2, "'attrs' must be an array such as [\"bold\"] (known: bold, reverse, underline, dim)"),
        ("name = 3", 1, "'name' must be a string"),
        ("author = \"me\"", 1, "unknown key 'author' (expected name, description or a [table])"),
    ])
    func badThemesNameTheLine(text: String, line: Int, reason: String) {
        #expect(throws: ThemeFileError(file: "bad.toml", line: line, reason: reason)) {
            try Theme.parse(text, file: "bad.toml", defaultName: "bad")
        }
    }

    @Test func unreadableFileIsAnError() {
        let missing = URL(fileURLWithPath: "/nonexistent/theme.toml")
        #expect(throws: ThemeFileError.self) { try Theme.load(contentsOf: missing) }
    }
}
