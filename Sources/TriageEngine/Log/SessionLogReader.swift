import Foundation

/// One session of a session log read back: its header and records, with a one-line error for a
/// file that is not a session log or a line that cannot be read (with its number).
///
/// A log holds one session per header: every run in the same work directory appends its own
/// header and records after the earlier ones (``SessionLog``). ``sessions(in:)`` reads them
/// all, in order; `init(url:)` reads the last, the run that wrote the file most recently.
public struct SessionLogReader: Sendable {
    public var header: SessionLogHeader
    /// The header first, then the session's commands and results.
    public var records: [SessionLogRecord]
    /// The line of the file the header is on (1-based).
    public var line: Int

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The last session in the file.
    public init(url: URL) throws {
        self = try Self.sessions(in: url).last!
    }

    public init(header: SessionLogHeader, records: [SessionLogRecord], line: Int = 1) {
        self.header = header
        self.records = records
        self.line = line
    }

    /// Every session in the file, in the order they were recorded (never empty).
    public static func sessions(in url: URL) throws -> [SessionLogReader] {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw Failure(description: "\(url.path): cannot be read (\(error.localizedDescription))")
        }
        let decoder = JSONCoding.decoder()
        var sessions: [SessionLogReader] = []
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
            let record: SessionLogRecord
            do { record = try decoder.decode(SessionLogRecord.self, from: Data(line.utf8)) } catch {
                throw Failure(description: "\(url.path):\(n + 1): not a session log record")
            }
            if case let .header(h) = record {
                guard h.format == SessionLogHeader.currentFormat, h.version <= SessionLogHeader.currentVersion else {
                    throw Failure(description: "\(url.path):\(n + 1): \(h.format) version \(h.version) is not supported (this is version \(SessionLogHeader.currentVersion))")
                }
                // Replay runs what the header says, so it is checked as the command line would be.
                if let why = h.options.problem {
                    throw Failure(description: "\(url.path):\(n + 1): the recorded options are not valid: \(why)")
                }
                sessions.append(SessionLogReader(header: h, records: [record], line: n + 1))
            } else {
                guard !sessions.isEmpty else {
                    throw Failure(description: "\(url.path):1: the first line is not a session log header")
                }
                sessions[sessions.count - 1].records.append(record)
            }
        }
        guard !sessions.isEmpty else { throw Failure(description: "\(url.path): empty session log") }
        return sessions
    }

    /// The user's commands, split at the end of individual processing: the engine defers
    /// clustering and joint refinement until then, so a replay queues the first group before
    /// processing starts and the second after it finishes.
    public var commands: (beforeFinish: [UserCommand], afterFinish: [UserCommand]) {
        var before: [UserCommand] = [], after: [UserCommand] = []
        var finished = false
        for record in records {
            switch record {
            case .event(.individualFinished, _): finished = true
            case let .command(command, _): if finished { after.append(command) } else { before.append(command) }
            default: break
            }
        }
        return (before, after)
    }
}
