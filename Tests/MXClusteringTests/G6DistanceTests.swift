import Foundation
import MXGeometry
import MXTestSupport
import XCTest
@testable import MXClustering

final class G6DistanceTests: XCTestCase {
    /// The cell of basis M·(a, b, c) for an integer matrix M of determinant ±1.
    func transformed(_ cell: UnitCell, _ m: [[Double]]) -> UnitCell {
        let g = cell.metricalMatrix
        var out = [[Double]](repeating: [0, 0, 0], count: 3)
        for i in 0..<3 { for j in 0..<3 { for k in 0..<3 { for l in 0..<3 { out[i][j] += m[i][k] * g[k, l] * m[j][l] } } } }
        let a = out[0][0].squareRoot(), b = out[1][1].squareRoot(), c = out[2][2].squareRoot()
        let deg = 180 / Double.pi
        return UnitCell(a, b, c, acos(out[1][2] / (b * c)) * deg, acos(out[0][2] / (a * c)) * deg, acos(out[0][1] / (a * b)) * deg)
    }

    func rawDistance(_ x: UnitCell, _ y: UnitCell) -> Double {
        zip(x.parameters, y.parameters).reduce(0.0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
    }

    func testSameLatticeInOtherSettingsIsAtZeroDistance() {
        let cell = UnitCell(45.1, 52.3, 61.7, 82.0, 75.5, 68.3)
        let settings: [[[Double]]] = [
            [[1, 0, 0], [1, 1, 0], [1, 1, 1]],
            [[0, 1, 0], [0, 0, 1], [1, 0, 0]],
            [[1, 0, 0], [0, -1, 0], [0, 0, -1]],
            [[1, 2, 0], [0, 1, 0], [-1, 0, 1]],
        ]
        let reference = G6Vector(cell: cell).niggliReduced
        for m in settings {
            let other = transformed(cell, m)
            XCTAssertGreaterThan(rawDistance(cell, other), 1, "\(other)")
            XCTAssertEqual(reference.distance(to: G6Vector(cell: other).niggliReduced), 0, accuracy: 1e-6, "\(other)")
        }
        // γ vs 180° − γ (xia2 #103): the same monoclinic lattice with b reversed.
        let acute = UnitCell(60, 70, 80, 90, 90, 69.35), obtuse = UnitCell(60, 70, 80, 90, 90, 110.65)
        XCTAssertGreaterThan(rawDistance(acute, obtuse), 40)
        XCTAssertEqual(G6Vector(cell: acute).niggliReduced.distance(to: G6Vector(cell: obtuse).niggliReduced), 0, accuracy: 1e-6)
    }

    func testReducedCellsSatisfyNiggliConditions() {
        var rng = SplitMix64(seed: 4)
        for _ in 0..<200 {
            let base = UnitCell(Double.random(in: 30...90, using: &rng), Double.random(in: 30...90, using: &rng),
                                Double.random(in: 30...90, using: &rng), Double.random(in: 70...110, using: &rng),
                                Double.random(in: 70...110, using: &rng), Double.random(in: 70...110, using: &rng))
            let skew = transformed(base, [[1, Double(Int.random(in: -2...2, using: &rng)), 0], [0, 1, 0],
                                          [Double(Int.random(in: -1...1, using: &rng)), 1, 1]])
            let g = G6Vector(cell: skew).niggliReduced.components
            let tol = 1e-6 * (g[0] + g[1] + g[2])
            XCTAssertLessThanOrEqual(g[0], g[1] + tol)
            XCTAssertLessThanOrEqual(g[1], g[2] + tol)
            XCTAssertLessThanOrEqual(abs(g[3]), g[1] + tol)
            XCTAssertLessThanOrEqual(abs(g[4]), g[0] + tol)
            XCTAssertLessThanOrEqual(abs(g[5]), g[0] + tol)
            XCTAssertGreaterThanOrEqual(g[0] + g[1] + g[3] + g[4] + g[5], -tol)
            XCTAssertTrue(g[3...5].allSatisfy { $0 > -tol } || g[3...5].allSatisfy { $0 < tol }, "\(g)")
            // Same lattice: the volume is kept.
            XCTAssertEqual(G6Vector(g[0], g[1], g[2], g[3], g[4], g[5]).cell.volume, base.volume, accuracy: 1e-6 * base.volume)
        }
    }

    func testTriangleInequalityOnRandomCells() {
        var rng = SplitMix64(seed: 12)
        let cells = (0..<30).map { _ in UnitCell(Double.random(in: 40...60, using: &rng), Double.random(in: 40...60, using: &rng),
                                                 Double.random(in: 40...60, using: &rng), Double.random(in: 60...120, using: &rng),
                                                 Double.random(in: 60...120, using: &rng), Double.random(in: 60...120, using: &rng)) }
        let d = CellDissimilarities(cells: cells, distance: .g6).matrix
        for i in 0..<30 { for j in 0..<30 { for k in 0..<30 {
            XCTAssertLessThanOrEqual(d[i, k], d[i, j] + d[j, k] + 1e-9)
        } } }
        XCTAssertEqual(d[3, 7], d[7, 3])
        XCTAssertEqual(d[5, 5], 0)
    }

    func testG6ClusteringSeesThroughSettings() {
        // Four cells of one lattice in different settings and four of another: g6 pairs them
        // at zero height; BLEND's parameter PCA cannot.
        let one = UnitCell(45.1, 52.3, 61.7, 82.0, 75.5, 68.3), two = UnitCell(47.0, 50.0, 63.0, 85.0, 80.0, 70.0)
        let ms: [[[Double]]] = [[[1, 0, 0], [0, 1, 0], [0, 0, 1]], [[1, 0, 0], [1, 1, 0], [1, 1, 1]],
                                [[0, 1, 0], [0, 0, 1], [1, 0, 0]], [[1, 0, 0], [0, -1, 0], [0, 0, -1]]]
        let cells = ms.map { transformed(one, $0) } + ms.map { transformed(two, $0) }
        let g6 = CellClusterAnalysis(cells: cells, distance: .g6)
        XCTAssertTrue(g6.clusters.contains { $0.datasets == [1, 2, 3, 4] })
        XCTAssertTrue(g6.clusters.contains { $0.datasets == [5, 6, 7, 8] })
        XCTAssertEqual(g6.clusters.prefix(6).map(\.height).max()!, 0, accuracy: 1e-6)
        XCTAssertEqual(g6.componentsKept, 0)
        let blend = CellClusterAnalysis(cells: cells)
        XCTAssertFalse(blend.clusters.contains { $0.datasets == [1, 2, 3, 4] })
    }
}
