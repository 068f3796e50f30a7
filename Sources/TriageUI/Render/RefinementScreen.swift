import TriageEngine

/// dials.refine as a crystallographer reads it: the step table (Step, Nref, RMSD_X, RMSD_Y,
/// RMSD_Phi in mm, mm, degrees) growing live as Levenberg–Marquardt steps arrive, why it
/// stopped, and the per-experiment RMSD table (Exp id, Nref, RMSD_X and RMSD_Y in pixels,
/// RMSD_Z in images), for the selected sequence or, with `t`, the joint refinement.
enum RefinementScreen {
    static func draw(_ state: UIState, in area: Rect, into buffer: inout ScreenBuffer) {
        guard let scope = state.shownScope else {
            buffer.put("no sequences yet", x: area.x + 1, y: area.y, style: .dim)
            return
        }
        let report = state.refinements[scope]
        let steps = state.stepRows[scope] ?? []
        buffer.put(title(state, scope, report: report, steps: steps), x: area.x + 1, y: area.y, maxWidth: area.width - 2)
        if steps.isEmpty && report == nil {
            buffer.put(Format.truncate(emptyHint(state, scope), area.width - 2), x: area.x + 1, y: area.y + 2, style: .dim)
            return
        }
        let body = Rect(x: area.x + 1, y: area.y + 2, width: area.width - 2, height: area.height - 2)
        let stepWidth = StepTable.width
        let experiments = report?.experiments ?? []
        let selected = state.selectedSequence?.number
        if body.width >= stepWidth + 3 + ExperimentTable.width, !experiments.isEmpty {
            StepTable.draw(steps, termination: report?.termination, in: Rect(x: body.x, y: body.y, width: stepWidth, height: body.height), into: &buffer)
            let x = body.x + stepWidth + 3
            ExperimentTable.draw(experiments, selected: selected, excluded: state.excluded,
                                 in: Rect(x: x, y: body.y, width: body.maxX - x, height: body.height), into: &buffer)
        } else {
            let used = StepTable.draw(steps, termination: report?.termination,
                                      in: Rect(x: body.x, y: body.y, width: body.width, height: experiments.isEmpty ? body.height : max(5, body.height / 2)),
                                      into: &buffer)
            if !experiments.isEmpty, body.height - used - 1 >= 4 {
                ExperimentTable.draw(experiments, selected: selected, excluded: state.excluded,
                                     in: Rect(x: body.x, y: body.y + used + 1, width: body.width, height: body.height - used - 1), into: &buffer)
            }
        }
    }

    private static func title(_ state: UIState, _ scope: RefinementScope, report: RefinementReport?,
                              steps: [RefinementStepRow]) -> [Span] {
        var spans: [Span] = [Span("refinement · ", .heading)]
        switch scope {
        case .joint:
            let crystals = report?.experiments.count ?? state.joint.sequences.count
            spans += [Span("joint", .title), Span(" · \(crystals) crystals · shared detector and beam")]
        case .sequence(let n):
            let template = state.sequences.first { $0.number == n }.map { " (" + Format.narrow($0.template) + ")" } ?? ""
            spans += [Span("sequence \(Format.sequence(n))", .title), Span(template), Span(" · scan-static")]
        }
        if let report {
            if !report.parameterNames.isEmpty { spans.append(Span(" · \(report.parameterNames.count) parameters")) }
            spans.append(Span(" · done", .ok))
        } else if !steps.isEmpty {
            spans.append(Span(" · step \(steps.last!.step) ", .normal))
            spans.append(Span(String(StageGlyph.spinnerFrame(state.elapsedSeconds)), .running))
        }
        spans.append(Span("   t: " + (scope == .joint ? "selected sequence" : "joint"), .dim))
        return spans
    }

    private static func emptyHint(_ state: UIState, _ scope: RefinementScope) -> String {
        switch scope {
        case .joint:
            return state.joint.runs == 0 ? "no joint refinement yet — \(state.keys.key(for: .runJoint)) runs it on the included, refined sequences"
                                         : "joint refinement has not reported steps yet"
        case .sequence(let n):
            guard let s = state.sequences.first(where: { $0.number == n }) else { return "" }
            switch s[.refine] {
            case .queued: return "sequence \(Format.sequence(n)) has not reached refinement yet"
            case .failed(let reason): return "refinement failed: " + Format.narrow(reason)
            case .skipped: return "refinement skipped: " + Format.narrow(s.failure ?? "an earlier stage failed")
            case .running, .done: return "waiting for the first refinement step …"
            }
        }
    }
}

/// The step table in dials.refine's layout.
enum StepTable {
    static let width = 48

    /// Draws the table and returns the rows used.
    @discardableResult
    static func draw(_ steps: [RefinementStepRow], termination: String?, in area: Rect, into buffer: inout ScreenBuffer) -> Int {
        guard area.height >= 4 else { return 0 }
        let x = area.x, y = area.y
        buffer.put(" Step │   Nref │   RMSD_X │   RMSD_Y │ RMSD_Phi", x: x, y: y, style: .heading)
        buffer.put("      │        │     (mm) │     (mm) │    (deg)", x: x, y: y + 1, style: .dim)
        buffer.put("──────┼────────┼──────────┼──────────┼─────────", x: x, y: y + 2, style: .border)
        let room = area.height - 3 - (termination == nil ? 0 : 1)
        // When the table is longer than the room: step 0, a gap, and the latest steps.
        var shown: [RefinementStepRow?] = steps.suffix(max(1, room)).map { $0 }
        if steps.count > room, room >= 3 { shown = [steps[0], nil] + steps.suffix(room - 2).map { $0 } }
        for (i, entry) in shown.enumerated() {
            guard let row = entry else {
                buffer.put("    ⋮ │        │          │          │", x: x, y: y + 3 + i, style: .border)
                continue
            }
            let line = Format.right(String(row.step), 5) + " │ " + Format.right(String(row.nref), 6) + " │ "
                + Format.right(Format.general(row.rmsdXmm, 5), 8) + " │ "
                + Format.right(Format.general(row.rmsdYmm, 5), 8) + " │ "
                + Format.right(Format.general(row.rmsdPhiDegrees, 5), 8)
            buffer.put(line, x: x, y: y + 3 + i, style: .normal)
            for column in [6, 15, 26, 37] { buffer[x + column, y + 3 + i].style = .border }
        }
        var used = 3 + shown.count
        if let termination {
            buffer.put(Format.truncate(Format.narrow(termination), area.width), x: x, y: y + used, style: .ok)
            used += 1
        }
        return used
    }
}

/// The per-experiment RMSD table of a finished refinement, the selected sequence's row marked
/// and kept in view.
enum ExperimentTable {
    static let width = 53

    static func draw(_ rows: [RefinementReport.ExperimentRow], selected: Int?, excluded: Set<Int>, in area: Rect,
                     into buffer: inout ScreenBuffer) {
        guard area.height >= 4 else { return }
        let x = area.x, y = area.y
        buffer.put("Exp │ seq │  Nref │ RMSD_X │ RMSD_Y │   RMSD_Z", x: x + 1, y: y, style: .heading)
        buffer.put(" id │     │       │   (px) │   (px) │ (images)", x: x + 1, y: y + 1, style: .dim)
        buffer.put("────┼─────┼───────┼────────┼────────┼─────────", x: x + 1, y: y + 2, style: .border)
        let rowsRoom = area.height - 3
        let selectedIndex = selected.flatMap { s in rows.firstIndex { $0.sequence == s } }
        let top = ListWindow.top(current: 0, selection: selectedIndex ?? 0, count: rows.count, rows: rowsRoom)
        for i in 0..<min(rowsRoom, rows.count - top) {
            let index = top + i, row = rows[index], yy = y + 3 + i
            let line = Format.right(String(index), 3) + " │  " + Format.sequence(row.sequence).padding(2) + " │ "
                + Format.right(String(row.nref), 5) + " │ " + Format.right(Format.fixed(row.rmsdXPixels, 3), 6) + " │ "
                + Format.right(Format.fixed(row.rmsdYPixels, 3), 6) + " │ " + Format.right(Format.fixed(row.rmsdZImages, 3), 8)
            let style: Style = excluded.contains(row.sequence) ? .excluded : .normal
            buffer.put(line, x: x + 1, y: yy, style: style)
            for column in [5, 11, 19, 28, 37] { buffer[x + column, yy].style = .border }
            if index == selectedIndex {
                buffer.put("▶", x: x, y: yy, style: .selected)
                buffer.highlight(x: x + 1, y: yy, count: 45)
            }
        }
        if top > 0 { buffer.put("↑", x: x + 47, y: y + 3, style: .dim) }
        if top + rowsRoom < rows.count { buffer.put("↓", x: x + 47, y: y + 2 + rowsRoom, style: .dim) }
    }
}

extension String {
    /// Padded with spaces on the right to `width` columns.
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
