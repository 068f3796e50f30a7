import Testing
import TriageEngine
import TriageUI

@testable import TriageTerminal

/// The real triage reducer and renderer through the main loop, with no terminal: the way the
/// lead's replay and end-to-end tests drive the UI.
@Suite struct TriageProgramTests {
    private static let sequences = [
        SequenceSummary(number: 0, template: "xta30_1_####.cbf", directory: "/data/TehA", imageCount: 37),
        SequenceSummary(number: 6, template: "xtal14_1_####.cbf", directory: "/data/TehA", imageCount: 29),
        SequenceSummary(number: 7, template: "xtal15_1_####.cbf", directory: "/data/TehA", imageCount: 41),
    ]

    @Test func keysMoveTheSelectionAndExcludeThroughTheEngine() throws {
        var state = UIState(title: "TehA", sessionPath: "/data/TehA/session")
        let inbox = EventInbox()
        inbox.post(.sequencesFound(Self.sequences))
        var performed: [UserCommand] = []
        let (backend, statistics) = TerminalApp.runHeadless(
            state: &state, program: .triage, width: 120, height: 40,
            script: [.key(.down), .key(.character("x")), .key(.character("q"))], inbox: inbox,
            perform: { performed.append($0) })
        #expect(statistics.endReason == .quit)
        #expect(performed == [.exclude(sequence: 6)])
        #expect(state.selectedSequence?.number == 6)
        let screen = try #require(backend.screen)
        #expect(screen.width == 120 && screen.height == 40)
        #expect(screen.text.contains("xtal14_1_####.cbf"))
        #expect(backend.frames.count == 3)  // first frame, the move, the status message
        #expect(backend.cellsWritten.dropFirst().allSatisfy { $0 < 120 * 40 / 2 })  // diffs, not repaints
        #expect(statistics.keyToScreen.count == 2)
    }
}
