import Foundation
import MXCosym
import MXGeometry
import MXSymmetry
import MXTestSupport
import XCTest

/// Against dials.cosym on the same integrated intensities (scripts/cosym-vs-dials.sh: TehA
/// preset, 4 sweeps, seed 71, 20 images each; DIALS indexed 3 of the 4 sweeps in H 3).
final class CosymVersusDIALSTests: XCTestCase {
    struct Fixture: Decodable {
        var space_group: String
        var unit_cell: [Double]
        var n_datasets: Int
        var reindex_matrices: [[Int]]
        var best_solution: String
    }

    func load() throws -> (Fixture, [CosymDataset]) {
        let dir = TestData.fixtures.appendingPathComponent("cosym/teha-seed71")
        let fixture = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: dir.appendingPathComponent("cosym.json")))
        let cell = UnitCell(parameters: fixture.unit_cell)
        var datasets: [CosymDataset] = []
        for line in try String(contentsOf: dir.appendingPathComponent("datasets.txt"), encoding: .utf8).split(separator: "\n") {
            if line.hasPrefix("#") { datasets.append(CosymDataset(hkl: [], intensity: [], variance: [], dSpacing: [])); continue }
            let f = line.split(separator: " ")
            let h = SIMD3(Int(f[0])!, Int(f[1])!, Int(f[2])!)
            let sigma = Double(f[4])!
            datasets[datasets.count - 1].hkl.append(h)
            datasets[datasets.count - 1].intensity.append(Double(f[3])!)
            datasets[datasets.count - 1].variance.append(sigma * sigma)
            datasets[datasets.count - 1].dSpacing.append(cell.dSpacing(SIMD3(Double(h.x), Double(h.y), Double(h.z))))
        }
        XCTAssertEqual(datasets.count, fixture.n_datasets)
        return (fixture, datasets)
    }

    /// Ours and DIALS's make the same datasets agree: (X₀P₀⁻¹)⁻¹·(XₐPₐ⁻¹) is in H 3's point group.
    func agreement(_ ours: [IntMatrix3], _ dials: [IntMatrix3], group: Set<IntMatrix3>) -> Int {
        let first = (ours[0] * dials[0].inverseForTest).inverseForTest
        return (0..<ours.count).count { group.contains(first * (ours[$0] * dials[$0].inverseForTest)) }
    }

    func testSameRelativeOperatorsAsDIALS() throws {
        let (fixture, datasets) = try load()
        let g = try SpaceGroup(fixture.space_group)
        let cell = UnitCell(parameters: fixture.unit_cell)
        let dials = fixture.reindex_matrices.map(IntMatrix3.init)
        // Compared on the reflections dials.cosym used: d > 3.07 Å, its automatic limit (its log).
        // Our own automatic limit finds the simulated data's cut-off at 2.58 Å; there dataset 1,
        // the least connected, is nearly undetermined (margin 0.01) and flips: printed, not asserted.
        let auto = try Cosym.resolveIndexing(datasets, spaceGroup: g, cell: cell)
        print("DIALS TehA at our automatic d_min \(auto.dMin ?? 0) Å: \(agreement(auto.operations, fixture.reindex_matrices.map(IntMatrix3.init), group: indexOperators(g)))/\(datasets.count) agree, margins \(auto.confidence)")
        var options = CosymOptions()
        options.dMin = 3.07
        let result = try Cosym.resolveIndexing(datasets, spaceGroup: g, cell: cell, options: options)
        let agree = agreement(result.operations, dials, group: indexOperators(g))
        print("DIALS TehA: \(agree)/\(datasets.count) agree; ours \(result.cbOps), DIALS \(dials.map(\.hklSymbol)), confidence \(result.confidence)")
        XCTAssertEqual(agree, datasets.count)

        // The same data with dataset 1 put in the other indexing: ours must follow.
        var swapped = datasets
        let k = hkl("k,h,-l")
        swapped[1].hkl = swapped[1].hkl.map { k.apply($0) }
        var dialsSwapped = dials
        dialsSwapped[1] = dials[1] * k.inverseForTest
        let again = try Cosym.resolveIndexing(swapped, spaceGroup: g, cell: cell, options: options)
        let agree2 = agreement(again.operations, dialsSwapped, group: indexOperators(g))
        print("DIALS TehA, dataset 1 reindexed k,h,-l: \(agree2)/\(datasets.count) agree; ours \(again.cbOps), confidence \(again.confidence)")
        XCTAssertEqual(agree2, datasets.count)
        XCTAssertEqual(again.cbOps[1], "k,h,-l")
    }

    func testSameLaueGroupAsDIALS() throws {
        let (fixture, datasets) = try load()
        var options = CosymOptions()
        options.dMin = 3.07  // dials.cosym's automatic limit for this data (its log)
        let r = try Cosym.laueGroup(datasets, cell: UnitCell(parameters: fixture.unit_cell), indexedIn: try SpaceGroup(fixture.space_group), options: options)
        print("DIALS TehA Laue group: ours \(r.best.name) (likelihood \(r.best.likelihood), confidence \(r.best.confidence)), DIALS \(fixture.best_solution); "
              + r.candidates.map { "\($0.name) \(String(format: "%.3f", $0.likelihood))" }.joined(separator: ", "))
        print("  elements: " + r.elements.map { "\($0.symbol) cc \(String(format: "%.2f", $0.cc)) n \($0.n)" }.joined(separator: "; ") + " E(CC) \(r.expectedCC)")
        XCTAssertEqual(r.best.name, fixture.best_solution)
        XCTAssertGreaterThan(r.best.likelihood, 0.5)
    }
}
