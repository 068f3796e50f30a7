import XCTest
import MXGeometry
import MXSimulation
@testable import MXIndexing

/// The FFT search finds the real-space lattice of simulated spots.
final class FFTBasisVectorSearchTests: XCTestCase {
    func testFindsTheLatticeVectorsOfASimulatedSweep() throws {
        let plan = TehaPreset.plan(seed: 3, sweeps: 1, detector: .pilatus6m, maxImages: 40)
        let instrument = Instrument(plan: plan, siliconMu: 3.9)
        let simulator = SweepSimulator(plan: plan, sweep: plan.sweeps[0], instrument: instrument)
        let panel = instrument.trueDetector[0]
        let rlps = simulator.reflections.filter { $0.centreZ > 0 && $0.centreZ < Double(simulator.scan.numImages) }.map { r in
            ReciprocalSpaceMapping.rlp(mm: panel.pixelToMillimeter(r.centrePx), phi: simulator.scan.angle(arrayIndex: r.centreZ) * .pi / 180,
                                       panel: panel, beam: instrument.beam, goniometer: instrument.goniometer)
        }
        let search = FFTBasisVectorSearch()
        let candidates = try search.candidates(rlps: rlps, maxCell: 1.3 * 136 * 1.2)
        XCTAssertGreaterThan(candidates.count, 3)
        // Every strong candidate is a vector of the true rhombohedrally centred lattice: its
        // coordinates in the hexagonal basis (Aᵀ·v) are integers plus one of the obverse
        // centring translations, to within the grid's resolution.
        let A = plan.sweeps[0].crystal.A
        let centring = [Vec3(0, 0, 0), Vec3(2, 1, 1) / 3, Vec3(1, 2, 2) / 3]
        for c in candidates.prefix(6) {
            let coordinates = A.transpose * c.vector
            let offsets = centring.map { t in (coordinates - t - (coordinates - t).rounded(.toNearestOrAwayFromZero)).length }
            XCTAssertLessThan(offsets.min()!, 0.05, "\(c.vector) → \(coordinates)")
            XCTAssertGreaterThan(c.vector.length, 60)
        }
    }
}
