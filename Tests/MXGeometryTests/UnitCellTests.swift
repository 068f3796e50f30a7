import XCTest
@testable import MXGeometry

/// Expected values from cctbx (Debian python3-cctbx): `uctbx.unit_cell(...)` and dxtbx
/// `Crystal(a, b, c, "P 1")`.
final class UnitCellTests: XCTestCase {
    func testHexagonalCellMatchesCctbx() {
        let uc = UnitCell(98.1, 98.1, 136.4, 90, 90, 120)
        XCTAssertEqual(uc.volume, 1136797.2564059445, accuracy: 1e-6)
        let f = uc.fractionalization.rowMajor
        let expected = [0.010193679918450561, 0.005885323844950311, 0, 0, 0.011770647689900627, 0, 0, 0, 0.007331378299120234]
        for (x, y) in zip(f, expected) { XCTAssertEqual(x, y, accuracy: 1e-15) }
    }

    func testTriclinicCellMatchesCctbx() {
        let uc = UnitCell(5.42, 8.13, 12.02, 89.9, 91.2, 90.3)
        XCTAssertEqual(uc.volume, 529.5323620754032, accuracy: 1e-9)
        let r = uc.reciprocal.parameters
        let expected = [0.18454481379948443, 0.12300308072581558, 0.08321303687779415, 90.09373913699423, 88.8005054389724, 89.70202846502124]
        for (x, y) in zip(r, expected) { XCTAssertEqual(x, y, accuracy: 1e-10) }
        XCTAssertEqual(uc.dSpacing(SIMD3(1, 2, 3)), 2.50709600867286, accuracy: 1e-12)
        let back = UnitCell(metricalMatrix: uc.metricalMatrix)
        for (x, y) in zip(back.parameters, uc.parameters) { XCTAssertEqual(x, y, accuracy: 1e-10) }
    }

    func testCrystalFromRealSpaceVectorsMatchesDxtbx() {
        let c = Crystal(realSpaceA: Vec3(10, 1, 0.5), b: Vec3(-2, 20, 1), c: Vec3(0.3, -1, 30))
        let expectedA = [0.09903926964718289, -0.00502611934149597, -0.001483117182736516, 0.009936885124334657,
                         0.04941252080483826, -0.001812698778900186, -0.0006591631923273406, 0.0016973452202429015, 0.03328774121253069]
        let expectedB = [0.09938079899999065, 0, 0, -0.00024538543690232214, 0.04969055097271811, 0,
                         -0.0055990794284917775, -0.0007676019462704886, 0.0333700348887017]
        for (x, y) in zip(c.A.rowMajor, expectedA) { XCTAssertEqual(x, y, accuracy: 1e-15) }
        for (x, y) in zip(c.B.rowMajor, expectedB) { XCTAssertEqual(x, y, accuracy: 1e-15) }
        let cell = [10.062305898749054, 20.12461179749811, 30.01816116953202, 89.10842800961447, 86.77359040617537, 89.85852879572398]
        for (x, y) in zip(c.unitCell.parameters, cell) { XCTAssertEqual(x, y, accuracy: 1e-10) }
        XCTAssertEqual(c.U.determinant, 1, accuracy: 1e-12)
        XCTAssertLessThan((c.U * c.U.transpose).maxAbsDifference(.identity), 1e-12)
    }

    func testSetBKeepsOrientation() {
        var c = Crystal(U: Mat3.rotation(axis: Vec3(1, 2, 3), angle: 0.4), unitCell: UnitCell(98, 98, 136, 90, 90, 120))
        let u = c.U
        c.setB(UnitCell(99, 99, 137, 90, 90, 120).fractionalization.transpose)
        XCTAssertLessThan(c.U.maxAbsDifference(u), 1e-12)
        XCTAssertEqual(c.unitCell.c, 137, accuracy: 1e-9)
    }
}
