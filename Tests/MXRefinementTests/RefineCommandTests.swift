import XCTest
import MXGeometry
import MXReflections
import MXTestSupport
@testable import MXRefinement

/// `mxtriage refine` and `mxtriage combine` end to end, through the built executable.
final class RefineCommandTests: XCTestCase {
    static let fixtures = TestData.fixtures.appendingPathComponent("dials-refine")

    func mxtriage(_ arguments: [String], in dir: URL) throws -> CommandRunner.Output {
        // `swift build --build-tests` builds the executable: its absence is a failure, not a skip.
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: CommandRunner.mxtriage.path), "\(CommandRunner.mxtriage.path) is not built")
        return try CommandRunner.mxtriage(arguments, in: dir)
    }

    func testRefinePrintsDIALSTablesAndWritesOutputs() throws {
        let dir = try CommandRunner.temporaryDirectory("refine-cli")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try mxtriage(["refine", Self.fixtures.appendingPathComponent("indexed_header.expt").path,
                                Self.fixtures.appendingPathComponent("indexed.refl").path, "--correlation", "corr.json"], in: dir)
        XCTAssertEqual(out.status, 0, out.stderr)
        XCTAssertTrue(out.stdout.contains("There are 64 parameters to refine against 103 reflections in 3 dimensions"), out.stdout)
        XCTAssertTrue(out.stdout.contains("|   Step |   Nref |   RMSD_X |   RMSD_Y |   RMSD_Phi |"), out.stdout)
        XCTAssertTrue(out.stdout.contains("|      0 |    103 |  3.1834  |  7.0277  |    1.0339  |"), out.stdout)
        XCTAssertTrue(out.stdout.contains("|     0 |     35 |  0.51396 |  0.75893 |    2.1086  |"), out.stdout)
        XCTAssertTrue(out.stdout.contains("RMSD no longer decreasing"))
        let refined = try ExperimentList(contentsOf: dir.appendingPathComponent("refined.expt"))
        XCTAssertEqual(refined.count, 4)
        XCTAssertNotNil(refined.crystals[0].bCovariance)
        let table = try ReflectionTable(contentsOf: dir.appendingPathComponent("refined.refl"))
        XCTAssertEqual(table.nrows, 160)
        let json = try JSONParser.parse(bytes: [UInt8](Data(contentsOf: dir.appendingPathComponent("corr.json"))))
        XCTAssertEqual(json["labels"]?.arrayValue?.count, 64)
        XCTAssertEqual(json["corrmats"]?["Phi"]?.arrayValue?.count, 64)
        XCTAssertEqual(json["estimate"]?.arrayValue?.count, 64)
    }

    func testBadInputExitsWithStatusTwo() throws {
        let dir = try CommandRunner.temporaryDirectory("refine-cli-bad")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try mxtriage(["refine", "missing.expt", "missing.refl"], in: dir)
        XCTAssertEqual(out.status, 2)
        XCTAssertEqual(out.stderr.split(separator: "\n").count, 1, out.stderr)
    }

    func testCombineWithReferenceNeedsForceForDifferentDetectors() throws {
        let dir = try CommandRunner.temporaryDirectory("combine-cli")
        defer { try? FileManager.default.removeItem(at: dir) }
        // Two inputs: the four indexed experiments split by our own combine of each half.
        let list = try ExperimentList(contentsOf: Self.fixtures.appendingPathComponent("indexed.expt"))
        let table = try ReflectionTable(contentsOf: Self.fixtures.appendingPathComponent("indexed.refl"))
        for (name, keep) in [("a", [0, 1]), ("b", [2, 3])] {
            var sub = ExperimentList()
            sub.beams = list.beams; sub.detectors = list.detectors; sub.goniometers = list.goniometers
            sub.scans = list.scans; sub.crystals = list.crystals; sub.imagesets = list.imagesets
            sub.experiments = keep.map { list.experiments[$0] }
            let ids = table.ints("id")!
            var rows = try table.select(ids.map { keep.contains(Int($0)) })
            try rows.setColumn("id", rows.ints("id")!.map { Int32(keep.firstIndex(of: Int($0))!) })
            rows.identifiers = Dictionary(uniqueKeysWithValues: keep.enumerated().map { ($0, list.experiments[$1].identifier) })
            try sub.write(to: dir.appendingPathComponent("\(name).expt"))
            try rows.write(to: dir.appendingPathComponent("\(name).refl"))
        }
        let refused = try mxtriage(["combine", "a.expt", "a.refl", "b.expt", "b.refl", "--reference-from", "0"], in: dir)
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("--force"), refused.stderr)
        let forced = try mxtriage(["combine", "a.expt", "a.refl", "b.expt", "b.refl", "--reference-from", "0", "--force"], in: dir)
        XCTAssertEqual(forced.status, 0, forced.stderr)
        let combined = try ExperimentList(contentsOf: dir.appendingPathComponent("combined.expt"))
        XCTAssertEqual(combined.count, 4)
        XCTAssertEqual(combined.detectors.count, 1)
        XCTAssertEqual(combined.beams.count, 1)
        XCTAssertEqual(try ReflectionTable(contentsOf: dir.appendingPathComponent("combined.refl")).ints("id")!.filter { $0 >= 0 }.count,
                       table.ints("id")!.filter { $0 >= 0 }.count)
    }
}
