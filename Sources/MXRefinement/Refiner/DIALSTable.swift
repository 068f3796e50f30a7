import Foundation

/// Text tables laid out as DIALS prints them (python-tabulate's "psql" style with decimal
/// alignment): `+---+` rules, `|`-separated cells, multi-line headers, numbers right-aligned
/// on their decimal points.
public enum DIALSTable {
    /// Renders `header` (cells may contain "\n" for a second header line) over `rows` of
    /// already formatted cells; text columns are left-aligned unless listed in `rightAligned`
    /// (tabulate's `colalign`).
    public static func render(header: [String], rows: [[String]], rightAligned: Set<Int> = []) -> String {
        let columns = header.count
        let headerLines = header.map { $0.components(separatedBy: "\n") }
        let depth = headerLines.map(\.count).max() ?? 1
        // Decimal alignment within each column.
        var cells = rows
        for c in 0..<columns {
            let values = rows.map { $0[c] }
            guard values.allSatisfy({ Double($0) != nil }) else { continue }
            let intWidth = values.map { integerPart($0).count }.max() ?? 0
            let fracWidth = values.map { $0.count - integerPart($0).count }.max() ?? 0
            for r in rows.indices {
                let v = values[r]
                let i = integerPart(v).count, f = v.count - i
                cells[r][c] = String(repeating: " ", count: intWidth - i) + v + String(repeating: " ", count: fracWidth - f)
            }
        }
        let numeric = (0..<columns).map { c in rightAligned.contains(c) || rows.allSatisfy { Double($0[c]) != nil } }
        // tabulate pads headers by at least two spaces.
        let widths = (0..<columns).map { c in
            max((headerLines[c].map(\.count).max() ?? 0) + 2, cells.map { $0[c].count }.max() ?? 0)
        }
        func pad(_ s: String, _ w: Int, right: Bool) -> String {
            let fill = String(repeating: " ", count: max(0, w - s.count))
            return right ? fill + s : s + fill
        }
        func line(_ values: [String]) -> String {
            "| " + values.enumerated().map { pad($1, widths[$0], right: numeric[$0]) }.joined(separator: " | ") + " |"
        }
        let rule = "+" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "+") + "+"
        let mid = "|" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "+") + "|"
        var out = [rule]
        for k in 0..<depth {
            out.append(line(headerLines.map { k < $0.count ? $0[k] : "" }))
        }
        out.append(mid)
        out += cells.map(line)
        out.append(rule)
        return out.joined(separator: "\n")
    }

    private static func integerPart(_ s: String) -> Substring {
        s.firstIndex(of: ".").map { s[..<$0] } ?? Substring(s)
    }

    /// "%.5g", as DIALS formats RMSDs.
    public static func g5(_ x: Double) -> String { String(format: "%.5g", x) }

    /// DIALS's "Refinement steps" table.
    public static func steps(_ journal: [RefinementStep]) -> String {
        render(header: ["Step", "Nref", "RMSD_X\n(mm)", "RMSD_Y\n(mm)", "RMSD_Phi\n(deg)"],
               rows: journal.map { [String($0.step), String($0.nref), g5($0.rmsdX), g5($0.rmsdY), g5($0.rmsdPhiDegrees)] })
    }

    /// DIALS's "RMSDs by experiment" table.
    public static func experiments(_ rmsds: [ExperimentRMSD]) -> String {
        render(header: ["Exp\nid", "Nref", "RMSD_X\n(px)", "RMSD_Y\n(px)", "RMSD_Z\n(images)"],
               rows: rmsds.map { [String($0.experiment), String($0.nref), g5($0.xPixels), g5($0.yPixels), g5($0.zImages)] })
    }
}
