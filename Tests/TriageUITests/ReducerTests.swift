import TriageEngine
import XCTest
@testable import TriageUI

/// The reducer: keys, engine events, resize and clock folded into the state, and the effects
/// that come out.
final class ReducerTests: XCTestCase {
    private func session(count: Int = 24, width: Int = 120, height: Int = 40) -> UIState {
        var state = UIState(title: "/data/TehA", sessionPath: "session.jsonl")
        _ = UIReducer.reduce(&state, .resize(width: width, height: height))
        let found = (0..<count).map { SequenceSummary(number: $0, template: "xtal\($0 + 1)_1_####.cbf", directory: "/data/TehA", imageCount: 37) }
        _ = UIReducer.reduce(&state, .engine(.sequencesFound(found)))
        return state
    }

    @discardableResult
    private func press(_ key: KeyPress, _ state: inout UIState) -> [UIEffect] {
        UIReducer.reduce(&state, .key(key))
    }

    private func refined(_ n: Int) -> SequenceSummary {
        var s = SequenceSummary(number: n, template: "xtal\(n + 1)_1_####.cbf", directory: "/data/TehA", imageCount: 37)
        s.stages = Array(repeating: .done, count: PipelineStage.allCases.count)
        s.cell = [98.2, 98.2, 136.5, 90, 90, 120]
        return s
    }

    // MARK: movement

    func testMovementClampsAtBothEnds() {
        var state = session(count: 5)
        press(.up, &state)
        XCTAssertEqual(state.selection, 0)
        press(.down, &state); press(.character("j"), &state)
        XCTAssertEqual(state.selection, 2)
        press(.character("k"), &state)
        XCTAssertEqual(state.selection, 1)
        press(.end, &state)
        XCTAssertEqual(state.selection, 4)
        press(.down, &state)
        XCTAssertEqual(state.selection, 4)
        press(.home, &state)
        XCTAssertEqual(state.selection, 0)
    }

    func testPagingMovesByTheVisibleRowsAndScrollsToKeepTheSelectionVisible() {
        var state = session(count: 100, width: 80, height: 24)
        let rows = Layout(width: 80, height: 24, detailShown: false).listRows
        XCTAssertEqual(rows, 20)
        press(.pageDown, &state)
        XCTAssertEqual(state.selection, rows)
        XCTAssertEqual(state.listTop, 1, "the selection is the last visible row")
        press(.end, &state)
        XCTAssertEqual(state.selection, 99)
        XCTAssertEqual(state.listTop, 80)
        press(.pageUp, &state)
        XCTAssertEqual(state.selection, 79)
        XCTAssertEqual(state.listTop, 79)
        press(.home, &state)
        XCTAssertEqual(state.listTop, 0)
    }

    func testOpeningTheDetailPaneScrollsTheListToKeepTheSelection() {
        var state = session(count: 40, width: 80, height: 24)
        for _ in 0..<15 { press(.down, &state) }
        XCTAssertEqual(state.listTop, 0)
        press(.enter, &state)
        XCTAssertTrue(state.detailShown)
        let rows = state.layout.listRows
        XCTAssertLessThan(rows, 15)
        XCTAssertEqual(state.listTop, 15 - rows + 1)
        press(.escape, &state)
        XCTAssertFalse(state.detailShown)
    }

    func testResizeRecordsTheSizeAndKeepsTheSelectionVisible() {
        var state = session(count: 60)
        press(.end, &state)
        XCTAssertEqual(state.listTop, 60 - state.layout.listRows)
        _ = UIReducer.reduce(&state, .resize(width: 80, height: 24))
        XCTAssertEqual(state.width, 80)
        XCTAssertEqual(state.height, 24)
        XCTAssertEqual(state.listTop, 60 - 20)
        _ = UIReducer.reduce(&state, .resize(width: 200, height: 80))
        XCTAssertEqual(state.listTop, 0, "everything fits again")
    }

    func testViewsCycleWithTabAndNumberKeys() {
        var state = session()
        press(.tab, &state)
        XCTAssertEqual(state.view, .refinement)
        press(.backTab, &state); press(.backTab, &state)
        XCTAssertEqual(state.view, .comparison)
        press(.tab, &state)
        XCTAssertEqual(state.view, .sequences)
        press(.character("4"), &state)
        XCTAssertEqual(state.view, .dendrogram)
        XCTAssertEqual(press(.character("9"), &state), [])
        XCTAssertEqual(state.view, .dendrogram)
    }

    // MARK: exclusion

    func testXAsksTheEngineAndTheStateChangesOnlyWhenTheEngineConfirms() {
        var state = session()
        press(.down, &state); press(.down, &state)
        XCTAssertEqual(press(.character("x"), &state), [.engine(.exclude(sequence: 2))])
        XCTAssertEqual(state.excluded, [], "nothing changes until the engine says so")
        _ = UIReducer.reduce(&state, .engine(.exclusions([2])))
        XCTAssertEqual(state.excluded, [2])
        XCTAssertEqual(press(.character("x"), &state), [.engine(.include(sequence: 2))])
        XCTAssertEqual(state.excluded, [2])
        _ = UIReducer.reduce(&state, .engine(.exclusions([])))
        XCTAssertEqual(state.excluded, [])
    }

    func testCapitalXExcludesTheCutClusterHoldingTheSelectedSequence() {
        var state = TehaFixture.state(joint: false)
        let report = TehaFixture.individualClusters
        let cut = ClusterCut.largestGap(of: report)
        // Pick a sequence in a real (multi-dataset) cluster at the automatic cut.
        let target = cut.topClusters(in: report).first { $0.datasets.count < report.sequences.count }!
        let sequence = report.sequences[target.datasets[0] - 1]
        state.selection = state.sequences.firstIndex { $0.number == sequence }!
        let effects = press(.character("X"), &state)
        XCTAssertEqual(effects, [.engine(.excludeCluster(number: target.number, source: .individual))])
        XCTAssertEqual(state.excluded, [14], "still only what the engine confirmed")
        XCTAssertEqual(state.status?.kind, .info)
    }

    func testCapitalXOnALoneOutlierExcludesJustIt() {
        var state = TehaFixture.state(selection: 9, joint: false)
        XCTAssertEqual(state.clusterExclusion, .single(sequence: 9))
        XCTAssertEqual(press(.character("X"), &state), [.engine(.exclude(sequence: 9))])
    }

    func testBracketsMoveTheCutAndCutOneClusterIsRefused() {
        var state = TehaFixture.state(selection: 3, joint: false)
        let automatic = state.clusterCut!.clusterCount
        press(.character("]"), &state)
        XCTAssertEqual(state.clusterCut, ClusterCut(clusterCount: automatic + 1, isAutomatic: false))
        for _ in 0..<30 { press(.character("["), &state) }
        XCTAssertEqual(state.clusterCut?.clusterCount, 1)
        XCTAssertEqual(state.clusterExclusion, .everything)
        XCTAssertEqual(press(.character("X"), &state), [])
        XCTAssertEqual(state.status?.kind, .refusal)
        _ = UIReducer.reduce(&state, .engine(.clusters(TehaFixture.individualClusters)))
        XCTAssertNil(state.chosenClusterCount, "a new analysis brings back the automatic cut")
    }

    func testCapitalXIsRefusedWithoutAnAnalysisOrForAnUnclusteredSequence() {
        var state = session()
        XCTAssertEqual(press(.character("X"), &state), [])
        XCTAssertEqual(state.status?.kind, .refusal)
        var fixture = TehaFixture.state(selection: 6, joint: false)
        XCTAssertEqual(press(.character("X"), &fixture), [])
        XCTAssertEqual(fixture.clusterExclusion, .notClustered(sequence: 6))
    }

    // MARK: joint refinement and clustering

    func testJointRefinementIsRefusedWithFewerThanTwoUsableIncludedSequences() {
        var state = session(count: 3)
        XCTAssertEqual(press(.character("J"), &state), [])
        XCTAssertEqual(state.status?.kind, .refusal)
        _ = UIReducer.reduce(&state, .engine(.sequence(refined(0))))
        _ = UIReducer.reduce(&state, .engine(.sequence(refined(1))))
        _ = UIReducer.reduce(&state, .engine(.exclusions([1])))
        XCTAssertEqual(press(.character("r"), &state), [], "one usable sequence is excluded")
        XCTAssertEqual(press(.character("c"), &state), [])
        _ = UIReducer.reduce(&state, .engine(.exclusions([])))
        XCTAssertEqual(press(.character("J"), &state), [.engine(.runJoint)])
        XCTAssertEqual(press(.character("c"), &state), [.engine(.recluster)])
        _ = UIReducer.reduce(&state, .engine(.joint(JointStatus(phase: .running(stage: "refine"), sequences: [0, 1], runs: 1))))
        XCTAssertEqual(press(.character("J"), &state), [], "already running")
        XCTAssertEqual(state.status?.text, "joint refinement is already running (refine)")
    }

    // MARK: quitting, help

    func testQAndInterruptQuitFromAnywhere() {
        var state = session()
        XCTAssertEqual(press(.character("q"), &state), [.quit])
        XCTAssertEqual(press(.interrupt, &state), [.quit])
        press(.character("?"), &state)
        XCTAssertTrue(state.helpShown)
        XCTAssertEqual(press(.character("q"), &state), [.quit])
    }

    func testAnyOtherKeyClosesHelpWithoutActing() {
        var state = session()
        press(.character("?"), &state)
        XCTAssertEqual(press(.character("x"), &state), [])
        XCTAssertFalse(state.helpShown)
        XCTAssertEqual(press(.character("x"), &state), [.engine(.exclude(sequence: 0))])
    }

    // MARK: engine events

    func testStageEventsUpdateTheRightSequenceAndStage() {
        var state = session(count: 4)
        _ = UIReducer.reduce(&state, .engine(.stage(sequence: 2, stage: .spots, status: .running(fraction: 0.5))))
        _ = UIReducer.reduce(&state, .engine(.stage(sequence: 3, stage: .indexP1, status: .failed(reason: "no basis"))))
        _ = UIReducer.reduce(&state, .engine(.stage(sequence: 99, stage: .spots, status: .done)))
        XCTAssertEqual(state.sequences[2][.spots], .running(fraction: 0.5))
        XCTAssertEqual(state.sequences[3][.indexP1], .failed(reason: "no basis"))
        XCTAssertEqual(state.sequences[0][.spots], .queued)
        XCTAssertEqual(state.sequences[2][.indexP1], .queued)
        var summary = refined(1)
        summary.spotCount = 1471
        _ = UIReducer.reduce(&state, .engine(.sequence(summary)))
        XCTAssertEqual(state.sequences[1], summary)
        XCTAssertEqual(state.sequences.count, 4)
    }

    func testStepRowsAccumulatePerScopeAndStartAgainAtStepZero() {
        var state = session(count: 2)
        func row(_ k: Int) -> RefinementStepRow { RefinementStepRow(step: k, nref: 100, rmsdXmm: 0.1, rmsdYmm: 0.1, rmsdPhiDegrees: 0.1) }
        for k in 0..<3 { _ = UIReducer.reduce(&state, .engine(.refinementStep(scope: .sequence(0), row: row(k)))) }
        for k in 0..<2 { _ = UIReducer.reduce(&state, .engine(.refinementStep(scope: .joint, row: row(k)))) }
        XCTAssertEqual(state.stepRows[.sequence(0)]?.map(\.step), [0, 1, 2])
        XCTAssertEqual(state.stepRows[.joint]?.map(\.step), [0, 1])
        let report = RefinementReport(scope: .joint, steps: [row(0), row(1), row(2)], termination: "RMSD no longer decreasing",
                                      experiments: [], parameterNames: [], correlation: [])
        _ = UIReducer.reduce(&state, .engine(.refinement(report)))
        XCTAssertEqual(state.refinements[.joint], report)
        XCTAssertEqual(state.stepRows[.joint]?.count, 3)
        _ = UIReducer.reduce(&state, .engine(.refinementStep(scope: .joint, row: row(0))))
        XCTAssertEqual(state.stepRows[.joint]?.map(\.step), [0], "a second joint run starts a new table")
        XCTAssertNil(state.refinements[.joint])
        XCTAssertEqual(state.stepRows[.sequence(0)]?.count, 3)
    }

    func testLogsKeepTheirTailsAndTheClockExpiresStatusMessages() {
        var state = session(count: 2)
        for i in 0..<30 { _ = UIReducer.reduce(&state, .engine(.log(sequence: 1, line: "line \(i)"))) }
        _ = UIReducer.reduce(&state, .engine(.log(sequence: nil, line: "session")))
        XCTAssertEqual(state.sequenceLogs[1]?.lines.count, UIState.sequenceLogCapacity)
        XCTAssertEqual(state.sequenceLogs[1]?.lines.last, "line 29")
        XCTAssertEqual(state.sessionLog.lines, ["session"])
        _ = UIReducer.reduce(&state, .clock(elapsedSeconds: 10))
        press(.character("J"), &state)
        XCTAssertNotNil(state.status)
        _ = UIReducer.reduce(&state, .clock(elapsedSeconds: 12))
        XCTAssertNotNil(state.status)
        _ = UIReducer.reduce(&state, .clock(elapsedSeconds: 18.5))
        XCTAssertNil(state.status)
        XCTAssertEqual(state.elapsedSeconds, 18.5)
    }

    // MARK: lattice

    /// `L` opens a prompt once every crystal is processed; typed text (with backspace) is
    /// checked on Enter and sent as one command; a bad symbol is refused on the spot; Esc
    /// closes the prompt without a command.
    func testLatticePromptSendsACheckedSymbol() {
        var state = session(count: 3)
        XCTAssertEqual(press(.character("L"), &state), [])
        XCTAssertNil(state.latticePrompt)
        XCTAssertEqual(state.status?.kind, .refusal)
        _ = UIReducer.reduce(&state, .engine(.individualFinished))
        press(.character("L"), &state)
        XCTAssertEqual(state.latticePrompt, "")
        for c in "P 21 21 21x" { press(.character(c), &state) }
        press(.backspace, &state)
        XCTAssertEqual(state.latticePrompt, "P 21 21 21")
        XCTAssertTrue(UIRenderer.render(state, width: 120, height: 40).text.contains("lattice or space group (auto, oP, P 21 21 21): P 21 21 21▏"))
        XCTAssertEqual(press(.character("q"), &state), [.quit], "q still quits")
        XCTAssertEqual(press(.enter, &state), [.engine(.chooseLattice(symbol: "P 21 21 21"))])
        XCTAssertNil(state.latticePrompt)

        press(.character("L"), &state)
        for c in "Q 9" { press(.character(c), &state) }
        XCTAssertEqual(press(.enter, &state), [])
        XCTAssertEqual(state.status?.kind, .refusal)

        press(.character("L"), &state)
        press(.character("x"), &state)
        XCTAssertEqual(press(.escape, &state), [])
        XCTAssertNil(state.latticePrompt)
        XCTAssertTrue(state.excluded.isEmpty, "x typed into the prompt excludes nothing")
    }

    /// Re-clustering and joint refinement count only the main form's crystals.
    func testCrystalsOfAnotherFormAreNotCountedForJointRefinement() {
        var state = session(count: 3)
        _ = UIReducer.reduce(&state, .engine(.lattice(SessionLattice(lattice: .hR, spaceGroup: "H 3", choice: .automatic))))
        for n in 0..<3 {
            var s = refined(n)
            s.targetSpaceGroup = n == 2 ? "P 2 2 2" : "H 3"
            _ = UIReducer.reduce(&state, .engine(.sequence(s)))
        }
        XCTAssertEqual(state.usableIncluded.map(\.number), [0, 1])
    }

    func testIndividualFinishedAndClustersAndJointAreKept() {
        var state = TehaFixture.state()
        XCTAssertEqual(state.individualClusters, TehaFixture.individualClusters)
        XCTAssertEqual(state.jointClusters, TehaFixture.jointClusters)
        XCTAssertEqual(state.joint.phase, .done)
        XCTAssertFalse(state.individualFinished)
        _ = UIReducer.reduce(&state, .engine(.individualFinished))
        XCTAssertTrue(state.individualFinished)
    }
}

/// Rendering properties that hold for any state: size, determinism, one-column characters.
final class RenderPropertyTests: XCTestCase {
    func testEveryViewFillsExactlyTheRequestedSizeAndIsDeterministic() {
        for view in TriageView.allCases {
            var state = TehaFixture.state()
            _ = UIReducer.reduce(&state, .key(.character(Character(String(view.rawValue)))))
            for (w, h) in [(60, 16), (80, 24), (120, 40), (200, 60), (30, 10), (0, 0)] {
                let a = UIRenderer.render(state, width: w, height: h)
                XCTAssertEqual(a.width, w); XCTAssertEqual(a.height, h)
                XCTAssertEqual(a, UIRenderer.render(state, width: w, height: h), "\(view) at \(w)×\(h)")
                for line in a.lines { XCTAssertEqual(line.count, w) }
            }
        }
    }

    func testOnlyOneColumnCharactersAreDrawn() {
        var state = TehaFixture.state()
        _ = UIReducer.reduce(&state, .engine(.log(sequence: nil, line: "wide 結晶 and emoji 🧪 and tab\there")))
        let buffer = UIRenderer.render(state, width: 120, height: 40)
        for cell in buffer.cells {
            let scalars = cell.character.unicodeScalars
            XCTAssertEqual(scalars.count, 1, "\(cell.character)")
            let v = scalars.first!.value
            XCTAssertFalse((0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0x1F300...0x1FAFF).contains(v) || v < 0x20,
                           "wide or control character \(cell.character)")
        }
    }

    func testStylesCarryMeaning() {
        var state = TehaFixture.state(selection: 3)
        var buffer = UIRenderer.render(state, width: 120, height: 40)
        let selectedRow = buffer.lines.firstIndex { $0.contains("▶") }!
        XCTAssertEqual(buffer[1, selectedRow].style, .selected)
        let failedRow = buffer.lines.firstIndex { $0.contains("index_p1: fft3d") }!
        XCTAssertTrue(buffer.lines[failedRow].contains("✗"))
        let x = Array(buffer.lines[failedRow]).firstIndex(of: "✗")!
        XCTAssertEqual(buffer[x, failedRow].style, .failed)

        _ = UIReducer.reduce(&state, .key(.character("3")))
        buffer = UIRenderer.render(state, width: 120, height: 40)
        let levels = Set(buffer.cells.compactMap { cell -> Int? in
            if case .heat(let level) = cell.style { return level } else { return nil }
        })
        XCTAssertTrue(levels.contains(4) && levels.contains(-4), "both signs drawn: \(levels.sorted())")
        XCTAssertEqual(HeatmapScreen.shade(-0.93), Cell("█", .heat(level: -4)))
        XCTAssertEqual(HeatmapScreen.shade(0.45), Cell("▒", .heat(level: 2)))
        XCTAssertEqual(HeatmapScreen.shade(0.1), Cell("·", .heat(level: 0)))
    }

    func testParameterNamesAreAbbreviatedTheDIALSWay() {
        XCTAssertEqual(HeatmapScreen.abbreviate("Dist"), "Dist")
        XCTAssertEqual(HeatmapScreen.abbreviate("Detector1Shift2"), "Sh2")
        XCTAssertEqual(HeatmapScreen.abbreviate("Beam1Mu1"), "Mu1")
        XCTAssertEqual(HeatmapScreen.abbreviate("Crystal1phi3"), "1ph3")
        XCTAssertEqual(HeatmapScreen.abbreviate("Crystal58g_param_1"), "58g1")
    }

    func testNumbersFormatLikeDIALS() {
        XCTAssertEqual(Format.general(1.64080, 5), "1.6408")
        XCTAssertEqual(Format.general(0.79118, 5), "0.79118")
        XCTAssertEqual(Format.general(0.0981, 5), "0.0981")
        XCTAssertEqual(Format.fixed(-0.004, 2), "0.00")
        XCTAssertEqual(Format.fixed(136.525, 2), "136.53")
        XCTAssertEqual(Format.elapsed(161.3), "02:41")
        XCTAssertEqual(Format.elapsed(3725), "1:02:05")
    }
}
