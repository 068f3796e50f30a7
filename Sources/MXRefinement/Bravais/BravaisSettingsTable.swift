import Foundation

/// The table `dials.refine_bravais_settings` prints (`RefinedSettingsList.__str__`), with the
/// numbers as python-tabulate re-reads and prints them ("%g": a metric fit of 0.0700 shows as
/// 0.07) and the closing "* = recommended solution".
public enum BravaisSettingsTable {
    public static let header = ["Solution", "Metric fit", "rmsd", "min/max cc", "#spots", "lattice", "unit_cell", "volume", "cb_op"]

    public static func render(_ settings: [RefinedBravaisSetting]) -> String {
        let rows = settings.map { s -> [String] in
            let cell = s.unitCell
            let cc = s.correlation.minimum.flatMap { lo in s.correlation.maximum.map { String(format: "%.3f/%.3f", lo, $0) } }
            return [
                s.recommended ? String(format: "*%7d", s.settingNumber) : String(s.settingNumber),
                tabulated(String(format: "%6.4f", s.setting.metricFit)),
                tabulated(String(format: "%5.3f", s.rmsd)),
                cc ?? "-/-",
                String(s.matches),
                s.lattice,
                cell.parameters.map { String(format: "%6.2f", $0) }.joined(separator: " ").trimmingCharacters(in: .whitespaces),
                String(format: "%.0f", cell.volume),
                s.setting.changeOfBasisSymbol,
            ]
        }
        return DIALSTable.render(header: header, rows: rows, rightAligned: [0]) + "\n* = recommended solution\n"
    }

    /// A number as tabulate prints a numeric cell: parsed, then formatted with "%g".
    static func tabulated(_ text: String) -> String {
        String(format: "%g", Double(text.trimmingCharacters(in: .whitespaces)) ?? .nan)
    }
}
