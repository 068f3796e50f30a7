import Foundation
import MXGeometry
import MXImages
import MXReflections
import MXSimulation
import MXTestSupport
import XCTest

/// One small simulated sweep written to disk once per test run (small Pilatus layout, 20
/// images of 0.2°), with the true models as the experiment and the simulator's drawn spots
/// as the indexed strong spots — what refinement and spot finding would hand integration.
struct SimulatedSweep: Sendable {
    let directory: URL
    let plan: DataSetPlan
    let experiments: ExperimentList
    let strong: ReflectionTable
    let truth: ReflectionTable
    let trueMosaicityDegrees: Double

    static let shared: Result<SimulatedSweep, Error> = Result { try SimulatedSweep.make() }

    static func make() throws -> SimulatedSweep {
        let plan = CrystalForm.teha.plan(seed: 7, sweeps: 1, detector: .small, maxImages: 20)
        let dir = try CommandRunner.temporaryDirectory("integrate-sim")
        XCTestObservationCenter.shared.addTestObserver(RemoveWhenDone(dir))
        try DataSetGenerator.generate(plan: plan, to: dir)
        let sweep = plan.sweeps[0]
        let instrument = Instrument(plan: plan, siliconMu: try SiliconSensor.mu(wavelength: plan.wavelength))
        let sim = SweepSimulator(plan: plan, sweep: sweep, instrument: instrument)

        var list = ExperimentList()
        list.beams = [instrument.beam]
        list.detectors = [instrument.trueDetector]
        list.goniometers = [instrument.goniometer]
        list.scans = [sim.scan]
        list.crystals = [Crystal(A: sweep.crystal.A, spaceGroupHall: CrystalForm.teha.spaceGroup.hall)]
        list.imagesets = [.sequence(template: dir.appendingPathComponent(sweep.template).path)]
        list.experiments = [Experiment(identifier: sim.identifier, beam: 0, detector: 0, goniometer: 0, scan: 0,
                                       crystal: 0, imageset: 0)]

        // Strong spots: reflections with enough recorded counts, at their drawn centres, with
        // the box of their footprint over the images they were recorded on.
        var recorded = [Double](repeating: 0, count: sim.reflections.count)
        var firstImage = [Int](repeating: Int.max, count: sim.reflections.count)
        var lastImage = [Int](repeating: -1, count: sim.reflections.count)
        for (j, image) in sim.imageContents.enumerated() {
            for (r, f) in image where f * sim.reflections[r].fullCounts > 20 {
                recorded[r] += f
                firstImage[r] = min(firstImage[r], j)
                lastImage[r] = max(lastImage[r], j)
            }
        }
        let chosen = sim.reflections.indices.filter { recorded[$0] * sim.reflections[$0].fullCounts > 300 && lastImage[$0] >= 0 }
        let spots = chosen.map { sim.reflections[$0] }
        var strong = ReflectionTable(nrows: spots.count, identifiers: [0: sim.identifier])
        try strong.setColumn("miller_index", spots.map { MillerIndex($0.h.x, $0.h.y, $0.h.z) })
        try strong.setColumn("id", [Int32](repeating: 0, count: spots.count))
        try strong.setColumn("panel", [UInt64](repeating: 0, count: spots.count))
        try strong.setColumn("entering", spots.map(\.entering))
        try strong.setColumn("flags", [UInt64](repeating: (ReflectionFlags.strong.union(.indexed)).rawValue, count: spots.count))
        try strong.setColumn("xyzobs.px.value", spots.map { Vec3($0.centrePx.x, $0.centrePx.y, $0.centreZ) })
        try strong.setColumn("bbox", chosen.map { i -> Int6 in
            let r = sim.reflections[i]
            // The central part of the footprint, where a threshold would find strong pixels.
            let (cx, cy) = (r.centrePx.x, r.centrePx.y)
            let hx = Double(r.boxSize.x) / 4, hy = Double(r.boxSize.y) / 4
            return Int6(Int32((cx - hx).rounded(.down)), Int32((cx + hx).rounded(.up)),
                        Int32((cy - hy).rounded(.down)), Int32((cy + hy).rounded(.up)),
                        Int32(firstImage[i]), Int32(lastImage[i] + 1))
        })
        let truth = try sim.truthTable()
        return SimulatedSweep(directory: dir, plan: plan, experiments: list, strong: strong, truth: truth,
                              trueMosaicityDegrees: sweep.crystal.mosaicity)
    }

    /// The truth row of each integrated row, matched by Miller index and entering flag.
    func truthRows(for table: ReflectionTable) throws -> [Int?] {
        struct Key: Hashable { var h: MillerIndex; var entering: Bool }
        let th = try truth.values("miller_index", as: MillerIndex.self), te = try truth.values("entering", as: Bool.self)
        var index: [Key: Int] = [:]
        for i in th.indices { index[Key(h: th[i], entering: te[i])] = i }
        let h = try table.values("miller_index", as: MillerIndex.self), e = try table.values("entering", as: Bool.self)
        return h.indices.map { index[Key(h: h[$0], entering: e[$0])] }
    }
}

/// Pearson correlation.
func correlation(_ x: [Double], _ y: [Double]) -> Double {
    let mx = x.reduce(0, +) / Double(x.count), my = y.reduce(0, +) / Double(y.count)
    var sxy = 0.0, sxx = 0.0, syy = 0.0
    for (a, b) in zip(x, y) {
        sxy += (a - mx) * (b - my)
        sxx += (a - mx) * (a - mx)
        syy += (b - my) * (b - my)
    }
    return sxy / (sxx * syy).squareRoot()
}

/// Deletes the shared sweep's directory when the test bundle finishes.
final class RemoveWhenDone: NSObject, XCTestObservation, @unchecked Sendable {
    let url: URL
    init(_ url: URL) { self.url = url }
    func testBundleDidFinish(_ testBundle: Bundle) { try? FileManager.default.removeItem(at: url) }
}
