import MXClustering
import TriageEngine

/// BLEND's Ward dendrogram of the shown cluster analysis (individual cells, or the joint ones
/// with `t`), drawn from a ``ClusterReport``: one row per dataset labelled by sequence number,
/// Ward height growing to the right, merge heights beside the nodes and cluster number, LCV and
/// aLCV at the top five (the nodes BLEND annotates). The cut (`[` `]`) is a dotted line, and the
/// cluster `X` would exclude is drawn in the warning style. More datasets than rows scroll to
/// keep the selected sequence in the middle.
///
/// MXClustering's `DendrogramText` draws the same picture from a `CellClusterAnalysis`, which
/// cannot be built from a report without recomputing the analysis, so this view draws the report,
/// sharing its `DendrogramLayout` and `TextCanvas`.
enum DendrogramScreen {
    static let labelWidth = 6

    static func draw(_ state: UIState, in area: Rect, into buffer: inout ScreenBuffer) {
        let source: ClusterReport.Source = state.showsJoint ? .joint : .individual
        guard let report = state.shownClusters, let cut = state.clusterCut else {
            buffer.put("dendrogram · \(source.name) cells", x: area.x + 1, y: area.y, style: .heading)
            let hint = source == .joint
                ? "no joint cluster analysis yet — \(state.keys.key(for: .runJoint)) runs joint refinement, which re-clusters the joint cells; \(state.keys.key(for: .toggleJoint)) shows the individual cells"
                : "no cluster analysis yet — it runs when the sequences are refined; \(state.keys.key(for: .recluster)) runs it now"
            buffer.put(Format.truncate(hint, area.width - 2), x: area.x + 1, y: area.y + 2, style: .dim)
            return
        }
        drawHeader(state, report, cut, in: area, into: &buffer)
        guard area.height >= 6 else { return }
        let tree = Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 4)
        drawTree(state, report, cut, in: tree, into: &buffer)
        drawOutsiders(state, report, y: area.maxY - 1, in: area, into: &buffer)
    }

    private static func drawHeader(_ state: UIState, _ report: ClusterReport, _ cut: ClusterCut, in area: Rect,
                                   into buffer: inout ScreenBuffer) {
        var title = [Span("Ward dendrogram (BLEND) · ", .heading), Span("\(report.source.name) cells", .title),
                     Span(" · \(report.sequences.count) datasets")]
        if let root = report.root {
            title.append(Span(" · LCV \(Format.fixed(root.lcv, 2)) % · aLCV \(Format.fixed(root.alcv, 2)) Å"))
        }
        title.append(Span("   \(state.keys.key(for: .toggleJoint)): " + (report.source == .joint ? "individual" : "joint"), .dim))
        buffer.put(title, x: area.x + 1, y: area.y, maxWidth: area.width - 2)

        var line = [Span("cut: ", .heading),
                    Span("\(cut.clusterCount) cluster\(cut.clusterCount == 1 ? "" : "s")"),
                    Span(cut.isAutomatic ? " at the largest gap in merge height" : " (chosen)", .dim),
                    Span(" · ", .border), Span("\(state.keys.key(for: .cutFewer)) \(state.keys.key(for: .cutMore))", .key), Span(" move · ", .dim)]
        switch state.clusterExclusion {
        case .cluster(let node, _, let sequences):
            line += [Span("X", .key), Span(" excludes cluster \(node.number): ", .warning),
                     Span(Format.sequenceList(sequences, limit: 16), .warning)]
        case .single(let sequence):
            line += [Span("X", .key), Span(" excludes sequence \(Format.sequence(sequence)) (alone at this cut)", .warning)]
        case .everything:
            line += [Span("X", .key), Span(": one cluster holds every dataset — ] cuts lower", .dim)]
        case .notClustered(let sequence):
            line += [Span("sequence \(Format.sequence(sequence)) is not in this analysis", .dim)]
        case .noAnalysis:
            break
        }
        buffer.put(line, x: area.x + 1, y: area.y + 1, maxWidth: area.width - 2)
    }

    private static func drawTree(_ state: UIState, _ report: ClusterReport, _ cut: ClusterCut, in area: Rect,
                                 into buffer: inout ScreenBuffer) {
        guard !report.sequences.isEmpty, area.height >= 1 else { return }
        let reserve = min(34, area.width / 3)
        let treeWidth = max(4, area.width - labelWidth - 1 - reserve)
        let merges = report.clusters.map { DendrogramLayout.Merge(left: $0.left, right: $0.right, height: $0.height) }
        let layout = DendrogramLayout(merges: merges, treeWidth: treeWidth, minimumStep: 1)
        // Every leaf is a row (the view scrolls rather than folding), as a 1-based dataset serial.
        let leaves = layout.rows.map { -$0 }
        let n = leaves.count

        var highlighted = Set<Int>()
        if case .cluster(let node, _, _) = state.clusterExclusion {
            var stack = [node.number]
            while let c = stack.popLast() {
                highlighted.insert(c)
                for child in [report.clusters[c - 1].left, report.clusters[c - 1].right] where child > 0 { stack.append(child) }
            }
        }

        var canvas = TextCanvas(rows: n, columns: treeWidth + reserve, blank: Style.normal)
        layout.drawLines(on: &canvas) { highlighted.contains($0.number) ? .warning : .normal }
        // Highest nodes first, so the BLEND annotations win the free space.
        for node in layout.nodes.reversed() {
            let merge = report.clusters[node.number - 1]
            let height = Format.fixed(merge.height, 2)
            let at = node.noteAnchor
            let written = node.isTopFive && canvas.write(
                "#\(node.number) \(height) LCV \(Format.fixed(merge.lcv, 2))% aLCV \(Format.fixed(merge.alcv, 2))Å",
                row: at.row, column: at.column, mark: .heading)
            if !written { canvas.write(height, row: at.row, column: at.column, mark: .dim) }
        }
        if cut.clusterCount > 1, layout.maxHeight > 0 {
            let x = layout.column(height: cut.height(in: report))
            for row in 0..<n { canvas.put("┆", row: row, column: x, mark: .running) }
        }

        let selectedRow = state.selectedSequence.flatMap { s in
            report.sequences.firstIndex(of: s.number).flatMap { leaves.firstIndex(of: $0 + 1) }
        }
        let top = n <= area.height ? 0 : min(max(0, (selectedRow ?? 0) - area.height / 2), n - area.height)
        for i in 0..<min(area.height, n - top) {
            let row = top + i, y = area.y + i
            let sequence = report.sequences[leaves[row] - 1]
            let excluded = state.excluded.contains(sequence)
            let selected = row == selectedRow
            if selected { buffer.put("▶", x: area.x, y: y, style: .selected) }
            buffer.put(Format.right(Format.sequence(sequence), 3), x: area.x + 1, y: y,
                       style: selected ? .selected : excluded ? .excluded : .normal)
            if excluded { buffer.put("×", x: area.x + 4, y: y, style: .excluded) }
            for c in 0..<min(canvas.columns, area.width - labelWidth - 1) {
                let cell = canvas[row: row, column: c]
                if cell.character != " " { buffer[area.x + labelWidth + c, y] = Cell(cell.character, cell.mark) }
            }
        }
        if top > 0 { buffer.put("↑", x: area.maxX - 1, y: area.y, style: .dim) }
        if top + area.height < n { buffer.put("↓", x: area.maxX - 1, y: area.maxY - 1, style: .dim) }

        // Height axis under the tree.
        let axisY = area.y + min(area.height, n)
        var axis = [Character](repeating: "─", count: treeWidth)
        axis[0] = "└"; axis[treeWidth - 1] = "┘"
        if treeWidth > 2 { axis[(treeWidth - 1) / 2] = "┴" }
        buffer.put(String(axis), x: area.x + labelWidth, y: axisY, style: .dim)
        buffer.put(" " + Format.fixed(layout.maxHeight, 2) + "  Ward height · ┆ cut", x: area.x + labelWidth + treeWidth,
                   y: axisY, style: .dim, maxWidth: area.maxX - (area.x + labelWidth + treeWidth) - 1)
    }

    /// The sequences this analysis left out: excluded by the user, failed, or not yet refined.
    private static func drawOutsiders(_ state: UIState, _ report: ClusterReport, y: Int, in area: Rect,
                                      into buffer: inout ScreenBuffer) {
        let inside = Set(report.sequences)
        let outside = state.sequences.filter { !inside.contains($0.number) }
        guard !outside.isEmpty else { return }
        let excluded = outside.filter { state.excluded.contains($0.number) }.map(\.number)
        let unusable = outside.filter { !state.excluded.contains($0.number) }.map(\.number)
        var spans = [Span("not clustered: ", .heading)]
        if !excluded.isEmpty { spans += [Span("excluded ", .dim), Span(Format.sequenceList(excluded, limit: 20), .excluded)] }
        if !unusable.isEmpty {
            if !excluded.isEmpty { spans.append(Span(" · ", .border)) }
            spans += [Span("no refined cell when clustered ", .dim), Span(Format.sequenceList(unusable, limit: 20))]
        }
        buffer.put(spans, x: area.x + 1, y: y, maxWidth: area.width - 2)
    }
}
