import Foundation
import MXGeometry
@testable import MXRefinement

/// A hand-made rotation experiment with nothing lined up: a beam slightly off the z axis, a
/// goniometer with fixed and setting rotations, a detector tilted out of the xy plane, a
/// triclinic crystal. Observations are the predictor's own rays, so derivative tests exercise
/// every term of the gradient formulas.
enum SyntheticExperiment {
    struct Observation {
        var h: Vec3
        var entering: Bool
        var panel: Int
        var phi: Double
    }

    static func make(hall: String = " P 1", cell: UnitCell = UnitCell(41.2, 52.7, 63.1, 87, 94, 101),
                     tiltDegrees: Double = 8) -> (ExperimentList, [Observation]) {
        var list = ExperimentList()
        list.beams = [Beam(direction: Vec3(0.002, -0.001, 1), wavelength: 0.9)]
        let tilt = Mat3.rotation(axis: Vec3(0, 1, 0), angle: tiltDegrees * .pi / 180)
        var panel = Panel(fastAxis: tilt * Vec3(1, 0, 0), slowAxis: tilt * Vec3(0, -1, 0),
                          origin: tilt * Vec3(-86, 86, -120), imageSize: (1000, 1000),
                          pixelSize: (0.172, 0.172), trustedRange: (-1, 1e6))
        panel.pxMmStrategy = .simple
        list.detectors = [Detector(panels: [panel])]
        list.goniometers = [Goniometer(rotationAxis: Vec3(1, 0.01, 0),
                                       fixedRotation: Mat3.rotation(axis: Vec3(0, 0, 1), angle: 0.17),
                                       settingRotation: Mat3.rotation(axis: Vec3(0, 1, 0), angle: 0.09))]
        list.scans = [Scan(imageRange: (1, 100), oscillation: (-3, 0.1))]
        let u = Mat3.rotation(axis: Vec3(1, 2, 3), angle: 0.7)
        list.crystals = [Crystal(U: u, unitCell: cell, spaceGroupHall: hall)]
        list.experiments = [Experiment(identifier: "synthetic", beam: 0, detector: 0, goniometer: 0, scan: 0, crystal: 0)]

        let predictor = RotationPredictor(beam: list.beams[0], detector: list.detectors[0],
                                          goniometer: list.goniometers[0], scan: list.scans[0], A: list.crystals[0].A)
        var observations: [Observation] = []
        outer: for h in Int32(-12)...12 {
            for k in Int32(-12)...12 {
                for l in Int32(-12)...12 {
                    for ray in predictor.predict(SIMD3(h, k, l)) {
                        observations.append(Observation(h: Vec3(Double(h), Double(k), Double(l)), entering: ray.entering,
                                                        panel: ray.panel, phi: ray.phi))
                        if observations.count >= 300 { break outer }
                    }
                }
            }
        }
        return (list, observations)
    }
}
