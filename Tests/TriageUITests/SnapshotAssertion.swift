import Foundation
import XCTest
@testable import TriageUI

/// A home-grown text snapshot: the rendered screen compared exactly with
/// `Snapshots/<name>.txt` beside this file. With `RECORD_SNAPSHOTS=1` in the environment it
/// writes the file and fails (so a recording run is never mistaken for a passing one); a
/// missing snapshot is written and fails too, so CI never passes silently.
func assertSnapshot(_ buffer: ScreenBuffer, named name: String, file: StaticString = #filePath, line: UInt = #line) {
    let directory = URL(fileURLWithPath: "\(file)").deletingLastPathComponent().appendingPathComponent("Snapshots")
    let url = directory.appendingPathComponent(name + ".txt")
    let actual = buffer.text + "\n"
    let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
    let existing = try? String(contentsOf: url, encoding: .utf8)
    if record || existing == nil {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
        } catch {
            XCTFail("could not write snapshot \(url.path): \(error)", file: file, line: line)
            return
        }
        XCTFail(record ? "recorded snapshot \(name); run again without RECORD_SNAPSHOTS"
                       : "no snapshot \(name) existed; wrote it — check it and run again", file: file, line: line)
        return
    }
    guard let expected = existing, expected != actual else { return }
    let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let got = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var report = "snapshot \(name) differs (RECORD_SNAPSHOTS=1 re-records):\n"
    var shown = 0
    for i in 0..<max(want.count, got.count) where shown < 6 {
        let a = i < want.count ? String(want[i]) : "<none>"
        let b = i < got.count ? String(got[i]) : "<none>"
        if a != b {
            report += "line \(i + 1)\n  expected: \(a)\n  actual:   \(b)\n"
            shown += 1
        }
    }
    XCTFail(report, file: file, line: line)
}
