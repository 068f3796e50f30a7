import Foundation
import MXGeometry
import MXTestSupport
import XCTest
@testable import MXClustering

final class BLENDReportTests: XCTestCase {
    /// teha-like cells: a main H 3 group, a non-isomorphous long-c group, one outlier (last).
    static func tehaLike(main: Int = 20, long: Int = 4, seed: UInt64 = 17) -> [UnitCell] {
        var rng = SplitMix64(seed: seed)
        var cells: [UnitCell] = []
        func jitter(_ x: Double, _ s: Double) -> Double { x + s * Double.random(in: -1...1, using: &rng) }
        for _ in 0..<main {
            let a = jitter(98.0, 0.15)
            cells.append(UnitCell(a, a, jitter(136.5, 0.25), 90, 90, 120))
        }
        for _ in 0..<long {
            let a = jitter(98.1, 0.15)
            cells.append(UnitCell(a, a, jitter(139.5, 0.25), 90, 90, 120))
        }
        cells.append(UnitCell(104.0, 104.0, 128.0, 90, 90, 120))
        return cells
    }

    func testPlantedTehaGroupsAndOutlier() {
        let cells = Self.tehaLike()
        let n = cells.count
        let analysis = CellClusterAnalysis(cells: cells)
        let root = analysis.root!
        XCTAssertTrue(root.left == -n || root.right == -n, "outlier must join last: \(root.left) \(root.right)")
        XCTAssertTrue(analysis.clusters.contains { $0.datasets == Array(21...24) }, "long-c group is its own cluster")
        XCTAssertTrue(analysis.clusters.contains { $0.datasets == Array(1...20) }, "main group is its own cluster")
        // The main group is isomorphous (LCV < 1 %), the whole set is not.
        let main = analysis.clusters.first { $0.datasets == Array(1...20) }!
        XCTAssertLessThan(main.variation.lcv, 1)
        XCTAssertGreaterThan(root.variation.alcv, main.variation.alcv)
    }

    func testClustersTableLayout() {
        let cells = [UnitCell(98.0, 98.0, 136.0, 90, 90, 120), UnitCell(98.3, 98.3, 136.5, 90, 90, 120),
                     UnitCell(98.1, 98.1, 136.1, 90, 90, 120)]
        let lines = ClustersTable.lines(CellClusterAnalysis(cells: cells))
        XCTAssertEqual(lines.count, 4 + 2)
        XCTAssertEqual(lines[0], String(repeating: " ", count: 31))
        XCTAssertTrue(lines[1].hasPrefix(" Cluster     Number of         Cluster         LCV      aLCV   Furthest    Datasets"))
        let root = CellClusterAnalysis(cells: cells).root!
        let expected = String(format: "     002             3         %7.3f        0.35      0.58     1    2    1 2 3", root.height)
        XCTAssertEqual(lines[5], expected)
        // KAMO-style parse: whitespace-split fields.
        let fields = lines[4].split(separator: " ")
        XCTAssertEqual(fields[0], "001")
        XCTAssertEqual(fields[1], "2")
    }

    func testFinalListLayout() {
        let text = FinalListOfFiles.text(files: ["/data/s1/integrated.mtz", "/data/s2/integrated.mtz"], rejected: ["/data/s3/integrated.mtz"])
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.count, 4)
        XCTAssertEqual(lines[0].count, 136)
        XCTAssertTrue(lines[0].hasPrefix("/data/s1/integrated.mtz "))
        XCTAssertTrue(lines[1].hasSuffix("     2"))
        XCTAssertTrue(lines[2].hasSuffix("    NA"))
    }

    func testWritesFourFilesAndJSONRoundTrips() throws {
        let cells = Self.tehaLike()
        let analysis = CellClusterAnalysis(cells: cells)
        let files = cells.indices.map { String(format: "/data/sequence_%02d/integrated.mtz", $0) }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("blendreport-\(getpid())-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try BLENDReport.write(analysis: analysis, files: files, to: dir)
        for name in BLENDReport.fileNames {
            XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent(name).path), name)
        }
        let data = try Data(contentsOf: dir.appendingPathComponent("clusters.json"))
        let json = try JSONDecoder().decode(ClustersJSON.self, from: data)
        XCTAssertEqual(json.datasets.count, cells.count)
        XCTAssertEqual(json.datasets[3].name, "sequence_03")
        XCTAssertEqual(json.clusters.count, cells.count - 1)
        XCTAssertEqual(json.clusters.last!.datasets, Array(1...cells.count))
        XCTAssertEqual(json.options.descriptors, ["a", "b", "c"])
        XCTAssertEqual(json.order.sorted(), Array(1...cells.count))
        // Deterministic bytes.
        XCTAssertEqual(try ClustersJSON(analysis: analysis, names: BLENDReport.defaultNames(files), paths: files).encoded(), data)
        let table = try String(contentsOf: dir.appendingPathComponent("CLUSTERS.txt"), encoding: .utf8)
        XCTAssertEqual(table, ClustersTable.text(analysis))
    }
}
