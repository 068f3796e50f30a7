import XCTest
import MXGeometry
@testable import MXSymmetry

/// Reduced cells from cctbx (`unit_cell(p).change_basis(unit_cell(p).change_of_basis_op_to_niggli_cell())`),
/// computed with Debian's python3-cctbx on the same cells.
final class NiggliReductionTests: XCTestCase {
    func vectors(_ cell: UnitCell) -> (Vec3, Vec3, Vec3) {
        let o = cell.orthogonalization
        return (o.column0, o.column1, o.column2)
    }

    func testReducedCellsMatchCctbx() throws {
        let cases: [([Double], [Double])] = [
            ([98, 98, 136, 90, 90, 120], [98, 98, 136, 90, 90, 120]),
            ([62.1, 62.3, 62.2, 104.9, 104.7, 105.1], [62.1, 62.2, 62.3, 104.9, 105.1, 104.7]),
            ([5.42, 8.13, 12.02, 90, 90, 90], [5.42, 8.13, 12.02, 90, 90, 90]),
            ([10, 12, 30, 80, 95, 110], [10, 12, 30, 80, 85, 70]),
            ([7, 7.2, 30, 120.5, 60.3, 91], [7, 7.2, 21.347093, 88.438204, 88.355966, 89]),
        ]
        for (input, expected) in cases {
            let (a, b, c) = vectors(UnitCell(parameters: input))
            let reduced = try NiggliReduction(a: a, b: b, c: c)
            for (x, y) in zip(reduced.unitCell.parameters, expected) { XCTAssertEqual(x, y, accuracy: 1e-5, "\(input)") }
            // P is unimodular and maps the input basis onto the reduced one.
            let p = reduced.P
            let det = p[0][0] * (p[1][1] * p[2][2] - p[1][2] * p[2][1]) - p[0][1] * (p[1][0] * p[2][2] - p[1][2] * p[2][0])
                + p[0][2] * (p[1][0] * p[2][1] - p[1][1] * p[2][0])
            XCTAssertEqual(det, 1, "\(input)")
            let newA = a * Double(p[0][0]) + b * Double(p[1][0]) + c * Double(p[2][0])
            XCTAssertLessThan((newA - reduced.vectors.a).length, 1e-9)
        }
    }

    func testReducesABadlyChosenBasisOfAPrimitiveRhombohedralLattice() throws {
        // H 3 cell (98, 98, 136, 90, 90, 120) → its primitive rhombohedral cell, then a skewed basis of it.
        let hex = UnitCell(98, 98, 136, 90, 90, 120).orthogonalization
        let (ah, bh, ch) = (hex.column0, hex.column1, hex.column2)
        let aR = (ah * 2 + bh + ch) / 3, bR = (ah * -1 + bh + ch) / 3, cR = (ah * -1 - bh * 2 + ch) / 3
        // A unimodular but badly skewed basis of the same lattice.
        let reduced = try NiggliReduction(a: aR, b: aR * 3 + bR, c: aR + bR * 2 + cR)
        let direct = try NiggliReduction(a: aR, b: bR, c: cR)
        for (x, y) in zip(reduced.unitCell.parameters, direct.unitCell.parameters) { XCTAssertEqual(x, y, accuracy: 1e-6) }
        XCTAssertEqual(reduced.unitCell.volume, UnitCell(98, 98, 136, 90, 90, 120).volume / 3, accuracy: 1e-3)
    }
}
