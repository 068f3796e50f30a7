import XCTest
@testable import MXGeometry

final class Mat3Tests: XCTestCase {
    func testRotationIsRightHanded() {
        let r = Mat3.rotation(axis: Vec3(0, 0, 1), angle: .pi / 2)
        let v = r * Vec3(1, 0, 0)
        XCTAssertEqual(v.x, 0, accuracy: 1e-15)
        XCTAssertEqual(v.y, 1, accuracy: 1e-15)
        XCTAssertEqual(r.determinant, 1, accuracy: 1e-15)
    }

    func testRotationDerivativeMatchesFiniteDifference() {
        let axis = Vec3(0.3, -0.5, 0.8).normalized, angle = 0.7, h = 1e-6
        let numeric = (Mat3.rotation(axis: axis, angle: angle + h) - Mat3.rotation(axis: axis, angle: angle - h)) * (1 / (2 * h))
        XCTAssertLessThan(Mat3.rotationDerivative(axis: axis, angle: angle).maxAbsDifference(numeric), 1e-9)
    }

    func testInverseAndTranspose() {
        let m = Mat3(rowMajor: [2, 1, 0.5, -1, 3, 0.2, 0.4, -0.7, 5])
        XCTAssertLessThan((m * m.inverse).maxAbsDifference(.identity), 1e-14)
        XCTAssertEqual(m.transpose.transpose, m)
        XCTAssertEqual(m.row1, m.transpose.column1)
    }

    func testOuterAndCrossProductMatrix() {
        let u = Vec3(1, 2, 3), v = Vec3(-4, 5, 0.5)
        XCTAssertEqual(Mat3.crossProductMatrix(u) * v, u.cross(v))
        XCTAssertEqual(Mat3.outer(u, v)[1, 2], u.y * v.z)
        XCTAssertEqual(Mat3.outer(u, v) * Vec3(0, 0, 1), u * v.z)
    }
}
