import Foundation

/// The space-group settings listed in CCP4's `syminfo.lib`, looked up by Hall symbol — the form
/// a DIALS `.expt` file stores a crystal's space group in.
struct SymInfoTable: Sendable {
    struct Entry: Sendable, Equatable {
        /// International Tables number.
        var number: Int
        /// CCP4 number (0 for settings CCP4 gives no number).
        var ccp4Number: Int
        var hall: String
        var extendedHermannMauguin: String
    }

    private var byHall: [String: Entry] = [:]

    /// Parses the text of syminfo.lib (`begin_spacegroup` … `end_spacegroup` blocks).
    init(text: String) {
        var current = Entry(number: 0, ccp4Number: 0, hall: "", extendedHermannMauguin: "")
        for raw in text.split(whereSeparator: \.isNewline) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("begin_spacegroup") {
                current = Entry(number: 0, ccp4Number: 0, hall: "", extendedHermannMauguin: "")
            } else if line.hasPrefix("number ") {
                current.number = Int(line.dropFirst(7).trimmingCharacters(in: .whitespaces)) ?? 0
            } else if line.hasPrefix("symbol ccp4 ") {
                current.ccp4Number = Int(line.dropFirst(12).trimmingCharacters(in: .whitespaces)) ?? 0
            } else if line.hasPrefix("symbol Hall ") {
                current.hall = Self.quoted(line) ?? ""
            } else if line.hasPrefix("symbol xHM ") {
                current.extendedHermannMauguin = Self.quoted(line) ?? ""
            } else if line.hasPrefix("end_spacegroup") {
                let key = Self.normalised(current.hall)
                if !key.isEmpty, byHall[key] == nil { byHall[key] = current }
            }
        }
    }

    /// The table in the file csymlib uses, or nil if it cannot be read.
    static let shared: SymInfoTable? = {
        guard let path = CCP4Library.symInfoPath, !path.isEmpty,
              let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        return SymInfoTable(text: text)
    }()

    var count: Int { byHall.count }

    /// The setting with this Hall symbol (spacing and surrounding blanks do not matter).
    func entry(hall: String) -> Entry? { byHall[Self.normalised(hall)] }

    static func normalised(_ hall: String) -> String {
        hall.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private static func quoted(_ line: String) -> String? {
        guard let open = line.firstIndex(of: "'") else { return nil }
        let rest = line[line.index(after: open)...]
        guard let close = rest.firstIndex(of: "'") else { return nil }
        return String(rest[..<close])
    }
}
