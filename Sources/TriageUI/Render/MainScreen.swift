import TriageEngine

/// The sequence list: one row per sweep with its stage statuses, spot count, refined cell and
/// RMSDs (or why it failed), scrolled to keep the selection visible; the session log fills any
/// rows the list leaves free.
enum MainScreen {
    static func draw(_ state: UIState, in area: Rect, into buffer: inout ScreenBuffer) {
        guard area.height >= 2 else { return }
        let longest = state.sequences.reduce(8) { max($0, $1.template.count) }
        let columns = SequenceColumns(width: area.width - 1, longestTemplate: longest)
        drawHeading(columns, group: Frame.spaceGroup(of: state), at: area.x, y: area.y, into: &buffer)

        let rows = area.height - 1
        if state.sequences.isEmpty {
            buffer.put("looking for sweeps …", x: area.x + 2, y: area.y + 2, style: .dim, maxWidth: area.width - 2)
            drawSessionLog(state, in: Rect(x: area.x, y: area.y + 4, width: area.width, height: rows - 3), into: &buffer)
            return
        }
        let top = ListWindow.top(current: state.listTop, selection: state.selection,
                                 count: state.sequences.count, rows: rows)
        let shown = min(rows, state.sequences.count - top)
        for i in 0..<shown {
            let index = top + i
            drawRow(state, index: index, columns: columns, x: area.x, y: area.y + 1 + i, into: &buffer)
        }
        if top > 0 {
            buffer.put("↑", x: area.maxX - 1, y: area.y + 1, style: .dim)
        }
        if top + shown < state.sequences.count {
            buffer.put("↓", x: area.maxX - 1, y: area.y + rows, style: .dim)
        }
        let free = rows - shown
        if free >= 4 {
            drawSessionLog(state, in: Rect(x: area.x, y: area.y + 1 + shown + 1, width: area.width, height: free - 1), into: &buffer)
        }
    }

    private static func drawHeading(_ c: SequenceColumns, group: String?, at x: Int, y: Int, into buffer: inout ScreenBuffer) {
        func head(_ text: String, _ column: Int, _ width: Int, center: Bool = false) {
            let content = center ? centered(text, width) : Format.right(text, width)
            buffer.put(content, x: x + column, y: y, style: .heading)
        }
        buffer.put("  #", x: x, y: y, style: .heading)
        buffer.put("sequence", x: x + c.template, y: y, style: .heading)
        head("img", c.images, 3)
        head("spots", c.spots, 6)
        head("P1", c.indexP1, 3, center: true)
        let sg = group.map { String($0.filter { $0 != " " }.prefix(3)) } ?? "SG"
        head(sg, c.indexTarget, 3, center: true)
        head("refine", c.refine, 6, center: true)
        head("integ", c.integrate, 6, center: true)
        head("mtz", c.export, 4, center: true)
        if c.showsCell {
            head("a (Å)", c.cellA, 7)
            head("c (Å)", c.cellC, 8)
        }
        if c.showsRMSD {
            head("RMSD x", c.rmsdX, 8)
            head("y px", c.rmsdY, 6)
            head("z img", c.rmsdZ, 7)
        }
    }

    private static func drawRow(_ state: UIState, index: Int, columns c: SequenceColumns, x: Int, y: Int,
                                into buffer: inout ScreenBuffer) {
        let s = state.sequences[index]
        let selected = index == state.selection
        let excluded = state.excluded.contains(s.number)
        let text: Style = excluded ? .excluded : .normal
        if selected { buffer.put("▶", x: x, y: y, style: .selected) }
        buffer.put(Format.right(Format.sequence(s.number), 3), x: x + 1, y: y, style: text)
        if excluded {
            buffer.put("×", x: x + 4, y: y, style: .excluded)
        } else if !state.isMainForm(s) {
            buffer.put("≠", x: x + 4, y: y, style: .warning)
        }
        buffer.put(templateText(s.template, width: c.templateWidth), x: x + c.template, y: y, style: text)

        let elapsed = state.elapsedSeconds
        // Import and spot finding show their counts once done; the later stages a glyph.
        if s[.importImages] == .done {
            buffer.put(Format.right(String(s.imageCount), 3), x: x + c.images, y: y, style: text)
        } else {
            put(StageGlyph.span(s[.importImages], elapsed: elapsed, width: 3), in: c.images, 3, x: x, y: y, right: true, into: &buffer)
        }
        if s[.spots] == .done, let count = s.spotCount {
            buffer.put(Format.right(String(count), 6), x: x + c.spots, y: y, style: text)
        } else {
            put(StageGlyph.span(s[.spots], elapsed: elapsed, width: 6), in: c.spots, 6, x: x, y: y, right: true, into: &buffer)
        }
        put(StageGlyph.span(s[.indexP1], elapsed: elapsed, width: 3), in: c.indexP1, 3, x: x, y: y, into: &buffer)
        put(StageGlyph.span(s[.indexTarget], elapsed: elapsed, width: 3), in: c.indexTarget, 3, x: x, y: y, into: &buffer)
        put(StageGlyph.span(s[.refine], elapsed: elapsed, width: 6), in: c.refine, 6, x: x, y: y, into: &buffer)
        put(StageGlyph.span(s[.integrate], elapsed: elapsed, width: 6), in: c.integrate, 6, x: x, y: y, into: &buffer)
        put(StageGlyph.span(s[.export], elapsed: elapsed, width: 4), in: c.export, 4, x: x, y: y, into: &buffer)

        drawResults(state, s, excluded: excluded, columns: c, x: x, y: y, into: &buffer)
        if selected { buffer.highlight(x: x, y: y, count: c.width) }
    }

    /// Cell and RMSDs when known; otherwise why it failed, or its latest log line while it runs.
    private static func drawResults(_ state: UIState, _ s: SequenceSummary, excluded: Bool, columns c: SequenceColumns,
                                    x: Int, y: Int, into buffer: inout ScreenBuffer) {
        let room = c.width - c.results - 1
        guard room > 4 else { return }
        let text: Style = excluded ? .excluded : .normal
        if let failure = s.failure ?? firstFailureReason(s) {
            var reason = Format.narrow(failure)
            if let cell = s.cell, c.showsCell, cell.count >= 3 {
                buffer.put(Format.right(Format.fixed(cell[0], 2), 7), x: x + c.cellA, y: y, style: text)
                buffer.put(Format.right(Format.fixed(cell[2], 2), 8), x: x + c.cellC, y: y, style: text)
                let start = c.cellC + 10
                reason = Format.truncate(reason, c.width - start - 1)
                buffer.put(reason, x: x + start, y: y, style: .failed)
            } else {
                buffer.put(Format.truncate(reason, room - 2), x: x + c.results + 2, y: y, style: .failed)
            }
            return
        }
        if let cell = s.cell, cell.count >= 3, c.showsCell {
            buffer.put(Format.right(Format.fixed(cell[0], 2), 7), x: x + c.cellA, y: y, style: text)
            buffer.put(Format.right(Format.fixed(cell[2], 2), 8), x: x + c.cellC, y: y, style: text)
            if c.showsRMSD, let r = s.rmsd {
                buffer.put(Format.right(Format.fixed(r.xPixels, 2), 8), x: x + c.rmsdX, y: y, style: text)
                buffer.put(Format.right(Format.fixed(r.yPixels, 2), 6), x: x + c.rmsdY, y: y, style: text)
                buffer.put(Format.right(Format.fixed(r.zImages, 2), 7), x: x + c.rmsdZ, y: y, style: text)
            }
        } else if s.isRunning, let line = state.sequenceLogs[s.number]?.last {
            buffer.put(Format.truncate(Format.narrow(line), room - 2), x: x + c.results + 2, y: y, style: .dim)
        }
        if excluded && c.showsTag {
            buffer.put("excl", x: x + c.tag + 1, y: y, style: .excluded)
        }
    }

    private static func firstFailureReason(_ s: SequenceSummary) -> String? {
        for (stage, status) in zip(PipelineStage.allCases, s.stages) {
            if case .failed(let reason) = status { return stage.rawValue + ": " + reason }
        }
        return nil
    }

    /// The template as wide as the column allows: whole, then without its extension, then cut.
    static func templateText(_ template: String, width: Int) -> String {
        let clean = Format.narrow(template)
        if clean.count <= width { return clean }
        if let dot = clean.lastIndex(of: "."), clean.distance(from: clean.startIndex, to: dot) <= width {
            return String(clean[..<dot])
        }
        return Format.truncate(clean, width)
    }

    private static func put(_ span: Span, in column: Int, _ width: Int, x: Int, y: Int, right: Bool = false,
                            into buffer: inout ScreenBuffer) {
        let text = right ? Format.right(span.text, width) : centered(span.text, width)
        buffer.put(text, x: x + column, y: y, style: span.style, maxWidth: width)
    }

    /// `text` centred in `width` columns (a single glyph under the middle of its heading).
    static func centered(_ text: String, _ width: Int) -> String {
        let count = text.count
        guard count < width else { return String(text.prefix(width)) }
        let left = (width - count) / 2
        return String(repeating: " ", count: left) + text + String(repeating: " ", count: width - count - left)
    }

    private static func drawSessionLog(_ state: UIState, in area: Rect, into buffer: inout ScreenBuffer) {
        guard area.height >= 2, !state.sessionLog.lines.isEmpty else { return }
        buffer.put("session log", x: area.x + 1, y: area.y, style: .heading)
        buffer.horizontalRule(x: area.x + 13, y: area.y, count: area.width - 14, style: .dim)
        let lines = state.sessionLog.lines.suffix(area.height - 1)
        for (i, line) in lines.enumerated() {
            buffer.put(Format.truncate(Format.narrow(line), area.width - 2), x: area.x + 1, y: area.y + 1 + i, style: .dim)
        }
    }
}
