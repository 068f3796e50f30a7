import Foundation

/// Finds the theme to use: `--theme NAME|PATH`, else `MXTRIAGE_THEME`, else `dark`; a name is
/// looked up as `NAME.toml` in ``searchDirectories`` in order. No file is ever required: without
/// one the built-in dark theme is used and a warning says why.
public struct ThemeLocator: Sendable {
    /// Directories searched for `NAME.toml`, first match wins.
    public var searchDirectories: [URL]

    public init(searchDirectories: [URL]) {
        self.searchDirectories = searchDirectories
    }

    /// The environment variable naming a theme when `--theme` is not given.
    public static let environmentVariable = "MXTRIAGE_THEME"

    /// The standard search path for an executable at `executable` (default: this process):
    /// the first `themes/` directory found walking up from the executable (the repository root
    /// for a development build in `.build/debug`), `<prefix>/share/mxtriage/themes` for an
    /// executable installed in `<prefix>/bin`, then `/usr/share/mxtriage/themes`.
    public static func standard(executable: URL? = nil) -> ThemeLocator {
        let fileManager = FileManager.default
        let binary = (executable ?? currentExecutable()).resolvingSymlinksInPath()
        var directories: [URL] = []
        var directory = binary.deletingLastPathComponent()
        while true {
            let candidate = directory.appendingPathComponent("themes")
            var isDirectory: ObjCBool = false
            if fileManager.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue {
                directories.append(candidate)
                break
            }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { break }
            directory = parent
        }
        let prefix = binary.deletingLastPathComponent().deletingLastPathComponent()
        directories.append(prefix.appendingPathComponent("share/mxtriage/themes"))
        directories.append(URL(fileURLWithPath: "/usr/share/mxtriage/themes"))
        return ThemeLocator(searchDirectories: directories)
    }

    /// The running executable: `/proc/self/exe` on Linux, else `argv[0]`.
    private static func currentExecutable() -> URL {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path)
        }
        return URL(fileURLWithPath: CommandLine.arguments.first ?? ".")
    }

    /// The chosen theme, where it came from, and anything the user should be told.
    public struct Selection: Sendable {
        public var theme: Theme
        /// The file it was read from; nil for the built-in theme.
        public var file: URL?
        /// One line each, for stderr before the UI starts.
        public var warnings: [String]
    }

    /// `NAME.toml` in the first search directory that has it.
    public func find(name: String) -> URL? {
        searchDirectories.map { $0.appendingPathComponent(name + ".toml") }
            .first { FileManager.default.isReadableFile(atPath: $0.path) }
    }

    /// Chooses the theme for `--theme` value `option` (nil when not given) and `environment`.
    ///
    /// A theme the user named explicitly (option or environment) that fails to parse throws, so
    /// the mistake is seen; the implicit default falls back to the built-in theme with a warning.
    /// A theme that cannot be found never throws.
    public func select(option: String?, environment: [String: String]) throws(ThemeFileError) -> Selection {
        let request = option ?? environment[Self.environmentVariable].flatMap { $0.isEmpty ? nil : $0 }
        let name = request ?? Theme.defaultName
        let origin = option != nil ? "--theme" : Self.environmentVariable
        let file: URL?
        if name.contains("/") || name.hasSuffix(".toml") {
            let url = URL(fileURLWithPath: name)
            file = FileManager.default.isReadableFile(atPath: url.path) ? url : nil
        } else {
            file = find(name: name)
        }
        guard let file else {
            let warning = request == nil
                ? nil
                : "\(origin): theme '\(name)' not found (searched \(searchDirectories.map(\.path).joined(separator: ", "))); using the built-in dark theme"
            return Selection(theme: .builtinDark, file: nil, warnings: warning.map { [$0] } ?? [])
        }
        do {
            return Selection(theme: try Theme.load(contentsOf: file), file: file, warnings: [])
        } catch {
            if request != nil { throw error }
            return Selection(theme: .builtinDark, file: nil, warnings: ["\(error); using the built-in dark theme"])
        }
    }
}
