import CNcursesw
import Foundation
import Glibc
import Synchronization
import TriageUI

/// Whether a ``CursesBackend`` currently owns the curses library, which has one global screen:
/// a second backend would silently draw on the first one's terminal.
private let cursesInUse = Atomic<Bool>(false)

/// Whether `endwin` is still owed when the process exits (a command calling `exit()` past the
/// loop's `defer`).
private let endwinOwedAtExit = Atomic<Bool>(false)
private let registerAtExit: Void = {
    atexit { if endwinOwedAtExit.exchange(false, ordering: .acquiringAndReleasing) { endwin() } }
}()

/// Why a curses terminal could not be opened.
public enum CursesError: Error, Equatable, CustomStringConvertible, Sendable {
    /// Neither stdin/stdout nor `/dev/tty` is a terminal.
    case noTerminal
    /// `newterm` refused the terminal type (unknown `TERM`).
    case unknownTerminal(String)
    /// Another ``CursesBackend`` is open in this process.
    case alreadyActive

    public var description: String {
        switch self {
        case .noTerminal: "mxtriage ui needs a terminal (stdin/stdout or /dev/tty)"
        case .unknownTerminal(let term): "cannot open the terminal type '\(term)' (check TERM)"
        case .alreadyActive: "a curses screen is already open in this process"
        }
    }
}

/// The ncursesw backend, and the only code that imports curses.
///
/// All calls must come from one thread (Debian's ncursesw is not thread-safe); ``TerminalApp``
/// makes them from the thread that calls `run`. Opening installs SIGINT/SIGTERM/SIGHUP handlers
/// that turn the signal into ``TerminalInput/interrupted``; ``restore()`` (also run on `deinit`
/// and at exit) ends curses and puts the handlers back.
public final class CursesBackend: TerminalBackend {
    /// The theme resolved for this terminal's colours.
    public let palette: TerminalPalette
    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private var streams: [UnsafeMutablePointer<FILE>]
    private let isHeadless: Bool
    private var presenter = FramePresenter()
    private var cellStyles: [StyleKey: (attributes: attr_t, pair: Int16)] = [:]
    private var restored = false

    /// Opens the user's terminal: stdin/stdout when both are terminals, else `/dev/tty`
    /// (so `mxtriage ui > log` still works, as tig does it).
    ///
    /// - Parameters:
    ///   - theme: colours for the semantic styles.
    ///   - environment: read for `NO_COLOR`.
    ///   - escapeDelay: how long to wait after Esc for the rest of an escape sequence.
    public convenience init(
        theme: Theme, environment: [String: String] = ProcessInfo.processInfo.environment,
        escapeDelay: Duration = .milliseconds(25)
    ) throws(CursesError) {
        Self.setLocale(all: true)
        var input: UnsafeMutablePointer<FILE>?
        var output: UnsafeMutablePointer<FILE>?
        if isatty(0) == 1, isatty(1) == 1 {
            input = fdopen(dup(0), "r")
            output = fdopen(dup(1), "w")
        } else {
            input = fopen("/dev/tty", "r")
            output = fopen("/dev/tty", "w")
        }
        guard let input, let output else {
            [input, output].compactMap { $0 }.forEach { fclose($0) }
            throw .noTerminal
        }
        TerminalSignals.saveTerminalState(input: fileno(input))
        try self.init(
            terminalType: nil, input: input, output: output, headlessSize: nil, theme: theme,
            noColor: environment["NO_COLOR"] != nil)
        set_escdelay(Int32(escapeDelay.components.seconds * 1000 + escapeDelay.components.attoseconds / 1_000_000_000_000_000))
        TerminalSignals.install(output: fileno(output))
    }

    /// A curses screen that writes to `/dev/null` and reads nothing, for tests: everything is
    /// drawn into curses' own screen model, which ``screenLines()`` and ``readStyle(x:y:)``
    /// read back (tig's `TIG_NO_DISPLAY` trick). Needs no TTY and no `TERM`.
    public convenience init(
        headlessTerminalType terminalType: String = "xterm-256color", width: Int, height: Int,
        theme: Theme = .builtinDark, noColor: Bool = false
    ) throws(CursesError) {
        Self.setLocale(all: false)
        guard let output = fopen("/dev/null", "w") else { throw .noTerminal }
        guard let input = fopen("/dev/null", "r") else {
            fclose(output)
            throw .noTerminal
        }
        try self.init(
            terminalType: terminalType, input: input, output: output, headlessSize: (width, height), theme: theme,
            noColor: noColor)
    }

    private init(
        terminalType: String?, input: UnsafeMutablePointer<FILE>, output: UnsafeMutablePointer<FILE>,
        headlessSize: (width: Int, height: Int)?, theme: Theme, noColor: Bool
    ) throws(CursesError) {
        guard !cursesInUse.exchange(true, ordering: .acquiringAndReleasing) else {
            fclose(input)
            fclose(output)
            throw .alreadyActive
        }
        guard let screen = newterm(terminalType, output, input) else {
            fclose(input)
            fclose(output)
            cursesInUse.store(false, ordering: .releasing)
            throw .unknownTerminal(terminalType ?? ProcessInfo.processInfo.environment["TERM"] ?? "")
        }
        set_term(screen)
        if let headlessSize { resize_term(Int32(headlessSize.height), Int32(headlessSize.width)) }
        self.screen = screen
        window = mxcurses_stdscr()!
        streams = [input, output]
        isHeadless = headlessSize != nil
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        intrflush(window, false)
        leaveok(window, true)  // never move the hardware cursor to follow drawing
        curs_set(0)

        var depth = ColorDepth.monochrome
        var defaultColors = false
        if !noColor, has_colors() {
            start_color()
            defaultColors = use_default_colors() == OK
            depth = ColorDepth.detect(hasColors: true, colors: Int(mxcurses_colors()), noColor: false)
        }
        palette = TerminalPalette(theme: theme, depth: depth, defaultColors: defaultColors)
        for (index, pair) in palette.pairs.enumerated() where index + 1 < Int(mxcurses_color_pairs()) {
            init_pair(Int16(index + 1), Int16(pair.foreground), Int16(pair.background))
        }
        for key in StyleKey.allCases {
            let style = palette[key]
            var attributes = attr_t(MXCURSES_A_NORMAL)
            if style.attributes.contains(.bold) { attributes |= attr_t(MXCURSES_A_BOLD) }
            if style.attributes.contains(.reverse) { attributes |= attr_t(MXCURSES_A_REVERSE) }
            if style.attributes.contains(.underline) { attributes |= attr_t(MXCURSES_A_UNDERLINE) }
            if style.attributes.contains(.dim) { attributes |= attr_t(MXCURSES_A_DIM) }
            cellStyles[key] = (attributes, Int16(palette.pairNumber(key)))
        }
        _ = registerAtExit
        if !isHeadless { endwinOwedAtExit.store(true, ordering: .releasing) }
    }

    deinit { restore() }

    /// Wide characters need a UTF-8 `LC_CTYPE`; without one the box drawing and shade glyphs
    /// come out as `~T~L`. The real terminal takes the user's locale (`LC_ALL ""`) but keeps
    /// numbers in the C convention the renderer formats with; tests change only `LC_CTYPE`.
    private static func setLocale(all: Bool) {
        if all {
            setlocale(LC_ALL, "")
            setlocale(LC_NUMERIC, "C")
        } else {
            setlocale(LC_CTYPE, "")
        }
        if let codeset = nl_langinfo(nl_item(CODESET)), String(cString: codeset) != "UTF-8" {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
    }

    public var size: (width: Int, height: Int) {
        (Int(mxcurses_maxx(window)), Int(mxcurses_maxy(window)))
    }

    public func nextKey(timeout: Duration) -> TerminalInput? {
        if TerminalSignals.pending != nil, !isHeadless { return .interrupted }
        let milliseconds = timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000
        wtimeout(window, Int32(clamping: milliseconds))
        var code: wint_t = 0
        let status = wget_wch(window, &code)
        if TerminalSignals.pending != nil, !isHeadless { return .interrupted }
        guard status != ERR else { return nil }
        switch CursesKeyMap.map(code: UInt32(code), isKeyCode: status == KEY_CODE_YES) {
        case .key(let key):
            return .key(key)
        case .resize:
            // The emulator may have reflowed what was on screen; repaint everything.
            presenter.invalidate()
            clearok(window, true)
            let (width, height) = size
            return .resize(width: width, height: height)
        case .ignored:
            return nil
        }
    }

    public func present(_ buffer: ScreenBuffer) {
        let (width, height) = size
        presenter.present(buffer) { x, y, cell in
            guard x < width, y < height else { return }
            write(cell, x: x, y: y)
        }
        wnoutrefresh(window)
        doupdate()
    }

    /// Puts one cell into curses' screen model with its style's attributes and colour pair.
    private func write(_ cell: Cell, x: Int, y: Int) {
        let style = cellStyles[StyleKey(cell.style)] ?? (attr_t(MXCURSES_A_NORMAL), 0)
        // setcchar takes one spacing character plus combining marks, NUL-terminated.
        var characters = cell.character.unicodeScalars.prefix(Int(CCHARW_MAX)).map { wchar_t(bitPattern: $0.value) }
        characters.append(0)
        var glyph = cchar_t()
        setcchar(&glyph, characters, style.attributes, style.pair, nil)
        // Writing the bottom-right cell reports ERR (the cursor cannot advance) but stores the
        // glyph, so the result is deliberately ignored.
        _ = mvwadd_wch(window, Int32(y), Int32(x), &glyph)
    }

    /// The text curses holds for each row, read back with `mvwin_wchnstr` — what the terminal
    /// shows after the last ``present(_:)``.
    public func screenLines() -> [String] {
        let (width, height) = size
        var row = [cchar_t](repeating: cchar_t(), count: width + 1)
        return (0..<height).map { y in
            _ = mvwin_wchnstr(window, Int32(y), 0, &row, Int32(width))
            return String(String.UnicodeScalarView(row.prefix(width).flatMap { cell -> [Unicode.Scalar] in
                var copy = cell
                var characters = [wchar_t](repeating: 0, count: Int(CCHARW_MAX) + 1)
                var attributes: attr_t = 0
                var pair: Int16 = 0
                getcchar(&copy, &characters, &attributes, &pair, nil)
                return characters.prefix { $0 != 0 }.compactMap { Unicode.Scalar(UInt32(bitPattern: $0)) }
            }))
        }
    }

    /// The attributes and colour pair curses holds for one cell, to check that styles arrive.
    public func readStyle(x: Int, y: Int) -> (attributes: ThemeAttributes, pair: Int) {
        var cell = cchar_t()
        _ = mvwin_wch(window, Int32(y), Int32(x), &cell)
        var characters = [wchar_t](repeating: 0, count: Int(CCHARW_MAX) + 1)
        var attributes: attr_t = 0
        var pair: Int16 = 0
        getcchar(&cell, &characters, &attributes, &pair, nil)
        var result: ThemeAttributes = []
        if attributes & attr_t(MXCURSES_A_BOLD) != 0 { result.insert(.bold) }
        if attributes & attr_t(MXCURSES_A_REVERSE) != 0 { result.insert(.reverse) }
        if attributes & attr_t(MXCURSES_A_UNDERLINE) != 0 { result.insert(.underline) }
        if attributes & attr_t(MXCURSES_A_DIM) != 0 { result.insert(.dim) }
        return (result, Int(pair))
    }

    public func restore() {
        guard !restored else { return }
        restored = true
        if !isHeadless {
            TerminalSignals.uninstall()
            endwinOwedAtExit.store(false, ordering: .releasing)
        }
        endwin()
        delscreen(screen)
        streams.forEach { fclose($0) }
        streams = []
        cursesInUse.store(false, ordering: .releasing)
    }
}
