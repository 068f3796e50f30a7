import XCTest
import MXGeometry
import MXReflections
@testable import MXBenchmarks
@testable import MXRefinement

/// Refinement of simulated sweeps from the header geometry, checked against the simulator's
/// truth.
final class SimulatedRefinementTests: XCTestCase {
    static func relativeCellError(_ refined: Crystal, _ truth: UnitCell) -> Double {
        let c = refined.unitCell
        return max(abs(c.a / truth.a - 1), abs(c.b / truth.b - 1), abs(c.c / truth.c - 1))
    }

    func testSingleSweepRecoversTheTrueCellAndTheDrawnError() throws {
        let index = SimulatedSweeps.mainSweeps()[0]
        let data = SimulatedSweeps.make(sweepIndices: [index])
        let refiner = try Refiner(experiments: data.experiments, reflections: data.reflections)
        XCTAssertEqual(refiner.setup.parameterNames.count, 6 + 1 + 3 + 2)
        XCTAssertEqual(refiner.setup.parameterNames.prefix(7), ["Detector1Dist", "Detector1Shift1", "Detector1Shift2",
                                                                "Detector1Tau1", "Detector1Tau2", "Detector1Tau3", "Beam1Mu2"])
        XCTAssertEqual(refiner.setup.parameterNames.suffix(5), ["Crystal1Phi1", "Crystal1Phi2", "Crystal1Phi3",
                                                                "Crystal1g_param_0", "Crystal1g_param_1"])
        let rows = LockedRows()
        let result = try refiner.run { rows.append($0) }
        XCTAssertEqual(rows.all, result.journal, "every journal row is streamed once, in order")
        XCTAssertEqual(result.termination, .rmsdConverged)
        let truth = data.sweeps[0].crystal.cell
        let error = Self.relativeCellError(result.experiments.crystals[0], truth)
        print("single sweep: \(result.journal.count) steps, cell error \(error), final RMSD \(result.experimentRMSDs[0])")
        XCTAssertLessThan(error, 1e-3)
        let rmsd = result.experimentRMSDs[0]
        XCTAssertEqual(rmsd.xPixels, data.plan.centroidErrorPixels, accuracy: 0.05)
        XCTAssertEqual(rmsd.yPixels, data.plan.centroidErrorPixels, accuracy: 0.05)
        XCTAssertEqual(rmsd.zImages, data.plan.centroidErrorImages, accuracy: 0.05)
        // Uncertainties exist and the B covariance went into the crystal.
        XCTAssertNotNil(result.experiments.crystals[0].bCovariance)
        XCTAssertTrue(result.parameters.allSatisfy { ($0.esd ?? 0) > 0 })
    }

    /// A row refinement does not select (here overloaded) is not checked against the detector on
    /// the way in; on a panel the detector lacks — 2⁶³, which traps converting to Int — it is
    /// written back with its old prediction instead of being predicted on that panel.
    func testAnUnselectedRowOnAPanelBeyondTheDetectorKeepsItsPrediction() throws {
        let data = SimulatedSweeps.make(sweepIndices: [SimulatedSweeps.mainSweeps()[0]])
        var table = data.reflections
        let row = 3
        var panels = try XCTUnwrap(table.sizes("panel")), flags = try XCTUnwrap(table.sizes(ReflectionTable.flagsColumn))
        panels[row] = 1 << 63
        flags[row] |= ReflectionFlags.overloaded.rawValue
        try table.setColumn("panel", panels)
        try table.setColumn(ReflectionTable.flagsColumn, flags)
        let before = table.vec3s("xyzcal.px")?[row] ?? .zero
        let result = try Refiner(experiments: data.experiments, reflections: table).run()
        XCTAssertEqual(result.reflections.nrows, table.nrows)
        XCTAssertEqual(result.reflections.sizes("panel")?[row], 1 << 63)
        XCTAssertEqual(result.reflections.vec3s("xyzcal.px")?[row], before)
        XCTAssertEqual(result.termination, .rmsdConverged)
    }
}

/// Collects streamed rows from a @Sendable callback.
final class LockedRows: @unchecked Sendable {
    private var rows: [RefinementStep] = []
    private let lock = NSLock()
    func append(_ r: RefinementStep) { lock.lock(); rows.append(r); lock.unlock() }
    var all: [RefinementStep] { lock.lock(); defer { lock.unlock() }; return rows }
}

/// Joint refinement of several sweeps against one detector and beam.
final class JointRefinementTests: XCTestCase {
    func testSharedDetectorAndBeamAreRecoveredAndCellsImprove() throws {
        let indices = Array(SimulatedSweeps.mainSweeps().prefix(5))
        let joint = SimulatedSweeps.make(sweepIndices: indices, sharedModels: true)
        let refiner = try Refiner(experiments: joint.experiments, reflections: joint.reflections)
        XCTAssertEqual(refiner.setup.parameterNames.count, 6 + 1 + 5 * indices.count)
        let result = try refiner.run()
        XCTAssertEqual(result.experiments.detectors.count, 1)
        XCTAssertEqual(result.experiments.beams.count, 1)

        let panel = result.experiments.detectors[0][0]
        XCTAssertEqual(panel.distance, joint.plan.trueDistance, accuracy: 0.05, "distance (mm)")
        let hit = panel.rayIntersection(result.experiments.beams[0].s0)!
        let centre = hit / panel.pixelSize.fast
        print("joint: distance \(panel.distance) (true \(joint.plan.trueDistance)), centre \(centre) (true \(joint.plan.trueBeamCentre))")
        XCTAssertEqual(centre.x, joint.plan.trueBeamCentre.x, accuracy: 0.1, "beam centre fast (px)")
        XCTAssertEqual(centre.y, joint.plan.trueBeamCentre.y, accuracy: 0.1, "beam centre slow (px)")

        // The same sweeps refined one by one, each with its own detector and beam.
        var individualErrors: [Double] = []
        for (k, index) in indices.enumerated() {
            let single = SimulatedSweeps.make(sweepIndices: [index])
            let r = try Refiner(experiments: single.experiments, reflections: single.reflections).run()
            individualErrors.append(SimulatedRefinementTests.relativeCellError(r.experiments.crystals[0], joint.sweeps[k].crystal.cell))
        }
        let jointErrors = indices.indices.map {
            SimulatedRefinementTests.relativeCellError(result.experiments.crystals[$0], joint.sweeps[$0].crystal.cell)
        }
        let mean = { (xs: [Double]) in xs.reduce(0, +) / Double(xs.count) }
        print("cell errors: joint \(jointErrors), individual \(individualErrors)")
        XCTAssertLessThan(mean(jointErrors), mean(individualErrors))
    }

    func testSumsDoNotDependOnTheThreadCount() throws {
        // Work is cut into fixed chunks and their sums are added in chunk order, so the normal
        // equations are the same to the bit on one thread or many.
        let indices = Array(SimulatedSweeps.mainSweeps().prefix(3))
        let data = SimulatedSweeps.make(sweepIndices: indices)
        let refiner = try Refiner(experiments: data.experiments, reflections: data.reflections)
        let frames = try refiner.models.frames()
        let p = refiner.models.count
        let many = try refiner.target.evaluate(frames: frames, parameterCount: p, gradients: true, parallel: true)
        let one = try refiner.target.evaluate(frames: frames, parameterCount: p, gradients: true, parallel: false)
        XCTAssertGreaterThan(refiner.target.items.count, indices.count)
        XCTAssertEqual(many.normalMatrix, one.normalMatrix)
        XCTAssertEqual(many.rhs, one.rhs)
        XCTAssertEqual(many.weightedSquares, one.weightedSquares)
    }
}

/// The benchmark entry point on a small joint set (no DIALS run).
final class BenchmarkTests: XCTestCase {
    func testBenchmarkReportsOurRun() throws {
        let data = SimulatedSweeps.make(sweepIndices: Array(SimulatedSweeps.mainSweeps().prefix(2)))
        let report = try JointRefinementBenchmark.run(experiments: data.experiments, reflections: data.reflections, directory: nil)
        XCTAssertEqual(report.experiments, 2)
        XCTAssertEqual(report.ours.parameters, 6 + 1 + 2 * 5)
        XCTAssertGreaterThan(report.ours.steps, 2)
        XCTAssertGreaterThan(report.ours.seconds, report.setupSeconds)
        XCTAssertNil(report.dials)
        XCTAssertEqual(report.dialsSkipped, "not requested")
        // The log parser reads dials.refine's summary lines.
        let log = """
        There are 297 parameters to refine against 87004 reflections in 3 dimensions
        Refinement steps:
        |      0 |  87004 | 0.32527  | 0.32719  |   0.1266   |
        |      7 |  87004 | 0.051481 | 0.051664 |   0.039758 |
        RMSD no longer decreasing
        """
        let t = JointRefinementBenchmark.parse(log, seconds: 1)
        XCTAssertEqual(t.parameters, 297)
        XCTAssertEqual(t.reflections, 87004)
        XCTAssertEqual(t.steps, 8)
        XCTAssertEqual(t.finalRMSD.phiDegrees, 0.039758)
    }
}
