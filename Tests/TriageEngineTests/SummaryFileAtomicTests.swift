import Foundation
import MXTestSupport
@testable import TriageEngine
import XCTest

/// `summary.json` is replaced whole (a new file renamed over the old), never rewritten in
/// place, so a reader or a kill mid-write sees the old summary or the new one, not half of each.
final class SummaryFileAtomicTests: XCTestCase {
    func testEveryWriteReplacesTheFileWholeAndLeavesNoTemporaryFile() throws {
        let dir = try CommandRunner.temporaryDirectory("summary-atomic")
        let url = dir.appendingPathComponent("summary.json")
        var summary = SummaryFile(inputs: ["/data"], options: TriageOptions(jobs: 1), sequences: [], excluded: [],
                                  clusters: [], joint: JointStatus())
        try summary.write(to: url)
        let before = try FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? Int
        summary.excluded = [3]
        try summary.write(to: url)
        let after = try FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? Int
        XCTAssertNotEqual(before, after, "written in place, not renamed over the old file")
        XCTAssertEqual(SummaryFile.read(url)?.excluded, [3])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["summary.json"])
    }
}
