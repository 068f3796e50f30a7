import MXGeometry
import MXSimulation
@testable import MXIndexing

/// Spots of a simulated sweep as indexing sees them: the drawn centres of the reflections that
/// lie inside the scan (optionally only the strong ones), mapped to reciprocal space with the
/// true models, and the true crystal to check against.
struct SimulatedSpots {
    let plan: DataSetPlan
    let instrument: Instrument
    let simulator: SweepSimulator
    let reflections: [SimulatedReflection]
    let rlps: [Vec3]
    let phiDegrees: [Double]

    init(seed: UInt64, detector: SimulatedDetector, maxImages: Int, minCounts: Double = 0) {
        plan = CrystalForm.teha.plan(seed: seed, sweeps: 1, detector: detector, maxImages: maxImages)
        instrument = Instrument(plan: plan, siliconMu: 3.9)
        simulator = SweepSimulator(plan: plan, sweep: plan.sweeps[0], instrument: instrument)
        let scan = simulator.scan
        reflections = simulator.reflections.filter {
            $0.centreZ > 0 && $0.centreZ < Double(scan.numImages) && $0.fullCounts > minCounts
        }
        phiDegrees = reflections.map { scan.angle(arrayIndex: $0.centreZ) }
        let (panel, beam, goniometer) = (instrument.trueDetector[0], instrument.beam, instrument.goniometer)
        rlps = zip(reflections, phiDegrees).map { r, phi in
            ReciprocalSpaceMapping.rlp(mm: panel.pixelToMillimeter(r.centrePx), phi: phi * .pi / 180, panel: panel,
                                       beam: beam, goniometer: goniometer)
        }
    }

    /// The true crystal's A.
    var A: Mat3 { plan.sweeps[0].crystal.A }

    /// Whether v is a vector of the true lattice: its coordinates in the hexagonal basis (Aᵀv)
    /// are integers plus one of the obverse rhombohedral centring translations.
    func isLatticeVector(_ v: Vec3, tolerance: Double) -> Bool {
        let x = A.transpose * v
        return [Vec3(0, 0, 0), Vec3(2, 1, 1) / 3, Vec3(1, 2, 2) / 3].contains { t in
            (x - t - (x - t).rounded(.toNearestOrAwayFromZero)).length < tolerance
        }
    }
}
