import Foundation
import MXTestSupport
import XCTest

/// Nothing one run wrote is lost to another, through the built binary: a second session is
/// appended to the log, `--log` never overwrites what is not a session log, a busy work
/// directory refuses a second run, a kill leaves no stale lock and the next run resumes after
/// the last finished stage, and a log that cannot be written stops the run.
final class DataLossCommandTests: XCTestCase {
    /// Two small sweeps, simulated once for the class.
    nonisolated(unsafe) private static var images: URL?
    private static let lock = NSLock()

    private func images() throws -> String {
        Self.lock.lock()
        defer { Self.lock.unlock() }
        if let images = Self.images { return images.path }
        let directory = try CommandRunner.temporaryDirectory("dataloss-images")
        let sim = try TimedCommand.run(["simulate", "--output", directory.path, "--sweeps", "2", "--detector", "small",
                                        "--max-images", "12", "--seed", "3"])
        XCTAssertEqual(sim.status, 0, sim.stderr)
        Self.images = directory
        return directory.path
    }

    private func process(_ work: URL, _ extra: [String] = []) -> [String] {
        ["process", (try? images()) ?? "", "--workdir", work.path, "--d-min", "4.0", "--nproc", "1"] + extra
    }

    func testASecondProcessAppendsItsSessionAndReplayChecksBoth() throws {
        let dir = try CommandRunner.temporaryDirectory("dataloss-append")
        defer { try? FileManager.default.removeItem(at: dir) }
        let work = dir.appendingPathComponent("work")
        let log = work.appendingPathComponent("session.jsonl")
        let first = try TimedCommand.run(process(work))
        XCTAssertEqual(first.status, 0, first.stderr)
        let firstBytes = try Data(contentsOf: log)
        let second = try TimedCommand.run(process(work))
        XCTAssertEqual(second.status, 0, second.stderr)
        let bothBytes = try Data(contentsOf: log)
        XCTAssertGreaterThan(bothBytes.count, firstBytes.count)
        XCTAssertEqual(bothBytes.prefix(firstBytes.count), firstBytes, "the first session's lines are kept, byte for byte")
        let headers = String(decoding: bothBytes, as: UTF8.self).split(separator: "\n").filter { $0.hasPrefix(#"{"header":"#) }
        XCTAssertEqual(headers.count, 2)
        // A third run that stopped right after its header (as `ui` without a terminal does).
        let handle = try FileHandle(forWritingTo: log)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((headers[0] + "\n").utf8))
        try handle.close()

        let replay = try TimedCommand.run(["replay", log.path, "--check"])
        XCTAssertEqual(replay.status, 0, replay.stderr)
        XCTAssertTrue(replay.stdout.contains("Replaying \(log.path), session 1 of 3"), replay.stdout)
        XCTAssertTrue(replay.stdout.contains("Replaying \(log.path), session 2 of 3"), replay.stdout)
        XCTAssertTrue(replay.stdout.contains("Skipping \(log.path), session 3 of 3"), replay.stdout)
        XCTAssertTrue(replay.stdout.contains("Replay identical"), replay.stdout)
        let beyond = try TimedCommand.run(["replay", log.path, "--check", "--session", "4"])
        XCTAssertEqual(beyond.status, 2, beyond.stderr)
        XCTAssertTrue(beyond.stderr.contains("holds 3 sessions"), beyond.stderr)
    }

    /// A CBF image given as `--log` (the issue's case) is refused before any work, untouched.
    func testALogPathThatIsNotASessionLogIsRefusedAndLeftAsItWas() throws {
        let dir = try CommandRunner.temporaryDirectory("dataloss-refuse")
        defer { try? FileManager.default.removeItem(at: dir) }
        let image = try XCTUnwrap(FileManager.default.contentsOfDirectory(atPath: images()).sorted().first { $0.hasSuffix(".cbf") })
        let victim = dir.appendingPathComponent("image.cbf")
        try FileManager.default.copyItem(atPath: try images() + "/" + image, toPath: victim.path)
        let before = try Data(contentsOf: victim)
        let work = dir.appendingPathComponent("work")
        for arguments in [process(work, ["--log", victim.path]), ["demo", "--headless", "--sweeps", "2", "--log", victim.path],
                          process(work, ["--log", dir.path])] {
            let run = try TimedCommand.run(arguments, timeout: 60)
            XCTAssertEqual(run.status, 2, "\(arguments): \(run.stderr)")
            XCTAssertEqual(run.stderr.split(separator: "\n").count, 1, run.stderr)
            XCTAssertTrue(run.stderr.contains("not a session log"), run.stderr)
            XCTAssertEqual(try Data(contentsOf: victim), before, "\(arguments) changed the file")
            XCTAssertFalse(FileManager.default.fileExists(atPath: work.path), "\(arguments) started work")
        }
    }

    /// While one run holds the work directory (stopped after spot finding), a second `process`,
    /// a `joint` and a `replay --workdir` there exit 2 with one line naming its pid. Killed with -9 there, it leaves no stale lock, and the
    /// next run resumes after the spots: strong.refl is the same file and no spot finding is
    /// logged again.
    func testABusyWorkDirectoryRefusesASecondRunAndAKilledRunResumesAfterItsSpots() throws {
        let dir = try CommandRunner.temporaryDirectory("dataloss-lock")
        defer { try? FileManager.default.removeItem(at: dir) }
        let work = dir.appendingPathComponent("work")
        let summary = work.appendingPathComponent("summary.json")
        let strong = work.appendingPathComponent("sequence_00/strong.refl")
        let holder = try TimedCommand(process(work, ["--space-group", "H 3"]))
        defer { kill(holder.pid, SIGKILL) }
        // Stopped as soon as summary.json records sequence 0's spots.
        let spotsDone = TimedCommand.poll(timeout: 120) { Self.stages(summary, sequence: 0)?["spots"] == "done" }
        // Frozen there (it keeps its lock), so it is still mid-sequence when killed below.
        kill(holder.pid, SIGSTOP)
        XCTAssertTrue(spotsDone, "spot finding did not finish in time")
        for arguments in [process(work), ["joint", work.path],
                          ["replay", work.appendingPathComponent("session.jsonl").path, "--check", "--workdir", work.path]] {
            let second = try TimedCommand.run(arguments, timeout: 60)
            XCTAssertEqual(second.status, 2, "\(arguments): \(second.stderr)")
            XCTAssertEqual(second.stderr.split(separator: "\n").count, 1, second.stderr)
            XCTAssertTrue(second.stderr.contains("in use by another mxtriage run (pid \(holder.pid) "), second.stderr)
        }
        kill(holder.pid, SIGKILL)
        _ = try? holder.wait(timeout: 30)
        let atKill = try stages(summary, sequence: 0)
        XCTAssertEqual(atKill["spots"], "done")
        XCTAssertNotEqual(atKill["export"], "done", "the run must be killed mid-sequence for this test to mean anything")
        let before = try FileManager.default.attributesOfItem(atPath: strong.path)

        let resumed = try TimedCommand.run(process(work, ["--space-group", "H 3"]))
        XCTAssertEqual(resumed.status, 0, resumed.stderr)
        XCTAssertFalse(resumed.stderr.contains("in use"), resumed.stderr)
        let after = try FileManager.default.attributesOfItem(atPath: strong.path)
        XCTAssertEqual(after[.systemFileNumber] as? Int, before[.systemFileNumber] as? Int, "strong.refl was written again")
        XCTAssertEqual(after[.modificationDate] as? Date, before[.modificationDate] as? Date, "strong.refl was written again")
        let log = try String(contentsOf: work.appendingPathComponent("session.jsonl"), encoding: .utf8)
        let spotsLine = #"{"event":{"sequence":0,"stage":"spots""#
        XCTAssertTrue(log.contains(spotsLine), "the killed session logged its spot finding")
        let lastSession = log.components(separatedBy: #"{"header":"#).last ?? ""
        XCTAssertFalse(lastSession.contains(spotsLine), "the resumed session ran spot finding on sequence 0 again")
        XCTAssertEqual(try stages(summary, sequence: 0)["export"], "done")
    }

    /// `--log /dev/full`: exit 1 with one line before any work. A log whose reader goes away
    /// mid-run (a pipe): the run stops — no MTZ is written — with exit 1 and one line.
    func testALogThatCannotBeWrittenStopsTheRunWithExitOne() throws {
        let dir = try CommandRunner.temporaryDirectory("dataloss-full")
        defer { try? FileManager.default.removeItem(at: dir) }
        let work = dir.appendingPathComponent("work")
        let full = try TimedCommand.run(process(work, ["--log", "/dev/full"]), timeout: 60)
        XCTAssertEqual(full.status, 1, full.stderr)
        XCTAssertEqual(full.stderr.split(separator: "\n").count, 1, full.stderr)
        XCTAssertTrue(full.stderr.contains("/dev/full: cannot be written (No space left on device)"), full.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: work.appendingPathComponent("sequence_00").path))

        let fifo = dir.appendingPathComponent("log.fifo")
        XCTAssertEqual(mkfifo(fifo.path, 0o600), 0)
        let run = try TimedCommand(process(work, ["--log", fifo.path]))
        let reader = open(fifo.path, O_RDONLY)
        XCTAssertGreaterThanOrEqual(reader, 0)
        var byte: UInt8 = 0
        while read(reader, &byte, 1) == 1, byte != 0x0A {}
        close(reader)
        let stopped = try run.wait(timeout: 120)
        XCTAssertEqual(stopped.status, 1, stopped.stderr)
        let lines = stopped.stderr.split(separator: "\n")
        XCTAssertEqual(lines.count, 1, stopped.stderr)
        XCTAssertTrue(lines.first?.contains("log.fifo: cannot be written (Broken pipe); the run was stopped") ?? false, stopped.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: work.appendingPathComponent("sequence_00/integrated.mtz").path),
                       "the run went on without its log")
    }

    /// `mxtriage process … | head -1`: the reader of stdout goes away after the first line. The
    /// program ends with exit 1 as a write failure, without a trap or a backtrace on stderr
    /// (with SIGPIPE ignored, Foundation's FileHandle.write used to trap on EPIPE).
    func testAStdoutReaderThatGoesAwayEndsTheRunWithExitOne() throws {
        let dir = try CommandRunner.temporaryDirectory("dataloss-stdout")
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = Process()
        run.executableURL = CommandRunner.mxtriage
        run.arguments = process(dir.appendingPathComponent("work"))
        let out = Pipe(), err = Pipe()
        run.standardOutput = out
        run.standardError = err
        run.standardInput = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        run.terminationHandler = { _ in finished.signal() }
        try run.run()
        let reader = out.fileHandleForReading.fileDescriptor
        var byte: UInt8 = 0
        while read(reader, &byte, 1) == 1, byte != 0x0A {}
        try out.fileHandleForReading.close()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        if finished.wait(timeout: .now() + 120) == .timedOut {
            kill(run.processIdentifier, SIGKILL)
            XCTFail("mxtriage did not end after its stdout reader went away")
            return
        }
        XCTAssertEqual(run.terminationStatus, 1)
        XCTAssertEqual(run.terminationReason, .exit)
        XCTAssertFalse(String(decoding: stderr, as: UTF8.self).contains("Fatal error"), String(decoding: stderr, as: UTF8.self))
    }

    /// A sequence's stage statuses in summary.json by stage name ("done", "running", …).
    private func stages(_ summary: URL, sequence: Int) throws -> [String: String] {
        try XCTUnwrap(Self.stages(summary, sequence: sequence), "\(summary.path) has no sequence \(sequence)")
    }

    /// The same, nil while summary.json is not there yet (for polling).
    private static func stages(_ summary: URL, sequence: Int) -> [String: String]? {
        guard let data = try? Data(contentsOf: summary),
              let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let sequences = json["sequences"] as? [[String: Any]],
              let entry = sequences.first(where: { $0["number"] as? Int == sequence }),
              let stages = entry["stages"] as? [Any] else { return nil }
        let names = ["import", "spots", "index_p1", "index_target", "refine", "integrate", "export"]
        var result: [String: String] = [:]
        for (name, value) in zip(names, stages) {
            result[name] = (value as? String) ?? (value as? [String: Any])?.keys.first ?? "?"
        }
        return result
    }
}
