import Foundation
import MXTestSupport
import XCTest
@testable import TriageEngine

/// The session-log reader under seeded mutation of a recorded session: a damaged log is a
/// one-line `SessionLogReader.Failure`, never a trap. `FUZZ_CASES=100000 swift test -c release
/// --filter Fuzz` for a long run.
final class SessionLogFuzzTests: XCTestCase {
    func testMutatedSessionLogsNeverTrap() throws {
        let log = TestData.repositoryRoot.appendingPathComponent("sample-session/session.jsonl")
        // The header and the first events: the reader decodes every line, so the whole file
        // would only make each case slower.
        let lines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n").prefix(12)
        let corpus = [Array((lines.joined(separator: "\n") + "\n").utf8)]
        let fuzzer = MutationFuzzer(target: "session log", corpus: corpus,
                                    dictionary: ["\"jobs\":", "\"dMin\":", "\"dMax\":", "\"threadsPerJob\":", "\"header\":", "\"event\":", "\"command\":"])
        let directory = try CommandRunner.temporaryDirectory("fuzz-log")
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("session.jsonl")
        let (seed, first, cases) = MutationFuzzer.settings(defaultCases: 1500)
        let report = fuzzer.run(seed: seed, first: first, cases: cases) { bytes in
            try Data(bytes).write(to: url)
            _ = try SessionLogReader(url: url)
        }
        print(report)
        XCTAssertEqual(report.cases, cases)
        XCTAssertGreaterThan(report.rejected, cases / 4)
    }
}
