import Foundation
import MXGeometry
import MXTestSupport
import XCTest
@testable import MXClustering

final class DendrogramTextTests: XCTestCase {
    func testEveryLeafOnceWithinWidth() {
        for n in [2, 5, 24, 58, 100] {
            var rng = SplitMix64(seed: UInt64(n))
            let cells = (0..<n).map { _ -> UnitCell in
                let a = 98 + 0.3 * Double.random(in: -1...1, using: &rng)
                return UnitCell(a, a, 136.5 + Double.random(in: -1...1, using: &rng), 90, 90, 120)
            }
            let analysis = CellClusterAnalysis(cells: cells)
            let labels = (1...n).map { "xtal\($0)_1" }
            let lines = DendrogramText.lines(analysis: analysis, labels: labels, width: 120, maxRows: nil)
            XCTAssertEqual(lines.count, n + 2)
            XCTAssertTrue(lines.allSatisfy { $0.count <= 120 }, "n=\(n)")
            // Leaves in dendrogram order, each once.
            let numbers = lines[1...n].map { Int($0.split(separator: " ")[0])! }
            XCTAssertEqual(numbers, analysis.leafOrder)
            XCTAssertTrue(lines[0].contains(String(format: "LCV %.2f %%", analysis.root!.variation.lcv)))
            // The root annotation is drawn.
            XCTAssertTrue(lines.contains { $0.contains("#\(n - 1) ") && $0.contains("aLCV") }, "n=\(n)")
            XCTAssertEqual(lines, DendrogramText.lines(analysis: analysis, labels: labels, width: 120, maxRows: nil))
        }
    }

    func testFoldsToMaxRows() {
        let cells = BLENDReportTests.tehaLike(main: 60, long: 10)
        let analysis = CellClusterAnalysis(cells: cells)
        let lines = DendrogramText.lines(analysis: analysis, labels: [], width: 100, maxRows: 14)
        XCTAssertEqual(lines.count, 14)
        XCTAssertTrue(lines.allSatisfy { $0.count <= 100 })
        // Rows shown cover every dataset exactly once.
        var covered: [Int] = []
        for line in lines[1..<13] {
            let head = line.split(separator: " ")[0]
            if head.hasPrefix("#") {
                covered += analysis.clusters[Int(head.dropFirst())! - 1].datasets
            } else {
                covered.append(Int(head)!)
            }
        }
        XCTAssertEqual(covered.sorted(), Array(1...cells.count))
        // The outlier joins last, so it keeps its own row.
        XCTAssertTrue(lines[1..<13].contains { $0.hasPrefix(" \(cells.count) ") || $0.hasPrefix("\(cells.count) ") })
    }

    func testSmallTreeShape() {
        let cells = [UnitCell(98.0, 98.0, 136.0, 90, 90, 120), UnitCell(98.05, 98.05, 136.0, 90, 90, 120),
                     UnitCell(99.0, 99.0, 138.0, 90, 90, 120)]
        let lines = DendrogramText.lines(analysis: CellClusterAnalysis(cells: cells), labels: ["a", "b", "c"], width: 60, maxRows: nil)
        XCTAssertEqual(lines.count, 5)
        let body = lines[1...3].joined(separator: "\n")
        XCTAssertTrue(body.contains("┐") && body.contains("┘") && body.contains("┬"), body)
        // The pair (1, 2) merges low, the root near the right edge with its height.
        XCTAssertTrue(lines[2].hasPrefix("  1 a ─┬"), lines[2])
        XCTAssertTrue(lines[3].hasPrefix("  2 b ─┘"), lines[3])
        XCTAssertTrue(lines[4].hasSuffix(String(format: "┘ %.2f", CellClusterAnalysis(cells: cells).root!.height)), lines[4])
    }
}
