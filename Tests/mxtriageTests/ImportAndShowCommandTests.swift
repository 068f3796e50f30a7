import Foundation
import MXTestSupport
import XCTest

/// The `import` and `show` commands end to end, through the built binary, and DIALS reading
/// what they write.
final class ImportAndShowCommandTests: XCTestCase {
    func realData() throws -> URL {
        guard let real = TestData.realData else {
            throw XCTSkip("../shared/data/real is not beside this checkout; command tests on real images skipped")
        }
        return real
    }

    func testImportWritesAnExperimentListThatDIALSReads() throws {
        let real = try realData()
        let dir = try CommandRunner.temporaryDirectory("import")
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try CommandRunner.mxtriage(["import", real.appendingPathComponent("l_cysteine").path], in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        let rows = run.stdout.split(separator: "\n").filter { $0.contains("l-cyst_0") }
        XCTAssertEqual(rows.count, 4, run.stdout)
        XCTAssertTrue(rows[0].contains("1–15") && rows[0].contains("-145.00 + 0.10") && rows[0].contains("0.68890"), String(rows[0]))
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("imported.expt").path))

        guard let python = CommandRunner.dxtbxPython, let show = CommandRunner.dials("dials.show") else {
            throw XCTSkip("Debian's DIALS is not installed; the check that DIALS reads imported.expt is skipped")
        }
        let shown = try CommandRunner.run(show, ["imported.expt"], in: dir)
        XCTAssertEqual(shown.status, 0, shown.stderr)
        XCTAssertEqual(shown.stdout.components(separatedBy: "Experiment identifier").count - 1, 4)
        // With check_format, dxtbx opens every image through our templates.
        let script = """
        from dxtbx.model.experiment_list import ExperimentListFactory
        el = ExperimentListFactory.from_json_file('imported.expt', check_format=True)
        print(len(el), [len(e.imageset) for e in el], el[3].detector[0].get_origin())
        """
        let loaded = try CommandRunner.run(python, ["-c", script], in: dir)
        XCTAssertEqual(loaded.status, 0, loaded.stderr)
        XCTAssertTrue(loaded.stdout.hasPrefix("4 [15, 15, 15, 15]"), loaded.stdout)
    }

    func testShowImageReportsPixelStatistics() throws {
        let real = try realData()
        let run = try CommandRunner.mxtriage(["show", "--image", real.appendingPathComponent("thaumatin_grid_i24/thau_3_2_0001.cbf.bz2").path, "--json"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("\"format_class\": \"FormatCBFMiniPilatusDLS6MSN119\""), run.stdout)
        XCTAssertTrue(run.stdout.contains("\"image_size\": [2463, 2527]"), run.stdout)
    }

    func testBadSingleFilesGiveOneLineAndExitStatusTwo() throws {
        let real = try realData()
        let dir = try CommandRunner.temporaryDirectory("bad")
        defer { try? FileManager.default.removeItem(at: dir) }
        let source = real.appendingPathComponent("single_frames/sls_x06sa_run2_1_00148.cbf.bz2")
        let whole = try Data(contentsOf: source)
        let truncated = dir.appendingPathComponent("truncated_0001.cbf.bz2")
        try whole.prefix(whole.count / 2).write(to: truncated)
        let empty = dir.appendingPathComponent("empty_0001.cbf")
        try Data().write(to: empty)
        for (arguments, needle) in [
            (["show", "--image", truncated.path], "truncated_0001.cbf.bz2"),
            (["show", "--image", empty.path], "empty_0001.cbf"),
            (["show", "--image", dir.appendingPathComponent("missing.cbf").path], "missing.cbf"),
            (["show", dir.appendingPathComponent("missing.expt").path], "missing.expt"),
            (["import", dir.appendingPathComponent("nothing-here").path], "nothing-here"),
        ] {
            let run = try CommandRunner.mxtriage(arguments, in: dir)
            XCTAssertEqual(run.status, 2, "\(arguments): \(run.stderr)")
            let lines = run.stderr.split(separator: "\n")
            XCTAssertTrue(lines.last?.hasPrefix("mxtriage: ") == true && lines.last!.contains(needle), "\(arguments): \(run.stderr)")
            XCTAssertFalse(run.stderr.contains("Fatal error") || run.stderr.contains("Backtrac"), run.stderr)
        }
    }
}
