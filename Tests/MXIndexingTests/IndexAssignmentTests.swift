import XCTest
import MXGeometry
import MXSimulation
@testable import MXIndexing

/// Mapping simulated spots to reciprocal space and indexing them with the true crystal gives
/// back the Miller indices the simulator drew them for.
final class IndexAssignmentTests: XCTestCase {
    func testSimulatedSpotsIndexToTheirTrueMillerIndices() throws {
        let plan = TehaPreset.plan(seed: 3, sweeps: 1, detector: .small, maxImages: 30)
        let instrument = Instrument(plan: plan, siliconMu: 3.9)
        let simulator = SweepSimulator(plan: plan, sweep: plan.sweeps[0], instrument: instrument)
        let panel = instrument.trueDetector[0]
        let reflections = simulator.reflections.filter { $0.centreZ > 0 && $0.centreZ < Double(simulator.scan.numImages) }
        XCTAssertGreaterThan(reflections.count, 200)
        let rlps = reflections.map { r in
            ReciprocalSpaceMapping.rlp(mm: panel.pixelToMillimeter(r.centrePx),
                                       phi: simulator.scan.angle(arrayIndex: r.centreZ) * .pi / 180,
                                       panel: panel, beam: instrument.beam, goniometer: instrument.goniometer)
        }
        let phis = reflections.map(\.phi)
        let assigned = IndexAssignment().assign(rlps: rlps, phis: phis, A: plan.sweeps[0].crystal.A)
        let correct = zip(assigned, reflections).filter { $0.0 == $0.1.h }.count
        // Centroid errors of 0.3 px and 0.2 images keep every spot well inside the 0.3 tolerance.
        XCTAssertGreaterThan(Double(correct) / Double(reflections.count), 0.99)
        let entering = zip(reflections, rlps).filter { r, _ in
            ReciprocalSpaceMapping.isEntering(mm: panel.pixelToMillimeter(r.centrePx), panel: panel, beam: instrument.beam,
                                              goniometer: instrument.goniometer) == r.entering
        }.count
        XCTAssertEqual(entering, reflections.count)
    }

    func testDuplicatesOfOneReflectionKeepTheBestFit() {
        let A = Mat3.identity * 0.01
        let rlps = [Vec3(0.0101, 0.02, 0.03), Vec3(0.0100, 0.0200, 0.0301), Vec3(0.01, 0.02, 0.03)]
        let phis = [0.1, 0.2, 2.5]  // the third is the other crossing, far away in φ
        let assigned = IndexAssignment().assign(rlps: rlps, phis: phis, A: A)
        XCTAssertNil(assigned[0])
        XCTAssertEqual(assigned[1], SIMD3<Int32>(1, 2, 3))
        XCTAssertEqual(assigned[2], SIMD3<Int32>(1, 2, 3))
    }
}

/// max_cell from simulated spots: a little above the longest real-space distance between
/// neighbouring lattice planes seen, as DIALS estimates it.
final class MaxCellEstimateTests: XCTestCase {
    func testMaxCellOfASimulatedSweepIsAboveTheLongestCellEdge() throws {
        let plan = TehaPreset.plan(seed: 3, sweeps: 1, detector: .pilatus6m, maxImages: 40)
        let instrument = Instrument(plan: plan, siliconMu: 3.9)
        let simulator = SweepSimulator(plan: plan, sweep: plan.sweeps[0], instrument: instrument)
        let panel = instrument.trueDetector[0]
        let spots = simulator.reflections.filter { $0.centreZ > 0 && $0.centreZ < Double(simulator.scan.numImages) && $0.fullCounts > 300 }.map { r in
            let phi = simulator.scan.angle(arrayIndex: r.centreZ)
            return MaxCellEstimate.Spot(rlp: ReciprocalSpaceMapping.rlp(mm: panel.pixelToMillimeter(r.centrePx), phi: phi * .pi / 180, panel: panel,
                                                                      beam: instrument.beam, goniometer: instrument.goniometer),
                                        phiDegrees: phi, entering: r.entering)
        }
        let maxCell = try MaxCellEstimate().maxCell(spots)
        // The lattice is rhombohedrally centred: its primitive cell edges are 72.4 Å, so the
        // nearest reciprocal-lattice neighbours are ≈1/72 Å⁻¹ apart and max_cell ≈ 1.3 × 72–75 Å
        // (DIALS reports 97.5–98.2 Å on the default simulated sweeps).
        XCTAssertGreaterThan(maxCell, 72.4)
        XCTAssertLessThan(maxCell, 1.5 * 72.4)
    }

    func testOverlappingBoxesAreFound() {
        let boxes: [(panel: Int, box: [Int])] = [(0, [0, 5, 0, 5, 0, 2]), (0, [4, 8, 4, 8, 1, 3]), (0, [5, 9, 0, 4, 0, 2]), (1, [0, 5, 0, 5, 0, 2])]
        XCTAssertEqual(MaxCellEstimate.overlapping(boxes: boxes), [true, true, false, false])
    }
}
