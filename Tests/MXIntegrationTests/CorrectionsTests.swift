import Foundation
import MXGeometry
import XCTest
@testable import MXIntegration

/// LP and QE for hand-picked rays, worked out on paper.
final class CorrectionsTests: XCTestCase {
    func testLorentzPolarisationOfSimpleRays() {
        let s0 = Vec3(0, 0, -1)  // λ = 1 Å
        let axis = Vec3(1, 0, 0)
        // Scattered 90° upwards, along the polarisation normal y:
        // L = |ŝ1·ŷ| = 1; P = (1 − 2f)(1 − 1) + f(1 + 0) = f.
        XCTAssertEqual(Corrections.lp(s0: s0, s1: Vec3(0, 1, 0), axis: axis, polarizationNormal: Vec3(0, 1, 0),
                                      polarizationFraction: 0.9), 1 / 0.9, accuracy: 1e-14)
        // Scattered 90° along the axis: L = 0 (the blind direction), so LP = 0.
        XCTAssertEqual(Corrections.lp(s0: s0, s1: Vec3(1, 0, 0), axis: axis, polarizationNormal: Vec3(0, 1, 0),
                                      polarizationFraction: 0.9), 0, accuracy: 1e-14)
        // 2θ = 60° in the yz plane: ŝ1 = (0, sin60, −cos60); L = sin60;
        // P = (1 − 2f)(1 − sin²60) + f(1 + cos²60) with f = 0.5 gives (1 + 1/4)/2.
        let s1 = Vec3(0, 3.0.squareRoot() / 2, -0.5)
        XCTAssertEqual(Corrections.lp(s0: s0, s1: s1, axis: axis, polarizationNormal: Vec3(0, 1, 0),
                                      polarizationFraction: 0.5), (3.0.squareRoot() / 2) / 0.625, accuracy: 1e-14)
    }

    func testDetectorEfficiencyOfSilicon() {
        let n = Vec3(0, 0, -1)
        // Normal incidence: 1 − e^{−μt}; 60° off the normal the path doubles.
        XCTAssertEqual(Corrections.qe(mu: 3.96, thickness: 0.45, normal: n, s1: Vec3(0, 0, -2)), 1 - exp(-3.96 * 0.45), accuracy: 1e-14)
        XCTAssertEqual(Corrections.qe(mu: 3.96, thickness: 0.45, normal: n, s1: Vec3(0, 3.0.squareRoot() / 2, -0.5)),
                       1 - exp(-3.96 * 0.9), accuracy: 1e-14)
    }

    func testSensorMuFallsBackToSiliconAtTheWavelength() throws {
        var panel = Panel(fastAxis: Vec3(1, 0, 0), slowAxis: Vec3(0, -1, 0), origin: Vec3(-10, 10, -100),
                          imageSize: (100, 100), pixelSize: (0.172, 0.172), trustedRange: (-1, 1e6))
        XCTAssertNil(Corrections.sensorMu(panel: panel, wavelength: 1.0))
        panel.thickness = 0.32
        panel.material = "Si"
        XCTAssertEqual(try XCTUnwrap(Corrections.sensorMu(panel: panel, wavelength: 1.0332)), 4.63, accuracy: 0.01)
        panel.mu = 2.5
        XCTAssertEqual(Corrections.sensorMu(panel: panel, wavelength: 1.0332), 2.5)
    }
}
