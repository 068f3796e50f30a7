import Foundation
import MXSimulation
import MXTestSupport
import TriageEngine
import XCTest

/// A second run in a work directory keeps the stages the changed options do not affect and
/// redoes the others, so summary.json never records options a kept result was not made with.
final class ResumeOptionsTests: XCTestCase {
    func images() throws -> URL {
        let images = try CommandRunner.temporaryDirectory("resume-images")
        try DataSetGenerator.generate(plan: IntegrationBandTests.plan, to: images)
        return images
    }

    func stageSeconds(_ result: ProcessedSession.Result) -> [String: [String: Double]] {
        Dictionary(uniqueKeysWithValues: result.session.summaries.map { ($0.template, $0.seconds) })
    }

    /// A fixed band that fails integration, then the same directory with the band widened:
    /// spot finding, indexing and refinement are kept (their timings are the first run's),
    /// integration and export are done again and succeed.
    func testAChangedBandRedoesIntegrationOnly() throws {
        let images = try images()
        let fixed = TriageOptions(dMin: 7.0, dMax: 7.15, widenBand: false, jobs: 2, threadsPerJob: 1)
        let first = try ProcessedSession.run(images: images, label: "resume-band", jobs: 2, options: fixed)
        XCTAssertTrue(first.session.summaries.allSatisfy { !$0.isUsable })
        var widened = fixed
        widened.widenBand = true
        let second = try ProcessedSession.run(images: images, label: "", jobs: 2, options: widened, work: first.session.work.url)
        let before = stageSeconds(first), after = stageSeconds(second)
        let usable = second.session.summaries.filter(\.isUsable)
        XCTAssertEqual(usable.count, 2, "\(second.session.summaries.map { $0.failure ?? "ok" })")
        for summary in usable {
            for stage in ["import", "spots", "index_p1", "index_target", "refine"] {
                XCTAssertEqual(after[summary.template]?[stage], before[summary.template]?[stage], "\(summary.template) \(stage) was redone")
            }
            XCTAssertNotNil(after[summary.template]?["integrate"])
        }
        XCTAssertTrue(second.events.contains { event in
            if case let .log(nil, line) = event { return line.hasPrefix("options differ from the previous run's") && line.contains("integrate") }
            return false
        })
        let summary = try XCTUnwrap(SummaryFile.read(second.session.work.summary))
        XCTAssertEqual(summary.options, widened)
    }

    /// P 1, then the same directory with a target space group: indexing in the target group
    /// and everything after it are redone, spot finding and the P 1 solution are kept.
    func testAChangedSpaceGroupRedoesIndexingInTheTargetGroup() throws {
        let images = try images()
        let p1 = TriageOptions(dMin: 4.0, dMax: 8.1, jobs: 2, threadsPerJob: 1)
        let first = try ProcessedSession.run(images: images, label: "resume-sg", jobs: 2, options: p1)
        var target = p1
        target.spaceGroup = "P -1"
        let second = try ProcessedSession.run(images: images, label: "", jobs: 2, options: target, work: first.session.work.url)
        let before = stageSeconds(first), after = stageSeconds(second)
        let usable = second.session.summaries.filter(\.isUsable)
        XCTAssertEqual(usable.count, 2)
        for summary in usable {
            XCTAssertEqual(summary.spaceGroup, "P -1")
            for stage in ["import", "spots", "index_p1"] {
                XCTAssertEqual(after[summary.template]?[stage], before[summary.template]?[stage], "\(summary.template) \(stage) was redone")
            }
            XCTAssertNotEqual(after[summary.template]?["index_target"], before[summary.template]?["index_target"])
        }
    }
}
