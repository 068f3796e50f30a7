import Foundation

/// A text dendrogram of a ``CellClusterAnalysis``: leaves as rows (in R's dendrogram order),
/// Ward height increasing to the right, merge heights written beside the nodes where they fit,
/// and cluster number, LCV and aLCV at the root and the four nodes below it (the nodes BLEND
/// annotates on `tree.png`). When there are more leaves than rows, the lowest subtrees are
/// folded into single rows (`#012 ×5`: cluster 12, five datasets) by repeatedly opening the
/// highest folded node, which is a cut of the tree at a height. Pure and deterministic, so the
/// terminal UI and `dendrogram.txt` share it.
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
        guard let root = analysis.root else {
            if n == 1 { out.append(clip(leafLabel(1, labels), width)) }
            return out
        }
        let clusters = analysis.clusters
        let leafRows = maxRows.map { max($0 - 2, 1) } ?? n
        let shown = units(clusters: clusters, limit: leafRows)

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
        let maxHeight = root.height
        func column(_ h: Double) -> Int {
            maxHeight > 0 ? Int((h / maxHeight * Double(treeWidth - 1)).rounded()) : 0
        }

        var canvas = TextCanvas(rows: shown.count, columns: treeWidth + reserve)
        // Position (row, column) of every drawn node; leaves and folded clusters sit at column 0.
        var position: [Int: (row: Int, column: Int)] = [:]
        for (r, u) in shown.enumerated() {
            position[u] = (r, 0)
            canvas.stub(row: r, column: 0, TextCanvas.right)
        }
        let shownSet = Set(shown)
        let topFive = Set(clusters.suffix(5).map(\.number))
        var annotations: [(row: Int, column: Int, text: String, short: String)] = []
        for c in clusters {
            guard let a = position[c.left], let b = position[c.right], !shownSet.contains(c.number) else { continue }
            let x = max(column(c.height), a.column, b.column)
            let (top, bottom) = a.row <= b.row ? (a, b) : (b, a)
            canvas.horizontal(row: a.row, from: a.column, to: x)
            canvas.horizontal(row: b.row, from: b.column, to: x)
            canvas.vertical(column: x, from: top.row, to: bottom.row)
            let row = (top.row + bottom.row) / 2
            position[c.number] = (row, x)
            let h = String(format: "%.2f", c.height)
            let long = topFive.contains(c.number)
                ? String(format: "#%d %@ LCV %.2f%% aLCV %.2fÅ", c.number, h, c.variation.lcv, c.variation.alcv) : h
            annotations.append((top.row, x + 1, long, h))
        }
        // Highest nodes first, so the BLEND annotations win the free space.
        for a in annotations.reversed() where !canvas.write(" " + a.text, row: a.row, column: a.column) {
            canvas.write(" " + a.short, row: a.row, column: a.column)
        }
        for (r, label) in unitLabels.enumerated() {
            out.append(clip(pad(clip(label, labelWidth), labelWidth) + " " + canvas.line(r), width))
        }
        out.append(clip(axis(labelWidth: labelWidth, treeWidth: treeWidth, maxHeight: maxHeight), width))
        return out
    }

    /// Node labels (−dataset or +cluster) shown as rows, in dendrogram order, at most `limit`
    /// (at least one). Opening a folded cluster replaces one row with two, so the highest folded
    /// cluster is opened (ties: the later one) until the rows are used up or all are leaves.
    static func units(clusters: [CellClusterAnalysis.Cluster], limit: Int) -> [Int] {
        guard let root = clusters.last else { return [] }
        var open: Set<Int> = []
        var folded: Set<Int> = [root.number]
        var rows = 1
        while rows < limit, let next = folded.max(by: { (clusters[$0 - 1].height, $0) < (clusters[$1 - 1].height, $1) }) {
            folded.remove(next)
            open.insert(next)
            for child in [clusters[next - 1].left, clusters[next - 1].right] where child > 0 { folded.insert(child) }
            rows += 1
        }
        var out: [Int] = []
        var stack = [root.number]
        while let x = stack.popLast() {
            if x > 0 && open.contains(x) {
                stack.append(clusters[x - 1].right)
                stack.append(clusters[x - 1].left)
            } else {
                out.append(x)
            }
        }
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

    static func clip(_ s: String, _ width: Int) -> String { s.count <= width ? s : String(s.prefix(width)) }
    static func pad(_ s: String, _ width: Int) -> String { s.count >= width ? s : s + String(repeating: " ", count: width - s.count) }
}
