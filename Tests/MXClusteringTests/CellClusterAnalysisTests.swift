import Foundation
import MXTestSupport
import XCTest
import MXGeometry
@testable import MXClustering

final class CellClusterAnalysisTests: XCTestCase {
    /// blend-and-peers.md §1.2's worked example: two H 3 cells.
    func testLCVWorkedExample() {
        let v = LinearCellVariation(cells: [UnitCell(98.0, 98.0, 136.0, 90, 90, 120), UnitCell(98.3, 98.3, 136.5, 90, 90, 120)])
        XCTAssertEqual(v.alcv, 0.58, accuracy: 0.005)
        XCTAssertEqual(v.lcv, 0.35, accuracy: 0.005)
        XCTAssertTrue(v.furthest == (0, 1))
    }

    /// An independent ward.D: clusters as sets, every inter-cluster dissimilarity recomputed
    /// from the recurrence over the merge history, the closest pair merged each step.
    func referenceWard(_ d: [[Double]]) -> [(Set<Int>, Double)] {
        var clusters: [Set<Int>] = d.indices.map { [$0] }
        var dist: [Set<Int>: [Set<Int>: Double]] = [:]
        for i in d.indices { for j in d.indices where i != j { dist[[i], default: [:]][[j]] = d[i][j] } }
        var out: [(Set<Int>, Double)] = []
        while clusters.count > 1 {
            var best: (Int, Int, Double)?
            for x in clusters.indices { for y in clusters.indices where y > x {
                let v = dist[clusters[x]]![clusters[y]]!
                if best == nil || v < best!.2 { best = (x, y, v) }
            } }
            let (x, y, h) = best!
            let (a, b) = (clusters[x], clusters[y])
            let merged = a.union(b)
            for k in clusters where k != a && k != b {
                let (na, nb, nk) = (Double(a.count), Double(b.count), Double(k.count))
                let v = ((na + nk) * dist[k]![a]! + (nb + nk) * dist[k]![b]! - nk * h) / (na + nb + nk)
                dist[k]![merged] = v
                dist[merged, default: [:]][k] = v
            }
            clusters.remove(at: y)
            clusters[x] = merged
            out.append((merged, h))
        }
        return out
    }

    func testWardLinkageMatchesAnIndependentImplementation() {
        var rng = SplitMix64(seed: 7)
        for n in [2, 3, 7, 20] {
            let points = (0..<n).map { _ in (0..<3).map { _ in Double.random(in: -1...1, using: &rng) } }
            let d = points.map { a in points.map { b in zip(a, b).reduce(0.0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot() } }
            let ours = WardLinkage(distances: d)
            let reference = referenceWard(d)
            XCTAssertEqual(ours.merges.count, n - 1)
            for (s, (set, height)) in reference.enumerated() {
                XCTAssertEqual(ours.merges[s].height, height, accuracy: 1e-12)
                XCTAssertEqual(Set(ours.members[s].map { $0 - 1 }), set)
            }
        }
    }

    func testTiedDistancesMergeInIndexOrder() {
        // Four points on a square: every side is 1; R merges (1, 2) first, then (3, 4).
        let d: [[Double]] = [[0, 1, 2.squareRoot(), 1], [1, 0, 1, 2.squareRoot()], [2.squareRoot(), 1, 0, 1], [1, 2.squareRoot(), 1, 0]]
        let w = WardLinkage(distances: d)
        XCTAssertEqual(w.merges[0].left, -1)
        XCTAssertEqual(w.merges[0].right, -2)
        XCTAssertEqual(w.merges[1].left, -3)
        XCTAssertEqual(w.merges[1].right, -4)
        XCTAssertEqual(w.merges[2].left, 1)
        XCTAssertEqual(w.merges[2].right, 2)
    }

    func testPlantedGroupsAndOutlierAreSeparated() {
        var cells: [UnitCell] = []
        var rng = SplitMix64(seed: 7)
        for _ in 0..<12 {
            let a = 98 * (1 + 0.001 * Double.random(in: -1...1, using: &rng)), c = 136 * (1 + 0.001 * Double.random(in: -1...1, using: &rng))
            cells.append(UnitCell(a, a, c, 90, 90, 120))
        }
        for _ in 0..<4 {
            let a = 98 * (1 + 0.001 * Double.random(in: -1...1, using: &rng)), c = 136 * 1.015 * (1 + 0.001 * Double.random(in: -1...1, using: &rng))
            cells.append(UnitCell(a, a, c, 90, 90, 120))
        }
        cells.append(UnitCell(100, 100, 132.6, 90, 90, 120))  // the outlier, dataset 17
        let analysis = CellClusterAnalysis(cells: cells)
        XCTAssertEqual(analysis.clusters.count, 16)
        let root = analysis.clusters.last!
        XCTAssertEqual(root.datasets, Array(1...17))
        // The outlier joins last.
        XCTAssertTrue(root.left == -17 || root.right == -17, "\(root)")
        // The long-c group forms a cluster of its own.
        XCTAssertTrue(analysis.clusters.contains { $0.datasets == [13, 14, 15, 16] })
        // Varying columns: a, b, c; angles are fixed by symmetry and drop out.
        XCTAssertEqual(CellDescriptors(cells: cells).columns, [0, 1, 2])
        XCTAssertEqual(analysis.varianceProportions.reduce(0, +), 1, accuracy: 1e-12)
    }
}
