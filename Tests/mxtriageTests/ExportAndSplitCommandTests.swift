import Foundation
import MXTestSupport
import XCTest

/// `mxtriage export` and `mxtriage split` end to end through the built binary.
final class ExportAndSplitCommandTests: XCTestCase {
    let fixtures = TestData.fixtures.appendingPathComponent("export")

    /// The executable is built with the tests and lists `command`: anything else is a failure.
    func binary(_ command: String) throws {
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: CommandRunner.mxtriage.path), "\(CommandRunner.mxtriage.path) is not built")
        let help = try CommandRunner.mxtriage(["--help"])
        XCTAssertTrue(help.stdout.contains("  \(command) "), "mxtriage --help does not list \(command)")
    }

    /// `--help` reads by what a user came to do: sessions first, then the single steps.
    func testHelpGroupsTheSubcommands() throws {
        let help = try CommandRunner.mxtriage(["--help"]).stdout
        let headings = ["TRIAGE SESSION SUBCOMMANDS:", "PROCESSING STEP (AS DIALS) SUBCOMMANDS:", "CLUSTERING (AS BLEND) SUBCOMMANDS:",
                        "SIMULATION AND BENCHMARK SUBCOMMANDS:"]
        let positions = headings.compactMap { help.range(of: $0)?.lowerBound }
        XCTAssertEqual(positions.count, headings.count, help)
        XCTAssertEqual(positions, positions.sorted(), help)
    }

    /// One name for the cores a command uses and one for what it writes; the earlier names
    /// are accepted but not shown.
    func testHelpShowsOneNamePerOption() throws {
        for command in ["process", "ui", "demo"] {
            let help = try CommandRunner.mxtriage([command, "--help"]).stdout
            XCTAssertTrue(help.contains("--nproc"), help)
            XCTAssertFalse(help.contains("--jobs"), help)
        }
        let export = try CommandRunner.mxtriage(["export", "--help"]).stdout
        XCTAssertTrue(export.contains("--output"), export)
        XCTAssertFalse(export.contains("--mtz"), export)
        let simulate = try CommandRunner.mxtriage(["simulate", "--help"]).stdout
        XCTAssertTrue(simulate.contains("--output"), simulate)
        XCTAssertFalse(simulate.contains("--out "), simulate)
    }

    func testExportWritesTheMTZAndOneSummaryLine() throws {
        try binary("export")
        let dir = try CommandRunner.temporaryDirectory("cmd-export")
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try CommandRunner.mxtriage(["export", fixtures.appendingPathComponent("teha_integrated.expt").path,
                                              fixtures.appendingPathComponent("teha_integrated.refl").path], in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout, "integrated.mtz: 75 reflections, 49 batches, cell 97.99 97.99 135.74 90.00 90.00 120.00, space group H 3\n")
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("integrated.mtz").path))
    }

    func testExportFailuresHaveTheDesignsExitStatus() throws {
        try binary("export")
        let dir = try CommandRunner.temporaryDirectory("cmd-export-bad")
        defer { try? FileManager.default.removeItem(at: dir) }
        let expt = fixtures.appendingPathComponent("teha_integrated.expt").path
        // Unreadable input: 2.
        let missing = try CommandRunner.mxtriage(["export", expt, "nothing.refl"], in: dir)
        XCTAssertEqual(missing.status, 2)
        XCTAssertEqual(missing.stderr.split(separator: "\n").count, 1, missing.stderr)
        // Indexed spots (summed but never integrated): nothing to export, a processing failure (1).
        let strong = try CommandRunner.mxtriage(["export", TestData.fixtures.appendingPathComponent("dials-refine/indexed.expt").path,
                                                 TestData.fixtures.appendingPathComponent("dials-refine/indexed.refl").path], in: dir)
        XCTAssertEqual(strong.status, 1, strong.stderr)
        XCTAssertTrue(strong.stderr.contains("integrated_sum"), strong.stderr)
        // An unwritable output: 1.
        let unwritable = try CommandRunner.mxtriage(["export", expt, fixtures.appendingPathComponent("teha_integrated.refl").path,
                                                     "--output", "/nonexistent-dir/x.mtz"], in: dir)
        XCTAssertEqual(unwritable.status, 1, unwritable.stderr)
        XCTAssertEqual(unwritable.stderr.split(separator: "\n").count, 1, unwritable.stderr)
    }

    func testSplitWritesDIALSNamedFiles() throws {
        try binary("split")
        let dir = try CommandRunner.temporaryDirectory("cmd-split")
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try CommandRunner.mxtriage(["split", fixtures.appendingPathComponent("l_cysteine_integrated.expt").path,
                                              fixtures.appendingPathComponent("l_cysteine_integrated.refl").path], in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        XCTAssertEqual(files, (0..<4).flatMap { ["split_\($0).expt", "split_\($0).refl"] }.sorted())
        // Each part exports on its own.
        let export = try CommandRunner.mxtriage(["export", "split_2.expt", "split_2.refl", "--output", "split_2.mtz"], in: dir)
        XCTAssertEqual(export.status, 0, export.stderr)
        XCTAssertTrue(export.stdout.contains("15 batches"), export.stdout)
    }
}
