import Foundation
import Synchronization

/// Runs a recorded session again, headless, on the same inputs and options, queueing the
/// recorded commands at the same points, and compares the results with the recorded ones.
public enum SessionReplay {
    /// Replays `log` in `workDirectory` (which should be empty) and returns the differences
    /// between recorded and replayed results: empty means the session reproduced exactly.
    ///
    /// Recorded inputs that no longer exist are simulated again from the header's recipe by
    /// `recreate` (which returns the images' directory), so a demo session replays on any
    /// machine.
    public static func check(_ log: SessionLogReader, workDirectory: URL, newLog: URL? = nil,
                             recreate: ((SimulatedDataSet) throws -> URL)? = nil) throws -> [String] {
        let session = TriageSession(inputs: try inputs(of: log, recreate: recreate), workDirectory: workDirectory,
                                    options: log.header.options)
        let recorder = RecordCollector()
        session.events.subscribe { recorder.add(.event($0, seconds: 0)) }
        var writer: SessionLog?
        if let newLog {
            writer = try SessionLog(url: newLog, header: log.header)
            writer?.attach(to: session)
        }
        try session.discover()
        let (before, after) = log.commands
        for command in before { session.perform(command) }
        session.start()
        session.waitUntilIdle()
        for command in after { session.perform(command) }
        session.waitUntilIdle()
        writer?.close()
        return SessionResults(records: log.records).differences(from: SessionResults(records: recorder.records))
    }
}

extension SessionReplay {
    /// The recorded inputs, or the re-simulated images when they are gone.
    static func inputs(of log: SessionLogReader, recreate: ((SimulatedDataSet) throws -> URL)?) throws -> [String] {
        let missing = log.header.inputs.filter { !FileManager.default.fileExists(atPath: $0) }
        guard !missing.isEmpty else { return log.header.inputs }
        guard let simulation = log.header.simulation, let recreate else {
            throw SessionLogReader.Failure(description: "\(missing[0]): the recorded input is missing")
        }
        return [try recreate(simulation).path]
    }
}

/// Collects records from the engine's threads.
final class RecordCollector: Sendable {
    private let collected = Mutex<[SessionLogRecord]>([])

    func add(_ record: SessionLogRecord) { collected.withLock { $0.append(record) } }

    var records: [SessionLogRecord] { collected.withLock { $0 } }
}
