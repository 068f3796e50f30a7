import Foundation
import MXExport
import MXGeometry
import MXTestSupport
import XCTest

/// MTZFile reads back what UnmergedMTZ wrote, and reads DIALS's own file the same way.
final class MTZReaderTests: XCTestCase {
    func testRoundTripOfOurFile() throws {
        let (list, table) = try ExportFixtures.load("l_cysteine")
        let dir = try CommandRunner.temporaryDirectory("mtz-read")
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("integrated.mtz")
        let summary = try UnmergedMTZ.write(experiments: list, reflections: table, to: url)
        let file = try MTZFile.read(path: url.path)

        XCTAssertEqual(file.title, "From mxtriage export")
        XCTAssertEqual(file.spaceGroupName, "P 1")
        XCTAssertEqual(file.spaceGroupNumber, 1)
        XCTAssertEqual(file.pointGroupName, "PG1")
        XCTAssertEqual(file.symmetryOperatorCount, 1)
        XCTAssertEqual(file.reflectionCount, summary.reflections)
        XCTAssertEqual(file.batchCount, 60)
        XCTAssertEqual(file.batches.map(\.number), Array(1...15) + Array(101...115) + Array(201...215) + Array(301...315))
        XCTAssertEqual(file.columnLabels, ["H", "K", "L", "M/ISYM", "BATCH", "I", "SIGI", "BG", "SIGBG", "FRACTIONCALC",
                                           "XDET", "YDET", "ROT", "LP", "QE"])
        XCTAssertEqual(file.columns.map(\.type).joined(), "HHHYBJQRRRRRRRR")
        XCTAssertEqual(file.datasets.map(\.name), ["FROMDIALS"])
        XCTAssertEqual(file.datasets[0].crystal, "XTAL")
        XCTAssertEqual(file.datasets[0].project, "DIALS")
        XCTAssertEqual(file.wavelength ?? 0, 0.6889, accuracy: 1e-6)
        // The file cell is the median of the four crystals' cells; each batch carries its own crystal's cell.
        for (p, q) in zip(file.cell.parameters, summary.unitCell.parameters) { XCTAssertEqual(p, q, accuracy: 1e-4) }
        for (e, experiment) in list.experiments.enumerated() {
            let cell = list.crystal(of: experiment)!.unitCell
            for batch in file.batches where batch.number / 100 == e {
                for (p, q) in zip(batch.cell.parameters, cell.parameters) { XCTAssertEqual(p, q, accuracy: 1e-4 * max(1, q)) }
                XCTAssertEqual(batch.datasetID, 1)
                XCTAssertEqual(batch.title, "Batch \(batch.number)")
            }
        }
        XCTAssertEqual(file.batches[0].phiStart, -145, accuracy: 1e-4)
        XCTAssertEqual(file.batches[0].phiEnd, -144.9, accuracy: 1e-4)
    }

    func testReadsDIALSExportFile() throws {
        let file = try MTZFile.read(path: ExportFixtures.dialsMTZ("teha").path)
        XCTAssertEqual(file.spaceGroupNumber, 146)
        XCTAssertEqual(file.symmetryOperatorCount, 9)
        XCTAssertEqual(file.reflectionCount, 75)
        XCTAssertEqual(file.batchCount, 49)
        XCTAssertEqual(file.cell.gamma, 120, accuracy: 1e-3)
        XCTAssertEqual(file.cell.a, file.cell.b, accuracy: 1e-4)
        XCTAssertEqual(file.history.count, 1)
        XCTAssertTrue(file.history[0].hasPrefix("From DIALS 3.12"), file.history[0])
    }

    func testUnreadableFileIsAnError() throws {
        let dir = try CommandRunner.temporaryDirectory("mtz-bad")
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = dir.appendingPathComponent("bad.mtz")
        try Data("not an MTZ file at all".utf8).write(to: bad)
        XCTAssertThrowsError(try MTZFile.read(path: bad.path)) { error in
            guard case .readFailed = error as? MTZExportError else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try MTZFile.read(path: dir.appendingPathComponent("missing.mtz").path))
    }
}
