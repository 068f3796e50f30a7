import XCTest
@testable import MXGeometry

/// The predictor against an independent calculation: a brute-force scan of the Ewald
/// condition f(φ) = |s0 + r(φ)|² − |s0|² in φ, with the crossings found by bisection.
final class RotationPredictorTests: XCTestCase {
    let beam = Beam(direction: Vec3(0, 0, 1), wavelength: 0.9763)
    let detector = Detector(panels: [Panel(fastAxis: Vec3(1, 0, 0), slowAxis: Vec3(0, -1, 0), origin: Vec3(-211.8, 217.3, -300),
                                           imageSize: (2463, 2527), pixelSize: (0.172, 0.172), trustedRange: (-1, 1e6))])
    let crystal = Crystal(U: Mat3.rotation(axis: Vec3(0.2, 0.7, -0.4), angle: 1.1), unitCell: UnitCell(98, 98, 136, 90, 90, 120))

    func bruteForceCrossings(_ h: SIMD3<Double>, goniometer: Goniometer) -> [Double] {
        let s0 = beam.s0
        func f(_ phi: Double) -> Double {
            let r = goniometer.settingRotation * (Mat3.rotation(axis: goniometer.rotationAxisDatum, angle: phi) * (goniometer.fixedRotation * crystal.A * h))
            return (s0 + r).dot(s0 + r) - s0.dot(s0)
        }
        var roots: [Double] = []
        let steps = 36000
        for i in 0..<steps {
            var a = 2 * Double.pi * Double(i) / Double(steps), b = 2 * Double.pi * Double(i + 1) / Double(steps)
            guard f(a) * f(b) < 0 else { continue }
            for _ in 0..<60 {
                let m = (a + b) / 2
                if f(a) * f(m) <= 0 { b = m } else { a = m }
            }
            roots.append((a + b) / 2)
        }
        return roots
    }

    func testCrossingsMatchBruteForceForSingleAndMultiAxisGoniometers() {
        let goniometers = [
            Goniometer(),
            Goniometer(multiAxis: .init(axes: [Vec3(1, 0, 0), Vec3(0.914, 0.279, -0.297).normalized, Vec3(1, 0, 0)],
                                        angles: [30, -60, 10], names: ["PHI", "KAPPA", "OMEGA"], scanAxis: 2)),
        ]
        for gonio in goniometers {
            let angles = RotationAngles(s0: beam.s0, goniometer: gonio)
            var checked = 0
            for h in [SIMD3<Double>(3, -5, 7), SIMD3(10, 2, -15), SIMD3(-1, 1, 30), SIMD3(20, -11, 4)] {
                let expected = bruteForceCrossings(h, goniometer: gonio)
                guard let (a, b) = angles.angles(gonio.fixedRotation * crystal.A * h) else {
                    XCTAssertTrue(expected.isEmpty, "missed crossings of \(h)")
                    continue
                }
                XCTAssertEqual(expected.count, 2)
                for phi in [a, b] {
                    XCTAssertTrue(expected.contains { abs($0 - phi) < 1e-9 }, "\(h): \(phi) not in \(expected)")
                }
                checked += 1
            }
            XCTAssertGreaterThan(checked, 2)
        }
    }

    func testPredictedRaysLieOnTheEwaldSphereAndInTheScan() {
        let scan = Scan(imageRange: (1, 50), oscillation: (0, 0.2))
        let predictor = RotationPredictor(beam: beam, detector: detector, goniometer: Goniometer(), scan: scan, A: crystal.A)
        var found = 0
        for h in -8...8 { for k in -8...8 { for l in -12...12 {
            for ray in predictor.predict(SIMD3<Int32>(Int32(h), Int32(k), Int32(l))) {
                found += 1
                XCTAssertEqual(ray.s1.length, beam.s0.length, accuracy: 1e-12)
                XCTAssertTrue(ray.phi >= 0 && ray.phi <= 10 * .pi / 180 + 1e-12)
                XCTAssertEqual(ray.z, ray.phi * 180 / .pi / 0.2, accuracy: 1e-9)
                let lab = detector[0].labCoordinate(mm: ray.mm)
                XCTAssertLessThan(lab.normalized.cross(ray.s1.normalized).length, 1e-12)
            }
        } } }
        XCTAssertGreaterThan(found, 50)
    }
}
