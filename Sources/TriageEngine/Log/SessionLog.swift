import Foundation
import MXGeometry
import Synchronization

/// Appends a session's header, commands and results to a JSON Lines file, one `write` per
/// line, so a crash loses at most the line being written and `replay` can read the rest.
/// Running-progress updates are not recorded: they are not results.
///
/// The file is opened for appending, never truncated: a second session in the same work
/// directory starts its own header after the first session's records, so nothing an earlier
/// run recorded is lost. A write that fails (a full disk, a closed pipe) stops the session —
/// a run whose log is incomplete could not be replayed — and is reported by ``failure``.
public final class SessionLog: Sendable {
    /// A write to the log failed: the run cannot be recorded. A write failure (exit 1).
    public struct WriteFailure: Error, CustomStringConvertible {
        public var description: String
    }

    public let url: URL
    /// The open descriptor; -1 after a failed write (nothing more is written after a hole:
    /// the log ends early instead); ``closedDescriptor`` once the owner closed the log.
    private let descriptor: Mutex<Int32>
    private let firstFailure = Mutex<WriteFailure?>(nil)
    private let onFailure = Mutex<(@Sendable () -> Void)?>(nil)
    private let start = ContinuousClock.now

    /// Opens `url` for appending and writes `header`. Throws
    /// ``SessionLogDestination/Refusal`` for a path that is not a session log (it is not
    /// touched) and ``WriteFailure`` when the file cannot be opened or the header written.
    public init(url: URL, header: SessionLogHeader) throws {
        self.url = url
        let appending = try SessionLogDestination.check(url)
        let fd = open(url.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw WriteFailure(description: Self.reason(url, errno)) }
        descriptor = Mutex(fd)
        // An earlier session cut off mid-line must not swallow this session's header.
        if appending, !Self.endsWithNewline(url) { try write(Data([0x0A])) }
        try write(Self.line(.header(header)))
    }

    /// The first write that failed, if any.
    public var failure: WriteFailure? { firstFailure.withLock { $0 } }

    /// Records everything the session does from now on, and cancels the session if a record
    /// cannot be written (running stages finish; nothing new starts).
    public func attach(to session: TriageSession) {
        onFailure.withLock { $0 = { [weak session] in session?.cancel() } }
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
        do { try write(Self.line(record)) } catch {
            // Reported once, by `failure`; the handler only cancels (it runs under the event
            // hub's lock, so it must not emit).
            let first = firstFailure.withLock { stored -> Bool in
                defer { if stored == nil { stored = error as? WriteFailure } }
                return stored == nil
            }
            if first { onFailure.withLock { $0 }?() }
        }
    }

    /// Ends the record: the owner is done with the session, so whatever the session still
    /// reports (a command queued after the end) is not recorded and is not a failure.
    public func close() {
        descriptor.withLock { fd in
            if fd >= 0 { _ = Foundation.close(fd) }
            if fd != -1 { fd = Self.closedDescriptor }
        }
    }

    private static let closedDescriptor: Int32 = -2

    // MARK: - Writing

    private static func line(_ record: SessionLogRecord) -> Data {
        // Every record is plain Codable data; encoding cannot fail for them.
        var line = (try? JSONCoding.encoder().encode(record)) ?? Data()
        line.append(0x0A)
        return line
    }

    /// Writes `data` whole, or throws and closes the log.
    private func write(_ data: Data) throws {
        try descriptor.withLock { fd in
            if fd == Self.closedDescriptor { return }
            guard fd >= 0 else { throw WriteFailure(description: "session log \(url.path): closed after an earlier failure") }
            var offset = 0
            while offset < data.count {
                let n = data.withUnsafeBytes { Foundation.write(fd, $0.baseAddress! + offset, data.count - offset) }
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else {
                    let failure = WriteFailure(description: Self.reason(url, n < 0 ? errno : ENOSPC))
                    _ = Foundation.close(fd)
                    fd = -1
                    throw failure
                }
                offset += n
            }
        }
    }

    private static func reason(_ url: URL, _ code: Int32) -> String {
        "session log \(url.path): cannot be written (\(String(cString: strerror(code))))"
    }

    private static func endsWithNewline(_ url: URL) -> Bool {
        guard let file = try? FileHandle(forReadingFrom: url) else { return true }
        defer { try? file.close() }
        guard let end = try? file.seekToEnd(), end > 0 else { return true }
        try? file.seek(toOffset: end - 1)
        return (try? file.read(upToCount: 1)) == Data([0x0A])
    }
}
