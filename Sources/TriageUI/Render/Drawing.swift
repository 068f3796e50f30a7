/// A run of text in one style; screens build lines from spans so colour follows meaning.
struct Span {
    var text: String
    var style: Style
    init(_ text: String, _ style: Style = .normal) { self.text = text; self.style = style }
}

extension Array where Element == Span {
    /// Columns the spans take (every character is one column).
    var width: Int { reduce(0) { $0 + $1.text.count } }
}

/// Box-drawing helpers on top of ``ScreenBuffer``'s cells.
extension ScreenBuffer {
    /// Writes spans from (x, y), clipped at `maxWidth` columns; returns the column after the last.
    @discardableResult
    mutating func put(_ spans: [Span], x: Int, y: Int, maxWidth: Int) -> Int {
        var column = x
        for span in spans {
            let room = x + maxWidth - column
            if room <= 0 { break }
            column = put(span.text, x: column, y: y, style: span.style, maxWidth: room)
        }
        return column
    }

    /// A horizontal rule of `─` from x over `count` columns.
    mutating func horizontalRule(x: Int, y: Int, count: Int, style: Style = .border) {
        guard count > 0 else { return }
        put(String(repeating: "─", count: count), x: x, y: y, style: style)
    }

    /// A separator across the frame at row y: `├── title ──┤`, joining the frame's sides.
    mutating func separator(y: Int, title: [Span] = []) {
        guard width >= 2 else { return }
        put("├", x: 0, y: y, style: .border)
        horizontalRule(x: 1, y: y, count: width - 2)
        put("┤", x: width - 1, y: y, style: .border)
        if !title.isEmpty {
            let end = put([Span(" ", .border)] + title + [Span(" ", .border)], x: 2, y: y, maxWidth: width - 4)
            _ = end
        }
    }

    /// Clears a rectangle to blanks.
    mutating func clear(x: Int, y: Int, width w: Int, height h: Int) {
        fill(x: x, y: y, width: w, height: h, with: Cell())
    }

    /// Restyles cells of row y from x over `count` columns whose style is plain text, keeping
    /// coloured glyphs (status marks, heat cells) as they are.
    mutating func highlight(x: Int, y: Int, count: Int, style: Style = .selected) {
        guard y >= 0, y < height else { return }
        for column in max(0, x)..<min(width, x + count) {
            switch self[column, y].style {
            case .normal, .dim, .excluded, .heading: self[column, y].style = style
            default: break
            }
        }
    }
}
