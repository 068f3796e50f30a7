import Foundation
import MXBenchmarks
import MXGeometry
import MXReflections
import MXSimulation
import MXRefinement

/// Indexed reflection tables and experiment lists made from the simulator's truth, as DIALS
/// would hold them after indexing: observed centroids are the drawn spot centres (ideal
/// position plus the simulator's random centroid error) converted to mm with the header
/// detector; the experiments start from the header geometry and from crystals slightly off
/// the true ones.
struct SimulatedSweeps {
    var plan: DataSetPlan
    var instrument: Instrument
    var sweeps: [SweepPlan]
    var experiments: ExperimentList
    var reflections: ReflectionTable

    /// - Parameters:
    ///   - sweepIndices: which of the plan's sweeps to use (the blank sweep is best left out).
    ///   - sharedModels: one beam and detector for all experiments (as after
    ///     `dials.combine_experiments reference_from_experiment.detector=0 …beam=0`), else a
    ///     copy per experiment.
    static func make(seed: UInt64 = 11, planSweeps: Int = 8, sweepIndices: [Int], detector: SimulatedDetector = .small,
                     maxImages: Int? = 25, sharedModels: Bool = true, crystalError: Double = 1) -> SimulatedSweeps {
        let plan = CrystalForm.teha.plan(seed: seed, sweeps: planSweeps, detector: detector, maxImages: maxImages)
        let instrument = Instrument(plan: plan, siliconMu: 3.96)
        let background = BackgroundShape(plan: plan, instrument: instrument)
        var list = ExperimentList()
        list.goniometers = [instrument.goniometer]
        var table = ReflectionTable()
        var random = SimulationRandom(seed: seed, stream: [0xC0FFEE])
        let header = instrument.headerDetector[0]
        for (id, index) in sweepIndices.enumerated() {
            let sweep = plan.sweeps[index]
            let sim = SweepSimulator(plan: plan, sweep: sweep, instrument: instrument, backgroundShape: background)
            if sharedModels {
                if id == 0 {
                    list.beams = [instrument.beam]
                    list.detectors = [instrument.headerDetector]
                }
            } else {
                list.beams.append(instrument.beam)
                list.detectors.append(instrument.headerDetector)
            }
            list.scans.append(sim.scan)
            list.imagesets.append(.sequence(template: "/simulated/" + sweep.template))
            // A crystal a little off the truth: about 0.05° in orientation, 0.3 % in cell.
            let truth = sweep.crystal
            let axis = Vec3(random.normal(), random.normal(), random.normal()).normalized
            let u = Mat3.rotation(axis: axis, angle: crystalError * 0.05 * .pi / 180) * truth.U
            let cell = UnitCell(truth.cell.a * (1 + crystalError * 0.003), truth.cell.b * (1 + crystalError * 0.003),
                                truth.cell.c * (1 - crystalError * 0.002), 90, 90, 120)
            list.crystals.append(Crystal(U: u, unitCell: cell, spaceGroupHall: CrystalForm.teha.spaceGroup.hall))
            list.experiments.append(Experiment(identifier: sim.identifier, beam: sharedModels ? 0 : id,
                                               detector: sharedModels ? 0 : id, goniometer: 0, scan: id,
                                               crystal: id, imageset: id))

            let spots = sim.reflections.filter { $0.centreZ >= 0 && $0.centreZ < Double(sim.scan.numImages) }.map {
                IndexedSpotTable.Spot(h: MillerIndex($0.h.x, $0.h.y, $0.h.z), entering: $0.entering, pixel: $0.centrePx, z: $0.centreZ)
            }
            let part = try! IndexedSpotTable.make(id: id, identifier: sim.identifier, panel: header, beam: instrument.beam,
                                                  scan: sim.scan, spots: spots,
                                                  sigmaPixels: plan.centroidErrorPixels, sigmaImages: plan.centroidErrorImages)
            try! table.extend(part)
        }
        return SimulatedSweeps(plan: plan, instrument: instrument, sweeps: sweepIndices.map { plan.sweeps[$0] },
                               experiments: list, reflections: table)
    }

    /// The sweeps of the plan in the main (isomorphous) population.
    static func mainSweeps(seed: UInt64 = 11, planSweeps: Int = 8, maxImages: Int? = 25) -> [Int] {
        CrystalForm.teha.plan(seed: seed, sweeps: planSweeps, detector: .small, maxImages: maxImages)
            .sweeps.filter { $0.crystal.group == "main" }.map(\.index)
    }
}
