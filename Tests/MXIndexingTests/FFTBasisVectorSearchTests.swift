import XCTest
import MXSymmetry
import MXGeometry
import MXSimulation
@testable import MXIndexing

/// The FFT search finds the real-space lattice of simulated spots.
final class FFTBasisVectorSearchTests: XCTestCase {
    func testFindsTheLatticeVectorsOfASimulatedSweep() throws {
        let sweep = SimulatedSpots(seed: 3, detector: .pilatus6m, maxImages: 40, minCounts: 300)
        let candidates = try FFTBasisVectorSearch().candidates(rlps: sweep.rlps, maxCell: 1.3 * 136 * 1.2)
        XCTAssertGreaterThan(candidates.count, 3)
        // Every strong candidate is a vector of the true rhombohedrally centred lattice, to
        // within the grid's resolution.
        for c in candidates.prefix(6) {
            XCTAssertTrue(sweep.isLatticeVector(c.vector, tolerance: 0.05), "\(c.vector) → \(sweep.A.transpose * c.vector)")
            XCTAssertGreaterThan(c.vector.length, 60)
        }
    }
}

/// Candidate models from lattice vectors: the first is the lattice's reduced cell.
final class CandidateCrystalsTests: XCTestCase {
    func testFirstCandidateIsTheReducedPrimitiveCell() throws {
        let hex = Crystal(U: Mat3.rotation(axis: Vec3(1, 2, -1), angle: 0.5), unitCell: UnitCell(98, 98, 136, 90, 90, 120))
        let v = hex.realSpaceVectors
        let aR = (v.a * 2 + v.b + v.c) / 3, bR = (v.a * -1 + v.b + v.c) / 3, cR = (v.a * -1 - v.b * 2 + v.c) / 3
        // Lattice vectors as an FFT search might list them: the primitive ones first, then longer.
        let vectors = [aR, bR, cR, aR - bR, v.c, aR + bR]
        let models = CandidateCrystals.models(from: vectors)
        XCTAssertFalse(models.isEmpty)
        let cell = models[0].unitCell
        XCTAssertEqual(cell.volume, hex.unitCell.volume / 3, accuracy: 1)
        XCTAssertEqual(cell.a, 72.50, accuracy: 0.01)
        XCTAssertGreaterThan(models[0].A.determinant, 0)
        // Its H 3 setting is the truth.
        let found = try Indexer().applySymmetry(SpaceGroup("H 3"), to: models[0])
        for (x, y) in zip(found.unitCell.parameters, [98.0, 98, 136, 90, 90, 120]) { XCTAssertEqual(x, y, accuracy: 1e-6) }
    }
}

/// The 1-D search on the same simulated sweep: its strongest directions are lattice rows.
final class FFT1DBasisVectorSearchTests: XCTestCase {
    func testStrongestDirectionsAreLatticeVectors() throws {
        let sweep = SimulatedSpots(seed: 3, detector: .pilatus6m, maxImages: 40, minCounts: 300)
        let candidates = try FFT1DBasisVectorSearch().candidates(rlps: sweep.rlps, maxCell: 98)
        XCTAssertGreaterThanOrEqual(candidates.count, 3)
        let lattice = candidates.prefix(6).filter { sweep.isLatticeVector($0.vector, tolerance: 0.1) }.count
        XCTAssertGreaterThanOrEqual(lattice, 5, "\(candidates.prefix(6).map { sweep.A.transpose * $0.vector })")
    }
}
