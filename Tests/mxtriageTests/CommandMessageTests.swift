import Foundation
import MXTestSupport
import XCTest

/// What a wrong argument or a failed step says: one line naming what is wrong with the value
/// or the path, exit 2 for bad input and 1 for a failure to process or write — and no output
/// file left behind by a step that failed.
final class CommandMessageTests: XCTestCase {
    func testANegativeValueIsRefusedForWhatItIsNotAsAMissingValue() throws {
        let cases: [([String], String)] = [
            (["find-spots", "imported.expt", "--nproc", "-1"], "--nproc must be at least 1"),
            (["process", "images", "--workdir", "w", "--nproc", "-2"], "--nproc must be at least 1"),
            // The earlier name still works, and is answered in the current one.
            (["process", "images", "--workdir", "w", "--jobs", "0"], "--nproc must be at least 1"),
            (["integrate", "a.expt", "b.refl", "--d-min", "-1"], "--d-min"),
            (["demo", "--sweeps", "-3"], "--sweeps must be at least 2"),
            (["simulate", "--out", "x", "--seed", "-1"], "'-1' is invalid for '--seed"),
        ]
        let dir = try CommandRunner.temporaryDirectory("messages-negative")
        defer { try? FileManager.default.removeItem(at: dir) }
        for (arguments, reason) in cases {
            let run = try TimedCommand.run(arguments, in: dir, timeout: 30)
            XCTAssertEqual(run.status, 2, "\(arguments): \(run.stderr)")
            XCTAssertEqual(run.stderr.split(separator: "\n").count, 1, run.stderr)
            XCTAssertTrue(run.stderr.contains(reason), "\(arguments): \(run.stderr)")
            XCTAssertFalse(run.stderr.contains("Missing value"), run.stderr)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), [], "a refused command wrote something")
    }

    func testAMissingInputSaysItDoesNotExist() throws {
        let dir = try CommandRunner.temporaryDirectory("messages-missing")
        defer { try? FileManager.default.removeItem(at: dir) }
        let missing = dir.appendingPathComponent("nonexistent").path
        let work = dir.appendingPathComponent("w").path
        for arguments in [["process", missing, "--workdir", work], ["import", missing],
                          ["process", missing + "/*.cbf", "--workdir", work]] {
            let run = try TimedCommand.run(arguments, in: dir, timeout: 30)
            XCTAssertEqual(run.status, 2, "\(arguments): \(run.stderr)")
            XCTAssertEqual(run.stderr.split(separator: "\n").count, 1, run.stderr)
            XCTAssertTrue(run.stderr.contains("no such file or directory") || run.stderr.contains("matches no files"), run.stderr)
            XCTAssertFalse(run.stderr.contains("no rotation sweeps"), run.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: work), "\(arguments) made the work directory")
        }
    }

    /// `joint` on a directory that holds no summary.json: one line, and no lock file left in a
    /// directory that was never a work directory.
    func testJointOnADirectoryThatIsNotAWorkDirectoryLeavesNothing() throws {
        let dir = try CommandRunner.temporaryDirectory("messages-joint")
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try TimedCommand.run(["joint", dir.path], timeout: 30)
        XCTAssertEqual(run.status, 2, run.stderr)
        XCTAssertEqual(run.stderr.split(separator: "\n").count, 1, run.stderr)
        XCTAssertTrue(run.stderr.contains("summary.json: missing"), run.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), [])
    }

    /// A truncated image: find-spots exits 1 with one line naming it, and writes no strong.refl.
    /// An output that cannot be written is a write failure: exit 1.
    func testFindSpotsFailsWithOneLineAndNoOutput() throws {
        let dir = try CommandRunner.temporaryDirectory("messages-find-spots")
        defer { try? FileManager.default.removeItem(at: dir) }
        let images = dir.appendingPathComponent("images")
        let sim = try TimedCommand.run(["simulate", "--output", images.path, "--sweeps", "2", "--detector", "small",
                                        "--max-images", "4", "--seed", "4"])
        XCTAssertEqual(sim.status, 0, sim.stderr)
        XCTAssertEqual(try TimedCommand.run(["import", images.path], in: dir, timeout: 60).status, 0)

        let unwritable = try TimedCommand.run(["find-spots", "imported.expt", "--output", dir.path + "/no/such/dir/strong.refl"],
                                              in: dir, timeout: 120)
        XCTAssertEqual(unwritable.status, 1, unwritable.stderr)
        XCTAssertEqual(unwritable.stderr.split(separator: "\n").count, 1, unwritable.stderr)
        XCTAssertTrue(unwritable.stderr.contains("cannot be written"), unwritable.stderr)

        let image = try XCTUnwrap(FileManager.default.contentsOfDirectory(atPath: images.path).sorted().first { $0.hasSuffix(".cbf") })
        let handle = try FileHandle(forWritingTo: images.appendingPathComponent(image))
        try handle.truncate(atOffset: 2000)
        try handle.close()
        let failed = try TimedCommand.run(["find-spots", "imported.expt"], in: dir, timeout: 120)
        XCTAssertEqual(failed.status, 1, failed.stderr)
        XCTAssertEqual(failed.stderr.split(separator: "\n").count, 1, failed.stderr)
        XCTAssertTrue(failed.stderr.contains(image) && failed.stderr.contains("truncated"), failed.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("strong.refl").path),
                       "a failed spot finding left strong.refl")
    }
}
