import Foundation

/// How the spellings users give are matched to a syminfo.lib setting, following cctbx's rules
/// (what `dials.index space_group=…` accepts): case, spaces and `_` do not matter; parentheses
/// around screw components are dropped (`P 4(3) 2(1) 2`); `H 3`/`H 3 2` mean `R 3 :H`/`R 3 2 :H`;
/// an R symbol without `:R` is in hexagonal axes; a number names the standard setting (for two
/// origin choices, the one syminfo.lib lists first); monoclinic short names (`P 21`, `C 2`)
/// mean b unique; CCP4's old names (`P 21 21 21`, `H 3`) are accepted; `Hall:` starts a Hall
/// symbol. A change-of-basis suffix `(…)` is not accepted.
struct SpaceGroupSymbols: Sendable {
    private var byKey: [String: Int] = [:]

    init(_ table: SymInfoTable) {
        func add(_ key: String, _ index: Int) {
            if !key.isEmpty, byKey[key] == nil { byKey[key] = index }
        }
        for (i, e) in table.entries.enumerated() {
            let xhm = e.extendedHermannMauguin
            guard !xhm.isEmpty else { continue }
            let parts = xhm.split(separator: ":", maxSplits: 1).map { String($0) }
            let body = Self.compact(parts[0])
            let ext = parts.count > 1 ? Self.compact(parts[1]) : ""
            add(ext.isEmpty ? body : body + ":" + ext, i)
            if e.isStandardSetting || ext == "h" || ext == "1" || ext == "2" { add(body, i) }
            for old in e.oldSymbols { add(Self.compact(old), i) }
            // Monoclinic short names: "P 1 21 1" → "P21", "C 1 2 1" → "C2".
            if (3...15).contains(e.number) {
                let short = parts[0].split(separator: " ").filter { $0 != "1" }
                if short.count > 1 { add(Self.compact(short.joined()), i) }
            }
            if e.isStandardSetting { add(String(e.number), i) }
        }
    }

    /// The lookup for the shared syminfo.lib, built once (Swift initialises it thread-safely).
    static let shared: SpaceGroupSymbols? = SymInfoTable.shared.map(SpaceGroupSymbols.init)

    func entry(for symbol: String, in table: SymInfoTable) -> SymInfoTable.Entry? {
        let trimmed = symbol.trimmingCharacters(in: .whitespaces)
        if trimmed.lowercased().hasPrefix("hall:") { return table.entry(hall: String(trimmed.dropFirst(5))) }
        var key = Self.compact(trimmed).replacingOccurrences(of: "(", with: "").replacingOccurrences(of: ")", with: "")
        guard !key.isEmpty else { return nil }
        if key.hasPrefix("h"), !key.contains(":") { key = "r" + key.dropFirst() + ":h" }
        return byKey[key].map { table.entries[$0] }
    }

    /// Lower case without blanks or underscores.
    static func compact(_ s: String) -> String {
        String(s.lowercased().filter { $0 != " " && $0 != "_" && $0 != "\t" })
    }
}
