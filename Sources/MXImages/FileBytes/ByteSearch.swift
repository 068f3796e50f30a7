#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finding byte strings in large buffers. The first byte is located with `memchr` (vectorised
/// in libc) and candidates confirmed with `memcmp`, because CBF markers are searched in
/// multi-megabyte buffers where a byte-by-byte Swift loop would cost milliseconds. (`memmem`
/// is not visible to Swift through Glibc without _GNU_SOURCE.)
enum ByteSearch {
    /// The first position ≥ `from` where `needle` starts in `haystack`, or nil.
    static func firstIndex(of needle: [UInt8], in haystack: UnsafeRawBufferPointer, from: Int = 0) -> Int? {
        guard let first = needle.first, from >= 0, let base = haystack.baseAddress else { return nil }
        let end = haystack.count - needle.count
        var i = from
        return needle.withUnsafeBytes { n -> Int? in
            while i <= end {
                guard let hit = memchr(base + i, Int32(first), end - i + 1) else { return nil }
                let at = base.distance(to: UnsafeRawPointer(hit))
                if memcmp(base + at, n.baseAddress!, n.count) == 0 { return at }
                i = at + 1
            }
            return nil
        }
    }

    static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from: Int = 0) -> Int? {
        haystack.withUnsafeBytes { firstIndex(of: needle, in: $0, from: from) }
    }
}
