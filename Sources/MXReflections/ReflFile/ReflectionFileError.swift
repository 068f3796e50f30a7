/// Why a `.refl` file could not be read or written, with the file it concerns.
///
/// `description` is one line, "<path>: <problem>", fit for a status line or stderr.
public struct ReflectionFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Problem: Sendable, Equatable {
        /// The file could not be opened or read (the system's reason).
        case unreadable(String)
        /// The file could not be written (the system's reason).
        case unwritable(String)
        /// The file ends before the data does, at byte `offset`.
        case truncated(offset: Int)
        /// Not a msgpack DIALS reflection table at all; `found` says what it looks like.
        case notAReflectionTable(found: String)
        /// A DIALS reflection table of a version this reader does not know.
        case unsupportedVersion(UInt64)
        /// Structurally broken: wrong msgpack types, inconsistent sizes, …
        case corrupt(String)
        /// The table cannot be represented (a column blob above MessagePack's 4 GiB limit).
        case tooLarge(column: String)
    }

    /// The file path (or "<memory>" for in-memory data).
    public var path: String
    public var problem: Problem

    public init(path: String, problem: Problem) {
        self.path = path
        self.problem = problem
    }

    public var description: String {
        let what: String
        switch problem {
        case .unreadable(let why): what = "cannot read file: \(why)"
        case .unwritable(let why): what = "cannot write file: \(why)"
        case .truncated(let offset): what = "file is truncated (ends at byte \(offset))"
        case .notAReflectionTable(let found): what = "not a DIALS reflection table (\(found))"
        case .unsupportedVersion(let v): what = "unsupported reflection table version \(v) (expected 1)"
        case .corrupt(let why): what = "corrupt reflection table: \(why)"
        case .tooLarge(let column): what = "column '\(column)' is too large for a .refl file (over 4 GiB)"
        }
        return "\(path): \(what)"
    }
}
