import Foundation
import Synchronization
import TriageEngine
import TriageTerminal
import TriageUI

/// Runs the triage screen over a session: the engine on its own threads, the UI on this one
/// (curses wants a single thread), events passed through an inbox. On quit — `q`, Ctrl-C or
/// SIGTERM — the engine is cancelled, running stages finish so the log is complete, the
/// terminal is restored, and the key-to-screen latency is reported on stderr.
enum TerminalSession {
    static func run(_ session: TriageSession, log: SessionLog, title: String, theme option: String?) throws {
        let selection: ThemeLocator.Selection
        do {
            selection = try ThemeLocator.standard().select(option: option, environment: ProcessInfo.processInfo.environment)
        } catch {
            throw CommandFailure.badInput("\(error)")
        }
        for warning in selection.warnings { printError(warning) }
        let inbox = EventInbox()
        session.events.subscribe { inbox.post($0) }
        // The log's own subscriber runs first: once a record fails, the screen says why
        // processing stopped (the log can no longer say anything).
        let told = Atomic<Bool>(false)
        session.events.subscribe { _ in
            if let failure = log.failure, !told.exchange(true, ordering: .relaxed) {
                inbox.post(.log(sequence: nil, line: "\(failure); processing stopped"))
            }
        }
        let backend: CursesBackend
        do { backend = try CursesBackend(theme: selection.theme) } catch {
            throw CommandFailure.badInput("\(error)")
        }
        let discovery = Thread {
            do {
                try session.discover()
                session.start()
            } catch {
                session.events.emit(.log(sequence: nil, line: "cannot start: \(error.localizedDescription)"))
            }
        }
        discovery.stackSize = 16 << 20
        discovery.start()
        var state = UIState(title: title, sessionPath: log.url.path)
        let statistics = TerminalApp.run(state: &state, program: .triage, backend: backend, inbox: inbox,
                                         perform: { session.perform($0) })
        session.cancel()
        printError("mxtriage: finishing the running stages …")
        session.waitUntilIdle()
        printError("Session log: \(log.url.path)")
        printError("Key-to-screen latency: \(statistics.keyToScreen)")
        try SessionLogOpening.close(log)
    }
}
