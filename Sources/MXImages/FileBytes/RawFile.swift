#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Plain POSIX reads of a file's bytes, with errno turned into the short reasons a user can act
/// on ("no such file", "permission denied"). Foundation's `Data(contentsOf:)` hides errno behind
/// Cocoa error codes and cannot stop after a prefix, so the reader is written on `read(2)`.
struct RawFile: ~Copyable {
    private let descriptor: Int32
    /// Size in bytes from `fstat`, used to size the buffer in one allocation.
    let size: Int

    init(path: String) throws(ImageFileProblem) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw ImageFileProblem(errno: errno) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let e = errno
            close(fd)
            throw ImageFileProblem(errno: e)
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw ImageFileProblem("is a directory, not an image file")
        }
        descriptor = fd
        size = Int(info.st_size)
    }

    deinit { close(descriptor) }

    /// Reads up to `count` more bytes onto the end of `buffer`; returns how many were read
    /// (0 at the end of the file).
    func readChunk(upTo count: Int, into buffer: inout GrowableBytes) throws(ImageFileProblem) -> Int {
        let room = buffer.spare(atLeast: count)
        var got = 0
        while got < count {
            let n = read(descriptor, room.baseAddress! + got, count - got)
            if n > 0 {
                got += n
            } else if n == 0 {
                break
            } else if errno != EINTR {
                throw ImageFileProblem(errno: errno)
            }
        }
        buffer.commit(got)
        return got
    }

    /// Everything from the current position to the end of the file.
    func readToEnd(into buffer: inout GrowableBytes) throws(ImageFileProblem) {
        // Ask for one byte more than fstat promised so that a file that grew is still read whole.
        var request = max(size - buffer.count, 0) + 1
        while try readChunk(upTo: request, into: &buffer) > 0 { request = 1 << 20 }
    }
}
