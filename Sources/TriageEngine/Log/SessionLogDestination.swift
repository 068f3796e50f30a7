import Foundation

/// Where a session log may be written, decided before any work starts: a path that does not
/// exist yet, an empty file, an existing session log (appended to: the earlier sessions' records
/// are never replaced), or something that is not a regular file (`/dev/stdout`, a pipe, a
/// device), which is written as a stream. Anything else — a CBF image, an `.expt`, a directory —
/// is refused, because writing there would destroy it.
public enum SessionLogDestination {
    /// A path the log must not be written to. Bad input (exit 2), not a write failure.
    public struct Refusal: Error, CustomStringConvertible {
        public var description: String
    }

    /// Whether `url` exists as a non-empty regular file (a log to append to); throws
    /// ``Refusal`` for a path that exists and is not a session log.
    @discardableResult
    public static func check(_ url: URL) throws -> Bool {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return false }
        let type = info.st_mode & S_IFMT
        if type == S_IFDIR { throw Refusal(description: "\(url.path): is a directory, not a session log") }
        guard type == S_IFREG, info.st_size > 0 else { return false }
        guard let line = firstLine(of: url), isHeader(line) else {
            throw Refusal(description: "\(url.path): exists and is not a session log; give a new path (it is left as it is)")
        }
        return true
    }

    /// Whether `line` is a session log header this program can append to.
    static func isHeader(_ line: Data) -> Bool {
        guard case let .header(header)? = try? JSONCoding.decoder().decode(SessionLogRecord.self, from: line) else { return false }
        return header.format == SessionLogHeader.currentFormat
    }

    /// The file's first line, read in chunks: a header lists every input, so it may be long, but
    /// an image must not be read whole to find that it is not a log.
    static func firstLine(of url: URL, limit: Int = 16 << 20) -> Data? {
        guard let file = try? FileHandle(forReadingFrom: url) else { return nil }
        defer { try? file.close() }
        var line = Data()
        while line.count < limit {
            guard let chunk = try? file.read(upToCount: 64 << 10), !chunk.isEmpty else { break }
            if let newline = chunk.firstIndex(of: 0x0A) {
                line.append(chunk[chunk.startIndex..<newline])
                return line
            }
            line.append(chunk)
        }
        return line.isEmpty ? nil : line
    }
}
