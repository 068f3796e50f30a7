import Foundation
import MXTestSupport
import TriageEngine
import XCTest

/// Tests that need a session of their own: determinism across thread counts, exclusion and
/// joint refinement, resuming, replay, bad images.
final class SessionRunsTests: XCTestCase {
    /// One job instead of two gives identical results; excluding the outlier and running joint
    /// refinement refines the rest with one detector, exports one MTZ each and re-clusters.
    func testOneJobMatchesTwoAndJointRefinementRunsOnTheIncluded() throws {
        let shared = try ProcessedSession.get()
        let outlier = try XCTUnwrap(shared.session.summaries.first { SimulatedImages.sweeps(inGroup: "outlier").contains($0.template) })
        let run = try ProcessedSession.run(images: SimulatedImages.directory(), label: "triage-joint", jobs: 1,
                                           commands: [.exclude(sequence: outlier.number), .runJoint])
        XCTAssertEqual(run.session.summaries.map(timeless), shared.session.summaries.map(timeless))
        XCTAssertEqual(run.session.clusterReport(.individual), shared.session.clusterReport(.individual))

        XCTAssertEqual(run.session.excluded, [outlier.number])
        let joint = run.session.jointStatus
        XCTAssertEqual(joint.phase, .done)
        let included = run.session.summaries.filter { $0.isUsable && $0.number != outlier.number }.map(\.number)
        XCTAssertEqual(joint.sequences, included)
        XCTAssertEqual(joint.cells.count, included.count)
        let report = try XCTUnwrap(run.session.clusterReport(.joint))
        XCTAssertEqual(report.sequences, included)
        for (i, _) in included.enumerated() {
            let split = run.session.work.joint.appendingPathComponent(String(format: "split_%0\(String(included.count - 1).count)d.mtz", i))
            XCTAssertTrue(FileManager.default.fileExists(atPath: split.path), split.lastPathComponent)
        }
        // The joint refinement's step table streamed live, then its report with correlations.
        XCTAssertTrue(run.events.contains { if case .refinementStep(.joint, _) = $0 { return true }; return false })
        let refinement = try XCTUnwrap(run.events.compactMap { e -> RefinementReport? in
            if case let .refinement(r) = e, r.scope == .joint { return r }; return nil }.last)
        XCTAssertEqual(refinement.experiments.map(\.sequence), included)
        XCTAssertEqual(refinement.correlation.count, refinement.parameterNames.count)
        XCTAssertTrue(refinement.parameterNames.contains("Detector1Dist"), "\(refinement.parameterNames.prefix(8))")

        // The recorded session replays to identical results …
        let reader = try SessionLogReader(url: run.log)
        XCTAssertEqual(reader.commands.afterFinish, [.exclude(sequence: outlier.number), .runJoint])
        let replay = try CommandRunner.temporaryDirectory("triage-replay")
        XCTAssertEqual(try SessionReplay.check(reader, workDirectory: replay), [])

        // … and a recording whose result was changed is caught.
        var tampered = reader
        tampered.records = reader.records.map { record in
            guard case let .event(.sequence(s), t) = record, s.number == included[0], s.cell != nil else { return record }
            var changed = s
            changed.cell![0] += 0.001
            return .event(.sequence(changed), seconds: t)
        }
        let differences = try SessionReplay.check(tampered, workDirectory: CommandRunner.temporaryDirectory("triage-replay-bad"))
        XCTAssertEqual(differences.count, 1)
        XCTAssertTrue(differences[0].hasPrefix("sequence \(included[0]):"), differences[0])
    }

    /// A second session in the same work directory runs nothing that already finished.
    func testResumingSkipsFinishedStages() throws {
        let shared = try ProcessedSession.get()
        let session = TriageSession(inputs: shared.session.inputs, workDirectory: shared.session.work.url,
                                    options: shared.session.options)
        let collected = EventCollector()
        session.events.subscribe { collected.add($0) }
        try session.discover(retryFailed: false)
        session.start()
        session.waitUntilIdle()
        let reran = collected.events.compactMap { e -> Int? in
            if case let .stage(n, _, .running) = e { return n }; return nil }
        XCTAssertEqual(reran, [])
        XCTAssertEqual(session.summaries.map(timeless), shared.session.summaries.map(timeless))
    }

    /// A truncated image fails its own sweep with a one-line reason; the other sweep carries on.
    func testTruncatedImageFailsOnlyItsSweep() throws {
        let images = try SimulatedImages.directory()
        let directory = try CommandRunner.temporaryDirectory("triage-truncated")
        let main = SimulatedImages.sweeps(inGroup: "main")
        let (good, bad) = (main[0], main[1])
        let fm = FileManager.default
        for name in try fm.contentsOfDirectory(atPath: images.path).sorted() {
            let source = images.appendingPathComponent(name)
            if name.hasPrefix(good.components(separatedBy: "_")[0] + "_") {
                try fm.createSymbolicLink(at: directory.appendingPathComponent(name), withDestinationURL: source)
            } else if name.hasPrefix(bad.components(separatedBy: "_")[0] + "_") {
                var data = try Data(contentsOf: source)
                if name.hasSuffix("0003.cbf") { data = data.prefix(data.count / 2) }
                try data.write(to: directory.appendingPathComponent(name))
            }
        }
        let run = try ProcessedSession.run(images: directory, label: "triage-truncated-work", jobs: 2)
        let summaries = run.session.summaries
        XCTAssertEqual(summaries.count, 2)
        let failed = try XCTUnwrap(summaries.first { $0.template == bad })
        let reason = try XCTUnwrap(failed.failure)
        XCTAssertFalse(reason.contains("\n"))
        XCTAssertTrue(reason.contains("0003"), reason)
        let ok = try XCTUnwrap(summaries.first { $0.template == good })
        XCTAssertNil(ok.failure)
        XCTAssertTrue(ok.isUsable)
    }

    private func timeless(_ s: SequenceSummary) -> SequenceSummary {
        var copy = s
        copy.seconds = [:]
        return copy
    }
}
