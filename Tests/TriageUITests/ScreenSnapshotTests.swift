import TriageEngine
import XCTest
@testable import TriageUI

/// Text snapshots of every screen, drawn from the fixed TehA-like session.
final class ScreenSnapshotTests: XCTestCase {
    private func render(_ state: UIState, _ width: Int = 120, _ height: Int = 40) -> ScreenBuffer {
        UIRenderer.render(state, width: width, height: height)
    }

    private func press(_ keys: [KeyPress], _ state: inout UIState) {
        for key in keys { _ = UIReducer.reduce(&state, .key(key)) }
    }

    func testMainScreenWithMixedStatuses() {
        assertSnapshot(render(TehaFixture.state()), named: "main-120x40")
    }

    func testMainScreenAt80x24ScrollsToTheSelection() {
        let state = TehaFixture.state(width: 80, height: 24, selection: 22)
        assertSnapshot(render(state, 80, 24), named: "main-80x24")
    }

    func testMainScreenWide() {
        assertSnapshot(render(TehaFixture.state(width: 200, height: 60), 200, 60), named: "main-200x60")
    }

    func testRefinementLiveForARunningSequence() {
        var state = TehaFixture.state(selection: 20)
        press([.character("2")], &state)
        assertSnapshot(render(state), named: "refinement-live")
    }

    func testRefinementJointFinished() {
        var state = TehaFixture.state(selection: 9)
        press([.character("2"), .character("t")], &state)
        assertSnapshot(render(state), named: "refinement-joint")
        assertSnapshot(render(state, 80, 24), named: "refinement-joint-80x24")
    }

    func testHeatmapOfOneSequence() {
        var state = TehaFixture.state(selection: 3)
        press([.character("3")], &state)
        assertSnapshot(render(state), named: "heatmap-sequence")
    }

    func testHeatmapOfTheJointRefinementShowsTheMostCorrelated() {
        var state = TehaFixture.state()
        press([.character("3"), .character("t")], &state)
        assertSnapshot(render(state), named: "heatmap-joint")
        press([.right, .right], &state)
        assertSnapshot(render(state, 80, 24), named: "heatmap-joint-window-80x24")
    }

    func testDendrogramOfTheIndividualCells() {
        var state = TehaFixture.state(selection: 9)
        press([.character("4")], &state)
        assertSnapshot(render(state), named: "dendrogram-individual")
    }

    func testDendrogramOfTheJointCellsWithAChosenCut() {
        var state = TehaFixture.state(width: 80, height: 24, selection: 4)
        press([.character("4"), .character("t"), .character("]")], &state)
        assertSnapshot(render(state, 80, 24), named: "dendrogram-joint-80x24")
    }

    func testComparison() {
        var state = TehaFixture.state(selection: 9)
        press([.character("5")], &state)
        assertSnapshot(render(state), named: "comparison")
    }

    func testDetailPaneOfAFailedSequence() {
        var state = TehaFixture.state(selection: 11)
        press([.enter], &state)
        assertSnapshot(render(state), named: "detail-120x40")
    }

    /// Without `--space-group` the title names the session's lattice and how many crystals
    /// support it; a crystal shows its own recommendation with δ and, when it is not of the
    /// session's lattice, is marked ≠ in the list and called another form in its detail pane.
    func testTheSessionLatticeAndAnotherFormAreShown() {
        var state = TehaFixture.state(selection: 7)
        let lattice = SessionLattice(lattice: .hR, spaceGroup: "H 3", choice: .automatic, supporting: 5, crystals: 6)
        _ = UIReducer.reduce(&state, .engine(.lattice(lattice)))
        var rhombohedral = TehaFixture.finished(6)
        rhombohedral.lattice = LatticeSuggestion(candidates: [.init(lattice: "hR", delta: 0.123, spaceGroup: "H 3"),
                                                              .init(lattice: "mC", delta: 0.05, spaceGroup: "C 1 2 1")])
        rhombohedral.targetSpaceGroup = "H 3"
        var other = TehaFixture.finished(7)
        other.lattice = LatticeSuggestion(lattice: "oP", delta: 0.31, spaceGroup: "P 2 2 2")
        other.targetSpaceGroup = "P 2 2 2"
        other.spaceGroup = "P 2 2 2"
        for s in [rhombohedral, other] { _ = UIReducer.reduce(&state, .engine(.sequence(s))) }
        let list = render(state).text
        XCTAssertTrue(list.contains("· H 3 (hR, auto 5/6)"), "title")
        let rows = list.split(separator: "\n")
        XCTAssertTrue(rows.contains { $0.contains(" 07≠") }, "mark")
        XCTAssertFalse(rows.contains { $0.contains(" 06≠") }, "no mark")
        press([.enter], &state)
        let detail = render(state).text
        XCTAssertTrue(detail.contains("lattice oP  δ 0.31°  recommended · another form: not hR, clustered apart"), detail)
        press([.up], &state)
        let main = render(state).text
        XCTAssertTrue(main.contains("lattice hR  δ 0.12°  recommended"), main)
        XCTAssertFalse(main.contains("another form"), main)
    }

    func testDetailPaneAt80x24() {
        var state = TehaFixture.state(width: 80, height: 24, selection: 7)
        press([.enter], &state)
        assertSnapshot(render(state, 80, 24), named: "detail-80x24")
    }

    func testHelpOverlay() {
        var state = TehaFixture.state()
        press([.character("?")], &state)
        assertSnapshot(render(state), named: "help")
    }

    func testRefusalInTheStatusLine() {
        var state = TehaFixture.state(selection: 6, joint: false)
        press([.character("4"), .character("X")], &state)
        assertSnapshot(render(state, 100, 30), named: "dendrogram-refusal-100x30")
    }

    func testTooSmall() {
        assertSnapshot(render(TehaFixture.state(), 50, 14), named: "too-small")
    }

    func testEmptySessionBeforeTheSweepsAreFound() {
        var state = UIState(title: "/data/TehA", sessionPath: "session.jsonl")
        _ = UIReducer.reduce(&state, .engine(.log(sequence: nil, line: "importing /data/TehA …")))
        assertSnapshot(render(state, 80, 24), named: "empty-80x24")
    }
}
