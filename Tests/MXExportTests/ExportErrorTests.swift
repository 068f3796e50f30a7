import Foundation
@testable import MXExport
import MXReflections
import MXTestSupport
import XCTest

/// Failures say what is wrong, and leave no file (or stray temporary file) behind.
final class ExportErrorTests: XCTestCase {
    func expect(_ expected: (MTZExportError) -> Bool, _ body: () throws -> Void, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try body(), file: file, line: line) { error in
            guard let e = error as? MTZExportError, expected(e) else { return XCTFail("unexpected \(error)", file: file, line: line) }
            XCTAssertFalse(e.description.contains("\n"))
        }
    }

    func testNoIntegratedReflections() throws {
        let (list, original) = try ExportFixtures.load("teha")
        var table = original
        try table.unsetFlags(.integratedSum)
        let dir = try CommandRunner.temporaryDirectory("mtz-err")
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("x.mtz")
        expect({ if case .noIntegratedReflections = $0 { return true } else { return false } }) {
            try UnmergedMTZ.write(experiments: list, reflections: table, to: url)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), [])
    }

    func testMissingColumns() throws {
        let (list, original) = try ExportFixtures.load("teha")
        let dir = try CommandRunner.temporaryDirectory("mtz-err")
        defer { try? FileManager.default.removeItem(at: dir) }
        for name in ["intensity.sum.value", "intensity.sum.variance", "miller_index", "xyzobs.px.value", "xyzcal.px", "flags"] {
            var table = original
            table.removeColumn(name)
            expect({ $0 == .missingColumn(name) }) {
                try UnmergedMTZ.write(experiments: list, reflections: table, to: dir.appendingPathComponent("x.mtz"))
            }
        }
    }

    /// A damaged table's observed frame (NaN, infinite, or beyond any image number) is refused
    /// with the row and the value, not trapped on converting it to a batch number; no file is left.
    func testANonFiniteFrameIsRefusedByRow() throws {
        let (list, original) = try ExportFixtures.load("teha")
        let dir = try CommandRunner.temporaryDirectory("mtz-err")
        defer { try? FileManager.default.removeItem(at: dir) }
        let index = try UnmergedMTZ.experimentIndex(table: original, experiments: list)
        let exported = try ExportReflections(table: original, experimentIndex: index, experimentCount: list.count,
                                             options: MTZExportOptions()).row
        let row = exported[exported.count / 2]
        for (z, printed) in [(Double.nan, "nan"), (-.infinity, "-inf"), (1e300, "1e+300")] {
            var table = original
            var xyz = try XCTUnwrap(table.vec3s("xyzobs.px.value"))
            xyz[row].z = z
            try table.setColumn("xyzobs.px.value", xyz)
            let message = "reflection \(row) has xyzobs.px.value z = \(printed), not a frame number"
            expect({ $0 == .badReflections(message) }) {
                try UnmergedMTZ.write(experiments: list, reflections: table, to: dir.appendingPathComponent("x.mtz"))
            }
            XCTAssertEqual(MTZExportError.badReflections(message).description, "cannot export these reflections: \(message)")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), [])
    }

    func testUnwritablePath() throws {
        let (list, table) = try ExportFixtures.load("teha")
        expect({ if case .writeFailed = $0 { return true } else { return false } }) {
            try UnmergedMTZ.write(experiments: list, reflections: table, to: URL(fileURLWithPath: "/nonexistent-dir/x.mtz"))
        }
    }

    func testMixedSpaceGroupsAndMissingScan() throws {
        let (list, table) = try ExportFixtures.load("l_cysteine")
        var mixed = list
        mixed.crystals[1].spaceGroupHall = " P 2 2ab"
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("never-\(UUID().uuidString).mtz")
        expect({ if case .unsupportedSpaceGroup = $0 { return true } else { return false } }) {
            try UnmergedMTZ.write(experiments: mixed, reflections: table, to: url)
        }
        var scanless = list
        scanless.experiments[2].scan = nil
        expect({ if case .badExperiments = $0 { return true } else { return false } }) {
            try UnmergedMTZ.write(experiments: scanless, reflections: table, to: url)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: url.path))
    }

    /// The same inputs give the same bytes (no dates in the file), and a rewrite replaces the file.
    func testDeterministicBytes() throws {
        let (list, table) = try ExportFixtures.load("l_cysteine")
        let dir = try CommandRunner.temporaryDirectory("mtz-det")
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a.mtz"), b = dir.appendingPathComponent("b.mtz")
        try UnmergedMTZ.write(experiments: list, reflections: table, to: a)
        Thread.sleep(forTimeInterval: 1.1)
        try UnmergedMTZ.write(experiments: list, reflections: table, to: b)
        try UnmergedMTZ.write(experiments: list, reflections: table, to: b)
        XCTAssertEqual(try Data(contentsOf: a), try Data(contentsOf: b))
        XCTAssertEqual(Set(try FileManager.default.contentsOfDirectory(atPath: dir.path)), ["a.mtz", "b.mtz"])
    }
}
