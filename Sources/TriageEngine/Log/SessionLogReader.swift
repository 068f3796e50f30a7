import Foundation

/// A session log read back: its header and records, with a one-line error for a file that is
/// not a session log or a line that cannot be read (with its number).
public struct SessionLogReader: Sendable {
    public var header: SessionLogHeader
    public var records: [SessionLogRecord]

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public init(url: URL) throws {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw Failure(description: "\(url.path): cannot be read (\(error.localizedDescription))")
        }
        let decoder = JSONCoding.decoder()
        var header: SessionLogHeader?
        var records: [SessionLogRecord] = []
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
            let record: SessionLogRecord
            do { record = try decoder.decode(SessionLogRecord.self, from: Data(line.utf8)) } catch {
                throw Failure(description: "\(url.path):\(n + 1): not a session log record")
            }
            if n == 0 {
                guard case let .header(h) = record else {
                    throw Failure(description: "\(url.path):1: the first line is not a session log header")
                }
                guard h.format == SessionLogHeader.currentFormat, h.version <= SessionLogHeader.currentVersion else {
                    throw Failure(description: "\(url.path):1: \(h.format) version \(h.version) is not supported (this is version \(SessionLogHeader.currentVersion))")
                }
                // Replay runs what the header says, so it is checked as the command line would be.
                if let why = h.options.problem { throw Failure(description: "\(url.path):1: the recorded options are not valid: \(why)") }
                header = h
            }
            records.append(record)
        }
        guard let header else { throw Failure(description: "\(url.path): empty session log") }
        self.header = header
        self.records = records
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
