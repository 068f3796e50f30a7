import Foundation

/// Runs a recorded session again, headless, on the same inputs and options, queueing the
/// recorded commands at the same points, and compares the results with the recorded ones.
public enum SessionReplay {
    /// Replays `log` in `workDirectory` (which should be empty) and returns the differences
    /// between recorded and replayed results: empty means the session reproduced exactly.
    ///
    /// Recorded inputs that no longer exist are simulated again from the header's recipe
    /// (into `cache`), so a demo session replays on any machine.
    public static func check(_ log: SessionLogReader, workDirectory: URL, newLog: URL? = nil,
                             cache: URL = SimulatedDataSet.cacheDirectory) throws -> [String] {
        let session = TriageSession(inputs: try inputs(of: log, cache: cache), workDirectory: workDirectory,
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
    static func inputs(of log: SessionLogReader, cache: URL) throws -> [String] {
        let missing = log.header.inputs.filter { !FileManager.default.fileExists(atPath: $0) }
        guard !missing.isEmpty else { return log.header.inputs }
        guard let simulation = log.header.simulation else {
            throw SessionLogReader.Failure(description: "\(missing[0]): the recorded input is missing")
        }
        return [try simulation.images(in: cache).path]
    }
}

/// Collects records from the engine's threads.
final class RecordCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [SessionLogRecord] = []

    func add(_ record: SessionLogRecord) {
        lock.lock()
        collected.append(record)
        lock.unlock()
    }

    var records: [SessionLogRecord] {
        lock.lock()
        defer { lock.unlock() }
        return collected
    }
}
