import Foundation
import MXTestSupport
import XCTest
@testable import MXExport

/// A truncated or inconsistent MTZ is refused in one line before cmtzlib sees it (cmtzlib's
/// `MtzGet` never returned on such a file).
final class MTZPreflightTests: XCTestCase {
    let good = TestData.fixtures.appendingPathComponent("export/teha_dials_export.mtz")

    func cut(_ length: Int) throws -> String {
        let bytes = try Data(contentsOf: good).prefix(length)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mxtriage-cut-\(length)-\(UUID().uuidString).mtz")
        try bytes.write(to: url)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url.path
    }

    func testAWholeFilePasses() throws {
        XCTAssertNoThrow(try MTZPreflight.check(path: good.path))
        XCTAssertEqual(try MTZFile.read(path: good.path).batchCount, 49)
    }

    func testTruncationsAnywhereAreOneLineErrors() throws {
        let size = try Data(contentsOf: good).count
        // In the preamble, the reflection data, the header records, the history and the batches.
        let cases: [(Int, String)] = [(40, "40 bytes is too short for an MTZ file"),
                                      (3000, "its header should start at byte 4580 but the file has 3000 bytes (truncated?)"),
                                      (4700, "has no END record (truncated?)"),
                                      (9400, "its 49 batch header(s) end without MTZENDOFHEADERS (truncated?)"),
                                      (size - 40, "end without MTZENDOFHEADERS")]
        for (length, reason) in cases {
            let path = try cut(length)
            XCTAssertThrowsError(try MTZFile.read(path: path)) { error in
                XCTAssertTrue("\(error)".hasPrefix("\(path): cannot read as an MTZ file ("), "\(error)")
                XCTAssertTrue("\(error)".contains(reason), "\(error) lacks \(reason)")
                XCTAssertFalse("\(error)".contains("\n"))
            }
        }
    }

    func testAnNCOLThatDoesNotFitIsRefused() throws {
        var bytes = [UInt8](try Data(contentsOf: good))
        let at = try XCTUnwrap(Data(bytes).range(of: Data("NCOL       15           75".utf8))).lowerBound
        bytes.replaceSubrange(at..<(at + 26), with: Array("NCOL       15        75000".utf8))
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mxtriage-ncol-\(UUID().uuidString).mtz")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        XCTAssertThrowsError(try MTZFile.read(path: url.path)) {
            XCTAssertTrue("\($0)".contains("15 columns × 75000 reflections do not fit before its header at byte 4580"), "\($0)")
        }
    }
}
