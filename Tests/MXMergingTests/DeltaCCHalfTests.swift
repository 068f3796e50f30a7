import Foundation
import MXGeometry
import MXMerging
import MXReflections
import MXSymmetry
import MXTestSupport
import XCTest

/// ΔCC½ per crystal against `dials.compute_delta_cchalf`'s algorithm on the same DIALS-scaled
/// data (`scripts/dials_delta_cchalf_fixture.py`), and on data with a planted bad crystal.
final class DeltaCCHalfTests: XCTestCase {
    struct Reference: Decodable {
        var unit_cell: [Double]
        var hall: String
        var mean_cc_half: Double
        var delta_cc_half: [String: Double]
    }

    func testDIALSsValuesOnTheH3Set() throws { try compare("teha-seed61") }

    func testDIALSsValuesOnTheP212121Set() throws { try compare("p212121-seed62") }

    private func compare(_ name: String) throws {
        let directory = TestData.fixtures.appendingPathComponent("merging/\(name)")
        let reference = try JSONDecoder().decode(Reference.self, from: Data(contentsOf: directory.appendingPathComponent("delta_cchalf.json")))
        let table = try ReflectionTable(contentsOf: directory.appendingPathComponent("delta_cchalf_input.refl"))
        let hkl = try XCTUnwrap(table.millerIndices("miller_index"))
        let intensity = try XCTUnwrap(table.doubles("intensity")), variance = try XCTUnwrap(table.doubles("variance"))
        let groups = try XCTUnwrap(table.ints("group")).map(Int.init)
        let observations = hkl.indices.map {
            UnmergedObservation(hkl: SIMD3(Int(hkl[$0].h), Int(hkl[$0].k), Int(hkl[$0].l)), intensity: intensity[$0], variance: variance[$0])
        }
        let ours = DeltaCCHalf(observations, groups: groups, spaceGroup: try SpaceGroup(hall: reference.hall),
                               cell: UnitCell(parameters: reference.unit_cell))
        XCTAssertEqual(ours.meanCCHalf, reference.mean_cc_half, accuracy: 1e-9)
        XCTAssertEqual(Set(ours.delta.keys.map(String.init)), Set(reference.delta_cc_half.keys))
        for (group, value) in reference.delta_cc_half {
            XCTAssertEqual(try XCTUnwrap(ours.delta[Int(group)!]), value, accuracy: 1e-9, "group \(group)")
        }
    }

    /// Five crystals measure the same intensities with noise; a sixth measures another
    /// structure's. The sixth has the most negative ΔCC½, and the good ones are close to 0.
    func testAPlantedBadCrystalHasTheMostNegativeDeltaCCHalf() throws {
        var random = SplitMix64(seed: 7)
        func uniform() -> Double { Double(random.next() >> 11) / Double(1 << 53) }
        var observations: [UnmergedObservation] = [], groups: [Int] = []
        for h in 1...12 { for k in 0...12 { for l in 0...12 {
            let truth = 1000 * uniform() * uniform()
            let other = 1000 * uniform() * uniform()
            for crystal in 0..<6 {
                let value = (crystal == 5 ? other : truth) + 20 * (uniform() - 0.5)
                observations.append(UnmergedObservation(hkl: SIMD3(h, k, l), intensity: value, variance: 100))
                groups.append(crystal)
            }
        } } }
        let result = DeltaCCHalf(observations, groups: groups, spaceGroup: try SpaceGroup("P 1"),
                                 cell: UnitCell(parameters: [40, 40, 40, 90, 90, 90]))
        let worst = try XCTUnwrap(result.delta.min { $0.value < $1.value })
        XCTAssertEqual(worst.key, 5, "\(result.delta)")
        XCTAssertLessThan(worst.value, -0.02, "\(result.delta)")
        for crystal in 0..<5 { XCTAssertGreaterThan(try XCTUnwrap(result.delta[crystal]), -0.01) }
    }
}
