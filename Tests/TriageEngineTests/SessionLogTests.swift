import Foundation
import MXTestSupport
import TriageEngine
import XCTest

/// The session log's file format: every record round-trips, each line stands alone, and bad
/// files are refused with the line that is wrong.
final class SessionLogTests: XCTestCase {
    private let header = SessionLogHeader(program: "tests", inputs: ["/data"], options: TriageOptions(spaceGroup: "H 3", jobs: 2),
                                          simulation: SimulatedDataSet(preset: "teha", sweeps: 6, seed: 2, detector: "small", maxImages: 20),
                                          started: "2026-11-25T00:00:00Z")

    private var records: [SessionLogRecord] {
        var summary = SequenceSummary(number: 3, template: "xtal4_1_####.cbf", directory: "/data", imageCount: 37)
        summary[.spots] = .done
        summary[.indexP1] = .failed(reason: "too few spots to index (4)")
        summary.failure = "index_p1: too few spots to index (4)"
        let report = ClusterReport(source: .individual, sequences: [0, 2], cells: [[98, 98, 136, 90, 90, 120], [98.1, 98.1, 136.2, 90, 90, 120]],
                                   clusters: [.init(number: 1, left: -1, right: -2, height: 1.5, datasets: [1, 2], lcv: 0.1, alcv: 0.2)])
        return [
            .event(.sequencesFound([summary]), seconds: 0.1),
            .event(.stage(sequence: 3, stage: .indexP1, status: .failed(reason: "too few spots to index (4)")), seconds: 1.5),
            .event(.sequence(summary), seconds: 1.5),
            .event(.log(sequence: nil, line: "found 1 sweep"), seconds: 1.6),
            .event(.refinementStep(scope: .joint, row: RefinementStepRow(step: 0, nref: 100, rmsdXmm: 0.1, rmsdYmm: 0.2, rmsdPhiDegrees: 0.3)), seconds: 2),
            .event(.clusters(report), seconds: 2.5),
            .command(.exclude(sequence: 2), seconds: 3),
            .event(.exclusions([2]), seconds: 3),
            .command(.excludeCluster(number: 1, source: .individual), seconds: 3.5),
            .event(.joint(JointStatus(phase: .failed(reason: "needs two"), sequences: [0], runs: 1)), seconds: 4),
            .event(.individualFinished, seconds: 4.5),
        ]
    }

    func testEveryRecordRoundTripsThroughTheFile() throws {
        let url = try CommandRunner.temporaryDirectory("log").appendingPathComponent("session.jsonl")
        let log = try SessionLog(url: url, header: header)
        for record in records { log.append(record) }
        log.close()
        let read = try SessionLogReader(url: url)
        XCTAssertEqual(read.header, header)
        XCTAssertEqual(Array(read.records.dropFirst()), records)
        // One JSON object per line, the event named by its type.
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines.count, records.count + 1)
        XCTAssertTrue(lines[2].contains(#""type":"stage""#), String(lines[2]))
        XCTAssertFalse(lines.contains { $0.contains("_0") })
        XCTAssertEqual(read.commands.beforeFinish, [.exclude(sequence: 2), .excludeCluster(number: 1, source: .individual)])
        XCTAssertEqual(read.commands.afterFinish, [])
    }

    func testBadFilesAreRefusedWithTheLine() throws {
        let dir = try CommandRunner.temporaryDirectory("log-bad")
        let good = try String(data: JSONCoding.encoder().encode(SessionLogRecord.header(header)), encoding: .utf8)!
        let cases: [(String, String)] = [
            (good + "\n{\"t\":1,\"event\":{\"type\":\"nonsense\"}}\n", ":2: not a session log record"),
            ("{\"t\":1,\"command\":{\"runJoint\":{}}}\n", ":1: the first line is not a session log header"),
            (good.replacingOccurrences(of: "\"version\":1", with: "\"version\":9") + "\n", ":1: mxtriage-session version 9 is not supported"),
            ("", ": empty session log"),
        ]
        for (i, (text, expected)) in cases.enumerated() {
            let url = dir.appendingPathComponent("bad\(i).jsonl")
            try text.write(to: url, atomically: true, encoding: .utf8)
            XCTAssertThrowsError(try SessionLogReader(url: url), "case \(i)") { error in
                XCTAssertTrue("\(error)".contains(expected), "\(error)")
                XCTAssertFalse("\(error)".contains("\n"))
            }
        }
    }
}
