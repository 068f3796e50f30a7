import XCTest
import MXGeometry
import MXReflections
import MXTestSupport
@testable import MXRefinement

/// `combine` as dials.combine_experiments, and the tutorial's individual → combined → joint flow.
final class CombineTests: XCTestCase {
    func testReferenceModelsBecomeSharedAndReflectionsAreRenumbered() throws {
        let indices = Array(SimulatedSweeps.mainSweeps().prefix(3))
        let singles = indices.map { SimulatedSweeps.make(sweepIndices: [$0], sharedModels: false) }
        let inputs = singles.enumerated().map { ExperimentCombiner.Input(experiments: $1.experiments, reflections: $1.reflections, name: "\($0).expt") }
        let out = try ExperimentCombiner.combine(inputs, options: .reference(from: 0))
        XCTAssertEqual(out.experiments.count, 3)
        XCTAssertEqual(out.experiments.beams.count, 1)
        XCTAssertEqual(out.experiments.detectors.count, 1)
        XCTAssertEqual(out.experiments.goniometers.count, 1)
        XCTAssertEqual(out.experiments.crystals.count, 3)
        XCTAssertEqual(out.experiments.scans.count, 3)
        XCTAssertEqual(out.reflectionsPerExperiment, singles.map(\.reflections.nrows))
        XCTAssertEqual(out.reflections.nrows, singles.map(\.reflections.nrows).reduce(0, +))
        let ids = out.reflections.ints("id")!
        for e in 0..<3 {
            XCTAssertEqual(ids.filter { $0 == Int32(e) }.count, singles[e].reflections.nrows)
            XCTAssertEqual(out.reflections.identifiers[e], singles[e].experiments.experiments[0].identifier)
            XCTAssertEqual(out.experiments.experiments[e].identifier, singles[e].experiments.experiments[0].identifier)
        }
        // Without a reference every experiment keeps its own models.
        let separate = try ExperimentCombiner.combine(inputs)
        XCTAssertEqual(separate.experiments.detectors.count, 3)
    }

    /// Individually refined detectors no longer agree within 0.05 mm: combining them needs
    /// --force, after which joint refinement refines one detector and beam.
    func testIndividualThenForcedCombineThenJointRefinement() throws {
        let indices = Array(SimulatedSweeps.mainSweeps().prefix(3))
        var inputs: [ExperimentCombiner.Input] = []
        for (k, i) in indices.enumerated() {
            let s = SimulatedSweeps.make(sweepIndices: [i], sharedModels: false)
            let r = try Refiner(experiments: s.experiments, reflections: s.reflections).run()
            inputs.append(.init(experiments: r.experiments, reflections: r.reflections, name: "refined_\(k).expt"))
        }
        XCTAssertThrowsError(try ExperimentCombiner.combine(inputs, options: .reference(from: 0))) { error in
            guard case let RefinementError.modelMismatch(why) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(why.contains("refined_1.expt") || why.contains("refined_2.expt"), why)
            XCTAssertTrue(why.contains("--force"), why)
        }
        let combined = try ExperimentCombiner.combine(inputs, options: .reference(from: 0, compareModels: false))
        let refiner = try Refiner(experiments: combined.experiments, reflections: combined.reflections)
        XCTAssertEqual(refiner.setup.parameterNames.count, 6 + 1 + 5 * indices.count)
        let joint = try refiner.run()
        XCTAssertEqual(joint.termination, .rmsdConverged)
    }

    /// The same split inputs through dials.combine_experiments and through ours.
    func testMatchesDIALSCombineExperiments() throws {
        guard let split = CommandRunner.dials("dials.split_experiments"),
              let combine = CommandRunner.dials("dials.combine_experiments") else { throw XCTSkip("DIALS is not installed") }
        let fixtures = TestData.fixtures.appendingPathComponent("dials-refine")
        let dir = try CommandRunner.temporaryDirectory("combine")
        defer { try? FileManager.default.removeItem(at: dir) }
        let s = try CommandRunner.run(split, [fixtures.appendingPathComponent("indexed.expt").path,
                                              fixtures.appendingPathComponent("indexed.refl").path], in: dir)
        XCTAssertEqual(s.status, 0, s.stderr)
        let names = (0..<4).map { "split_\($0)" }
        let c = try CommandRunner.run(combine, names.map { "\($0).expt" } + names.map { "\($0).refl" } + [
            "reference_from_experiment.beam=0", "reference_from_experiment.detector=0",
            "reference_from_experiment.goniometer=0", "reference_from_experiment.compare_models=False"], in: dir)
        XCTAssertEqual(c.status, 0, c.stderr + c.stdout)
        let inputs = try names.map { n in
            ExperimentCombiner.Input(experiments: try ExperimentList(contentsOf: dir.appendingPathComponent("\(n).expt")),
                                     reflections: try ReflectionTable(contentsOf: dir.appendingPathComponent("\(n).refl")), name: n)
        }
        let ours = try ExperimentCombiner.combine(inputs, options: .reference(from: 0, compareModels: false))
        let theirsList = try ExperimentList(contentsOf: dir.appendingPathComponent("combined.expt"))
        let theirs = try ReflectionTable(contentsOf: dir.appendingPathComponent("combined.refl"))
        XCTAssertEqual(ours.experiments.experiments.map(\.identifier), theirsList.experiments.map(\.identifier))
        XCTAssertEqual(ours.experiments.experiments, theirsList.experiments)
        XCTAssertEqual(ours.experiments.detectors, theirsList.detectors)
        XCTAssertEqual(ours.experiments.beams, theirsList.beams)
        XCTAssertEqual(ours.experiments.crystals.count, theirsList.crystals.count)
        for (a, b) in zip(ours.experiments.crystals, theirsList.crystals) {
            // DIALS writes the real-space vectors back out, so A agrees to rounding only.
            XCTAssertLessThan(a.A.maxAbsDifference(b.A), 1e-15)
            XCTAssertEqual(a.spaceGroupHall, b.spaceGroupHall)
        }
        XCTAssertEqual(ours.reflections.nrows, theirs.nrows)
        XCTAssertEqual(ours.reflections.identifiers, theirs.identifiers)
        XCTAssertEqual(ours.reflections.ints("id"), theirs.ints("id"))
        XCTAssertEqual(ours.reflections.ints("imageset_id"), theirs.ints("imageset_id"))
        XCTAssertEqual(ours.reflections.millerIndices("miller_index"), theirs.millerIndices("miller_index"))

        // With the model comparison on, sweep 4's detector (elsewhere on the 2θ arm) stops it.
        XCTAssertThrowsError(try ExperimentCombiner.combine(inputs, options: .reference(from: 0)))
    }
}
