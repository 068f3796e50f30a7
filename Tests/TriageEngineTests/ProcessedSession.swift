import Foundation
import Synchronization
import TriageEngine
import MXTestSupport

/// One session over ``SimulatedImages``, processed once and shared by the tests that only read
/// its results (indexing in debug builds is too slow to repeat per test).
enum ProcessedSession {
    struct Result {
        var session: TriageSession
        var log: URL
        var events: [EngineEvent]
    }

    nonisolated(unsafe) private static var made: Result?
    private static let lock = NSLock()

    static func get() throws -> Result {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        let result = try run(images: SimulatedImages.directory(), label: "triage-session", jobs: 2)
        made = result
        return result
    }

    /// Processes `images` in a new work directory with a session log, then waits for the
    /// automatic clustering.
    /// The default options index in H 3 and integrate in a wider band than the tutorial's
    /// 7.0–8.1 Å, which on the small simulated detector with 20-image sweeps holds too few
    /// strong spots for every sweep's profile model.
    static func run(images: URL, label: String, jobs: Int, commands: [UserCommand] = [],
                    options: TriageOptions? = nil, work: URL? = nil) throws -> Result {
        try run(inputs: [images], label: label, jobs: jobs, commands: commands, options: options, work: work)
    }

    /// As ``run(images:label:jobs:commands:options:work:)``, over several image directories.
    static func run(inputs: [URL], label: String, jobs: Int, commands: [UserCommand] = [],
                    options: TriageOptions? = nil, work: URL? = nil) throws -> Result {
        let work = try work ?? CommandRunner.temporaryDirectory(label)
        let options = options ?? TriageOptions(spaceGroup: "H 3", dMin: 4.0, dMax: 8.1, jobs: jobs, threadsPerJob: 1)
        let paths = inputs.map(\.path)
        let session = TriageSession(inputs: paths, workDirectory: work, options: options)
        let logURL = work.appendingPathComponent("session.jsonl")
        let log = try SessionLog(url: logURL, header: SessionLogHeader(program: "tests", inputs: paths, options: options,
                                                                       simulation: nil, started: "test"))
        log.attach(to: session)
        let collected = EventCollector()
        session.events.subscribe { collected.add($0) }
        try session.discover()
        session.start()
        session.waitUntilIdle()
        for command in commands { session.perform(command) }
        session.waitUntilIdle()
        log.close()
        return Result(session: session, log: logURL, events: collected.events)
    }
}

final class EventCollector: Sendable {
    private let list = Mutex<[EngineEvent]>([])
    func add(_ event: EngineEvent) { list.withLock { $0.append(event) } }
    var events: [EngineEvent] { list.withLock { $0 } }
}
