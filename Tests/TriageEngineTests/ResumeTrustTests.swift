import Foundation
import MXExport
import MXSimulation
import MXTestSupport
import TriageEngine
import XCTest

/// Resume trusts a finished stage's file only if it reads back: a truncated `integrated.mtz`
/// (a run killed mid-write) is exported again, not handed to clustering, where cmtzlib hung.
final class ResumeTrustTests: XCTestCase {
    func testATruncatedMTZIsExportedAgainAndTheOtherStagesAreKept() throws {
        try resume(afterCutting: { $0.prefix($0.count / 2) }, label: "resume-trust")
    }

    /// The subtlest cut: only the last half-record (inside MTZENDOFHEADERS) is gone, so the
    /// file is nearly whole, its header pointer and END record intact.
    func testAnMTZMissingOnlyItsLastBytesIsExportedAgain() throws {
        try resume(afterCutting: { $0.prefix($0.count - 40) }, label: "resume-trust-tail")
    }

    /// A previous run finished; one sequence's integrated.mtz is then cut by `cut`. The next run
    /// must redo that sequence's export (and nothing before it) and leave the other alone.
    private func resume(afterCutting cut: (Data) -> Data, label: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let images = try CommandRunner.temporaryDirectory("trust-images")
        try DataSetGenerator.generate(plan: IntegrationBandTests.plan, to: images)
        let options = TriageOptions(dMin: 4.0, dMax: 8.1, jobs: 2, threadsPerJob: 1)
        let first = try ProcessedSession.run(images: images, label: label, jobs: 2, options: options)
        let usable = first.session.summaries.filter(\.isUsable)
        XCTAssertEqual(usable.count, 2, file: file, line: line)
        let damaged = usable[0]
        let mtz = first.session.work.file("integrated.mtz", sequence: damaged.number)
        let whole = try Data(contentsOf: mtz)
        try cut(whole).write(to: mtz)
        XCTAssertThrowsError(try MTZPreflight.check(path: mtz.path), file: file, line: line)

        let second = try ProcessedSession.run(images: images, label: "", jobs: 2, options: options, work: first.session.work.url)
        XCTAssertNoThrow(try MTZPreflight.check(path: mtz.path), "the truncated MTZ was trusted", file: file, line: line)
        XCTAssertEqual(try Data(contentsOf: mtz), whole, "the export redone gives the same bytes", file: file, line: line)
        let before = Dictionary(uniqueKeysWithValues: first.session.summaries.map { ($0.template, $0.seconds) })
        let after = Dictionary(uniqueKeysWithValues: second.session.summaries.map { ($0.template, $0.seconds) })
        for stage in ["import", "spots", "index_p1", "index_target", "refine", "integrate"] {
            XCTAssertEqual(after[damaged.template]?[stage], before[damaged.template]?[stage], "\(stage) was redone", file: file, line: line)
        }
        XCTAssertNotEqual(after[damaged.template]?["export"], before[damaged.template]?["export"], "export was not redone",
                          file: file, line: line)
        // The undamaged sequence keeps everything.
        let other = usable[1].template
        XCTAssertEqual(after[other], before[other], file: file, line: line)
    }
}
