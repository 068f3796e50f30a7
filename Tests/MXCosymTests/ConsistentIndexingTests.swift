import MXCosym
import MXGeometry
import MXSymmetry
import XCTest

final class ConsistentIndexingTests: XCTestCase {
    /// All crystals agree after reindexing: (X₀P₀)⁻¹·(XₐPₐ) is a rotation of the space group for
    /// every a, i.e. the found operators undo the planted ones up to one global operator.
    func check(_ group: String, cell: UnitCell, planted settings: [String], crystals: Int, dMin: Double,
               expectAmbiguities: Int, seed: UInt64, file: StaticString = #filePath, line: UInt = #line) throws -> ConsistentIndexing {
        let g = try SpaceGroup(group)
        let data = SyntheticCrystals(spaceGroup: g, cell: cell, crystals: crystals, dMin: dMin,
                                     settings: settings.map(hkl), seed: seed)
        let result = try Cosym.resolveIndexing(data.datasets, spaceGroup: g, cell: cell)
        XCTAssertEqual(result.ambiguityOperators.count, expectAmbiguities, "cosets \(result.ambiguityOperators.map(\.hklSymbol))", file: file, line: line)
        let ops = indexOperators(g)
        let first = result.operations[0] * data.planted[0]
        var agree = 0
        for a in 0..<crystals {
            let rel = first.inverseForTest * (result.operations[a] * data.planted[a])
            if ops.contains(rel) { agree += 1 }
        }
        XCTAssertEqual(agree, crystals, "\(group): \(agree)/\(crystals) consistent; ops \(result.cbOps) planted \(data.planted.map(\.hklSymbol))", file: file, line: line)
        XCTAssertEqual(result.operations[0], .identity, file: file, line: line)
        XCTAssertTrue(result.confidence.allSatisfy { $0 > 0.3 }, "confidence \(result.confidence)", file: file, line: line)
        print("\(group): \(agree)/\(crystals) consistent, cosets \(result.ambiguityOperators.map(\.hklSymbol)), cb_ops \(result.cbOps), min confidence \(result.confidence.min()!), cycles \(result.cycles)")
        return result
    }

    func testH3TehALikeCell() throws {
        let r = try check("H 3", cell: UnitCell(98, 98, 137, 90, 90, 120), planted: ["h,k,l", "k,h,-l", "-h-k,k,-l"],
                          crystals: 8, dMin: 5, expectAmbiguities: 2, seed: 71)
        XCTAssertEqual(r.ambiguityOperators[1].hklSymbol, "k,h,-l")
    }

    func testP4TwofoldAmbiguity() throws {
        _ = try check("P 4", cell: UnitCell(57.8, 57.8, 150, 90, 90, 90), planted: ["h,k,l", "k,h,-l", "h,-k,-l"],
                      crystals: 8, dMin: 4, expectAmbiguities: 2, seed: 72)
    }

    func testP41212HasNoAmbiguity() throws {
        let r = try check("P 41 21 2", cell: UnitCell(57.8, 57.8, 150, 90, 90, 90), planted: ["h,k,l", "k,h,-l"],
                          crystals: 4, dMin: 4, expectAmbiguities: 1, seed: 73)
        XCTAssertEqual(r.cbOps, ["h,k,l", "h,k,l", "h,k,l", "h,k,l"])
    }

    func testP3FourfoldAmbiguity() throws {
        _ = try check("P 3", cell: UnitCell(60, 60, 80, 90, 90, 120), planted: ["h,k,l", "-h,-k,l", "k,h,-l", "-k,-h,-l"],
                      crystals: 8, dMin: 4, expectAmbiguities: 4, seed: 74)
    }

    func testI213() throws {
        _ = try check("I 21 3", cell: UnitCell(78, 78, 78, 90, 90, 90), planted: ["h,k,l", "k,h,-l"],
                      crystals: 6, dMin: 4, expectAmbiguities: 2, seed: 75)
    }

    func testDeterministicAndSingleCrystal() throws {
        let g = try SpaceGroup("H 3"), cell = UnitCell(98, 98, 137, 90, 90, 120)
        let data = SyntheticCrystals(spaceGroup: g, cell: cell, crystals: 4, dMin: 6, settings: [hkl("h,k,l"), hkl("k,h,-l")], seed: 9)
        let a = try Cosym.resolveIndexing(data.datasets, spaceGroup: g, cell: cell)
        let b = try Cosym.resolveIndexing(data.datasets.reversed().reversed(), spaceGroup: g, cell: cell)
        XCTAssertEqual(a, b)
        let single = try Cosym.resolveIndexing([data.datasets[1]], spaceGroup: g, cell: cell)
        XCTAssertEqual(single.cbOps, ["h,k,l"])
        XCTAssertTrue(single.notes.joined().contains("single dataset"))
        XCTAssertThrowsError(try Cosym.resolveIndexing([], spaceGroup: g, cell: cell))
        let oneLaue = try Cosym.laueGroup([data.datasets[1]], cell: cell, indexedIn: g)
        XCTAssertEqual(oneLaue.best.name, "R -3 :H")
        XCTAssertEqual(try Cosym.laueGroup(data.datasets, cell: cell, indexedIn: g), try Cosym.laueGroup(data.datasets, cell: cell, indexedIn: g))
        var far = data.datasets[0]
        far.hkl = far.hkl.map { $0 &* 1000 }
        XCTAssertThrowsError(try Cosym.resolveIndexing([data.datasets[0], far], spaceGroup: g, cell: cell)) { error in
            XCTAssertEqual("\(error)", "cosym: dataset 0 has no reflections in common with any other dataset")
        }
    }
}

extension IntMatrix3 {
    var inverseForTest: IntMatrix3 {
        // A unimodular matrix's inverse is its adjugate times its determinant.
        let m = e
        let adj = [m[4] * m[8] - m[5] * m[7], m[2] * m[7] - m[1] * m[8], m[1] * m[5] - m[2] * m[4],
                   m[5] * m[6] - m[3] * m[8], m[0] * m[8] - m[2] * m[6], m[2] * m[3] - m[0] * m[5],
                   m[3] * m[7] - m[4] * m[6], m[1] * m[6] - m[0] * m[7], m[0] * m[4] - m[1] * m[3]]
        return IntMatrix3(adj.map { $0 * determinant })
    }
}
