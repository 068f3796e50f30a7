/// The MIME header that introduces a CBF binary section: how the pixels are packed, how many
/// bytes and values there are, and their digest.
///
/// ```
/// --CIF-BINARY-FORMAT-SECTION--
/// Content-Type: application/octet-stream;
///      conversions="x-CBF_BYTE_OFFSET"
/// X-Binary-Size: 6224107
/// Content-MD5: iGRmdGGUIqJyF2y7dyHbQg==
/// X-Binary-Number-of-Elements: 6224001
/// X-Binary-Size-Fastest-Dimension: 2463
/// X-Binary-Size-Second-Dimension: 2527
/// ```
public struct MIMEHeader: Sendable, Equatable {
    /// Every `Name: value` field, in file order, values trimmed.
    public let fields: [(name: String, value: String)]
    /// The `conversions` parameter of Content-Type, e.g. `x-CBF_BYTE_OFFSET`.
    public let conversions: String?

    public static func == (a: MIMEHeader, b: MIMEHeader) -> Bool {
        a.conversions == b.conversions && a.fields.elementsEqual(b.fields) { $0 == $1 }
    }

    /// The value of a field (case-insensitive name, as MIME prescribes).
    public func value(_ name: String) -> String? {
        let key = name.lowercased()
        return fields.first { $0.name.lowercased() == key }?.value
    }

    /// The byte count of the packed data (`X-Binary-Size`).
    public var binarySize: Int? { value("X-Binary-Size").flatMap { Int($0) } }
    public var elementCount: Int? { value("X-Binary-Number-of-Elements").flatMap { Int($0) } }
    public var fastDimension: Int? { value("X-Binary-Size-Fastest-Dimension").flatMap { Int($0) } }
    public var slowDimension: Int? { value("X-Binary-Size-Second-Dimension").flatMap { Int($0) } }
    public var thirdDimension: Int? { value("X-Binary-Size-Third-Dimension").flatMap { Int($0) } }
    /// Base64 MD5 of the packed bytes, when the writer recorded one.
    public var contentMD5: String? { value("Content-MD5") }
    public var elementType: String? { value("X-Binary-Element-Type").map { $0.trimmingQuotes } }
    public var byteOrder: String? { value("X-Binary-Element-Byte-Order") }

    /// Parses the header lines between the boundary and the binary start marker.
    init(lines: [String]) {
        var fields: [(String, String)] = []
        var conversions: String?
        for rawLine in lines {
            let line = rawLine.trimmingWhitespace
            if let eq = line.range(of: "conversions=") {
                conversions = String(line[eq.upperBound...]).trimmingQuotes
            }
            guard let colon = line.firstIndex(of: ":"), !line.hasPrefix("--") else { continue }
            let name = line[..<colon].trimmingWhitespace
            guard !name.isEmpty, !name.contains(" ") else { continue }
            fields.append((String(name), String(line[line.index(after: colon)...].trimmingWhitespace)))
        }
        self.fields = fields
        self.conversions = conversions
    }
}

extension StringProtocol where SubSequence == Substring {
    /// Without leading and trailing ASCII whitespace (space, tab, CR, LF, VT, FF).
    var trimmingWhitespace: Substring {
        let s = self[...]
        guard let first = s.firstIndex(where: { !$0.isASCIIWhitespace }) else { return s[s.endIndex...] }
        let last = s.lastIndex(where: { !$0.isASCIIWhitespace })!
        return s[first...last]
    }

    /// Without a trailing `;` and surrounding double quotes.
    var trimmingQuotes: String {
        var s = String(trimmingWhitespace)
        if s.hasSuffix(";") { s.removeLast() }
        if s.count >= 2, s.hasPrefix("\""), s.hasSuffix("\"") { s = String(s.dropFirst().dropLast()) }
        return s
    }
}

extension Character {
    /// The characters Python's `str.split()` treats as separators within ASCII.
    var isASCIIWhitespace: Bool {
        switch self {
        case " ", "\t", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{1C}", "\u{1D}", "\u{1E}", "\u{1F}": return true
        default: return false
        }
    }
}
