/// Every key, in a box over the middle of the screen. Any key closes it (`q` still quits).
enum HelpOverlay {
    /// The help's lines: the key table's, so the help cannot drift from what the keys do.
    static func entries(_ keys: KeyBindings) -> [(key: String, what: String)] {
        keys.lines.map { ($0.label, $0.what) }
    }

    static let notes = [
        "× marks an excluded sequence; exclusions show once the engine confirms them.",
        "≠ marks a crystal of another lattice: clustered apart, not refined jointly.",
        "The automatic cut lies in the largest gap between merge heights.",
    ]

    static func draw(_ keys: KeyBindings, into buffer: inout ScreenBuffer) {
        let entries = entries(keys)
        let keyWidth = entries.reduce(0) { max($0, $1.key.count) }
        let textWidth = max(entries.reduce(0) { max($0, $1.what.count) } + keyWidth + 3, notes.reduce(0) { max($0, $1.count) })
        let w = min(buffer.width - 4, textWidth + 4)
        let h = min(buffer.height - 2, entries.count + notes.count + 5)
        let x = (buffer.width - w) / 2, y = max(1, (buffer.height - h) / 2)
        buffer.clear(x: x, y: y, width: w, height: h)
        buffer.put("┌" + String(repeating: "─", count: w - 2) + "┐", x: x, y: y, style: .border)
        for row in (y + 1)..<(y + h - 1) {
            buffer.put("│", x: x, y: row, style: .border)
            buffer.put("│", x: x + w - 1, y: row, style: .border)
        }
        buffer.put("└" + String(repeating: "─", count: w - 2) + "┘", x: x, y: y + h - 1, style: .border)
        buffer.put(" keys ", x: x + 2, y: y, style: .title)
        let room = w - 4
        var row = y + 2
        for entry in entries where row < y + h - 1 {
            buffer.put(Format.right(entry.key, keyWidth), x: x + 2, y: row, style: .key, maxWidth: room)
            buffer.put(entry.what, x: x + 2 + keyWidth + 3, y: row, style: .normal, maxWidth: room - keyWidth - 3)
            row += 1
        }
        row += 1
        for note in notes where row < y + h - 1 {
            buffer.put(Format.truncate(note, room), x: x + 2, y: row, style: .dim)
            row += 1
        }
        buffer.put(" any key closes ", x: x + w - 18, y: y + h - 1, style: .dim)
    }
}
