import ArgumentParser
import Foundation
import MXBenchmarks
import MXGeometry
import MXImages
import MXRefinement
import MXReflections
import MXSimulation

/// `mxtriage bench refine`: joint refinement of a simulated 58-crystal set against one
/// detector and beam, timed, and dials.refine on the same input where DIALS is installed.
struct RefineBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refine",
        abstract: "Joint refinement of simulated crystals (shared detector and beam): ours against dials.refine, wall clock.")

    @Option(help: "Number of simulated sweeps; the preset's blank sweep is left out, so 59 gives 58 crystals (297 parameters).")
    var sweeps = 59

    @Option(help: "Keep spots with at least this many expected counts (what spot finding would see).")
    var minCounts = 2500.0

    @Option(help: "Simulation seed.")
    var seed: UInt64 = 1

    @Option(help: "At most this many images per sweep (0: the preset's 20–50).")
    var maxImages = 0

    @Option(help: "Directory for combined.expt/combined.refl and the DIALS run.")
    var workdir = "bench-refine"

    @Flag(help: "Skip the dials.refine timing.")
    var noDials = false

    func run() throws {
        let build = DispatchTime.now()
        let (list, table) = try SimulatedJointSet.make(sweeps: sweeps, seed: seed, maxImages: maxImages > 0 ? maxImages : nil,
                                                         minCounts: minCounts)
        let built = Double(DispatchTime.now().uptimeNanoseconds - build.uptimeNanoseconds) / 1e9
        print(String(format: "simulated %d experiments, %d reflections in %.1f s (not timed below)", list.count, table.nrows, built))
        let report: JointRefinementBenchmark.Report
        do {
            report = try JointRefinementBenchmark.run(experiments: list, reflections: table,
                                                      directory: noDials ? nil : URL(fileURLWithPath: workdir))
        } catch let e as RefinementError { throw RefineInput.failure(e) }
        func line(_ name: String, _ t: JointRefinementBenchmark.Timing) -> String {
            String(format: "%@ %7.2f s wall  %4d parameters  %6d reflections  %3d steps  final RMSD %.4f mm %.4f mm %.4f°",
                   name as NSString, t.seconds, t.parameters, t.reflections, t.steps, t.finalRMSD.x, t.finalRMSD.y, t.finalRMSD.phiDegrees)
        }
        print(line("mxtriage   ", report.ours) + String(format: "  (setup %.2f s)", report.setupSeconds))
        if let d = report.dials {
            print(line("dials.refine", d))
            print(String(format: "speed-up %.1f×   (%@ in %@)", d.seconds / report.ours.seconds,
                         (report.dialsCommand ?? "") as NSString, workdir as NSString))
        } else if let why = report.dialsSkipped {
            print("dials.refine: \(why)")
        }
    }
}

/// The benchmark's input: the TehA-like preset on a full-size Pilatus 6M, each sweep's
/// simulated spot centroids (true position plus the simulator's centroid error) of the spots
/// recording at least `minCounts` expected counts as indexed reflections, every experiment sharing experiment 0's header detector and beam (as
/// `mxtriage combine --reference-from 0` leaves them), crystals 0.05° and 0.3 % off the truth.
enum SimulatedJointSet {
    static func make(sweeps count: Int, seed: UInt64, maxImages: Int?, minCounts: Double) throws -> (ExperimentList, ReflectionTable) {
        let plan = CrystalForm.teha.plan(seed: seed, sweeps: count, detector: .pilatus6m, maxImages: maxImages)
        let instrument = Instrument(plan: plan, siliconMu: try SiliconSensor.mu(wavelength: plan.wavelength))
        let background = BackgroundShape(plan: plan, instrument: instrument)
        let usable = plan.sweeps.filter { $0.crystal.group != "blank" }
        let parts = usable.parallelMap { sweep in
            SweepSimulator(plan: plan, sweep: sweep, instrument: instrument, backgroundShape: background)
        }
        var list = ExperimentList()
        list.beams = [instrument.beam]
        list.detectors = [instrument.headerDetector]
        list.goniometers = [instrument.goniometer]
        var table = ReflectionTable()
        var random = SimulationRandom(seed: seed, stream: [0xBE7C])
        for (id, sim) in parts.enumerated() {
            let truth = sim.sweep.crystal
            let axis = Vec3(random.normal(), random.normal(), random.normal()).normalized
            let u = Mat3.rotation(axis: axis, angle: 0.05 * .pi / 180) * truth.U
            let cell = UnitCell(truth.cell.a * 1.003, truth.cell.a * 1.003, truth.cell.c * 0.998, 90, 90, 120)
            list.crystals.append(Crystal(U: u, unitCell: cell, spaceGroupHall: CrystalForm.teha.spaceGroup.hall))
            list.scans.append(sim.scan)
            list.imagesets.append(.sequence(template: "/simulated/" + sim.sweep.template))
            list.experiments.append(Experiment(identifier: sim.identifier, beam: 0, detector: 0, goniometer: 0,
                                               scan: id, crystal: id, imageset: id))
            var recorded = [Double](repeating: 0, count: sim.reflections.count)
            for image in sim.imageContents { for (r, f) in image { recorded[r] += f } }
            let spots = sim.reflections.indices.filter { i in
                let r = sim.reflections[i]
                return r.centreZ >= 0 && r.centreZ < Double(sim.scan.numImages) && r.fullCounts * recorded[i] >= minCounts
            }.map { i in
                let r = sim.reflections[i]
                return IndexedSpotTable.Spot(h: MillerIndex(r.h.x, r.h.y, r.h.z), entering: r.entering, pixel: r.centrePx, z: r.centreZ)
            }
            try table.extend(try IndexedSpotTable.make(id: id, identifier: sim.identifier, panel: instrument.headerDetector[0], beam: instrument.beam,
                                                       scan: sim.scan, spots: spots, sigmaPixels: plan.centroidErrorPixels,
                                                       sigmaImages: plan.centroidErrorImages))
        }
        return (list, table)
    }
}
