import XCTest
import MXGeometry
import MXTestSupport
@testable import MXSymmetry

/// The Hall-symbol parser and the metric constraints against cctbx, for every setting in
/// cctbx's space-group table and some non-standard ones (fixture made by
/// Tests/Fixtures/dials-refine/make_metric_constraints.py).
final class HallSymbolTests: XCTestCase {
    struct Case: Decodable {
        var hall: String
        var rotations: Int
        var independent: [Int]
        var expansion: [[Double]]
    }

    func testEveryCctbxSettingGivesCctbxsConstraints() throws {
        let url = TestData.fixtures.appendingPathComponent("dials-refine/metric_constraints.json")
        let cases = try JSONDecoder().decode([Case].self, from: Data(contentsOf: url))
        XCTAssertGreaterThan(cases.count, 530)
        for c in cases {
            let symbol = try HallSymbol(c.hall)
            XCTAssertEqual(symbol.rotations.count, c.rotations, "point group order of \(c.hall)")
            let constraints = MetricConstraints(rotations: symbol.rotations)
            XCTAssertEqual(constraints.independent, c.independent, c.hall)
            XCTAssertEqual(constraints.expansion, c.expansion, c.hall)
        }
    }

    func testCrystalSystemsGiveDIALSsParameterCounts() throws {
        let counts = [" P 1": 6, " P 2y": 4, " C 2y": 4, " P 2 2": 3, " P 2ac 2ab": 3, " P 4": 2, " I 4 2": 2,
                      " P 3": 2, " R 3": 2, " P 6 2": 2, " P 3*": 2, " P 2 2 3": 1, " F 4d 2 3 -1d": 1]
        for (hall, n) in counts {
            XCTAssertEqual(try MetricConstraints(hallSymbol: hall).independent.count, n, hall)
        }
        // H 3 (R 3 in hexagonal axes): g2 and g3 free, g0 = g1 = 2·g3, g4 = g5 = 0.
        let h3 = try MetricConstraints(hallSymbol: " R 3")
        XCTAssertEqual(h3.independent, [2, 3])
        XCTAssertEqual(h3.expand([0.5, 0.25]), [0.5, 0.5, 0.5, 0.25, 0, 0])
    }

    func testUnreadableSymbolsFailWithAReason() {
        for bad in ["", " Q 1", " P 5", " P 2 (x,y", " P 2q"] {
            XCTAssertThrowsError(try HallSymbol(bad), bad) { error in
                XCTAssertFalse("\(error)".isEmpty)
            }
        }
    }
}
