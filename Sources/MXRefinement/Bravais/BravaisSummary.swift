import MXGeometry

/// `bravais_summary.json` as `dials.refine_bravais_settings` writes it
/// (`RefinedSettingsList.as_dict`): one object per setting, keyed by its number, highest first.
public enum BravaisSummary {
    public static func json(_ settings: [RefinedBravaisSetting]) -> JSONValue {
        .object(settings.map { s in
            let optional = { (x: Double?) in x.map(JSONValue.number) ?? .null }
            return (String(s.settingNumber), .object([
                ("max_angular_difference", .number(s.setting.metricFit)),
                ("rmsd", .number(s.rmsd)),
                ("nspots", .number(Double(s.matches))),
                ("bravais", .string(s.lattice)),
                ("unit_cell", .numbers(s.unitCell.parameters)),
                ("cb_op", .string(s.setting.changeOfBasisSymbol)),
                ("max_cc", optional(s.correlation.maximum)),
                ("min_cc", optional(s.correlation.minimum)),
                ("correlation_coefficients", .numbers(s.correlation.coefficients)),
                ("cc_nrefs", .numbers(s.correlation.pairCounts)),
                ("recommended", .bool(s.recommended)),
            ]))
        })
    }
}
