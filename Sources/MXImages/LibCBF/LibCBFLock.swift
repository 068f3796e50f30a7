import Foundation

/// One lock around all libcbf use. libcbf does not document thread safety and keeps global
/// state (its bison parser tables, globals such as `bits`), while import reads headers on all
/// cores; a handle's whole life — parse, queries, free — therefore runs under this lock. It
/// costs little: libcbf's share of a header read is a fraction of a millisecond, against the
/// milliseconds of reading and decompressing the file, which stay parallel.
package enum LibCBFLock {
    private static let lock = NSLock()

    package static func serialized<T>(_ body: () throws(CBFProblem) -> T) throws(CBFProblem) -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}
