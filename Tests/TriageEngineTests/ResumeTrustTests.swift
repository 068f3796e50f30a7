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
        let images = try CommandRunner.temporaryDirectory("trust-images")
        try DataSetGenerator.generate(plan: IntegrationBandTests.plan, to: images)
        let options = TriageOptions(dMin: 4.0, dMax: 8.1, jobs: 2, threadsPerJob: 1)
        let first = try ProcessedSession.run(images: images, label: "resume-trust", jobs: 2, options: options)
        let usable = first.session.summaries.filter(\.isUsable)
        XCTAssertEqual(usable.count, 2)
        let damaged = usable[0]
        let mtz = first.session.work.file("integrated.mtz", sequence: damaged.number)
        let whole = try Data(contentsOf: mtz)
        try whole.prefix(whole.count / 2).write(to: mtz)
        XCTAssertThrowsError(try MTZPreflight.check(path: mtz.path))

        let second = try ProcessedSession.run(images: images, label: "", jobs: 2, options: options, work: first.session.work.url)
        XCTAssertNoThrow(try MTZPreflight.check(path: mtz.path), "the truncated MTZ was trusted")
        XCTAssertEqual(try Data(contentsOf: mtz).count, whole.count)
        let before = Dictionary(uniqueKeysWithValues: first.session.summaries.map { ($0.template, $0.seconds) })
        let after = Dictionary(uniqueKeysWithValues: second.session.summaries.map { ($0.template, $0.seconds) })
        for stage in ["import", "spots", "index_p1", "index_target", "refine", "integrate"] {
            XCTAssertEqual(after[damaged.template]?[stage], before[damaged.template]?[stage], "\(stage) was redone")
        }
        XCTAssertNotEqual(after[damaged.template]?["export"], before[damaged.template]?["export"], "export was not redone")
        // The undamaged sequence keeps everything.
        let other = usable[1].template
        XCTAssertEqual(after[other], before[other])
    }
}
