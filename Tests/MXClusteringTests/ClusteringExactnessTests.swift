import Foundation
import MXGeometry
import MXTestSupport
import XCTest
@testable import MXClustering

/// "Clustering is exact": the module against ``ReferenceBLEND`` — merge order, R merge labels,
/// heights, members, LCV, aLCV and furthest pairs — on random, planted, tied, one-parameter and
/// H 3 cell sets.
final class ClusteringExactnessTests: XCTestCase {
    func assertMatchesReference(_ cells: [UnitCell], _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        let ours = CellClusterAnalysis(cells: cells)
        let reference = ReferenceBLEND.analyse(cells)
        XCTAssertEqual(ours.clusters.count, reference.count, what, file: file, line: line)
        for (c, r) in zip(ours.clusters, reference) {
            XCTAssertEqual(c.left, r.left, "\(what): cluster \(c.number) left", file: file, line: line)
            XCTAssertEqual(c.right, r.right, "\(what): cluster \(c.number) right", file: file, line: line)
            XCTAssertEqual(c.height, r.height, accuracy: 1e-6, "\(what): cluster \(c.number) height", file: file, line: line)
            XCTAssertEqual(c.datasets, r.datasets, "\(what): cluster \(c.number) members", file: file, line: line)
            XCTAssertEqual(c.variation.lcv, r.lcv, accuracy: 1e-6, "\(what): cluster \(c.number) LCV", file: file, line: line)
            XCTAssertEqual(c.variation.alcv, r.alcv, accuracy: 1e-6, "\(what): cluster \(c.number) aLCV", file: file, line: line)
            XCTAssertEqual([c.variation.furthest.0, c.variation.furthest.1], r.furthest, "\(what): cluster \(c.number) furthest",
                           file: file, line: line)
        }
    }

    func randomCell(_ rng: inout SplitMix64, around base: [Double], spread: [Double]) -> UnitCell {
        UnitCell(parameters: zip(base, spread).map { $0 + $1 * Double.random(in: -1...1, using: &rng) })
    }

    func testRandomTriclinicAndMonoclinicSets() {
        var rng = SplitMix64(seed: 11)
        for n in [2, 3, 5, 12, 40, 97] {
            let triclinic = (0..<n).map { _ in randomCell(&rng, around: [50, 60, 70, 80, 85, 95], spread: [1, 1, 1, 2, 2, 2]) }
            assertMatchesReference(triclinic, "triclinic n=\(n)")
            let monoclinic = (0..<n).map { _ in randomCell(&rng, around: [40, 50, 60, 90, 105, 90], spread: [0.5, 0.5, 0.5, 0, 1, 0]) }
            assertMatchesReference(monoclinic, "monoclinic n=\(n)")
        }
    }

    func testNaiveWardAgreesOnGenericData() {
        // Without ties the nearest-neighbour list and a full pair scan must give the same tree.
        var rng = SplitMix64(seed: 5)
        let cells = (0..<30).map { _ in randomCell(&rng, around: [60, 60, 90, 90, 90, 120], spread: [0.4, 0, 1.2, 0, 0, 0]) }
            .map { UnitCell($0.a, $0.a, $0.c, 90, 90, 120) }
        let d = ReferenceBLEND.euclidean(ReferenceBLEND.scores(ReferenceBLEND.standardised(cells)))
        let naive = ReferenceBLEND.naiveWard(d)
        let ours = CellClusterAnalysis(cells: cells)
        for (c, (set, h)) in zip(ours.clusters, naive) {
            XCTAssertEqual(Set(c.datasets), set)
            XCTAssertEqual(c.height, h, accuracy: 1e-9)
        }
    }

    func testPlantedGroups() {
        var rng = SplitMix64(seed: 3)
        var cells: [UnitCell] = []
        for centre in [[98.0, 136.5], [98.2, 139.0], [101.0, 134.0]] {
            for _ in 0..<8 {
                let a = centre[0] + 0.1 * Double.random(in: -1...1, using: &rng)
                cells.append(UnitCell(a, a, centre[1] + 0.1 * Double.random(in: -1...1, using: &rng), 90, 90, 120))
            }
        }
        assertMatchesReference(cells, "planted")
    }

    func testDuplicateCells() {
        let base = [UnitCell(98, 98, 136.5, 90, 90, 120), UnitCell(98.4, 98.4, 136.1, 90, 90, 120),
                    UnitCell(97.7, 97.7, 137.0, 90, 90, 120)]
        // Each cell three times, interleaved: zero distances tie everywhere.
        let cells = (0..<9).map { base[$0 % 3] }
        assertMatchesReference(cells, "duplicates")
        let ours = CellClusterAnalysis(cells: cells)
        XCTAssertEqual(ours.clusters.prefix(6).map(\.height), [0, 0, 0, 0, 0, 0])
        // A cluster of identical cells: R's scan stops on the diagonal, so the "pair" is one dataset.
        XCTAssertEqual(ours.clusters[0].variation.alcv, 0)
        XCTAssertTrue(ours.clusters[0].variation.furthest == (1, 1), "\(ours.clusters[0].variation.furthest)")
    }

    func testOnlyCVariesWithEqualSpacing() {
        // Equally spaced c: mean, SD differences and so the distances tie exactly.
        let cells = [136.0, 137, 138, 139, 140, 141, 142].map { UnitCell(98, 98, $0, 90, 90, 120) }
        XCTAssertEqual(CellDescriptors(cells: cells).columns, [2])
        assertMatchesReference(cells, "only c")
        let ours = CellClusterAnalysis(cells: cells)
        XCTAssertEqual(ours.componentsKept, 1)
        XCTAssertEqual(ours.clusters[0].left, -1)
        XCTAssertEqual(ours.clusters[0].right, -2)
    }

    func testH3CellsWithTwoVaryingParameters() {
        var rng = SplitMix64(seed: 21)
        let cells = (0..<24).map { _ -> UnitCell in
            let a = 98 + 0.3 * Double.random(in: -1...1, using: &rng)
            return UnitCell(a, a, 136.5 + 0.5 * Double.random(in: -1...1, using: &rng), 90, 90, 120)
        }
        XCTAssertEqual(CellDescriptors(cells: cells).columns, [0, 1, 2])
        assertMatchesReference(cells, "H 3")
    }

    /// Tie handling on the dissimilarity level, where both sides see the same bits.
    func testTiedDissimilaritiesFollowHclustOrder() {
        let r2 = 2.0.squareRoot()
        let square: [[Double]] = [[0, 1, r2, 1], [1, 0, 1, r2], [r2, 1, 0, 1], [1, r2, 1, 0]]
        // Six points on a regular hexagon (side 1), two equilateral triangles, a line of
        // equal steps, and an all-equal matrix.
        let hexagon: [[Double]] = (0..<6).map { i in (0..<6).map { j in
            let k = min((i - j + 6) % 6, (j - i + 6) % 6)
            return [0, 1, 3.0.squareRoot(), 2][k]
        } }
        let triangles: [[Double]] = (0..<6).map { i in (0..<6).map { j in i == j ? 0 : (i / 3 == j / 3 ? 1 : 4) } }
        let line: [[Double]] = (0..<8).map { i in (0..<8).map { j in Double(abs(i - j)) } }
        let flat: [[Double]] = (0..<5).map { i in (0..<5).map { j in i == j ? 0 : 2 } }
        for (name, d) in [("square", square), ("hexagon", hexagon), ("triangles", triangles), ("line", line), ("flat", flat)] {
            let ours = WardLinkage(distances: d).merges
            let reference = ReferenceBLEND.hclustWardD(d)
            XCTAssertEqual(ours.map { [$0.left, $0.right] }, reference.map { [$0.0, $0.1] }, name)
            XCTAssertEqual(ours.map(\.height), reference.map(\.2), name)
        }
        // Hand-checked against hclust.f's scan: the square merges (1,2), (3,4), then the pair.
        XCTAssertEqual(WardLinkage(distances: square).merges.map { [$0.left, $0.right] }, [[-1, -2], [-3, -4], [1, 2]])
        // Equal steps on a line: (1,2) first, then (3,4) — not (1,2)+3, which is 5/3 away.
        XCTAssertEqual(WardLinkage(distances: line).merges.prefix(2).map { [$0.left, $0.right] }, [[-1, -2], [-3, -4]])
    }

    func testRandomDissimilaritiesWithManyTies() {
        // Small integer dissimilarities (not Euclidean) tie constantly, exercising the stale
        // nearest-neighbour cases of hclust.f.
        var rng = SplitMix64(seed: 99)
        for n in [5, 9, 16, 33] {
            var d = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
            for i in 0..<n { for j in (i + 1)..<n { d[i][j] = Double(Int.random(in: 1...4, using: &rng)); d[j][i] = d[i][j] } }
            let ours = WardLinkage(distances: d).merges
            let reference = ReferenceBLEND.hclustWardD(d)
            XCTAssertEqual(ours.map { [$0.left, $0.right] }, reference.map { [$0.0, $0.1] }, "n=\(n)")
            XCTAssertEqual(ours.map(\.height), reference.map(\.2), "n=\(n)")
        }
    }

    func testLCVRuleAgainstFullMatrixScan() {
        var rng = SplitMix64(seed: 8)
        for m in [2, 3, 6, 15] {
            // Rounded cells make equal diagonals (ties) likely.
            let cells = (0..<m).map { _ in UnitCell(98 + Double(Int.random(in: 0...2, using: &rng)) * 0.5,
                                                     98 + Double(Int.random(in: 0...2, using: &rng)) * 0.5,
                                                     136 + Double(Int.random(in: 0...2, using: &rng)) * 0.5, 90, 90, 120) }
            let order = Array((1...m).shuffled(using: &rng))
            let ours = LinearCellVariation(cells: order.map { cells[$0 - 1] })
            let (lcv, alcv, furthest) = ReferenceBLEND.maxRatio(cells, order: order)
            XCTAssertEqual(ours.lcv, lcv, accuracy: 1e-12)
            XCTAssertEqual(ours.alcv, alcv, accuracy: 1e-12)
            let p = order[ours.furthest.0], q = order[ours.furthest.1]
            XCTAssertEqual([min(p, q), max(p, q)], furthest)
        }
    }
}
