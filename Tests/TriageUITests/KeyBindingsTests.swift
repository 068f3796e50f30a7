import TriageEngine
import XCTest
@testable import TriageUI

/// The key table is the one place keys are written: the reducer acts through it, the help
/// lists it, and the screen's hints name its keys — so changing a binding changes all three.
final class KeyBindingsTests: XCTestCase {
    func testNoKeyIsBoundTwice() {
        let keys = KeyBindings.standard.lines.flatMap(\.bindings).flatMap(\.keys)
        XCTAssertEqual(keys.count, Set(keys).count, "a key with two actions: \(keys)")
    }

    func testEveryActionHasAKey() {
        let bound = Set(KeyBindings.standard.lines.flatMap(\.bindings).map(\.action))
        let actions: [KeyAction] = [
            .quit, .help, .selectPrevious, .selectNext, .pageUp, .pageDown, .selectFirst, .selectLast, .nextView, .previousView,
            .toggleDetail, .closeDetail, .toggleExclusion, .excludeCluster, .cutFewer, .cutMore, .toggleJoint, .runJoint,
            .recluster, .toggleHeatmapSelection, .scrollLeft, .scrollRight, .chooseLattice,
        ] + TriageView.allCases.map(KeyAction.show)
        XCTAssertEqual(Set(actions).subtracting(bound), [])
    }

    func testTheHelpListsEveryLineOfTheTable() {
        var state = UIState(title: "t", sessionPath: "s")
        _ = UIReducer.reduce(&state, .resize(width: 120, height: 40))
        _ = UIReducer.reduce(&state, .key(.character("?")))
        let screen = UIRenderer.render(state, width: 120, height: 40).text
        for line in KeyBindings.standard.lines {
            XCTAssertTrue(screen.contains(line.label + "   " + line.what), "help lacks \(line.label) \(line.what):\n\(screen)")
        }
        XCTAssertTrue(screen.contains("↑ ↓  k j   move the selection"), screen)
        XCTAssertTrue(screen.contains("J  r   run joint refinement"), screen)
    }

    /// Rebinding joint refinement to `R`: `R` runs it, `J` no longer does, and the hints that
    /// point at the key say `R`.
    func testARebindingChangesTheActionTheHelpAndTheHints() throws {
        var state = UIState(title: "t", sessionPath: "s")
        var lines = KeyBindings.standard.lines
        let i = try XCTUnwrap(lines.firstIndex { $0.bindings.contains { $0.action == .runJoint } })
        lines[i].bindings = [.init(keys: [.character("R")], action: .runJoint)]
        state.keys = KeyBindings(lines: lines)
        _ = UIReducer.reduce(&state, .resize(width: 120, height: 40))
        var found = (0..<2).map { SequenceSummary(number: $0, template: "x\($0)_####.cbf", directory: "/d", imageCount: 10) }
        for k in found.indices {
            found[k].stages = Array(repeating: .done, count: PipelineStage.allCases.count)
            found[k].cell = [98.2, 98.2, 136.5, 90, 90, 120]
        }
        _ = UIReducer.reduce(&state, .engine(.sequencesFound(found)))
        XCTAssertEqual(UIReducer.reduce(&state, .key(.character("J"))), [], "J is no longer bound")
        XCTAssertEqual(UIReducer.reduce(&state, .key(.character("R"))), [.engine(.runJoint)])
        _ = UIReducer.reduce(&state, .key(.character("5")))
        XCTAssertTrue(UIRenderer.render(state, width: 120, height: 40).text.contains("no joint refinement yet — R runs it"), UIRenderer.render(state, width: 120, height: 40).text)
        XCTAssertEqual(state.keys.key(for: .runJoint), "R")
    }
}
