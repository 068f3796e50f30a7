import XCTest
import MXGeometry
@testable import MXRefinement

/// Every analytic derivative against central finite differences: the model states (s0, the
/// detector matrix, U, B) per parameter, and the predicted X, Y, φ per parameter of every type.
final class DerivativeTests: XCTestCase {
    func testReciprocalMetricDerivatives() throws {
        let b = UnitCell(41.2, 52.7, 63.1, 87, 94, 101).fractionalization.transpose
        let g = ReciprocalMetric.metric(of: b)
        let (b0, analytic) = try ReciprocalMetric.matrixAndDerivatives(g)
        XCTAssertLessThan(b0.maxAbsDifference(b), 1e-14, "the closed form reproduces dxtbx's B")
        for i in 0..<6 {
            let delta = 1e-9
            var gp = g, gm = g
            gp[i] += delta
            gm[i] -= delta
            let fd = (try ReciprocalMetric.matrixAndDerivatives(gp).b - ReciprocalMetric.matrixAndDerivatives(gm).b) * (0.5 / delta)
            XCTAssertLessThan(fd.maxAbsDifference(analytic[i]), 1e-6 * max(1, fd.rowMajor.map(abs).max()!), "∂B/∂g\(i)")
        }
    }

    func testBeamStateDerivatives() {
        var p = BeamParameterisation(beam: Beam(direction: Vec3(0.01, 0.02, 1), wavelength: 0.97),
                                     spindle: Vec3(1, 0.1, 0).normalized, identifier: "Beam1", experimentIDs: [0])
        p.parameters.values = [0.3, -0.7, 1 / 0.97 + 0.001]
        let analytic = p.compose().derivatives
        for k in 0..<3 {
            let d = k == 2 ? 1e-7 : 1e-4
            var plus = p, minus = p
            plus.parameters.values[k] += d
            minus.parameters.values[k] -= d
            let fd = (plus.compose().s0 - minus.compose().s0) / (2 * d)
            XCTAssertLessThan((fd - analytic[k]).length, 1e-9, "∂s0/∂\(p.parameters.names[k])")
        }
    }

    func testDetectorStateDerivatives() throws {
        let (list, _) = SyntheticExperiment.make()
        var p = try DetectorParameterisation(detector: list.detectors[0], identifier: "Detector1", experimentIDs: [0])
        p.parameters.values[0] += 0.4
        p.parameters.values[1] -= 0.3
        p.parameters.values[3...5] = [1.5, -2.0, 0.7]
        let analytic = p.compose().derivatives
        func d(_ q: DetectorParameterisation) -> Mat3 {
            let c = q.compose()
            return Mat3(columns: c.fast, c.slow, c.origin)
        }
        for k in 0..<6 {
            let step = 1e-4
            var plus = p, minus = p
            plus.parameters.values[k] += step
            minus.parameters.values[k] -= step
            let fd = (d(plus) - d(minus)) * (0.5 / step)
            XCTAssertLessThan(fd.maxAbsDifference(analytic[k]), 1e-7, "∂d/∂\(p.parameters.names[k])")
        }
    }

    func testDetectorParametersStartAtThePanel() throws {
        let (list, _) = SyntheticExperiment.make()
        let p = try DetectorParameterisation(detector: list.detectors[0], identifier: "Detector1", experimentIDs: [0])
        let c = p.compose()
        let panel = list.detectors[0][0]
        XCTAssertLessThan((c.origin - panel.origin).length, 1e-10)
        XCTAssertLessThan((c.fast - panel.fastAxis).length, 1e-12)
        XCTAssertEqual(p.parameters.values[0], panel.directedDistance, accuracy: 1e-12)
    }

    func testOrientationStateDerivatives() {
        var p = CrystalOrientationParameterisation(crystal: SyntheticExperiment.make().0.crystals[0],
                                                   identifier: "Crystal1", experimentIDs: [0])
        p.parameters.values = [2.0, -1.0, 3.5]
        let analytic = p.compose().derivatives
        for k in 0..<3 {
            var plus = p, minus = p
            plus.parameters.values[k] += 1e-4
            minus.parameters.values[k] -= 1e-4
            let fd = (plus.compose().u - minus.compose().u) * (0.5 / 1e-4)
            XCTAssertLessThan(fd.maxAbsDifference(analytic[k]), 1e-10, "∂U/∂Phi\(k + 1)")
        }
    }

    func testUnitCellStateDerivativesForEveryCrystalSystem() throws {
        let cases: [(String, UnitCell)] = [
            (" P 1", UnitCell(41.2, 52.7, 63.1, 87, 94, 101)), (" P 2y", UnitCell(41.2, 52.7, 63.1, 90, 104, 90)),
            (" P 2 2", UnitCell(41.2, 52.7, 63.1, 90, 90, 90)), (" P 4", UnitCell(41.2, 41.2, 63.1, 90, 90, 90)),
            (" R 3", UnitCell(98, 98, 136, 90, 90, 120)), (" P 3*", UnitCell(60, 60, 60, 81, 81, 81)),
            (" P 2 2 3", UnitCell(55, 55, 55, 90, 90, 90)),
        ]
        for (hall, cell) in cases {
            let crystal = Crystal(U: .identity, unitCell: cell, spaceGroupHall: hall)
            var p = try CrystalUnitCellParameterisation(crystal: crystal, identifier: "Crystal1", experimentIDs: [0])
            let (b0, _) = try p.compose()
            XCTAssertLessThan(b0.maxAbsDifference(crystal.B), 1e-14, "\(hall): the start reproduces B")
            p.parameters.values = p.parameters.values.map { $0 * 1.002 }
            let analytic = try p.compose().derivatives
            for k in p.parameters.values.indices {
                let d = 1e-4
                var plus = p, minus = p
                plus.parameters.values[k] += d
                minus.parameters.values[k] -= d
                let fd = (try plus.compose().b - minus.compose().b) * (0.5 / d)
                XCTAssertLessThan(fd.maxAbsDifference(analytic[k]), 1e-12, "\(hall) ∂B/∂g_param_\(k)")
            }
        }
    }

    /// ∂X, ∂Y, ∂φ of real predictions for every free parameter of a fully free P1 model and of
    /// a symmetry-constrained one.
    func testPredictionGradientsMatchFiniteDifferences() throws {
        for (hall, cell) in [(" P 1", UnitCell(41.2, 52.7, 63.1, 87, 94, 101)), (" R 3", UnitCell(48, 48, 66, 90, 90, 120))] {
            let (list, observations) = SyntheticExperiment.make(hall: hall, cell: cell)
            var options = RefinementOptions()
            options.beamFix = []
            var models = try ModelParameterisations(experiments: list, options: options)
            XCTAssertEqual(models.count, 6 + 3 + 3 + (hall == " P 1" ? 6 : 2))
            // Move away from the starting point so no derivative is evaluated at zero angles.
            var x = models.values
            for k in x.indices where models.names[k].contains("Tau") || models.names[k].contains("Phi") || models.names[k].contains("Mu") {
                x[k] += 0.8
            }
            models.values = x
            let frame = try models.frames()[0]
            let names = models.names
            let steps = names.map { n -> Double in
                if n.hasSuffix("nu") { return 1e-6 }
                if n.contains("g_param") { return 1e-5 }
                return 1e-4
            }
            var checked = 0
            var nonZero = Set<String>()
            for o in observations.prefix(60) {
                let pred = frame.predict(h: o.h, entering: o.entering, panel: o.panel, phiObserved: o.phi)
                guard pred.isPredicted else { continue }
                var g = PositionGradients(count: frame.localCount)
                XCTAssertTrue(frame.gradients(h: o.h, panel: o.panel, xyz: pred.xyz, s1: pred.s1, into: &g))
                for k in names.indices {
                    let local = frame.globalIndices.firstIndex(of: k)!
                    var plus = models, minus = models
                    var xp = x, xm = x
                    xp[k] += steps[k]
                    xm[k] -= steps[k]
                    plus.values = xp
                    minus.values = xm
                    let a = try plus.frames()[0].predict(h: o.h, entering: o.entering, panel: o.panel, phiObserved: o.phi).xyz
                    let b = try minus.frames()[0].predict(h: o.h, entering: o.entering, panel: o.panel, phiObserved: o.phi).xyz
                    let fd = (a - b) / (2 * steps[k])
                    let analytic = Vec3(g.dX[local], g.dY[local], g.dPhi[local])
                    for c in 0..<3 {
                        XCTAssertEqual(analytic[c], fd[c], accuracy: 1e-6 * abs(fd[c]) + 1e-8,
                                       "\(hall) \(names[k]) component \(c) for h \(o.h)")
                        if abs(fd[c]) > 1e-6 { nonZero.insert(names[k]) }
                    }
                }
                checked += 1
            }
            XCTAssertGreaterThan(checked, 40)
            XCTAssertEqual(nonZero, Set(names), "every parameter moves some prediction")
        }
    }
}
