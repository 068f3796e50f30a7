import Foundation
import MXSymmetry

/// The list `dials.refine_bravais_settings` prints above its table
/// (`bravais_lattice_to_space_group_table`): for each lattice among the settings, the chiral
/// space groups in their standard settings, in DIALS's short names ("P21", "R3:H"), and I2 for
/// "mI".
public enum ChiralSpaceGroups {
    public static func table(lattices: Set<String>) throws(SymmetryError) -> String {
        var order: [String] = []
        var names: [String: [String]] = [:]
        for number in 1...230 {
            let group = try SpaceGroup(number: number)
            guard group.isChiral else { continue }
            let lattice = group.bravaisType.rawValue
            if names[lattice] == nil { order.append(lattice) }
            names[lattice, default: []].append(shortName(group))
        }
        order.append("mI")
        names["mI"] = ["I2"]
        let lines = order.filter(lattices.contains).map { "\($0): " + names[$0]!.joined(separator: " ") }
        return (["Chiral space groups corresponding to each Bravais lattice:"] + lines).joined(separator: "\n")
    }

    /// DIALS's `short_space_group_name`: the symbol without " 1" (beyond P 1) and spaces.
    static func shortName(_ group: SpaceGroup) -> String {
        var symbol = group.extendedHermannMauguin
        if group.number > 1 { symbol = symbol.replacingOccurrences(of: " 1", with: "") }
        return symbol.replacingOccurrences(of: " ", with: "")
    }
}
