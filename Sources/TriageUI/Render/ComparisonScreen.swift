import TriageEngine

/// Individual against joint refinement, the tutorial's comparison: LCV and aLCV of the root
/// cluster and of the largest cluster at the largest-gap cut from the individual cells and
/// from the joint cells (the joint ones should be smaller), then per sequence its individually
/// and jointly refined cell, the difference, and the RMSDs of each refinement.
enum ComparisonScreen {
    static func draw(_ state: UIState, in area: Rect, into buffer: inout ScreenBuffer) {
        var title = [Span("individual vs joint · ", .heading)]
        let joint = state.joint
        if joint.runs == 0 && joint.phase == .idle {
            title.append(Span("no joint refinement yet — \(state.keys.key(for: .runJoint)) runs it", .dim))
        } else {
            title += Frame.jointSpans(joint)
            title.append(Span(" · \(joint.sequences.count) crystals"))
            if let d = joint.distanceMM { title.append(Span(" · shared distance \(Format.fixed(d, 2)) mm")) }
            if let beam = joint.beamCentrePixels, beam.count >= 2 {
                title.append(Span(" · beam centre \(Format.fixed(beam[0], 1)), \(Format.fixed(beam[1], 1)) px"))
            }
        }
        buffer.put(title, x: area.x + 1, y: area.y, maxWidth: area.width - 2)
        guard area.height >= 8 else { return }
        drawVariation(state, x: area.x + 1, y: area.y + 2, width: area.width - 2, into: &buffer)
        drawCells(state, in: Rect(x: area.x + 1, y: area.y + 6, width: area.width - 2, height: area.height - 6), into: &buffer)
    }

    /// The LCV/aLCV table: rows root and largest main cluster, columns individual and joint.
    private static func drawVariation(_ state: UIState, x: Int, y: Int, width: Int, into buffer: inout ScreenBuffer) {
        buffer.put(Format.left("BLEND cell variation", 24) + Format.left("individual cells", 38) + "joint cells",
                   x: x, y: y, style: .heading, maxWidth: width)
        func describe(_ node: ClusterReport.Node?, of report: ClusterReport?) -> [Span] {
            guard let node, let report else { return [Span(Format.left("—", 38), .dim)] }
            let text = "LCV " + Format.right(Format.fixed(node.lcv, 2), 5) + " %  aLCV " + Format.right(Format.fixed(node.alcv, 2), 5)
                + " Å  (\(node.datasets.count)/\(report.sequences.count))"
            return [Span(Format.left(text, 38))]
        }
        let individual = state.individualClusters, joint = state.jointClusters
        let rows: [(String, ClusterReport.Node?, ClusterReport.Node?)] = [
            ("root cluster", individual?.root, joint?.root),
            ("largest main cluster", individual.flatMap(largestMainCluster), joint.flatMap(largestMainCluster)),
        ]
        for (i, row) in rows.enumerated() {
            var spans = [Span(Format.left(row.0, 24))]
            spans += describe(row.1, of: individual)
            var jointSpans = describe(row.2, of: joint)
            if let a = row.1, let b = row.2 {
                jointSpans[0].style = b.lcv < a.lcv ? .ok : b.lcv > a.lcv ? .warning : .normal
            }
            spans += jointSpans
            buffer.put(spans, x: x, y: y + 1 + i, maxWidth: width)
        }
    }

    /// The largest cluster at the largest-gap cut (the root when the cut leaves one cluster).
    static func largestMainCluster(_ report: ClusterReport) -> ClusterReport.Node? {
        let cut = ClusterCut.largestGap(of: report)
        return cut.topClusters(in: report).first ?? report.root
    }

    /// Column groups of the per-sequence table: a heading over each, then its columns.
    private static func headings(showsRMSD: Bool) -> (groups: String, columns: String) {
        var groups = "    │ " + MainScreen.centered("individual", 16) + " │ " + MainScreen.centered("joint", 16) + " │ "
            + MainScreen.centered("joint − indiv.", 16)
        var columns = "  # │ " + Format.right("a (Å)", 8) + Format.right("c (Å)", 8) + " │ " + Format.right("a (Å)", 8)
            + Format.right("c (Å)", 8) + " │ " + Format.right("Δa", 8) + Format.right("Δc", 8)
        if showsRMSD {
            groups += " │ " + MainScreen.centered("RMSD individual", 19) + " │ " + MainScreen.centered("RMSD joint", 19)
            columns += " │ " + Format.right("x px", 6) + Format.right("y px", 6) + Format.right("z img", 7)
                + " │ " + Format.right("x px", 6) + Format.right("y px", 6) + Format.right("z img", 7)
        }
        return (groups, columns)
    }

    private static func drawCells(_ state: UIState, in area: Rect, into buffer: inout ScreenBuffer) {
        guard area.height >= 4 else { return }
        let jointCells = Dictionary(zip(state.joint.sequences, state.joint.cells), uniquingKeysWith: { a, _ in a })
        let jointRMSD = Dictionary((state.refinements[.joint]?.experiments ?? []).map { ($0.sequence, $0) },
                                   uniquingKeysWith: { a, _ in a })
        let showsRMSD = area.width >= 100
        let heading = headings(showsRMSD: showsRMSD)
        buffer.put(heading.groups, x: area.x, y: area.y, style: .heading, maxWidth: area.width)
        buffer.put(heading.columns, x: area.x, y: area.y + 1, style: .heading, maxWidth: area.width)
        for y in [area.y, area.y + 1] {
            for (column, ch) in heading.columns.enumerated() where ch == "│" && column < area.width {
                buffer[area.x + column, y] = Cell("│", .border)
            }
        }
        let rows = state.sequences.filter { $0.cell != nil || jointCells[$0.number] != nil }
        guard !rows.isEmpty else {
            buffer.put("no refined cells yet", x: area.x + 2, y: area.y + 2, style: .dim)
            return
        }
        let room = area.height - 2
        let selected = state.selectedSequence.flatMap { s in rows.firstIndex { $0.number == s.number } }
        let top = ListWindow.top(current: 0, selection: selected ?? 0, count: rows.count, rows: room)
        func cell(_ c: [Double]?) -> String {
            guard let c, c.count >= 3 else { return Format.right("—", 8) + Format.right("—", 8) }
            return Format.right(Format.fixed(c[0], 2), 8) + Format.right(Format.fixed(c[2], 2), 8)
        }
        func value(_ x: Double?, _ width: Int) -> String { Format.right(x.map { Format.fixed($0, 2) } ?? "—", width) }
        for i in 0..<min(room, rows.count - top) {
            let s = rows[top + i], y = area.y + 2 + i
            let excluded = state.excluded.contains(s.number)
            let joint = jointCells[s.number]
            var delta = String(repeating: " ", count: 16)
            if let a = s.cell, let b = joint, a.count >= 3, b.count >= 3 {
                delta = Format.right(signed(b[0] - a[0]), 8) + Format.right(signed(b[2] - a[2]), 8)
            }
            var line = Format.right(Format.sequence(s.number), 3) + (excluded ? "×" : " ") + "│ " + cell(s.cell) + " │ "
                + cell(joint) + " │ " + delta
            if showsRMSD {
                let r = s.rmsd, j = jointRMSD[s.number]
                line += " │ " + value(r?.xPixels, 6) + value(r?.yPixels, 6) + value(r?.zImages, 7)
                line += " │ " + value(j?.rmsdXPixels, 6) + value(j?.rmsdYPixels, 6) + value(j?.rmsdZImages, 7)
            }
            buffer.put(line, x: area.x, y: y, style: excluded ? .excluded : .normal, maxWidth: area.width)
            for (column, ch) in line.enumerated() where ch == "│" && column < area.width { buffer[area.x + column, y].style = .border }
            if top + i == selected {
                buffer.put("▶", x: area.x - 1, y: y, style: .selected)
                buffer.highlight(x: area.x, y: y, count: min(area.width, line.count))
            }
        }
        if top > 0 { buffer.put("↑", x: area.maxX - 1, y: area.y + 2, style: .dim) }
        if top + room < rows.count { buffer.put("↓", x: area.maxX - 1, y: area.y + 1 + room, style: .dim) }
    }

    /// A difference with its sign; one that rounds to zero has none.
    private static func signed(_ x: Double) -> String {
        let text = Format.fixed(x, 2)
        if text.hasPrefix("-") || Double(text) == 0 { return text }
        return "+" + text
    }
}
