import TriageEngine
import TriageUI

/// The main loop: keys and engine events in, frames out.
///
/// Each turn it drains the ``EventInbox``, sends a clock tick when a second has passed, renders
/// and presents if anything was reduced (and the frame differs from the last one), then waits
/// at most ``Options/pollInterval`` for a key. It runs on the calling thread, which must be the
/// only thread touching the backend (curses' rule); the engine talks to it only through the
/// inbox and the `perform` closure.
public enum TerminalApp {
    public struct Options: Sendable {
        /// The longest the loop waits for a key before looking at the inbox again; this bounds
        /// how late engine events reach the screen. At most 50 ms.
        public var pollInterval: Duration
        /// Interval of ``UIAction/clock(elapsedSeconds:)`` ticks; nil sends none, which keeps
        /// scripted runs deterministic.
        public var clockInterval: Duration?

        public init(pollInterval: Duration = .milliseconds(25), clockInterval: Duration? = .seconds(1)) {
            self.pollInterval = min(pollInterval, .milliseconds(50))
            self.clockInterval = clockInterval
        }
    }

    /// Why ``run(state:program:backend:inbox:options:perform:record:)`` returned.
    public enum EndReason: Equatable, Sendable {
        /// The reducer returned ``UIEffect/quit``.
        case quit
        /// SIGINT, SIGTERM or SIGHUP.
        case interrupted
        /// The backend has no more input (a script ran out).
        case endOfInput
    }

    /// What one run did, for BENCHMARKS.md and tests.
    public struct Statistics: Equatable, Sendable {
        public var endReason: EndReason = .endOfInput
        public var keyToScreen = LatencyStatistics()
        /// Frames handed to the backend (renders that produced an unchanged frame are not presented).
        public var framesPresented = 0
        public var keys = 0
        public var engineEvents = 0
        public var commandsSent = 0
    }

    /// Runs until the reducer quits, a signal arrives or input ends; restores the terminal on
    /// every path.
    ///
    /// - Parameters:
    ///   - state: the UI state; holds the final state on return.
    ///   - program: the reducer and renderer.
    ///   - backend: the terminal (``CursesBackend``) or a script (``HeadlessBackend``).
    ///   - inbox: where the engine thread posts its events.
    ///   - perform: receives every ``UIEffect/engine(_:)`` command, on this thread, in order;
    ///     it should hand the command to the engine and return at once.
    ///   - record: sees every action before it is reduced — the hook for the session log.
    @discardableResult
    public static func run<State>(
        state: inout State,
        program: TerminalProgram<State>,
        backend: some TerminalBackend,
        inbox: EventInbox,
        options: Options = Options(),
        perform: (UserCommand) -> Void,
        record: (UIAction) -> Void = { _ in }
    ) -> Statistics {
        defer { backend.restore() }
        let clock = ContinuousClock()
        let start = clock.now
        var statistics = Statistics()
        var size = backend.size
        var needsRender = true
        var quit = false
        var lastFrame: ScreenBuffer?
        var keyArrival: ContinuousClock.Instant?
        var nextTick = options.clockInterval.map { start + $0 }

        func apply(_ action: UIAction) {
            record(action)
            let before = program.changed == nil ? nil : state
            let effects = program.reduce(&state, action)
            if let before, let changed = program.changed {
                if changed(before, state) { needsRender = true }
            } else {
                needsRender = true
            }
            for effect in effects {
                switch effect {
                case .engine(let command):
                    statistics.commandsSent += 1
                    perform(command)
                case .quit:
                    quit = true
                }
            }
        }

        apply(.resize(width: size.width, height: size.height))
        needsRender = true
        while !quit {
            for event in inbox.drain() where !quit {
                statistics.engineEvents += 1
                apply(.engine(event))
            }
            if let interval = options.clockInterval, let due = nextTick, clock.now >= due {
                let elapsed = start.duration(to: clock.now)
                apply(.clock(elapsedSeconds: elapsed.milliseconds / 1000))
                var next = due
                while next <= clock.now { next += interval }  // a stalled loop skips ticks, not replays them
                nextTick = next
            }
            if quit { break }
            if needsRender {
                let frame = program.render(state, size.width, size.height)
                if frame != lastFrame {
                    backend.present(frame)
                    statistics.framesPresented += 1
                    lastFrame = frame
                }
                needsRender = false
            }
            if let arrival = keyArrival {
                statistics.keyToScreen.record(arrival.duration(to: clock.now))
                keyArrival = nil
            }

            var wait = options.pollInterval
            if let due = nextTick { wait = max(.zero, min(wait, clock.now.duration(to: due))) }
            guard let input = backend.nextKey(timeout: wait) else { continue }
            switch input {
            case .key(let key):
                statistics.keys += 1
                keyArrival = clock.now
                apply(.key(key))
            case .resize(let width, let height):
                size = (width, height)
                // Always present after a resize, even an identical frame: the emulator may have
                // reflowed the screen, and the backend repaints everything on its next present.
                needsRender = true
                lastFrame = nil
                apply(.resize(width: width, height: height))
            case .interrupted:
                statistics.endReason = .interrupted
                return statistics
            case .endOfInput:
                statistics.endReason = .endOfInput
                return statistics
            }
        }
        statistics.endReason = .quit
        return statistics
    }

    /// Runs `program` against a ``HeadlessBackend`` of the given size fed by `script`, with no
    /// clock ticks so the result is deterministic, and returns the backend (its frames) and the
    /// statistics. Engine events already posted to `inbox` are reduced before the first frame.
    ///
    /// ```swift
    /// var state = UIState(title: "t", sessionPath: "/s")
    /// let (backend, _) = TerminalApp.runHeadless(
    ///     state: &state, program: .triage, width: 120, height: 40,
    ///     script: [.key(.down), .key(.character("x")), .key(.character("q"))])
    /// print(backend.screen!.text)
    /// ```
    @discardableResult
    public static func runHeadless<State>(
        state: inout State,
        program: TerminalProgram<State>,
        width: Int,
        height: Int,
        script: [HeadlessBackend.Step],
        inbox: EventInbox = EventInbox(),
        perform: (UserCommand) -> Void = { _ in }
    ) -> (backend: HeadlessBackend, statistics: Statistics) {
        let backend = HeadlessBackend(width: width, height: height, script: script)
        let statistics = run(
            state: &state, program: program, backend: backend, inbox: inbox,
            options: Options(clockInterval: nil), perform: perform)
        return (backend, statistics)
    }
}
