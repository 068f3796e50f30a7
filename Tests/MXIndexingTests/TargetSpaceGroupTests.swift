import XCTest
import MXGeometry
import MXSymmetry
@testable import MXIndexing

/// The step after the P 1 basis search: the crystal put into the target group's lattice
/// (dials.index `space_group=`), checked on the cells of lattice-symmetry.md §2.4 and §5.
final class TargetSpaceGroupTests: XCTestCase {
    /// A P 1 crystal with the Niggli-reduced basis of `cell`, in an arbitrary orientation: what
    /// the basis search hands on.
    func reducedP1(_ cell: UnitCell, centring: [[Double]] = [[1, 0, 0], [0, 1, 0], [0, 0, 1]]) throws -> (Crystal, Crystal) {
        let truth = Crystal(U: Mat3.rotation(axis: Vec3(0.3, -0.2, 0.9), angle: 0.8), unitCell: cell)
        let v = truth.realSpaceVectors
        let p = centring.map { v.a * $0[0] + v.b * $0[1] + v.c * $0[2] }
        let reduced = try NiggliReduction(a: p[0], b: p[1], c: p[2])
        let r = reduced.vectors
        return (truth, Crystal(realSpaceA: r.0, b: r.1, c: r.2))
    }

    func assertCell(_ c: UnitCell, _ expected: [Double], accuracy: Double = 0.01, file: StaticString = #filePath, line: UInt = #line) {
        for (x, y) in zip(c.parameters, expected) { XCTAssertEqual(x, y, accuracy: accuracy, "\(c)", file: file, line: line) }
    }

    func testH3FromTheRhombohedralPrimitiveCellIsTheObverseHexagonalSetting() throws {
        let (truth, p1) = try reducedP1(UnitCell(98.04, 98.04, 136.1, 90, 90, 120),
                                        centring: [[2.0 / 3, 1.0 / 3, 1.0 / 3], [-1.0 / 3, 1.0 / 3, 1.0 / 3], [-1.0 / 3, -2.0 / 3, 1.0 / 3]])
        let h3 = try Indexer().applySymmetry(SpaceGroup("H 3"), to: p1)
        assertCell(h3.unitCell, [98.04, 98.04, 136.1, 90, 90, 120], accuracy: 1e-6)
        XCTAssertEqual(h3.spaceGroupHall, " R 3")
        // The true lattice's reflections (−h + k + l = 3n) index to integers obeying it too.
        let inverse = h3.A.inverse
        for h in [SIMD3<Double>(1, 0, 1), SIMD3(0, 1, 2), SIMD3(2, -1, 3), SIMD3(3, 3, 0), SIMD3(-1, 1, 4)] {
            let f = inverse * (truth.A * h)
            let n = f.rounded(.toNearestOrAwayFromZero)
            XCTAssertLessThan((f - n).length, 1e-6)
            XCTAssertEqual(Int(-n.x + n.y + n.z) % 3, 0, "\(h) → \(n)")
        }
    }

    func testMonoclinicCStaysCWithTheLeastObliqueCCell() throws {
        // §2.4: the I2 test cell indexed with space_group=C 1 2 1 gives C2 with β 112.52°.
        let (_, p1) = try reducedP1(UnitCell(76, 115, 134, 90, 99.07, 90),
                                    centring: [[1, 0, 0], [0, 1, 0], [0.5, 0.5, 0.5]])
        let c2 = try Indexer().applySymmetry(SpaceGroup("C 2"), to: p1)
        XCTAssertEqual(c2.spaceGroupHall, " C 2y")
        assertCell(c2.unitCell, [143.25, 115.00, 76.00, 90, 112.52, 90], accuracy: 0.02)
    }

    func testTetragonalOrthorhombicAndCubicTargets() throws {
        let (_, lysozyme) = try reducedP1(UnitCell(79.1, 79.1, 37.9, 90, 90, 90))
        let tP = try Indexer().applySymmetry(SpaceGroup("P 43 21 2"), to: lysozyme)
        assertCell(tP.unitCell, [79.1, 79.1, 37.9, 90, 90, 90])
        XCTAssertEqual(try SpaceGroup(hall: tP.spaceGroupHall).symbol, "P 43 21 2")

        let (_, trypsin) = try reducedP1(UnitCell(67.6, 54.9, 58.6, 90, 90, 90))
        let oP = try Indexer().applySymmetry(SpaceGroup("P212121"), to: trypsin)
        assertCell(oP.unitCell, [54.9, 58.6, 67.6, 90, 90, 90])

        let (_, insulin) = try reducedP1(UnitCell(78, 78, 78, 90, 90, 90), centring: [[1, 0, 0], [0, 1, 0], [0.5, 0.5, 0.5]])
        let cI = try Indexer().applySymmetry(SpaceGroup("I 21 3"), to: insulin)
        assertCell(cI.unitCell, [78, 78, 78, 90, 90, 90])
        XCTAssertEqual(abs(cI.unitCell.volume / insulin.unitCell.volume), 2, accuracy: 1e-6)
    }

    func testACellWithoutTheTargetLatticeIsRefusedWithTheReason() throws {
        // 52 × 64 Å: a + b and a* + b* are 11.8° apart, beyond δ = 5°, so no tP lattice.
        // (54.9 × 58.6 would be 3.7° apart and a tP candidate, as in dials.refine_bravais_settings.)
        let (_, orthorhombic) = try reducedP1(UnitCell(52, 64, 79, 90, 90, 90))
        XCTAssertThrowsError(try Indexer().applySymmetry(SpaceGroup("P 41 21 2"), to: orthorhombic)) { error in
            XCTAssertTrue("\(error)".contains("no tP lattice within 5"), "\(error)")
        }
    }

    func testTargetSymbolsAreCheckedUpFront() throws {
        XCTAssertNil(try IndexingOptions.targetSpaceGroup("P 1"))
        XCTAssertEqual(try IndexingOptions.targetSpaceGroup("P41212")?.symbol, "P 41 21 2")
        XCTAssertEqual(try IndexingOptions.targetSpaceGroup("R 3:H")?.symbol, "H 3")
        XCTAssertThrowsError(try IndexingOptions.targetSpaceGroup("I 1 2 1")) { error in
            XCTAssertTrue("\(error)".contains("not a reference setting; index in C 1 2 1"), "\(error)")
        }
        XCTAssertThrowsError(try IndexingOptions.targetSpaceGroup("P 5")) { error in
            XCTAssertTrue("\(error)".hasPrefix("unknown space group \"P 5\""), "\(error)")
        }
    }
}
