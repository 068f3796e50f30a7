import Foundation
import MXTestSupport
import TriageEngine
import XCTest

/// A session log is appended to, never replaced: a second session in the same file keeps the
/// first one's bytes and reads back as its own session; a path that is not a session log is
/// refused and left as it was; a write that fails is reported and cancels the session.
final class SessionLogAppendTests: XCTestCase {
    private func header(_ started: String) -> SessionLogHeader {
        SessionLogHeader(program: "tests", inputs: ["/data"], options: TriageOptions(spaceGroup: "H 3", jobs: 1),
                         simulation: nil, started: started)
    }

    func testASecondSessionIsAppendedAfterTheFirstAndReadsBackAsItsOwn() throws {
        let url = try CommandRunner.temporaryDirectory("log-append").appendingPathComponent("session.jsonl")
        let first = try SessionLog(url: url, header: header("first"))
        first.append(.command(.exclude(sequence: 1), seconds: 1))
        first.append(.event(.individualFinished, seconds: 2))
        first.close()
        let firstBytes = try Data(contentsOf: url)

        let second = try SessionLog(url: url, header: header("second"))
        second.append(.command(.runJoint, seconds: 0.5))
        second.close()

        let bytes = try Data(contentsOf: url)
        XCTAssertEqual(bytes.prefix(firstBytes.count), firstBytes)
        let sessions = try SessionLogReader.sessions(in: url)
        XCTAssertEqual(sessions.map(\.header.started), ["first", "second"])
        XCTAssertEqual(sessions.map(\.line), [1, 4])
        XCTAssertEqual(Array(sessions[0].records.dropFirst()),
                       [.command(.exclude(sequence: 1), seconds: 1), .event(.individualFinished, seconds: 2)])
        XCTAssertEqual(Array(sessions[1].records.dropFirst()), [.command(.runJoint, seconds: 0.5)])
        XCTAssertEqual(sessions[1].commands.beforeFinish, [.runJoint], "the second session's commands are its own")
        XCTAssertEqual(try SessionLogReader(url: url).header.started, "second", "a single reader reads the last session")
    }

    /// A session cut off mid-line by a crash: the next session's header still starts a line.
    func testAnEarlierSessionCutOffMidLineDoesNotSwallowTheNextHeader() throws {
        let url = try CommandRunner.temporaryDirectory("log-cut").appendingPathComponent("session.jsonl")
        let first = try SessionLog(url: url, header: header("first"))
        first.close()
        let handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"event":{"type":"individ"#.utf8))
        try handle.close()
        let second = try SessionLog(url: url, header: header("second"))
        second.close()
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines.count, 3)
        XCTAssertTrue(lines[2].hasPrefix(#"{"header":"#), String(lines[2]))
    }

    func testAPathThatIsNotASessionLogIsRefusedAndLeftAsItWas() throws {
        let dir = try CommandRunner.temporaryDirectory("log-refuse")
        let image = dir.appendingPathComponent("image_0001.cbf")
        let bytes = Data("###CBF: VERSION 1.5\n# Detector: PILATUS 6M\n".utf8) + Data((0..<4096).map { UInt8($0 % 251) })
        try bytes.write(to: image)
        let json = dir.appendingPathComponent("imported.expt")
        try Data(#"{"__id__": "ExperimentList", "experiment": []}"#.utf8 + [0x0A]).write(to: json)
        for url in [image, json, dir] {
            XCTAssertThrowsError(try SessionLog(url: url, header: header("x")), url.lastPathComponent) { error in
                XCTAssertTrue(error is SessionLogDestination.Refusal, "\(error)")
                XCTAssertTrue("\(error)".contains("not a session log"), "\(error)")
            }
        }
        XCTAssertEqual(try Data(contentsOf: image), bytes)
        // An empty file is a log not yet written: accepted.
        let empty = dir.appendingPathComponent("empty.jsonl")
        XCTAssertTrue(FileManager.default.createFile(atPath: empty.path, contents: Data()))
        let log = try SessionLog(url: empty, header: header("empty"))
        log.close()
        XCTAssertEqual(try SessionLogReader(url: empty).header.started, "empty")
    }

    func testAFullDeviceFailsAtTheHeader() throws {
        XCTAssertThrowsError(try SessionLog(url: URL(fileURLWithPath: "/dev/full"), header: header("x"))) { error in
            XCTAssertTrue(error is SessionLog.WriteFailure, "\(error)")
            XCTAssertTrue("\(error)".contains("No space left on device"), "\(error)")
        }
    }

    /// A log on a pipe whose reader goes away: the next record fails, the failure is kept, the
    /// session is cancelled, and later records are not attempted.
    func testAWriteThatFailsMidSessionCancelsTheSession() throws {
        signal(SIGPIPE, SIG_IGN)
        let dir = try CommandRunner.temporaryDirectory("log-pipe")
        let fifo = dir.appendingPathComponent("log.fifo")
        XCTAssertEqual(mkfifo(fifo.path, 0o600), 0)
        let reader = open(fifo.path, O_RDONLY | O_NONBLOCK)
        XCTAssertGreaterThanOrEqual(reader, 0)
        let log = try SessionLog(url: fifo, header: header("pipe"))
        let session = TriageSession(inputs: [], workDirectory: dir, options: TriageOptions(jobs: 1))
        log.attach(to: session)
        XCTAssertNil(log.failure)
        close(reader)
        XCTAssertFalse(session.isCancelled)
        session.perform(.exclude(sequence: 0))
        session.waitUntilIdle()
        XCTAssertTrue(session.isCancelled, "a session whose log cannot be written must stop")
        let failure = try XCTUnwrap(log.failure)
        XCTAssertTrue("\(failure)".contains("log.fifo: cannot be written (Broken pipe)"), "\(failure)")
        log.append(.event(.individualFinished, seconds: 1))
        XCTAssertTrue("\(try XCTUnwrap(log.failure))".contains("Broken pipe"), "the first failure is the one reported")
        log.close()
    }
}
