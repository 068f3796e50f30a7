import Foundation

/// BLEND's `CLUSTERS.txt` (the ccp4-7 layout with "Furthest Datasets"; blend-and-peers §1.3):
/// four header lines, then one line per cluster in merge order — number (3 digits, zero-padded),
/// number of datasets, Ward height (3 decimals), LCV (%, 2 decimals), aLCV (Å, 2 decimals), the
/// two furthest datasets, and the sorted dataset serial numbers. Column positions follow BLEND's
/// so that existing parsers (KAMO's, for one) read it.
public enum ClustersTable {
    public static func lines(_ analysis: CellClusterAnalysis) -> [String] {
        let blank = String(repeating: " ", count: 31)
        var out = [
            blank,
            " Cluster     Number of         Cluster         LCV      aLCV   Furthest    Datasets",
            "  Number      Datasets          Height                         Datasets          ID",
            blank,
        ]
        for c in analysis.clusters {
            let fields = String(format: "     %03d           %3d         %7.3f     %7.2f %9.2f %5d %4d  ",
                                c.number, c.datasets.count, c.height, c.variation.lcv, c.variation.alcv,
                                c.variation.furthest.0, c.variation.furthest.1)
            out.append(fields + "  " + c.datasets.map(String.init).joined(separator: " "))
        }
        return out
    }

    public static func text(_ analysis: CellClusterAnalysis) -> String {
        lines(analysis).map { $0 + "\n" }.joined()
    }
}

/// BLEND's `FINAL_list_of_files.dat` as the dendrogram-only mode (`-aDO`) writes it: every input
/// file's absolute path left-justified in 130 columns, then its dataset serial number in 5
/// columns (`NA` for a file that was not analysed). The full `-a` mode's four further columns
/// (radiation-damage cut, first and last image, resolution cut) come from analyses mxtriage does
/// not do, so they are not written.
public enum FinalListOfFiles {
    /// `files[i]` is dataset i + 1; `rejected` are listed after them with serial `NA`.
    public static func text(files: [String], rejected: [String] = []) -> String {
        func line(_ path: String, _ serial: String) -> String {
            let p = URL(fileURLWithPath: path).standardizedFileURL.path
            let padded = p.count >= 130 ? p : p + String(repeating: " ", count: 130 - p.count)
            return padded + " " + String(repeating: " ", count: max(5 - serial.count, 0)) + serial + "\n"
        }
        return files.enumerated().map { line($1, String($0 + 1)) }.joined() + rejected.map { line($0, "NA") }.joined()
    }
}
