import XCTest
import MXGeometry
import MXSymmetry
@testable import MXIndexing

final class HexagonalSettingTests: XCTestCase {
    /// The primitive rhombohedral basis of an H 3 crystal (dials-algorithms §1.7: a_R = (2a+b+c)/3,
    /// b_R = (−a+b+c)/3, c_R = (−a−2b+c)/3), Niggli-reduced as P1 indexing would give it.
    func primitiveBasis(_ hex: Crystal) throws -> (Vec3, Vec3, Vec3) {
        let v = hex.realSpaceVectors
        let aR = (v.a * 2 + v.b + v.c) / 3, bR = (v.a * -1 + v.b + v.c) / 3, cR = (v.a * -1 - v.b * 2 + v.c) / 3
        let reduced = try NiggliReduction(a: aR, b: bR, c: cR)
        return reduced.vectors
    }

    func testRecoversTheHexagonalCellFromAReducedPrimitiveOne() throws {
        let truth = Crystal(U: Mat3.rotation(axis: Vec3(0.3, -0.2, 0.9), angle: 0.8), unitCell: UnitCell(98.04, 98.04, 136.1, 90, 90, 120))
        let (a, b, c) = try primitiveBasis(truth)
        let setting = try XCTUnwrap(HexagonalSetting(a: a, b: b, c: c))
        XCTAssertLessThan(setting.deviation, 1e-6)
        let p = setting.P
        let det = p[0][0] * (p[1][1] * p[2][2] - p[1][2] * p[2][1]) - p[0][1] * (p[1][0] * p[2][2] - p[1][2] * p[2][0])
            + p[0][2] * (p[1][0] * p[2][1] - p[1][1] * p[2][0])
        XCTAssertEqual(det, 3)
        let hex = setting.symmetrised(Crystal(realSpaceA: a, b: b, c: c))
        for (x, y) in zip(hex.unitCell.parameters, [98.04, 98.04, 136.1, 90, 90, 120]) { XCTAssertEqual(x, y, accuracy: 1e-6) }
        XCTAssertEqual(hex.spaceGroupHall, " R 3")
        // The lattice is the true one, in the obverse setting: the true crystal's reflections
        // (which obey −h + k + l = 3n) index to integers obeying it too.
        let inverse = hex.A.inverse
        for h in [SIMD3<Double>(1, 0, 1), SIMD3(0, 1, 2), SIMD3(2, -1, 3), SIMD3(3, 3, 0), SIMD3(-1, 1, 4)] {
            let f = inverse * (truth.A * h)
            let n = f.rounded(.toNearestOrAwayFromZero)
            XCTAssertLessThan((f - n).length, 1e-6)
            XCTAssertEqual(Int(-n.x + n.y + n.z) % 3, 0, "\(h) → \(n)")
        }
    }

    func testDistortedCellIsSymmetrisedAndAFarCellIsRejected() throws {
        let slightly = UnitCell(98.3, 97.7, 136, 90.4, 89.7, 120.3)
        let o = slightly.orthogonalization
        let setting = try XCTUnwrap(HexagonalSetting(a: o.column0, b: o.column1, c: o.column2))
        XCTAssertLessThan(setting.deviation, 0.5)
        let hex = setting.symmetrised(Crystal(realSpaceA: o.column0, b: o.column1, c: o.column2))
        XCTAssertEqual(hex.unitCell.alpha, 90, accuracy: 1e-9)
        XCTAssertEqual(hex.unitCell.gamma, 120, accuracy: 1e-9)
        XCTAssertEqual(hex.unitCell.a, hex.unitCell.b, accuracy: 1e-9)
        let orthorhombic = UnitCell(50, 70, 90, 90, 90, 90).orthogonalization
        XCTAssertNil(HexagonalSetting(a: orthorhombic.column0, b: orthorhombic.column1, c: orthorhombic.column2))
    }
}
