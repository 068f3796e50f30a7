import Glibc
import Synchronization

/// The signal that asked the UI to stop (0: none). A signal handler may only do
/// async-signal-safe work, so it just stores here; the main loop sees it within one poll
/// interval and quits through its normal path, which restores the terminal.
private let pendingSignal = Atomic<Int32>(0)

/// Terminal settings saved before curses started, for the emergency exit below. Written once
/// before the handlers are installed and only read inside a handler afterwards, which is why
/// unsynchronised globals are acceptable here (a handler cannot take a lock).
nonisolated(unsafe) private var savedTerminalSettings = termios()
nonisolated(unsafe) private var savedTerminalDescriptor: Int32 = -1
nonisolated(unsafe) private var savedOutputDescriptor: Int32 = -1
nonisolated(unsafe) private var previousActions: [Int32: sigaction] = [:]

/// Leaves the alternate screen, shows the cursor and resets colours (xterm sequences, which
/// every terminal tmux or a modern emulator provides).
private let emergencyReset: StaticString = "\u{1b}[0m\u{1b}[?25h\u{1b}[?1049l\r\n"

/// SIGINT, SIGTERM and SIGHUP handling while curses owns the terminal.
///
/// The first signal sets a flag for the loop. A second one means the loop did not get there
/// (a reducer stuck in a long computation): the handler then restores the saved `termios` and
/// leaves the alternate screen with async-signal-safe calls only, and exits with 128 + signal,
/// so the shell is never left in curses mode.
enum TerminalSignals {
    static let handled: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// The pending signal, if any.
    static var pending: Int32? {
        let value = pendingSignal.load(ordering: .acquiring)
        return value == 0 ? nil : value
    }

    /// Saves the shell's terminal settings of `input`; call before curses changes them.
    static func saveTerminalState(input: Int32) {
        savedTerminalDescriptor = tcgetattr(input, &savedTerminalSettings) == 0 ? input : -1
    }

    /// Remembers `output` for the emergency reset and installs the handlers.
    static func install(output: Int32) {
        pendingSignal.store(0, ordering: .releasing)
        savedOutputDescriptor = output
        for signal in handled {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signal in
                if pendingSignal.exchange(signal, ordering: .acquiringAndReleasing) != 0 {
                    TerminalSignals.emergencyExit(signal)
                }
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0  // no SA_RESTART: a blocking read returns so the loop sees the flag
            var previous = sigaction()
            sigaction(signal, &action, &previous)
            previousActions[signal] = previous
        }
    }

    /// Puts back the handlers that were there before ``install(output:)``.
    static func uninstall() {
        for (signal, var previous) in previousActions { sigaction(signal, &previous, nil) }
        previousActions = [:]
        savedTerminalDescriptor = -1
        savedOutputDescriptor = -1
    }

    private static func emergencyExit(_ signal: Int32) {
        if savedTerminalDescriptor >= 0 { tcsetattr(savedTerminalDescriptor, TCSANOW, &savedTerminalSettings) }
        if savedOutputDescriptor >= 0 {
            _ = write(savedOutputDescriptor, emergencyReset.utf8Start, emergencyReset.utf8CodeUnitCount)
        }
        _exit(128 + signal)
    }
}
