import Foundation

/// Every space-group setting in CCP4's `syminfo.lib` (the table csymlib loads), read once:
/// numbers, symbols and operators. Standard settings come first for each number, as in the file.
public struct SymInfoTable: Sendable {
    /// One `begin_spacegroup` … `end_spacegroup` block.
    public struct Entry: Sendable, Equatable {
        /// International Tables number.
        public var number: Int
        /// CCP4 number (146 for `R 3 :H`, 1146 for `R 3 :R`; 0 for settings without one).
        public var ccp4Number: Int
        /// Hall symbol as cctbx and DIALS `.expt` files write it (" R 3").
        public var hall: String
        /// Extended Hermann–Mauguin symbol ("R 3 :H", "C 1 2 1").
        public var extendedHermannMauguin: String
        /// CCP4's old names ("H 3"; several for some settings), possibly none.
        public var oldSymbols: [String]
        /// `basisop`: the operator from the standard setting ("x,y,z" for the standard itself).
        public var basisOperator: String
        /// Primitive operators, then centring vectors, in csymlib's `x,y,z` notation.
        public var symops: [String]
        public var cenops: [String]

        /// Whether this block is the setting International Tables lists first for its number.
        public var isStandardSetting: Bool { basisOperator.filter { $0 != " " } == "x,y,z" }
    }

    /// The blocks in file order.
    public let entries: [Entry]
    private let byHall: [String: Int]

    /// Parses the text of syminfo.lib.
    public init(text: String) {
        var entries: [Entry] = []
        var current: Entry?
        for raw in text.split(whereSeparator: \.isNewline) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("begin_spacegroup") {
                current = Entry(number: 0, ccp4Number: 0, hall: "", extendedHermannMauguin: "", oldSymbols: [],
                                basisOperator: "x,y,z", symops: [], cenops: [])
                continue
            }
            guard var entry = current else { continue }
            if line.hasPrefix("end_spacegroup") {
                entries.append(entry)
                current = nil
                continue
            }
            let (key, value) = Self.split(line)
            switch key {
            case "number": entry.number = Int(value) ?? 0
            case "basisop": entry.basisOperator = value
            case "symbol ccp4": entry.ccp4Number = Int(value) ?? 0
            case "symbol Hall": entry.hall = Self.quoted(value).first ?? ""
            case "symbol xHM": entry.extendedHermannMauguin = Self.quoted(value).first ?? ""
            case "symbol old": entry.oldSymbols = Self.quoted(value).filter { !$0.isEmpty }
            case "symop": entry.symops.append(value)
            case "cenop": entry.cenops.append(value)
            default: break
            }
            current = entry
        }
        self.entries = entries
        var byHall: [String: Int] = [:]
        for (i, e) in entries.enumerated() where !e.hall.isEmpty {
            let key = Self.normalised(e.hall)
            if byHall[key] == nil { byHall[key] = i }
        }
        self.byHall = byHall
    }

    /// The table in the file csymlib uses, or nil if it cannot be read.
    public static let shared: SymInfoTable? = {
        guard let path = CCP4Library.symInfoPath, !path.isEmpty,
              let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        return SymInfoTable(text: text)
    }()

    /// The shared table, or the reason there is none.
    public static func loaded() throws(SymmetryError) -> SymInfoTable {
        guard let table = shared else {
            throw .symmetryLibraryMissing("looked for SYMINFO, $CLIBD/syminfo.lib and "
                + CCP4Library.defaultSymInfoPaths.joined(separator: ", ") + " (Debian: apt-get install libccp4-data)")
        }
        return table
    }

    public var count: Int { entries.count }

    /// The setting with this Hall symbol (spacing and surrounding blanks do not matter).
    public func entry(hall: String) -> Entry? { byHall[Self.normalised(hall)].map { entries[$0] } }

    public static func normalised(_ hall: String) -> String {
        hall.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// "symbol Hall ' R 3'" → ("symbol Hall", "' R 3'"); "symop x,y,z" → ("symop", "x,y,z").
    private static func split(_ line: String) -> (String, String) {
        let words = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true).map(String.init)
        guard let first = words.first else { return ("", "") }
        let rest = words.count > 1 ? words[1].trimmingCharacters(in: .whitespaces) : ""
        if first == "symbol" {
            let parts = rest.split(separator: " ", maxSplits: 1).map(String.init)
            return ("symbol " + (parts.first ?? ""), parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : "")
        }
        return (first, rest)
    }

    /// The single-quoted strings of a value, in order.
    private static func quoted(_ value: String) -> [String] {
        value.split(separator: "'", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }
}
