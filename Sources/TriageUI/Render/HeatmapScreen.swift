import TriageEngine

/// The correlation matrix of the refined parameters as shade blocks: density is |r| (blank
/// below 0.2, then ░ ▒ ▓ █ in steps of 0.2) and the style ``Style/heat(level:)`` carries the
/// sign, so a theme colours positive and negative correlations apart. Rows and columns are
/// labelled with DIALS parameter names, abbreviated (`Crystal12g_param_0` → `12g0`); when there
/// are more parameters than fit, it shows the most-correlated ones or a scrolling window (`m`,
/// ← →) and says which. The strongest pairs are listed beside the matrix.
enum HeatmapScreen {
    static func draw(_ state: UIState, in area: Rect, into buffer: inout ScreenBuffer) {
        guard let scope = state.shownScope else {
            buffer.put("no sequences yet", x: area.x + 1, y: area.y, style: .dim)
            return
        }
        let name: String
        switch scope {
        case .joint: name = "joint refinement"
        case .sequence(let n): name = "sequence \(Format.sequence(n))"
        }
        guard let report = state.refinements[scope], !report.parameterNames.isEmpty,
              report.correlation.count == report.parameterNames.count else {
            buffer.put([Span("parameter correlation · ", .heading), Span(name, .title)], x: area.x + 1, y: area.y, maxWidth: area.width - 2)
            let hint = state.refinements[scope] == nil ? "no finished refinement to show yet" : "this refinement has no correlation matrix"
            buffer.put(hint + " · \(state.keys.key(for: .toggleJoint)): " + (scope == .joint ? "selected sequence" : "joint"), x: area.x + 1, y: area.y + 2, style: .dim)
            return
        }
        let names = report.parameterNames.map(abbreviate)
        let p = names.count
        let labelWidth = names.reduce(3) { max($0, $1.count) }
        let labelRows = min(labelWidth, 7)
        let gridTop = area.y + 2 + labelRows
        let rowsRoom = max(1, area.maxY - gridTop)
        let widthRoom = area.width - labelWidth - 3
        let sideRoom = widthRoom - 2 * min(p, rowsRoom) - 3
        let pairsWidth = sideRoom >= 26 ? min(44, sideRoom) : 0
        let cellRoom = widthRoom - (pairsWidth > 0 ? pairsWidth + 3 : 0)
        let cellWidth = min(p, rowsRoom) * 2 <= cellRoom ? 2 : 1
        let fit = max(1, min(rowsRoom, cellRoom / cellWidth))

        let keys = state.keys
        let shown: [Int]
        var which: String
        if p <= fit {
            shown = Array(0..<p)
            which = "all \(p) parameters"
        } else if state.heatmap.selection == .mostCorrelated {
            shown = mostCorrelated(report.correlation, count: fit)
            which = "the \(fit) most correlated of \(p) (\(keys.key(for: .toggleHeatmapSelection)): window)"
        } else {
            let offset = min(state.heatmap.offset, p - fit)
            shown = Array(offset..<(offset + fit))
            which = "parameters \(offset + 1)–\(offset + fit) of \(p) (\(keys.key(for: .scrollLeft)) \(keys.key(for: .scrollRight)) scroll, \(keys.key(for: .toggleHeatmapSelection)): most correlated)"
        }
        if p <= fit { which += " · \(keys.key(for: .toggleJoint)): " + (scope == .joint ? "selected sequence" : "joint") }
        buffer.put([Span("parameter correlation · ", .heading), Span(name, .title), Span(" · " + which)],
                   x: area.x + 1, y: area.y, maxWidth: area.width - 2)
        drawLegend(at: area.x + 1, y: area.y + 1, width: area.width - 2, into: &buffer)

        // Column labels, written downwards and aligned to the bottom.
        let gridX = area.x + 1 + labelWidth + 1
        for (k, index) in shown.enumerated() {
            let label = Array(names[index].suffix(labelRows))
            for (i, ch) in label.enumerated() {
                buffer.put(String(ch), x: gridX + k * cellWidth, y: gridTop - label.count + i, style: .heading)
            }
        }
        for (r, row) in shown.enumerated() where r < rowsRoom {
            let y = gridTop + r
            buffer.put(Format.right(names[row], labelWidth), x: area.x + 1, y: y, style: .heading)
            for (k, column) in shown.enumerated() {
                let value = report.correlation[row][column]
                let cell = shade(value)
                let text = cell.character == "·" ? "·" : String(repeating: cell.character, count: cellWidth)
                buffer.put(text, x: gridX + k * cellWidth, y: y, style: cell.style)
            }
        }
        if pairsWidth > 0 {
            drawStrongestPairs(report.correlation, names: report.parameterNames.map(Format.narrow), short: names,
                               in: Rect(x: area.maxX - pairsWidth - 1, y: area.y + 2, width: pairsWidth, height: area.height - 2),
                               into: &buffer)
        }
    }

    /// The shade and heat level of one correlation coefficient.
    static func shade(_ r: Double) -> Cell {
        guard r.isFinite else { return Cell("?", .dim) }
        let magnitude = min(4, Int(abs(r) * 5))
        let level = r < 0 ? -magnitude : magnitude
        switch magnitude {
        case 0: return Cell("·", .heat(level: 0))
        case 1: return Cell("░", .heat(level: level))
        case 2: return Cell("▒", .heat(level: level))
        case 3: return Cell("▓", .heat(level: level))
        default: return Cell("█", .heat(level: level))
        }
    }

    private static func drawLegend(at x: Int, y: Int, width: Int, into buffer: inout ScreenBuffer) {
        var spans = [Span("−1 ", .dim)]
        for (level, ch) in zip(-4...(-1), "█▓▒░") { spans.append(Span(String(ch), .heat(level: level))) }
        spans.append(Span("·", .heat(level: 0)))
        for (level, ch) in zip(1...4, "░▒▓█") { spans.append(Span(String(ch), .heat(level: level))) }
        spans.append(Span(" +1", .dim))
        spans.append(Span("   shade = |r| in steps of 0.2 (· below 0.2), colour = sign of r", .dim))
        buffer.put(spans, x: x, y: y, maxWidth: width)
    }

    /// The `count` parameters with the largest off-diagonal |r|, in refinement order.
    static func mostCorrelated(_ matrix: [[Double]], count: Int) -> [Int] {
        let strength = matrix.indices.map { i in
            matrix[i].indices.reduce(0.0) { best, j in
                i == j || !matrix[i][j].isFinite ? best : max(best, abs(matrix[i][j]))
            }
        }
        let ranked = matrix.indices.sorted { (strength[$0], -$0) > (strength[$1], -$1) }
        return ranked.prefix(count).sorted()
    }

    /// Pairs with |r| ≥ 0.2, strongest first, by full DIALS name when it fits.
    private static func drawStrongestPairs(_ matrix: [[Double]], names: [String], short: [String], in area: Rect,
                                           into buffer: inout ScreenBuffer) {
        guard area.height >= 3 else { return }
        let pairs = strongestPairs(matrix, count: area.height - 1)
        buffer.put("strongest pairs (|r| ≥ 0.2)", x: area.x, y: area.y, style: .heading, maxWidth: area.width)
        if pairs.isEmpty { buffer.put("none", x: area.x, y: area.y + 1, style: .dim) }
        for (k, pair) in pairs.prefix(area.height - 1).enumerated() {
            let value = (pair.r < 0 ? "−" : "+") + Format.fixed(abs(pair.r), 2)
            var label = names[pair.i] + " ~ " + names[pair.j]
            if label.count > area.width - 7 { label = short[pair.i] + " ~ " + short[pair.j] }
            let text = Format.left(label, area.width - 7)
            buffer.put(text, x: area.x, y: area.y + 1 + k, style: .normal)
            buffer.put(Format.right(value, 6), x: area.x + area.width - 6, y: area.y + 1 + k, style: shade(pair.r).style)
        }
    }

    /// The `count` off-diagonal pairs with the largest |r| ≥ 0.2, strongest first (ties in
    /// refinement order). A bounded insertion keeps it cheap for hundreds of parameters.
    static func strongestPairs(_ matrix: [[Double]], count: Int) -> [(i: Int, j: Int, r: Double)] {
        guard count > 0 else { return [] }
        var top: [(i: Int, j: Int, r: Double)] = []
        top.reserveCapacity(count + 1)
        for i in matrix.indices {
            let row = matrix[i]
            for j in (i + 1)..<max(i + 1, row.count) {
                let r = row[j], magnitude = abs(r)
                guard r.isFinite, magnitude >= 0.2 else { continue }
                if top.count == count, magnitude <= abs(top[count - 1].r) { continue }
                var k = top.count
                while k > 0, abs(top[k - 1].r) < magnitude { k -= 1 }
                top.insert((i, j, r), at: k)
                if top.count > count { top.removeLast() }
            }
        }
        return top
    }

    /// A DIALS parameter name short enough for a heatmap label: `Detector1Dist` → `Dist`,
    /// `Shift1` → `Sh1`, `Crystal12phi1` → `12ph1`, `Crystal12g_param_0` → `12g0`.
    static func abbreviate(_ name: String) -> String {
        var s = Format.narrow(name)
        for prefix in ["Detector", "Beam", "Goniometer"] where s.hasPrefix(prefix) {
            let rest = s.dropFirst(prefix.count).drop { $0.isNumber }
            if !rest.isEmpty { s = String(rest) }
        }
        if s.hasPrefix("Crystal") {
            let rest = s.dropFirst("Crystal".count)
            let number = String(rest.prefix { $0.isNumber })
            var tail = String(rest.dropFirst(number.count))
            if tail.hasPrefix("phi") { tail = "ph" + tail.dropFirst(3) }
            if tail.hasPrefix("g_param_") { tail = "g" + tail.dropFirst("g_param_".count) }
            s = number + tail
        }
        if s.hasPrefix("Shift") { s = "Sh" + s.dropFirst(5) }
        return String(s.prefix(7))
    }
}
