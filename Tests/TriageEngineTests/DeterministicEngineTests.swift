import Foundation
import MXTestSupport
import Synchronization
@testable import TriageEngine
import XCTest

/// The engine driven one task at a time on a ``ManualExecutor``: cancellation between stages,
/// a kill mid-run and its resume, a command during a joint run and a log that fails mid-run,
/// each at a point the test chooses rather than one a thread happens to reach.
final class DeterministicEngineTests: XCTestCase {
    static let options = TriageOptions(spaceGroup: "H 3", dMin: 4.0, dMax: 8.1, jobs: 2, threadsPerJob: 1)

    /// A session on ``SimulatedImages`` in `work`, on `executor`, its events collected.
    private func session(_ work: URL, _ executor: (any EngineExecutor)?, clock: EngineClock = .stopped) throws
        -> (TriageSession, EventCollector) {
        let session = TriageSession(inputs: [try SimulatedImages.directory().path], workDirectory: work,
                                    options: Self.options, executor: executor, clock: clock)
        let events = EventCollector()
        session.events.subscribe { events.add($0) }
        try session.discover()
        return (session, events)
    }

    private func summary(_ work: URL) throws -> SummaryFile {
        try XCTUnwrap(SummaryFile.read(work.appendingPathComponent("summary.json")))
    }

    /// A clock that counts its readings: a stage reads it when it starts and when it ends, on
    /// the worker that runs it, so a count that does not move means no stage ran.
    final class CountingClock: Sendable {
        let readings = Atomic<Int>(0)
        var clock: EngineClock { EngineClock { [self] in Double(readings.add(1, ordering: .relaxed).oldValue) } }
        var count: Int { readings.load(ordering: .relaxed) }
    }

    /// Stages that started running, as (sequence, stage).
    private func started(_ events: [EngineEvent]) -> [String] {
        events.compactMap { event in
            guard case let .stage(sequence, stage, .running(nil)) = event else { return nil }
            return "\(sequence) \(stage.rawValue)"
        }
    }

    func testNothingRunsUntilTheExecutorRunsIt() throws {
        let executor = ManualExecutor()
        let (session, events) = try session(try CommandRunner.temporaryDirectory("engine-idle"), executor)
        session.start()
        session.perform(.exclude(sequence: 1))
        XCTAssertEqual(executor.queued, [.serial, .serial], "start and the exclusion are queued, nothing has run")
        XCTAssertTrue(started(events.events).isEmpty)
        executor.runNext()
        XCTAssertEqual(executor.queued, [.serial, .worker, .worker],
                       "start set the lattice and queued one sequence per job (jobs 2) behind the exclusion")
        XCTAssertEqual(session.lattice?.spaceGroup, "H 3")
        executor.runNext()
        XCTAssertEqual(session.excluded, [1], "an exclusion takes effect during individual processing")
        XCTAssertEqual(executor.queued, [.worker, .worker])
    }

    /// A cancel between two stages: the stage after it and every stage not started are
    /// skipped, the session still ends its processing (and says so), and `summary.json` agrees.
    /// A recluster queued during processing waits for its end; an exclusion does not.
    func testCancellingBetweenStagesSkipsEveryLaterStage() throws {
        let executor = ManualExecutor(), clock = CountingClock()
        let work = try CommandRunner.temporaryDirectory("engine-cancel")
        let (session, events) = try session(work, executor, clock: clock.clock)
        session.start()
        session.perform(.recluster)
        session.perform(.exclude(sequence: 4))
        XCTAssertTrue(executor.run { session.summaries[0][.spots] == .done }, "sequence 0 finds its spots")
        session.cancel()
        let readings = clock.count
        session.waitUntilIdle()

        XCTAssertEqual(clock.count, readings, "no stage runs after the cancel")
        XCTAssertEqual(session.summaries[0][.spots], .done)
        XCTAssertEqual(session.summaries[0][.indexP1], .skipped)
        for summary in session.summaries {
            for stage in PipelineStage.allCases where summary[stage] != .done {
                XCTAssertEqual(summary[stage], .skipped, "sequence \(summary.number) \(stage.rawValue)")
            }
            XCTAssertNotEqual(summary[.export], .done)
        }
        XCTAssertEqual(try summary(work).sequences, session.summaries, "summary.json records the cancel")
        let finished = try XCTUnwrap(events.events.firstIndex(of: .individualFinished))
        let excluded = try XCTUnwrap(events.events.firstIndex(of: .exclusions([4])))
        XCTAssertLessThan(excluded, finished, "the exclusion took effect during processing")
        let clusteringLog = events.events.lastIndex {
            if case let .log(nil, line) = $0 { return line.hasPrefix("cluster analysis needs at least two") }
            return false
        }
        XCTAssertGreaterThan(try XCTUnwrap(clusteringLog), finished, "the recluster waited for processing to end")
        XCTAssertEqual(session.excluded, [4])
    }

    /// A run abandoned mid-sequence (as `kill -9` leaves it, at a task boundary) and resumed in
    /// a new session writes exactly what one uninterrupted threaded run writes, and redoes no
    /// stage the killed run recorded as done. Then a joint run: an exclusion performed while
    /// it runs waits for it, and the joint run keeps the crystals it started with.
    func testAKilledRunResumesToWhatAnUninterruptedRunWritesAndCommandsWaitForAJointRun() throws {
        let reference = try CommandRunner.temporaryDirectory("engine-reference")
        let (threaded, _) = try session(reference, nil)
        threaded.start()
        threaded.waitUntilIdle()
        let uninterrupted = try Data(contentsOf: reference.appendingPathComponent("summary.json"))

        let work = try CommandRunner.temporaryDirectory("engine-kill")
        do {
            let executor = ManualExecutor()
            let (killed, _) = try session(work, executor)
            killed.start()
            XCTAssertTrue(executor.run { killed.summaries[2][.refine] == .done }, "sequence 2 refines")
            // Abandoned here with tasks still queued: nothing of it runs again.
            XCTAssertFalse(executor.queued.isEmpty)
        }
        let recorded = try summary(work).sequences
        let doneAtKill = recorded.flatMap { s in PipelineStage.allCases.filter { s[$0] == .done }.map { "\(s.number) \($0.rawValue)" } }
        XCTAssertTrue(doneAtKill.contains("2 refine"), "summary.json was written after the stage: \(doneAtKill)")

        let executor = ManualExecutor()
        let (resumed, events) = try session(work, executor)
        resumed.start()
        resumed.waitUntilIdle()
        XCTAssertEqual(Set(started(events.events)).intersection(doneAtKill), [], "no stage done before the kill is run again")
        XCTAssertFalse(started(events.events).isEmpty)
        let resumedBytes = try Data(contentsOf: work.appendingPathComponent("summary.json"))
        XCTAssertEqual(String(decoding: resumedBytes, as: UTF8.self), String(decoding: uninterrupted, as: UTF8.self),
                       "killed and resumed on a manual executor = uninterrupted on threads")

        let usable = resumed.summaries.filter(\.isUsable).map(\.number)
        XCTAssertGreaterThanOrEqual(usable.count, 3, "enough crystals for a joint run")
        resumed.perform(.runJoint)
        executor.runNext()
        XCTAssertEqual(executor.queued, [.worker], "the joint run is on a worker")
        resumed.perform(.exclude(sequence: usable[0]))
        let before = events.events.count
        resumed.waitUntilIdle()
        let after = Array(events.events[before...])
        let jointDone = try XCTUnwrap(after.firstIndex { if case let .joint(s) = $0 { return s.phase == .done }; return false })
        let exclusion = try XCTUnwrap(after.firstIndex(of: .exclusions([usable[0]])))
        XCTAssertLessThan(jointDone, exclusion, "the exclusion waited for the joint run")
        XCTAssertEqual(resumed.jointStatus.sequences, usable, "the joint run kept the crystals it started with")
        XCTAssertEqual(resumed.excluded, [usable[0]])
    }

    #if os(Linux)
    /// The disk fills up under the session log mid-run (its descriptor made /dev/full): the
    /// failure is reported, the session is cancelled at once, no stage starts after it, and
    /// `summary.json` still records what was done.
    func testALogThatFailsMidRunStopsTheRun() throws {
        let executor = ManualExecutor(), clock = CountingClock()
        let work = try CommandRunner.temporaryDirectory("engine-log-full")
        let (session, _) = try session(work, executor, clock: clock.clock)
        let logURL = work.appendingPathComponent("session.jsonl")
        let log = try SessionLog(url: logURL, header: SessionLogHeader(program: "tests", inputs: session.inputs,
                                                                       options: Self.options, simulation: nil, started: "t"))
        log.attach(to: session)
        session.start()
        XCTAssertTrue(executor.run { session.summaries[0][.importImages] == .done })
        let descriptor = try XCTUnwrap(Self.descriptor(of: logURL), "the log's descriptor in /proc/self/fd")
        let full = open("/dev/full", O_WRONLY)
        XCTAssertGreaterThanOrEqual(full, 0)
        XCTAssertEqual(dup2(full, descriptor), descriptor)
        close(full)
        executor.run { session.isCancelled }
        XCTAssertTrue(session.isCancelled, "the first failed write cancels the session")
        let readings = clock.count
        session.waitUntilIdle()
        XCTAssertEqual(clock.count, readings, "no stage runs once the failed write has cancelled the session")
        XCTAssertTrue(try XCTUnwrap(log.failure).description.contains("No space left on device"), "\(String(describing: log.failure))")
        XCTAssertEqual(try summary(work).sequences[0][.importImages], .done)
        XCTAssertFalse(session.summaries.contains { $0[.export] == .done })
    }

    private static func descriptor(of url: URL) -> Int32? {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        let target = url.resolvingSymlinksInPath().path
        return entries.compactMap(Int32.init).first { fd in
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(fd)")) == target
        }
    }
    #endif
}
