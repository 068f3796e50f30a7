import TriageEngine

/// The selected sequence in full: template and images, every stage with its status and
/// seconds, the refined cell, RMSDs, how it was indexed, why it failed, whether it is excluded
/// and what `X` would take with it, and the tail of its log.
enum DetailPane {
    static func draw(_ state: UIState, in area: Rect, into buffer: inout ScreenBuffer) {
        buffer.clear(x: 1, y: area.y, width: area.width - 2, height: area.height)
        guard let s = state.selectedSequence else {
            buffer.separator(y: area.y, title: [Span("detail", .title)])
            buffer.put("no sequence selected", x: 2, y: area.y + 1, style: .dim)
            return
        }
        var title = [Span("sequence \(Format.sequence(s.number))", .title), Span(" · " + Format.narrow(s.template)),
                     Span(" · \(s.imageCount) images · ", .border), Span(Format.narrow(s.directory), .dim)]
        if state.excluded.contains(s.number) { title.insert(Span(" excluded ", .excluded), at: 1) }
        buffer.separator(y: area.y, title: title)

        let inner = Rect(x: 2, y: area.y + 1, width: area.width - 4, height: area.height - 1)
        let twoColumns = inner.width >= 100
        let factsWidth = twoColumns ? min(76, inner.width - 36) : inner.width
        let facts = factLines(state, s)
        let factRows = twoColumns ? inner.height : min(facts.count, max(0, inner.height - 2))
        for (i, line) in facts.prefix(factRows).enumerated() {
            buffer.put(line, x: inner.x, y: inner.y + i, maxWidth: factsWidth)
        }
        let log: Rect = twoColumns
            ? Rect(x: inner.x + factsWidth + 2, y: inner.y, width: inner.width - factsWidth - 2, height: inner.height)
            : Rect(x: inner.x, y: inner.y + factRows, width: inner.width, height: inner.height - factRows)
        drawLog(state.sequenceLogs[s.number]?.lines ?? [], in: log, into: &buffer)
    }

    private static func factLines(_ state: UIState, _ s: SequenceSummary) -> [[Span]] {
        var lines: [[Span]] = []
        let stages = Array(zip(PipelineStage.allCases, s.stages))
        for half in [stages.prefix(4), stages.suffix(from: 4)] {
            var line = [Span(lines.isEmpty ? "stages  " : "        ", .heading)]
            for (stage, status) in half {
                let glyph = StageGlyph.span(status, elapsed: state.elapsedSeconds, width: 1)
                line += [Span(StageGlyph.program(stage) + " "), glyph]
                if let seconds = s.seconds[stage.rawValue] {
                    line.append(Span(" " + Format.duration(seconds), .dim))
                } else if case .running(let f?) = status {
                    line.append(Span(" " + String(Int((min(max(f, 0), 1) * 100).rounded(.down))) + "%", .running))
                }
                line.append(Span("  "))
            }
            lines.append(line)
        }
        if let failure = s.failure {
            lines.append([Span("failed  ", .heading), Span(Format.narrow(failure), .failed)])
        }
        if let cell = s.cell, cell.count == 6 {
            let text = cell.prefix(3).map { Format.right(Format.fixed($0, 2), 7) }.joined()
                + cell.suffix(3).map { Format.right(Format.fixed($0, 2), 7) }.joined()
            var line = [Span("cell    ", .heading), Span(text), Span("  Å, °", .dim)]
            if let group = s.spaceGroup { line.append(Span("  " + Format.narrow(group.trimmingSpaces), .heading)) }
            lines.append(line)
        } else {
            lines.append([Span("cell    ", .heading), Span("not refined", .dim)])
        }
        if let l = s.lattice {
            var line = [Span("lattice ", .heading), Span("\(l.lattice)  δ \(Format.fixed(l.delta, 2))°"), Span("  recommended", .dim)]
            if let session = state.lattice, session.lattice.rawValue != l.lattice {
                if let c = l.candidate(session.lattice) {
                    line += [Span(" · ", .border), Span("\(session.lattice.rawValue)  δ \(Format.fixed(c.delta, 2))°"), Span("  the session's", .dim)]
                } else {
                    line += [Span(" · ", .border), Span("another form: not \(session.lattice.rawValue)", .warning),
                             Span(", clustered apart", .dim)]
                }
            }
            lines.append(line)
        }
        if let r = s.rmsd {
            lines.append([Span("RMSD    ", .heading),
                          Span("x \(Format.fixed(r.xPixels, 2)) px  y \(Format.fixed(r.yPixels, 2)) px  z \(Format.fixed(r.zImages, 2)) images"),
                          Span("  (\(r.nref) reflections)", .dim)])
        }
        var counts: [String] = []
        if let n = s.spotCount { counts.append("\(n) spots") }
        if let n = s.indexedCount { counts.append("\(n) indexed" + (s.indexingMethod.map { " (\(Format.narrow($0)))" } ?? "")) }
        else if let method = s.indexingMethod { counts.append("indexed by " + Format.narrow(method)) }
        if let n = s.integratedCount { counts.append("\(n) integrated") }
        if !counts.isEmpty { lines.append([Span("counts  ", .heading), Span(counts.joined(separator: " · "))]) }
        var status: [Span] = [Span("use     ", .heading)]
        if state.excluded.contains(s.number) {
            status += [Span("excluded", .excluded), Span(" · ", .border), Span("x", .key), Span(" includes it again", .dim)]
        } else if s.isUsable {
            status += [Span("included", .ok), Span(" in clustering and joint refinement", .dim)]
            if case .cluster = state.clusterExclusion { status.removeLast() }
        } else {
            status += [Span("not usable yet", .dim), Span(" (no refined cell)", .dim)]
        }
        if case .cluster(let node, _, let members) = state.clusterExclusion {
            status += [Span(" · ", .border), Span("X", .key), Span(" excludes cluster \(node.number) (\(members.count))", .dim)]
        }
        lines.append(status)
        return lines
    }

    private static func drawLog(_ lines: [String], in area: Rect, into buffer: inout ScreenBuffer) {
        guard area.height >= 2, area.width >= 10 else { return }
        buffer.put("log", x: area.x, y: area.y, style: .heading)
        guard !lines.isEmpty else {
            buffer.put("(nothing yet)", x: area.x + 4, y: area.y, style: .dim)
            return
        }
        for (i, line) in lines.suffix(area.height - 1).enumerated() {
            buffer.put(Format.truncate(Format.narrow(line), area.width), x: area.x, y: area.y + 1 + i, style: .dim)
        }
    }
}
