import Foundation

/// A text dendrogram of a ``CellClusterAnalysis``: leaves as rows (in R's dendrogram order),
/// Ward height increasing to the right, merge heights written beside the nodes where they fit,
/// and cluster number, LCV and aLCV at the root and the four nodes below it (the nodes BLEND
/// annotates on `tree.png`). When there are more leaves than rows, the lowest subtrees are
/// folded into single rows (`#012 ×5`: cluster 12, five datasets) by repeatedly opening the
/// highest folded node, which is a cut of the tree at a height. Pure and deterministic. The
/// terminal UI's dendrogram view draws from a cluster report instead, with the same
/// ``DendrogramLayout`` and ``TextCanvas``.
public struct DendrogramText {
    /// The dendrogram in at most `width` columns and (when given) at most `maxRows` lines:
    /// a title line, one line per leaf or folded cluster, and a height axis (0 at the tree's
    /// left edge, the root's height at its right).
    /// `labels[i]` names dataset i + 1 (shown after its number; empty labels show the number).
    public static func lines(analysis: CellClusterAnalysis, labels: [String], width: Int, maxRows: Int?) -> [String] {
        let width = max(width, 20)
        let n = analysis.cells.count
        var title = "Ward (\(analysis.distance == .blend ? "BLEND" : "G6 Å²")) · \(n) dataset\(n == 1 ? "" : "s")"
        if let root = analysis.root {
            title += String(format: " · LCV %.2f %% · aLCV %.2f Å", root.variation.lcv, root.variation.alcv)
        }
        var out = [clip(title, width)]
        if let maxRows, maxRows <= 1 { return Array(out.prefix(max(maxRows, 0))) }
        guard analysis.root != nil else {
            if n == 1 { out.append(clip(leafLabel(1, labels), width)) }
            return out
        }
        let clusters = analysis.clusters
        let leafRows = maxRows.map { max($0 - 2, 1) } ?? n
        let merges = clusters.map { DendrogramLayout.Merge(left: $0.left, right: $0.right, height: $0.height) }
        let shown = DendrogramLayout.rows(merges: merges, limit: leafRows)
        // Rows in drawing order.
        var unitLabels: [String] = []
        for u in shown {
            if u < 0 { unitLabels.append(leafLabel(-u, labels)) } else {
                unitLabels.append(String(format: "#%03d ×%d", u, clusters[u - 1].datasets.count))
            }
        }
        let labelWidth = min(unitLabels.map(\.count).max() ?? 1, max(width / 3, 6))
        let reserve = min(34, width * 2 / 7)
        let treeWidth = max(width - labelWidth - 1 - reserve, 4)
        let layout = DendrogramLayout(merges: merges, rows: shown, treeWidth: treeWidth, minimumStep: 0)

        var canvas = TextCanvas(rows: shown.count, columns: treeWidth + reserve, blank: Ink.plain)
        // Leaves and folded clusters start their line at column 0 even where their parent's bar
        // is in column 0 too.
        for r in shown.indices { canvas.stub(row: r, column: 0, toward: .right, mark: .plain) }
        layout.drawLines(on: &canvas) { _ in .plain }
        // Highest nodes first, so the BLEND annotations win the free space.
        for node in layout.nodes.reversed() {
            let c = clusters[node.number - 1]
            let h = String(format: "%.2f", c.height)
            let at = node.noteAnchor
            let long = node.isTopFive
                ? String(format: "#%d %@ LCV %.2f%% aLCV %.2fÅ", c.number, h, c.variation.lcv, c.variation.alcv) : h
            if !canvas.write(" " + long, row: at.row, column: at.column, mark: .plain) {
                canvas.write(" " + h, row: at.row, column: at.column, mark: .plain)
            }
        }
        for (r, label) in unitLabels.enumerated() {
            out.append(clip(pad(clip(label, labelWidth), labelWidth) + " " + canvas.line(r), width))
        }
        out.append(clip(axis(labelWidth: labelWidth, treeWidth: treeWidth, maxHeight: layout.maxHeight), width))
        return out
    }

    static func leafLabel(_ dataset: Int, _ labels: [String]) -> String {
        let name = dataset - 1 < labels.count ? labels[dataset - 1] : ""
        return name.isEmpty ? String(format: "%3d", dataset) : String(format: "%3d %@", dataset, name)
    }

    static func axis(labelWidth: Int, treeWidth: Int, maxHeight: Double) -> String {
        var chars = [Character](repeating: "─", count: treeWidth)
        chars[0] = "└"
        chars[treeWidth - 1] = "┘"
        if treeWidth > 2 { chars[(treeWidth - 1) / 2] = "┴" }
        let end = String(format: " %.2f", maxHeight)
        return String(repeating: " ", count: labelWidth + 1) + String(chars) + end
    }

    /// `dendrogram.txt` is plain text: one mark for every cell.
    private enum Ink: Equatable, Sendable { case plain }

    static func clip(_ s: String, _ width: Int) -> String { s.count <= width ? s : String(s.prefix(width)) }
    static func pad(_ s: String, _ width: Int) -> String { s.count >= width ? s : s + String(repeating: " ", count: width - s.count) }
}
