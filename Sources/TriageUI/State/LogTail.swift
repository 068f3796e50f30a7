/// The last few lines of a log: what a detail pane or the session line can show. Older lines
/// fall off the front so memory stays bounded however long a session runs.
public struct LogTail: Sendable, Equatable {
    /// Most lines kept.
    public let capacity: Int
    /// The kept lines, oldest first.
    public private(set) var lines: [String] = []

    public init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Appends a line, dropping the oldest when full.
    public mutating func append(_ line: String) {
        if lines.count == capacity { lines.removeFirst() }
        lines.append(line)
    }

    /// The newest line, if any.
    public var last: String? { lines.last }
}
