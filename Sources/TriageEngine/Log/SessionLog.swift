import Foundation
import MXGeometry
import Synchronization

/// Appends a session's header, commands and results to a JSON Lines file, one `write` per
/// line, so a crash loses at most the line being written and `replay` can read the rest.
/// Running-progress updates are not recorded: they are not results.
public final class SessionLog: Sendable {
    public let url: URL
    private let handle: Mutex<FileHandle?>
    private let start = ContinuousClock.now

    public init(url: URL, header: SessionLogHeader) throws {
        self.url = url
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: url.path])
        }
        let file = try FileHandle(forWritingTo: url)
        handle = Mutex(file)
        append(.header(header))
    }

    /// Records everything the session does from now on.
    public func attach(to session: TriageSession) {
        session.events.observeCommands { [self] command in append(.command(command, seconds: elapsed)) }
        session.events.subscribe { [self] event in
            if Self.isResult(event) { append(.event(event, seconds: elapsed)) }
        }
    }

    static func isResult(_ event: EngineEvent) -> Bool {
        if case .stage(_, _, .running) = event { return false }
        return true
    }

    private var elapsed: Double {
        let seconds = (ContinuousClock.now - start).seconds
        return (seconds * 1000).rounded() / 1000
    }

    public func append(_ record: SessionLogRecord) {
        guard var line = try? JSONCoding.encoder().encode(record) else { return }
        line.append(0x0A)
        handle.withLock { file in
            // A full disk must not take the session down; the log says so by ending early.
            try? file?.write(contentsOf: line)
        }
    }

    public func close() {
        handle.withLock { file in
            try? file?.close()
            file = nil
        }
    }
}
