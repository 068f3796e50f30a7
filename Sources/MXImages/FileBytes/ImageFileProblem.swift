#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why bytes could not be had from a file, before any path is attached; `ImageFileBytes`
/// turns it into an `ImageReadError` naming the file.
struct ImageFileProblem: Error, Equatable {
    let reason: String

    init(_ reason: String) { self.reason = reason }

    /// The reason for an `errno` from open/read, in the words users expect.
    init(errno code: Int32) {
        switch code {
        case ENOENT: reason = "no such file"
        case EACCES, EPERM: reason = "permission denied"
        case EISDIR: reason = "is a directory, not an image file"
        default: reason = String(cString: strerror(code))
        }
    }
}
