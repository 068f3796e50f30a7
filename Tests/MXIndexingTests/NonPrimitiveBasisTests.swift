import XCTest
import MXGeometry
@testable import MXIndexing

final class NonPrimitiveBasisTests: XCTestCase {
    /// Every tenth test as rstbx's `indexing_api.tools.R` lists it (Debian python3-cctbx).
    func testConditionTableMatchesRstbx() {
        let expected: [(Int, SIMD3<Int>, [Int])] = [
            (2, SIMD3(1, 0, 0), [0, 1, 0, 0, 0, 1, 2, 0, 0]), (3, SIMD3(1, 1, 0), [0, 0, 1, 1, -1, 0, 2, 1, 0]),
            (5, SIMD3(1, 0, -1), [0, 1, 0, 1, 0, 1, 3, 0, -2]), (2, SIMD3(1, 1, -1), [1, 0, 1, 1, 1, 0, 0, 1, 1]),
            (3, SIMD3(2, 1, 0), [1, 1, 0, 0, 0, 1, 2, -1, 0]), (5, SIMD3(1, 0, 2), [0, 1, 0, 1, 0, 2, 2, 0, -1]),
            (2, SIMD3(2, -1, 0), [0, 0, 1, 1, 0, 0, 0, 2, 0]), (3, SIMD3(-1, 2, 0), [0, 0, 1, 1, -1, 0, 2, 1, 0]),
            (5, SIMD3(1, 2, 1), [1, -1, 1, 1, 0, -1, 1, 2, 0]), (2, SIMD3(1, 2, -1), [0, 1, 0, 1, 0, 1, 1, 0, -1]),
            (3, SIMD3(-1, 1, 2), [1, 1, 0, 0, 1, 1, 1, -1, 1]), (5, SIMD3(1, -2, 1), [1, 1, 1, 1, 0, -1, 0, 2, -1]),
        ]
        XCTAssertEqual(NonPrimitiveBasis.tests.count, 111)
        for (i, (m, v, t)) in expected.enumerated() {
            let test = NonPrimitiveBasis.tests[i * 10]
            XCTAssertEqual(test.modulus, m)
            XCTAssertEqual(test.vector, v)
            XCTAssertEqual(test.transformation.flatMap { $0 }, t)
        }
    }

    func testDoubledCellIsHalved() throws {
        let truth = Crystal(U: .identity, unitCell: UnitCell(20, 30, 40, 90, 90, 90))
        let v = truth.realSpaceVectors
        let doubled = Crystal(realSpaceA: v.a * 2, b: v.b, c: v.c)
        // Reciprocal-lattice points of the true lattice, indexed by the doubled cell, all have even h.
        var rlps: [Vec3] = []
        for h in -3...3 { for k in -3...3 { for l in -3...3 where (h, k, l) != (0, 0, 0) { rlps.append(truth.A * SIMD3<Double>(Double(h), Double(k), Double(l))) } } }
        let assignment = IndexAssignment()
        let corrected = try XCTUnwrap(NonPrimitiveBasis.correct(doubled) { c in
            assignment.assign(rlps: rlps, phis: rlps.indices.map { Double($0) }, A: c.A)
        })
        XCTAssertEqual(corrected.unitCell.volume, truth.unitCell.volume, accuracy: 1e-6)
    }
}
