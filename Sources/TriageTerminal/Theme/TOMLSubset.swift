/// A value in the TOML subset that theme files use.
public enum TOMLValue: Equatable, Sendable {
    case string(String)
    case integer(Int)
    case boolean(Bool)
    case array([TOMLValue])
}

/// A `key = value` line, with its line number for error messages.
public struct TOMLEntry: Equatable, Sendable {
    public var value: TOMLValue
    public var line: Int
}

/// The entries under one `[header]` (or before the first header: the root table, path "").
public struct TOMLTable: Equatable, Sendable {
    /// The line of the `[header]`, 0 for the root table.
    public var line: Int
    public var entries: [String: TOMLEntry] = [:]
    /// Keys in file order, so errors are reported top to bottom.
    public var keys: [String] = []
}

/// A parsed file in the TOML subset themes need — `[table]` and `[dotted.table]` headers,
/// `key = "string" | 'literal' | integer | true | false | [one-line array]`, `#` comments — and
/// nothing else, so the package needs no TOML dependency. Anything outside the subset is an
/// error naming the line, never silently misread.
public struct TOMLDocument: Equatable, Sendable {
    /// Tables by dotted path ("" is the root table).
    public var tables: [String: TOMLTable]
    /// Table paths in file order.
    public var order: [String]

    /// Parses `text`; `file` only labels errors.
    public static func parse(_ text: String, file: String) throws(ThemeFileError) -> TOMLDocument {
        var document = TOMLDocument(tables: ["": TOMLTable(line: 0)], order: [""])
        var current = ""
        // "\r\n" is one Character in Swift, so both line endings are split on explicitly.
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        for (offset, rawLine) in lines.enumerated() {
            let number = offset + 1
            var scanner = LineScanner(rawLine, file: file, line: number)
            scanner.skipSpaces()
            if scanner.atEndOrComment { continue }
            if scanner.peek == "[" {
                let path = try scanner.tableHeader()
                if let existing = document.tables[path] {
                    throw scanner.error("table [\(path)] is defined twice (first on line \(existing.line))")
                }
                document.tables[path] = TOMLTable(line: number)
                document.order.append(path)
                current = path
            } else {
                let key = try scanner.key()
                if scanner.peek == "." { throw scanner.error("dotted keys are not supported; use a [table] header") }
                scanner.skipSpaces()
                guard scanner.take("=") else { throw scanner.error("expected '=' after key '\(key)'") }
                scanner.skipSpaces()
                let value = try scanner.value()
                try scanner.expectEndOfLine()
                if let existing = document.tables[current]!.entries[key] {
                    throw scanner.error("duplicate key '\(key)' (first set on line \(existing.line))")
                }
                document.tables[current]!.entries[key] = TOMLEntry(value: value, line: number)
                document.tables[current]!.keys.append(key)
            }
        }
        return document
    }
}

/// Reads one line character by character.
private struct LineScanner {
    private let characters: [Character]
    private var index = 0
    let file: String
    let line: Int

    init(_ text: Substring, file: String, line: Int) {
        characters = Array(text)
        self.file = file
        self.line = line
    }

    var peek: Character? { index < characters.count ? characters[index] : nil }
    var atEndOrComment: Bool { peek == nil || peek == "#" }

    func error(_ reason: String) -> ThemeFileError { ThemeFileError(file: file, line: line, reason: reason) }

    mutating func skipSpaces() { while peek == " " || peek == "\t" { index += 1 } }

    mutating func take(_ character: Character) -> Bool {
        guard peek == character else { return false }
        index += 1
        return true
    }

    mutating func expectEndOfLine() throws(ThemeFileError) {
        skipSpaces()
        guard atEndOrComment else { throw error("unexpected text after the value: '\(String(characters[index...]))'") }
    }

    /// `[a.b."c d"]`, returned as `a.b.c d`.
    mutating func tableHeader() throws(ThemeFileError) -> String {
        _ = take("[")
        if peek == "[" { throw error("arrays of tables ([[...]]) are not supported") }
        var parts: [String] = []
        repeat {
            skipSpaces()
            parts.append(try key())
            skipSpaces()
        } while take(".")
        guard take("]") else { throw error("expected ']' to close the table header") }
        try expectEndOfLine()
        return parts.joined(separator: ".")
    }

    /// A bare key (`A-Za-z0-9_-`) or a quoted one.
    mutating func key() throws(ThemeFileError) -> String {
        if peek == "\"" { return try basicString() }
        if peek == "'" { return try literalString() }
        let start = index
        while let c = peek, c.isASCII, c.isLetter || c.isNumber || c == "_" || c == "-" { index += 1 }
        guard index > start else { throw error("expected a key, found '\(peek.map(String.init) ?? "end of line")'") }
        return String(characters[start..<index])
    }

    mutating func value() throws(ThemeFileError) -> TOMLValue {
        switch peek {
        case "\"": return .string(try basicString())
        case "'": return .string(try literalString())
        case "[": return .array(try array())
        case "{": throw error("inline tables are not supported; use a [table] header")
        case let c? where c.isNumber || c == "+" || c == "-": return .integer(try integer())
        default:
            let start = index
            while let c = peek, c.isLetter { index += 1 }
            switch String(characters[start..<index]) {
            case "true": return .boolean(true)
            case "false": return .boolean(false)
            default:
                throw error("expected a value: a \"string\", an integer, true, false or an [array]")
            }
        }
    }

    private mutating func array() throws(ThemeFileError) -> [TOMLValue] {
        _ = take("[")
        var values: [TOMLValue] = []
        while true {
            skipSpaces()
            if take("]") { return values }
            if peek == nil { throw error("unterminated array (arrays must fit on one line)") }
            values.append(try value())
            skipSpaces()
            if take(",") { continue }
            guard take("]") else {
                throw error(peek == nil ? "unterminated array (arrays must fit on one line)" : "expected ',' or ']' in array")
            }
            return values
        }
    }

    private mutating func integer() throws(ThemeFileError) -> Int {
        let start = index
        if peek == "+" || peek == "-" { index += 1 }
        while let c = peek, c.isNumber || c.isLetter || c == "_" || c == "." { index += 1 }
        let text = String(characters[start..<index])
        if text.contains(".") { throw error("floating-point numbers are not supported: '\(text)'") }
        guard !text.hasPrefix("_"), !text.hasSuffix("_"), !text.contains("__"),
            let value = Int(String(text.filter { $0 != "_" }))
        else { throw error("not an integer: '\(text)'") }
        return value
    }

    private mutating func basicString() throws(ThemeFileError) -> String {
        _ = take("\"")
        var result = ""
        while let c = peek {
            index += 1
            switch c {
            case "\"": return result
            case "\\":
                guard let escaped = peek else { break }
                index += 1
                switch escaped {
                case "\"": result.append("\"")
                case "\\": result.append("\\")
                case "n": result.append("\n")
                case "t": result.append("\t")
                case "r": result.append("\r")
                case "u", "U":
                    let count = escaped == "u" ? 4 : 8
                    let digits = String(characters[index..<min(characters.count, index + count)])
                    guard digits.count == count, let code = UInt32(digits, radix: 16), let scalar = Unicode.Scalar(code) else {
                        throw error("bad \\\(escaped) escape in string")
                    }
                    index += count
                    result.unicodeScalars.append(scalar)
                default: throw error("unknown escape '\\\(escaped)' in string")
                }
            default: result.append(c)
            }
        }
        throw error("unterminated string")
    }

    private mutating func literalString() throws(ThemeFileError) -> String {
        _ = take("'")
        let start = index
        while let c = peek {
            index += 1
            if c == "'" { return String(characters[start..<(index - 1)]) }
        }
        throw error("unterminated string")
    }
}

extension TOMLValue: CustomStringConvertible {
    /// The value as it would be written in the file, for error messages.
    public var description: String {
        switch self {
        case .string(let text): "\"\(text)\""
        case .integer(let value): "\(value)"
        case .boolean(let value): "\(value)"
        case .array(let values): "[" + values.map(\.description).joined(separator: ", ") + "]"
        }
    }
}
