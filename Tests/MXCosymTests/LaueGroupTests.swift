import MXCosym
import MXGeometry
import MXSymmetry
import XCTest

final class LaueGroupTests: XCTestCase {
    func laue(_ group: String, setting: String, cell: UnitCell, planted: [String], seed: UInt64) throws -> LaueGroupAnalysis {
        let g = try SpaceGroup(group)
        let data = SyntheticCrystals(spaceGroup: g, cell: cell, crystals: 4, dMin: 4.5, settings: planted.map(hkl), seed: seed)
        let r = try Cosym.laueGroup(data.datasets, cell: cell, indexedIn: try SpaceGroup(setting))
        print("\(group): best \(r.best.name) likelihood \(r.best.likelihood) confidence \(r.best.confidence); "
              + r.candidates.map { "\($0.name) \(String(format: "%.3f", $0.likelihood))" }.joined(separator: ", "))
        print("  elements: " + r.elements.map { "\($0.symbol) cc \(String(format: "%.2f", $0.cc)) n \($0.n)" }.joined(separator: "; "))
        return r
    }

    func testP41212GivesP4mmm() throws {
        let r = try laue("P 41 21 2", setting: "P 1", cell: UnitCell(57.8, 57.8, 150, 90, 90, 90), planted: ["h,k,l"], seed: 81)
        XCTAssertEqual(r.best.name, "P 4/m m m")
        XCTAssertGreaterThan(r.best.confidence, 0.9)
        XCTAssertEqual(r.spaceGroup, "P 4 2 2")
    }

    func testH3GivesRMinus3NotRMinus3m() throws {
        // Crystals in both indexings of the k,h,-l ambiguity: the analysis must not care.
        let r = try laue("H 3", setting: "H 3", cell: UnitCell(98, 98, 137, 90, 90, 120), planted: ["h,k,l", "k,h,-l"], seed: 82)
        XCTAssertEqual(r.best.name, "R -3 :H")
        XCTAssertGreaterThan(r.best.confidence, 0.85)
        XCTAssertTrue(r.candidates.contains { $0.name == "R -3 m :H" })
        XCTAssertEqual(r.spaceGroup, "R 3 :H")
    }

    func testP1GivesPMinus1() throws {
        let r = try laue("P 1", setting: "P 1", cell: UnitCell(41.2, 52.7, 63.1, 87, 94, 101), planted: ["h,k,l"], seed: 83)
        // γ = 101° leaves no two-fold, but α, β within 5° of 90° give Le Page's δ < 5° for c:
        // P 1 2/m 1 is a candidate and must lose.
        XCTAssertEqual(r.best.name, "P -1")
        XCTAssertGreaterThan(r.best.confidence, 0.8)
    }

    func testP4InAllSettingsGivesP4m() throws {
        let r = try laue("P 4", setting: "P 1", cell: UnitCell(57.8, 57.8, 150, 90, 90, 90), planted: ["h,k,l", "k,h,-l"], seed: 84)
        XCTAssertEqual(r.best.name, "P 4/m")
    }
}
