import XCTest
@testable import MXGeometry

final class ScanAndGoniometerTests: XCTestCase {
    func testScanAnglesUseArrayIndices() {
        let scan = Scan(imageRange: (1, 40), oscillation: (10, 0.2))
        XCTAssertEqual(scan.angle(arrayIndex: 0), 10)
        XCTAssertEqual(scan.angle(arrayIndex: 40), 18, accuracy: 1e-12)
        XCTAssertEqual(scan.arrayIndex(angle: 12), 10, accuracy: 1e-12)
        XCTAssertEqual(scan.oscillationRange.end, 18, accuracy: 1e-12)
        let later = Scan(imageRange: (5, 8), oscillation: (0, 1))
        XCTAssertEqual(later.arrayRange.lower, 4)
        XCTAssertEqual(later.angle(arrayIndex: 4), 0)
    }

    func testMultiAxisComposesInnerAxesIntoFixedRotation() {
        // phi (inner), kappa, omega (scan), 2theta-like outer axis.
        let axes = [Vec3(1, 0, 0), Vec3(0.914, 0.279, -0.297).normalized, Vec3(1, 0, 0), Vec3(0, 1, 0)]
        let angles = [30.0, -60, 10, 5]
        let g = Goniometer(multiAxis: .init(axes: axes, angles: angles, names: ["PHI", "KAPPA", "OMEGA", "X"], scanAxis: 2))
        let r = { (i: Int) in Mat3.rotation(axis: axes[i], angle: angles[i] * .pi / 180) }
        XCTAssertLessThan(g.fixedRotation.maxAbsDifference(r(1) * r(0)), 1e-15)
        XCTAssertLessThan(g.settingRotation.maxAbsDifference(r(3)), 1e-15)
        XCTAssertEqual(g.rotationAxis, g.settingRotation * Vec3(1, 0, 0))
    }
}
