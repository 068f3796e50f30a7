import Foundation
import MXGeometry
import TriageEngine
import TriageTerminal
import TriageUI

/// Plays a session log's engine results on the triage screen at their recorded times (scaled
/// by `speed`); keys move and switch views as usual, but nothing is computed.
enum ReplayOnScreen {
    static func play(_ log: SessionLogReader, speed: Double, theme option: String? = nil) throws {
        let selection: ThemeLocator.Selection
        do {
            selection = try ThemeLocator.standard().select(option: option, environment: ProcessInfo.processInfo.environment)
        } catch {
            throw CommandFailure.badInput("\(error)")
        }
        let inbox = EventInbox()
        let backend: CursesBackend
        do { backend = try CursesBackend(theme: selection.theme) } catch {
            throw CommandFailure.badInput("\(error)")
        }
        let records = log.records
        let player = Thread {
            let start = ContinuousClock.now
            for case let .event(event, seconds) in records {
                let due = start + .milliseconds(Int(seconds / speed * 1000))
                if due > ContinuousClock.now { Thread.sleep(forTimeInterval: (due - ContinuousClock.now).seconds) }
                inbox.post(event)
            }
        }
        player.start()
        var state = UIState(title: "replay · " + (log.header.inputs.first ?? ""), sessionPath: "replay")
        TerminalApp.run(state: &state, program: .triage, backend: backend, inbox: inbox, perform: { _ in })
    }
}
