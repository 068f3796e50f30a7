import Testing
import TriageUI

@testable import TriageTerminal

/// The tests through real ncursesw (serialized: curses has one global screen): a `newterm` screen writing to /dev/null (no TTY, no
/// TERM needed), read back with `mvwin_wchnstr` — proof that the wide-character blit, the
/// colour pairs and the attributes arrive in curses' screen model.
@Suite(.serialized) struct CursesHeadlessTests {
    @Test func presentedGlyphsAndStylesReadBackFromCurses() throws {
        var frame = ScreenBuffer(width: 16, height: 5)
        frame.put("┌─ mx ─────────┐", x: 0, y: 0, style: .border)
        frame.put("│ ░▒▓█ ✓✗◐· Å │", x: 0, y: 1, style: .normal)
        frame.put("│ λ≥0.5        │", x: 0, y: 2, style: .normal)
        frame.restyle(x: 2, y: 2, count: 12, style: .selected)
        frame.put("└──────────────┘", x: 0, y: 3, style: .border)
        frame.put("q quit", x: 0, y: 4, style: .key)
        frame[15, 4] = Cell("█", .heat(level: 4))  // the bottom-right cell, which curses reports as ERR

        do {
            let curses = try CursesBackend(headlessTerminalType: "xterm-256color", width: 16, height: 5)
            defer { curses.restore() }
            #expect(curses.size == (16, 5))
            #expect(curses.palette.depth == .xterm256)
            curses.present(frame)
            #expect(curses.screenLines() == frame.lines)

            let selected = curses.readStyle(x: 4, y: 2)
            #expect(selected.pair == curses.palette.pairNumber(.selected))
            #expect(selected.pair != 0)
            #expect(selected.attributes == [.bold])
            #expect(curses.readStyle(x: 0, y: 0).pair == curses.palette.pairNumber(.border))

            var next = frame
            next.put("✗", x: 2, y: 1, style: .failed)
            curses.present(next)
            #expect(curses.screenLines() == next.lines)
            #expect(curses.screenLines()[1].hasPrefix("│ ✗▒▓█ ✓✗◐· Å │"))
            #expect(curses.readStyle(x: 2, y: 1).pair == curses.palette.pairNumber(.failed))

            // Only one curses screen at a time: a second one would draw over the first.
            #expect(throws: CursesError.alreadyActive) { try CursesBackend(headlessTerminalType: "vt100", width: 4, height: 2) }
        }

        // Monochrome (NO_COLOR or a terminal without colour): attributes carry the meaning.
        let mono = try CursesBackend(headlessTerminalType: "vt100", width: 16, height: 5, noColor: true)
        defer { mono.restore() }
        #expect(mono.palette.depth == .monochrome)
        mono.present(frame)
        #expect(mono.screenLines() == frame.lines)
        #expect(mono.readStyle(x: 4, y: 2) == ([.bold, .reverse], 0))
        #expect(mono.readStyle(x: 15, y: 4) == ([], 0))
        mono.restore()
        mono.restore()  // idempotent
    }

    @Test func anUnknownTerminalTypeIsAnErrorNotACrash() {
        #expect(throws: CursesError.unknownTerminal("no-such-terminal")) {
            try CursesBackend(headlessTerminalType: "no-such-terminal", width: 4, height: 2)
        }
    }
}
