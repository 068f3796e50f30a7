import Foundation
import Synchronization

/// Exclusive use of a work directory by one session: two runs writing the same
/// `sequence_NN/` files and `summary.json` would each silently undo the other's work.
///
/// An `flock` on `.mxtriage.lock` in the directory, held while the lock object lives. The kernel
/// releases it when the process ends however it ends (kill -9 included), so a crashed run never
/// leaves a stale lock behind; the pid written into the file only names the holder in the
/// message the second run prints. `flock` belongs to the open file, not the process, so two
/// sessions in one process exclude each other too.
public final class WorkDirectoryLock: Sendable {
    public static let fileName = ".mxtriage.lock"

    /// The directory is in use. Bad usage (exit 2): the user asked for a second run on it.
    public struct Busy: Error, CustomStringConvertible {
        public var directory: String
        /// The holder's pid and command, as it wrote them; nil if it had not yet.
        public var holder: String?
        public var description: String {
            "\(directory): in use by another mxtriage run (\(holder.map { "pid \($0)" } ?? "pid unknown")); wait for it to finish or use another --workdir"
        }
    }

    /// The lock file cannot be created or locked: the directory is not writable (exit 1).
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public let directory: URL
    private let descriptor: Mutex<Int32>

    /// Takes the lock on `directory` (which must exist) without waiting: throws ``Busy`` if
    /// another session holds it.
    public init(directory: URL, holder: String = "\(getpid()) \(ProcessInfo.processInfo.processName)") throws {
        self.directory = directory
        let path = directory.appendingPathComponent(Self.fileName).path
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw Failure(description: "\(path): cannot be created (\(String(cString: strerror(errno))))")
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            let owner = Self.holder(fd)
            _ = close(fd)
            if code == EWOULDBLOCK { throw Busy(directory: directory.path, holder: owner) }
            throw Failure(description: "\(path): cannot be locked (\(String(cString: strerror(code))))")
        }
        _ = ftruncate(fd, 0)
        let text = holder + "\n"
        _ = text.withCString { pwrite(fd, $0, strlen($0), 0) }
        descriptor = Mutex(fd)
    }

    deinit { release() }

    /// Lets another session use the directory (also done when the process ends).
    public func release() {
        descriptor.withLock { fd in
            if fd >= 0 { _ = close(fd) }
            fd = -1
        }
    }

    /// Keeps the lock until the process exits: commands take it once and never hand it back.
    public func holdUntilExit() {
        Self.held.withLock { $0.append(self) }
    }

    private static let held = Mutex<[WorkDirectoryLock]>([])

    private static func holder(_ fd: Int32) -> String? {
        var buffer = [UInt8](repeating: 0, count: 256)
        let n = pread(fd, &buffer, buffer.count, 0)
        guard n > 0 else { return nil }
        let text = String(decoding: buffer[0..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }
}
