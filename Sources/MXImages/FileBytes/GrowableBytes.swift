#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A byte buffer that grows by doubling and lends its spare room to `read(2)`, zlib and libbz2
/// to write into directly. Reading and decompressing therefore never copy through Swift
/// arrays, whose generic append copies byte by byte in unoptimised (debug) builds — that
/// alone made a test read of one 6 MB frame take most of a second.
struct GrowableBytes: ~Copyable {
    private var base: UnsafeMutableRawPointer
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 4096)
        base = malloc(self.capacity)!
    }

    deinit { free(base) }

    /// Room for at least `n` more bytes after the current end; write there, then `commit`.
    mutating func spare(atLeast n: Int) -> UnsafeMutableRawBufferPointer {
        if capacity - count < n {
            var newCapacity = capacity
            while newCapacity - count < n { newCapacity *= 2 }
            base = realloc(base, newCapacity)!
            capacity = newCapacity
        }
        return UnsafeMutableRawBufferPointer(start: base + count, count: capacity - count)
    }

    /// Marks `n` bytes written into the spare room as content.
    mutating func commit(_ n: Int) { count += n }

    /// The content so far.
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    /// The content as an array (one memcpy).
    func array() -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: count) { out, initialized in
            if count > 0 { memcpy(out.baseAddress!, base, count) }
            initialized = count
        }
    }
}
