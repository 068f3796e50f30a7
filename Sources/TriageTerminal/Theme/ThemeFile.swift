import Foundation

/// Theme files: `themes/NAME.toml`, k9s-style — colours named once in `[palette]`, then one
/// `[styles.<style>]` table per semantic style with `fg`, `bg` and `attrs`:
///
/// ```toml
/// name = "dark"
/// [palette]
/// blue = "#7aa2f7"          # or 0…255, or a basic name: red, bright_cyan, default …
/// [styles.selected]
/// fg = "#1a1b26"
/// bg = "blue"               # a palette name, or any colour written as in [palette]
/// attrs = ["bold"]          # bold, reverse, underline, dim
/// ```
///
/// Anything a file leaves out keeps the built-in dark value (btop's fallback rule); anything it
/// gets wrong is an error naming the line.
extension Theme {
    /// Reads and parses the theme file at `url`.
    public static func load(contentsOf url: URL) throws(ThemeFileError) -> Theme {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ThemeFileError(file: url.path, line: 0, reason: "cannot read the theme file (\(error.localizedDescription))")
        }
        return try parse(text, file: url.path, defaultName: url.deletingPathExtension().lastPathComponent)
    }

    /// Parses theme text; `file` labels errors, `defaultName` is used when there is no `name` key.
    public static func parse(_ text: String, file: String, defaultName: String) throws(ThemeFileError) -> Theme {
        let document = try TOMLDocument.parse(text, file: file)
        func fail(_ line: Int, _ reason: String) -> ThemeFileError { ThemeFileError(file: file, line: line, reason: reason) }

        var theme = Theme(name: defaultName)
        let root = document.tables[""]!
        for key in root.keys {
            let entry = root.entries[key]!
            switch (key, entry.value) {
            case ("name", .string(let name)): theme.name = name
            case ("description", .string): break
            case ("name", _), ("description", _): throw fail(entry.line, "'\(key)' must be a string")
            default: throw fail(entry.line, "unknown key '\(key)' (expected name, description or a [table])")
            }
        }

        var palette: [String: ThemeColor] = [:]
        if let table = document.tables["palette"] {
            for key in table.keys {
                let entry = table.entries[key]!
                guard let color = literalColor(entry.value) else {
                    throw fail(entry.line, "bad colour for palette entry '\(key)' (\(colorHelp))")
                }
                palette[key] = color
            }
        }

        let styleNames = StyleKey.allCases.map(\.rawValue).joined(separator: ", ")
        for path in document.order where path != "" && path != "palette" {
            let table = document.tables[path]!
            if path == "styles" {
                if let first = table.keys.first {
                    throw fail(table.entries[first]!.line, "put '\(first)' in a [styles.<style>] table")
                }
                continue
            }
            guard path.hasPrefix("styles."), let key = StyleKey(rawValue: String(path.dropFirst("styles.".count))) else {
                let reason = path.hasPrefix("styles.")
                    ? "unknown style '\(path.dropFirst("styles.".count))' (styles are \(styleNames))"
                    : "unknown table [\(path)] (expected [palette] or [styles.<style>])"
                throw fail(table.line, reason)
            }
            var spec = theme[key]
            for name in table.keys {
                let entry = table.entries[name]!
                switch name {
                case "fg", "bg":
                    let color: ThemeColor?
                    if case .string(let text) = entry.value, let named = palette[text] {
                        color = named
                    } else {
                        color = literalColor(entry.value)
                    }
                    guard let color else {
                        throw fail(entry.line, "bad colour for '\(name)' of style '\(key.rawValue)' (a palette name, or \(colorHelp))")
                    }
                    if name == "fg" { spec.foreground = color } else { spec.background = color }
                case "attrs":
                    spec.attributes = try attributes(entry, fail: fail)
                default:
                    throw fail(entry.line, "unknown key '\(name)' in [\(path)] (expected fg, bg, attrs)")
                }
            }
            theme[key] = spec
        }
        return theme
    }

    private static let colorHelp = "expected \"#rrggbb\", 0…255, a basic colour name such as \"bright_red\", or \"default\""

    /// A colour written out in full, not through the palette.
    private static func literalColor(_ value: TOMLValue) -> ThemeColor? {
        switch value {
        case .string(let text): ThemeColor(name: text)
        case .integer(let index) where (0...255).contains(index): .indexed(index)
        default: nil
        }
    }

    private static func attributes(
        _ entry: TOMLEntry, fail: (Int, String) -> ThemeFileError
    ) throws(ThemeFileError) -> ThemeAttributes {
        let known = ThemeAttributes.named.map(\.name).joined(separator: ", ")
        guard case .array(let values) = entry.value else {
            throw fail(entry.line, "'attrs' must be an array such as [\"bold\"] (known: \(known))")
        }
        var result: ThemeAttributes = []
        for value in values {
            guard case .string(let name) = value, let attribute = ThemeAttributes.named.first(where: { $0.name == name }) else {
                throw fail(entry.line, "unknown attribute \(value) (known: \(known))")
            }
            result.insert(attribute.attribute)
        }
        return result
    }
}
