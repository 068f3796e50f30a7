import XCTest
import MXGeometry
import MXReflections
import MXSymmetry
import MXTestSupport
@testable import MXRefinement

/// `BravaisSettingsRefinement` against `dials.refine_bravais_settings` (DIALS 3.12) on the
/// DIALS-indexed L-cysteine sweep 1 in Tests/Fixtures/bravais (regenerate.sh there), and the
/// parts of DIALS's rules on their own.
final class BravaisSettingsTests: XCTestCase {
    static let directory = TestData.fixtures.appendingPathComponent("bravais")

    struct DIALSRow {
        var number: Int
        var metricFit: Double
        var rmsd: Double
        var nspots: Int
        var bravais: String
        var unitCell: [Double]
        var minCC: Double?
        var coefficients: [Double]
        var pairCounts: [Int]
        var recommended: Bool
    }

    /// bravais_summary.json, highest setting first.
    static func dialsSummary() throws -> [DIALSRow] {
        let json = try JSONParser.parse(bytes: [UInt8](Data(contentsOf: directory.appendingPathComponent("bravais_summary.json"))))
        return try XCTUnwrap(json.objectValue).map { key, v in
            DIALSRow(number: Int(key)!, metricFit: v["max_angular_difference"]!.doubleValue!, rmsd: v["rmsd"]!.doubleValue!,
                     nspots: v["nspots"]!.intValue!, bravais: v["bravais"]!.stringValue!, unitCell: v["unit_cell"]!.doubleArray!,
                     minCC: v["min_cc"]!.doubleValue, coefficients: v["correlation_coefficients"]!.doubleArray!,
                     pairCounts: v["cc_nrefs"]!.doubleArray!.map { Int($0) }, recommended: v["recommended"]!.boolValue!)
        }.sorted { $0.number > $1.number }
    }

    static func refineFixture() throws -> [RefinedBravaisSetting] {
        let experiments = try ExperimentList(contentsOf: directory.appendingPathComponent("indexed.expt"))
        let reflections = try ReflectionTable(contentsOf: directory.appendingPathComponent("indexed.refl"))
        return try BravaisSettingsRefinement(experiments: experiments, reflections: reflections).run()
    }

    func testLCysteineSettingsMatchDIALS() throws {
        let ours = try Self.refineFixture()
        let dials = try Self.dialsSummary()
        XCTAssertEqual(ours.map(\.settingNumber), dials.map(\.number))
        XCTAssertEqual(ours.map(\.lattice), dials.map(\.bravais))
        XCTAssertEqual(ours.map(\.recommended), dials.map(\.recommended))
        for (o, d) in zip(ours, dials) {
            let label = "setting \(d.number) \(d.bravais)"
            XCTAssertEqual(o.setting.metricFit, d.metricFit, accuracy: 0.05, label)
            XCTAssertEqual(o.rmsd, d.rmsd, accuracy: 0.01 * d.rmsd, label)
            XCTAssertEqual(o.matches, d.nspots, label)
            // Edges and angles; a monoclinic β may be DIALS's supplement (β and 180° − β describe the
            // same lattice, and with β this close to 90° cctbx keeps whichever its reference
            // setting gave, where we take β ≥ 90°).
            let cell = o.unitCell.parameters
            for i in 0..<3 { XCTAssertEqual(cell[i], d.unitCell[i], accuracy: 0.01, label) }
            for i in 3..<6 {
                XCTAssertLessThan(min(abs(cell[i] - d.unitCell[i]), abs(180 - cell[i] - d.unitCell[i])), 0.01, label)
            }
            XCTAssertEqual(o.correlation.pairCounts, d.pairCounts, label)
            for (a, b) in zip(o.correlation.coefficients, d.coefficients) { XCTAssertEqual(a, b, accuracy: 1e-6, label) }
            XCTAssertNil(o.correlation.minimum, label)
            XCTAssertNil(d.minCC, label)
        }
        // The refined crystals carry the lattice's lowest-symmetry group: P 2 2 2 for oP, P 2 for mP.
        XCTAssertEqual(SymInfoTable.normalised(ours[0].experiments.crystals[0].spaceGroupHall), "P 2 2")
        XCTAssertEqual(SymInfoTable.normalised(ours[1].experiments.crystals[0].spaceGroupHall), "P 2y")
    }

    func testTableHasDIALSColumnsAndNumbers() throws {
        let table = BravaisSettingsTable.render(try Self.refineFixture())
        let dials = try String(contentsOf: Self.directory.appendingPathComponent("dials_table.txt"), encoding: .utf8)
        // Every column but unit_cell and cb_op (where DIALS and we may choose different,
        // equivalent axes: see above) as DIALS prints it.
        func leading(_ text: String) -> [String] {
            text.split(separator: "\n").map { line in
                let cells = line.split(separator: "|", omittingEmptySubsequences: false)
                return cells.count < 10 ? String(line.prefix(1)) : (cells[0..<7] + [cells[8]]).joined(separator: "|")
            }
        }
        XCTAssertEqual(leading(table), leading(dials), table)
        XCTAssertTrue(table.hasSuffix("* = recommended solution\n"))
    }

    func testRecommendationFollowsDIALSRule() {
        // Small metric fit: only a poor CC together with an RMSD above 1.5 r₁ rejects.
        XCTAssertTrue(LikelySolutions.isRecommended(metricFit: 0.2, rmsd: 0.15, minCC: nil, triclinicRMSD: 0.1))
        XCTAssertFalse(LikelySolutions.isRecommended(metricFit: 0.2, rmsd: 0.16, minCC: 0.4, triclinicRMSD: 0.1))
        XCTAssertTrue(LikelySolutions.isRecommended(metricFit: 0.2, rmsd: 0.5, minCC: 0.6, triclinicRMSD: 0.1))
        // Larger metric fit: 2 r₁ with a poor CC, 3 r₁ whatever the CC.
        XCTAssertFalse(LikelySolutions.isRecommended(metricFit: 1, rmsd: 0.21, minCC: 0.69, triclinicRMSD: 0.1))
        XCTAssertTrue(LikelySolutions.isRecommended(metricFit: 1, rmsd: 0.29, minCC: 0.7, triclinicRMSD: 0.1))
        XCTAssertFalse(LikelySolutions.isRecommended(metricFit: 1, rmsd: 0.31, minCC: 0.99, triclinicRMSD: 0.1))
        XCTAssertTrue(LikelySolutions.isRecommended(metricFit: 0, rmsd: 0.1, minCC: nil, triclinicRMSD: 0.1))
    }

    func testCorrelationPairsRepeatedIndicesAsCctbxDoes() throws {
        // P 2 (b unique): (h, k, l) ↔ (−h, k, −l). Twelve symmetry pairs with equal I/σ, plus
        // unindexed rows at (0, 0, 0), each paired with the last of them.
        var miller: [MillerIndex] = [], intensity: [Double] = []
        for i in 1...12 {
            let value = Double(i * i)
            miller += [MillerIndex(Int32(i), 1, 2), MillerIndex(Int32(-i), 1, -2)]
            intensity += [value, value]
        }
        miller += [.zero, .zero]
        intensity += [5, 7]
        let variance = [Double](repeating: 1, count: miller.count)
        let cc = SymmetryCorrelation(miller: miller, intensity: intensity, variance: variance, group: try SpaceGroup("P 1 2 1"))
        XCTAssertEqual(cc.pairCounts, [26, 26])
        XCTAssertLessThan(cc.coefficients[0], 1)  // the first (0, 0, 0) pairs with the second
        XCTAssertEqual(cc.coefficients[1], cc.coefficients[0], accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(cc.minimum), cc.coefficients[1], accuracy: 1e-12)
        // Negative or zero variances drop out; too few pairs leave no min/max.
        let few = SymmetryCorrelation(miller: Array(miller.prefix(10)), intensity: Array(intensity.prefix(10)),
                                      variance: [Double](repeating: 1, count: 10), group: try SpaceGroup("P 1 2 1"))
        XCTAssertEqual(few.pairCounts, [10, 10])
        XCTAssertNil(few.minimum)
    }

    func testCentredCrystalIsBadInput() throws {
        var experiments = try ExperimentList(contentsOf: Self.directory.appendingPathComponent("indexed.expt"))
        let reflections = try ReflectionTable(contentsOf: Self.directory.appendingPathComponent("indexed.refl"))
        experiments.crystals[0].spaceGroupHall = " P 2 2"
        XCTAssertThrowsError(try BravaisSettingsRefinement(experiments: experiments, reflections: reflections).run()) { error in
            guard case .badInput = error as? BravaisSettingsError else { return XCTFail("\(error)") }
        }
    }
}
