import TriageEngine

/// The frame round every screen: the title bar (what is processed, how far it got, elapsed
/// time), the view tabs with the status message, and the key bar.
enum Frame {
    static func draw(_ state: UIState, into buffer: inout ScreenBuffer) {
        let w = buffer.width, h = buffer.height
        for y in 1..<(h - 1) {
            buffer.put("│", x: 0, y: y, style: .border)
            buffer.put("│", x: w - 1, y: y, style: .border)
        }
        drawTitleBar(state, into: &buffer)
        drawTabs(state, into: &buffer)
        drawKeyBar(state, into: &buffer)
    }

    // MARK: title bar

    private static func drawTitleBar(_ state: UIState, into buffer: inout ScreenBuffer) {
        let w = buffer.width
        buffer.put("┌", x: 0, y: 0, style: .border)
        buffer.horizontalRule(x: 1, y: 0, count: w - 2)
        buffer.put("┐", x: w - 1, y: 0, style: .border)

        let room = w - 4
        var right = progressSpans(state, compact: false)
        if right.width + 36 > room { right = progressSpans(state, compact: true) }
        var left: [Span] = [Span(" "), Span("mxtriage", .title)]
        let count = state.sequences.count
        let countText = " · \(count) sequence\(count == 1 ? "" : "s")"
        let group = state.lattice.map { " · " + Format.narrow(Frame.latticeTitle($0)) } ?? spaceGroup(of: state).map { " · " + $0 } ?? ""
        let fixed = left.width + countText.count + group.count + 1 + right.width + 2
        let titleRoom = room - fixed - 3
        if titleRoom >= 8 {
            left.append(Span(" · ", .border))
            left.append(Span(Format.truncateLeading(Format.narrow(state.title), titleRoom), .title))
        }
        left.append(Span(countText))
        if !group.isEmpty, left.width + group.count + right.width + 3 <= room { left.append(Span(group, .heading)) }
        left.append(Span(" "))
        buffer.put(left, x: 1, y: 0, maxWidth: room)
        if left.width + right.width + 1 <= room {
            buffer.put(right, x: w - 2 - right.width, y: 0, maxWidth: right.width)
        }
    }

    /// "individual 18 ✓ 3 ✗ 2 running · joint run 1: 18 ✓ · 03:41", or compact
    /// "18 ✓ 3 ✗ 2 ◐ · joint 18 ✓ · 03:41" on narrow terminals.
    static func progressSpans(_ state: UIState, compact: Bool) -> [Span] {
        var done = 0, failed = 0, running = 0
        for s in state.sequences {
            if s[.export] == .done { done += 1 }
            if s.hasFailure { failed += 1 } else if s.isRunning { running += 1 }
        }
        var spans = [Span(compact ? " " : " individual "), Span("\(done) ✓", .ok), Span(" "),
                     Span("\(failed) ✗", failed > 0 ? .failed : .dim)]
        if running > 0 || !state.individualFinished {
            spans += [Span(" "), Span("\(running)" + (compact ? " ◐" : " running"), running > 0 ? .running : .dim)]
        }
        spans.append(Span(" · ", .border))
        spans += jointSpans(state.joint, compact: compact)
        spans.append(Span(" · ", .border))
        spans.append(Span(Format.elapsed(state.elapsedSeconds), .title))
        spans.append(Span(" "))
        return spans
    }

    static func jointSpans(_ joint: JointStatus, compact: Bool = false) -> [Span] {
        guard joint.runs > 0 || joint.phase != .idle else { return [Span("joint –", .dim)] }
        let run = Span(compact ? "joint " : "joint run \(max(joint.runs, 1)): ")
        switch joint.phase {
        case .idle: return [run, Span("idle", .dim)]
        case .running(let stage): return [run, Span("◐ " + Format.narrow(stage), .running)]
        case .done: return [run, Span("\(joint.sequences.count) ✓", .ok)]
        case .failed: return [run, Span("✗ failed", .failed)]
        }
    }

    /// "H 3 (hR, auto 6/6)": the session's group, its lattice and how it was chosen; the group
    /// alone when it came from `--space-group`.
    static func latticeTitle(_ lattice: SessionLattice) -> String {
        switch lattice.choice {
        case .commandLine: return lattice.spaceGroup
        case .automatic: return "\(lattice.spaceGroup) (\(lattice.lattice.rawValue), auto \(lattice.supporting)/\(lattice.crystals))"
        case .user: return "\(lattice.spaceGroup) (\(lattice.lattice.rawValue), chosen)"
        }
    }

    /// The session's space group once chosen, e.g. "H 3", else the first sequence's.
    static func spaceGroup(of state: UIState) -> String? {
        if let lattice = state.lattice { return Format.narrow(lattice.spaceGroup) }
        for s in state.sequences {
            if let group = s.spaceGroup?.trimmingSpaces, !group.isEmpty { return Format.narrow(group) }
        }
        return nil
    }

    // MARK: view tabs and status

    private static func drawTabs(_ state: UIState, into buffer: inout ScreenBuffer) {
        let room = buffer.width - 4
        let status: [Span]
        if let typed = state.latticePrompt {
            status = [Span("lattice or space group (auto, oP, P 21 21 21): ", .heading), Span(Format.narrow(typed) + "▏", .normal)]
        } else if let message = state.status {
            status = [Span(message.kind == .refusal ? "✗ " : "› ", message.kind == .refusal ? .failed : .running),
                      Span(Format.narrow(message.text), message.kind == .refusal ? .warning : .normal)]
        } else if let line = state.sessionLog.last {
            status = [Span(Format.narrow(line), .dim)]
        } else {
            status = []
        }
        var tabs = tabSpans(state.view, compact: false)
        if state.status != nil || state.latticePrompt != nil, tabs.width + status.width + 2 > room { tabs = tabSpans(state.view, compact: true) }
        let end = buffer.put(tabs, x: 2, y: 1, maxWidth: room)
        let statusRoom = 2 + room - end - 2
        guard statusRoom > 4, !status.isEmpty else { return }
        var fitted = status
        if fitted.width > statusRoom, let last = fitted.indices.last {
            let other = fitted.width - fitted[last].text.count
            fitted[last].text = Format.truncate(fitted[last].text, statusRoom - other)
        }
        buffer.put(fitted, x: 2 + room - fitted.width, y: 1, maxWidth: statusRoom)
    }

    /// "1 sequences  2 refinement  …", or, compact, only the current view named.
    static func tabSpans(_ current: TriageView, compact: Bool) -> [Span] {
        var spans: [Span] = []
        for view in TriageView.allCases {
            if !spans.isEmpty { spans.append(Span(compact ? " " : "  ")) }
            if view == current {
                spans.append(Span(" \(view.rawValue) \(view.title) ", .selected))
            } else if compact {
                spans.append(Span("\(view.rawValue)", .key))
            } else {
                spans += [Span("\(view.rawValue) ", .key), Span(view.title, .dim)]
            }
        }
        return spans
    }

    // MARK: key bar

    /// The key bar's entries, most important first; they are shown in this order's subset
    /// that fits, but always in reading order.
    static let keys: [(key: String, what: String, priority: Int)] = [
        ("↑↓", "move", 2), ("x", "exclude", 3), ("X", "cluster", 4), ("J", "joint", 5),
        ("c", "re-cluster", 6), ("tab", "view", 7), ("↵", "detail", 8), ("?", "help", 0), ("q", "quit", 1),
    ]

    private static func drawKeyBar(_ state: UIState, into buffer: inout ScreenBuffer) {
        let w = buffer.width, y = buffer.height - 1
        buffer.put("└", x: 0, y: y, style: .border)
        buffer.horizontalRule(x: 1, y: y, count: w - 2)
        buffer.put("┘", x: w - 1, y: y, style: .border)
        let room = w - 4
        var chosen = Set<Int>()
        for priority in 0..<keys.count {
            guard let index = keys.firstIndex(where: { $0.priority == priority }) else { continue }
            var trial = chosen
            trial.insert(index)
            if keySpans(trial).width <= room { chosen = trial } else { break }
        }
        let spans = keySpans(chosen)
        let end = buffer.put(spans, x: 1, y: y, maxWidth: room)
        let pathRoom = w - 2 - end - 3
        if pathRoom >= 12, !state.sessionPath.isEmpty {
            let path = " " + Format.truncateLeading(Format.narrow(state.sessionPath), pathRoom - 2) + " "
            buffer.put(path, x: w - 2 - path.count, y: y, style: .dim)
        }
    }

    private static func keySpans(_ chosen: Set<Int>) -> [Span] {
        var spans: [Span] = [Span(" ", .border)]
        for (i, entry) in keys.enumerated() where chosen.contains(i) {
            if spans.count > 1 { spans.append(Span(" · ", .border)) }
            spans += [Span(entry.key, .key), Span(" " + entry.what, .border)]
        }
        spans.append(Span(" ", .border))
        return spans
    }

    // MARK: too small

    static func drawTooSmall(into buffer: inout ScreenBuffer) {
        guard buffer.width > 0, buffer.height > 0 else { return }
        let lines = [
            ("terminal too small", Style.warning),
            ("\(buffer.width)×\(buffer.height), needs \(Layout.minimumWidth)×\(Layout.minimumHeight)", Style.dim),
            ("q quits", Style.key),
        ]
        let top = max(0, (buffer.height - lines.count) / 2)
        for (i, (text, style)) in lines.enumerated() {
            let cut = Format.truncate(text, buffer.width)
            buffer.put(cut, x: max(0, (buffer.width - cut.count) / 2), y: top + i, style: style)
        }
    }
}

extension String {
    /// Without leading and trailing spaces.
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
