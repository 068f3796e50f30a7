import XCTest
import MXGeometry
import MXSimulation
@testable import MXIndexing

/// Mapping simulated spots to reciprocal space and indexing them with the true crystal gives
/// back the Miller indices the simulator drew them for.
final class IndexAssignmentTests: XCTestCase {
    func testSimulatedSpotsIndexToTheirTrueMillerIndices() throws {
        let sweep = SimulatedSpots(seed: 3, detector: .small, maxImages: 30)
        XCTAssertGreaterThan(sweep.reflections.count, 200)
        let assigned = IndexAssignment().assign(rlps: sweep.rlps, phis: sweep.reflections.map(\.phi), A: sweep.A)
        let correct = zip(assigned, sweep.reflections).filter { $0.0 == $0.1.h }.count
        // Centroid errors of 0.3 px and 0.2 images keep every spot well inside the 0.3 tolerance.
        XCTAssertGreaterThan(Double(correct) / Double(sweep.reflections.count), 0.99)
        let panel = sweep.instrument.trueDetector[0]
        let entering = sweep.reflections.filter { r in
            ReciprocalSpaceMapping.isEntering(mm: panel.pixelToMillimeter(r.centrePx), panel: panel, beam: sweep.instrument.beam,
                                              goniometer: sweep.instrument.goniometer) == r.entering
        }.count
        XCTAssertEqual(entering, sweep.reflections.count)
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
        let sweep = SimulatedSpots(seed: 3, detector: .pilatus6m, maxImages: 40, minCounts: 300)
        let spots = sweep.reflections.indices.map {
            MaxCellEstimate.Spot(rlp: sweep.rlps[$0], phiDegrees: sweep.phiDegrees[$0], entering: sweep.reflections[$0].entering)
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
