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

    /// A crystal indexed without a target group shows the lattice refine_bravais_settings
    /// recommends, its δ and the `--space-group` that indexes in it.
    func testDetailPaneShowsTheRecommendedLattice() {
        var state = TehaFixture.state(selection: 7)
        var summary = TehaFixture.finished(7)
        summary.lattice = LatticeSuggestion(lattice: "hR", delta: 0.123, spaceGroup: "H 3")
        _ = UIReducer.reduce(&state, .engine(.sequence(summary)))
        press([.enter], &state)
        let text = render(state).text
        XCTAssertTrue(text.contains("lattice hR  δ 0.12°  recommended · --space-group \"H 3\""), text)
        let without = { () -> String in
            var plain = TehaFixture.state(selection: 7)
            self.press([.enter], &plain)
            return self.render(plain).text
        }()
        XCTAssertFalse(without.contains("lattice "), without)
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
