import Foundation
import MXExport
import MXTestSupport
import XCTest

/// Our MTZ against the one `dials.export` wrote from the same integrated.refl: same columns,
/// rows in the same order with equal values (H K L in the ASU, M/ISYM, BATCH, I, SIGI …), same
/// batches and batch-header numbers, same symmetry and cell.
final class DIALSExportEqualityTests: XCTestCase {
    func compare(_ stem: String, expectedRows: Int, expectedBatches: Int) throws {
        let python = try ExportFixtures.python(with: "gemmi")
        let (list, table) = try ExportFixtures.load(stem)
        let dir = try CommandRunner.temporaryDirectory("export-\(stem)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let ours = dir.appendingPathComponent("ours.mtz")
        let summary = try UnmergedMTZ.write(experiments: list, reflections: table, to: ours)
        XCTAssertEqual(summary.reflections, expectedRows)
        XCTAssertEqual(summary.batches, expectedBatches)
        let script = ExportFixtures.folder.appendingPathComponent("compare_mtz.py").path
        let out = try CommandRunner.run(python, [script, ExportFixtures.dialsMTZ(stem).path, ours.path, "1e-6"])
        XCTAssertEqual(out.status, 0, out.stdout + out.stderr)
        XCTAssertTrue(out.stdout.contains("0 differences (\(expectedRows) rows, 15 columns, \(expectedBatches) batches)"), out.stdout)
    }

    /// Real data, P 1, four experiments (batches 1–15, 101–115, 201–215, 301–315), partials
    /// dropped below partiality 0.4.
    func testLCysteineMatchesDIALSExport() throws {
        try compare("l_cysteine", expectedRows: 112, expectedBatches: 60)
    }

    /// H 3 (R 3 hexagonal): indices reduced to CCP4's ASU with ISYM over three operators.
    func testTehaH3MatchesDIALSExport() throws {
        try compare("teha", expectedRows: 75, expectedBatches: 49)
    }

    /// The comparison can fail: a changed intensity is reported.
    func testComparisonDetectsADifference() throws {
        let python = try ExportFixtures.python(with: "gemmi")
        let (list, original) = try ExportFixtures.load("teha")
        var table = original
        try table.modifyColumn("intensity.sum.value", as: Double.self) { $0[$0.count / 2] *= 1.5 }
        let dir = try CommandRunner.temporaryDirectory("export-diff")
        defer { try? FileManager.default.removeItem(at: dir) }
        let ours = dir.appendingPathComponent("ours.mtz")
        try UnmergedMTZ.write(experiments: list, reflections: table, to: ours)
        let script = ExportFixtures.folder.appendingPathComponent("compare_mtz.py").path
        let out = try CommandRunner.run(python, [script, ExportFixtures.dialsMTZ("teha").path, ours.path])
        XCTAssertEqual(out.status, 1, out.stdout)
        XCTAssertTrue(out.stdout.contains("column I:"), out.stdout)
    }

    /// When DIALS is installed, a fresh `dials.export` of the fixture still agrees (guards against
    /// a stale committed oracle).
    func testLiveDIALSExportAgrees() throws {
        let python = try ExportFixtures.python(with: "gemmi")
        guard let export = CommandRunner.dials("dials.export") else { throw XCTSkip("DIALS is not installed") }
        let dir = try CommandRunner.temporaryDirectory("export-live")
        defer { try? FileManager.default.removeItem(at: dir) }
        let expt = ExportFixtures.folder.appendingPathComponent("teha_integrated.expt").path
        let refl = ExportFixtures.folder.appendingPathComponent("teha_integrated.refl").path
        let run = try CommandRunner.run(export, [expt, refl, "mtz.hklout=dials.mtz"], in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        let (list, table) = try ExportFixtures.load("teha")
        try UnmergedMTZ.write(experiments: list, reflections: table, to: dir.appendingPathComponent("ours.mtz"))
        let script = ExportFixtures.folder.appendingPathComponent("compare_mtz.py").path
        let out = try CommandRunner.run(python, [script, "dials.mtz", "ours.mtz"], in: dir)
        XCTAssertEqual(out.status, 0, out.stdout + out.stderr)
    }
}
