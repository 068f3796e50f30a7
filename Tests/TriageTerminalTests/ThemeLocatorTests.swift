import Foundation
import MXTestSupport
import Testing

@testable import TriageTerminal

@Suite struct ThemeLocatorTests {
    /// A temporary directory with `themes/` holding the given files, removed after `body`.
    private func withThemes(_ files: [String: String], _ body: (URL) throws -> Void) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("mxtriage-themes-\(UUID().uuidString)")
        let themes = root.appendingPathComponent("themes")
        try FileManager.default.createDirectory(at: themes, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        for (name, text) in files { try text.write(to: themes.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        try body(root)
    }

    private let green = "name = \"green\"\n[styles.normal]\nfg = \"green\"\n"
    private let blue = "name = \"blue\"\n[styles.normal]\nfg = \"blue\"\n"

    @Test func optionBeatsEnvironmentBeatsDefault() throws {
        try withThemes(["green.toml": green, "blue.toml": blue, "dark.toml": "name = \"file-dark\""]) { root in
            let locator = ThemeLocator(searchDirectories: [root.appendingPathComponent("themes")])
            let environment = [ThemeLocator.environmentVariable: "blue"]
            #expect(try locator.select(option: "green", environment: environment).theme.name == "green")
            #expect(try locator.select(option: nil, environment: environment).theme.name == "blue")
            let fallback = try locator.select(option: nil, environment: [ThemeLocator.environmentVariable: ""])
            #expect(fallback.theme.name == "file-dark")
            #expect(fallback.file?.lastPathComponent == "dark.toml")
        }
    }

    @Test func aPathIsReadDirectly() throws {
        try withThemes(["green.toml": green]) { root in
            let path = root.appendingPathComponent("themes/green.toml").path
            let selection = try ThemeLocator(searchDirectories: []).select(option: path, environment: [:])
            #expect(selection.theme[.normal].foreground == .basic(2))
            #expect(selection.warnings.isEmpty)
        }
    }

    @Test func noFileMeansTheBuiltInThemeNeverAnError() throws {
        let locator = ThemeLocator(searchDirectories: [URL(fileURLWithPath: "/nonexistent")])
        let implicit = try locator.select(option: nil, environment: [:])
        #expect(implicit.theme == .builtinDark)
        #expect(implicit.file == nil)
        #expect(implicit.warnings.isEmpty)
        let named = try locator.select(option: "solarized", environment: [:])
        #expect(named.theme == .builtinDark)
        #expect(named.warnings.count == 1)
        #expect(named.warnings[0].hasPrefix("--theme: theme 'solarized' not found"))
    }

    @Test func aBrokenThemeTheUserAskedForIsAnErrorButTheDefaultOneIsNot() throws {
        try withThemes(["broken.toml": "[styles.ok]\nfg = \"mauve\"\n", "dark.toml": "oops"]) { root in
            let locator = ThemeLocator(searchDirectories: [root.appendingPathComponent("themes")])
            #expect(throws: ThemeFileError.self) {
                try locator.select(option: nil, environment: [ThemeLocator.environmentVariable: "broken"])
            }
            let fallback = try locator.select(option: nil, environment: [:])
            #expect(fallback.theme == .builtinDark)
            #expect(fallback.warnings.count == 1)
            #expect(fallback.warnings[0].contains("dark.toml:1: "))
        }
    }

    @Test func standardSearchWalksUpFromTheExecutable() throws {
        try withThemes([:]) { root in
            let executable = root.appendingPathComponent(".build/debug/mxtriage")
            try FileManager.default.createDirectory(at: executable.deletingLastPathComponent(), withIntermediateDirectories: true)
            let directories = ThemeLocator.standard(executable: executable).searchDirectories
            #expect(directories.first?.resolvingSymlinksInPath().path == root.appendingPathComponent("themes").resolvingSymlinksInPath().path)
            #expect(directories.last?.path == "/usr/share/mxtriage/themes")
        }
    }

    /// This test binary lives under the checkout's build directory, so the shipped themes are found.
    @Test func theRepositoryThemesAreFoundFromTheTestBinary() throws {
        let locator = ThemeLocator.standard()
        let dark = try #require(locator.find(name: "dark"))
        #expect(dark.resolvingSymlinksInPath().path
            == TestData.repositoryRoot.appendingPathComponent("themes/dark.toml").resolvingSymlinksInPath().path)
        #expect(locator.find(name: "high-contrast") != nil)
    }
}
