internal import CZlib

/// gzip decompression with zlib, in memory. Concatenated members (as `cat a.gz b.gz` or
/// parallel gzip tools make) are decoded one after another, as `gzip -d` does.
enum GzipDecoder {
    private static let chunkSize = 1 << 18

    static func decode(_ input: UnsafeRawBufferPointer, limit: DecompressionLimit) throws(ImageFileProblem) -> GrowableBytes {
        guard let base = input.baseAddress?.assumingMemoryBound(to: UInt8.self), input.count > 0 else {
            throw ImageFileProblem("truncated gzip data (no bytes)")
        }
        var hint = chunkSize
        if case .whole = limit { hint = sizeHint(input) }
        var output = GrowableBytes(capacity: hint)
        var watch = MarkerWatch(limit)
        var stream = z_stream()
        // windowBits 15 + 32: accept a zlib or gzip header, detected automatically.
        guard inflateInit2_(&stream, 15 + 32, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw ImageFileProblem("zlib could not be initialised")
        }
        defer { inflateEnd(&stream) }
        var consumed = 0
        while true {
            let available = min(input.count - consumed, Int(UInt32.max))
            let room = output.spare(atLeast: chunkSize)
            let roomSize = min(room.count, Int(UInt32.max))
            stream.next_in = UnsafeMutablePointer(mutating: base + consumed)
            stream.avail_in = UInt32(available)
            stream.next_out = room.baseAddress!.assumingMemoryBound(to: UInt8.self)
            stream.avail_out = UInt32(roomSize)
            let status = inflate(&stream, Z_NO_FLUSH)
            consumed += available - Int(stream.avail_in)
            output.commit(roomSize - Int(stream.avail_out))
            if watch.isSatisfied(by: output.bytes) { return output }
            switch status {
            case Z_OK:
                continue
            case Z_STREAM_END:
                if input.count - consumed >= 2, base[consumed] == 0x1F, base[consumed + 1] == 0x8B {
                    inflateReset(&stream)
                    continue
                }
                return output
            case Z_BUF_ERROR where consumed == input.count:
                throw ImageFileProblem("truncated gzip data (stream ends after \(output.count) bytes)")
            case Z_DATA_ERROR, Z_NEED_DICT:
                let detail = stream.msg.map { String(cString: $0) } ?? "invalid data"
                throw ImageFileProblem("corrupt gzip data (\(detail))")
            case Z_MEM_ERROR:
                throw ImageFileProblem("out of memory decompressing gzip data")
            default:
                throw ImageFileProblem("gzip decompression failed (zlib status \(status))")
            }
        }
    }

    /// The uncompressed size the gzip trailer records (modulo 2³²), plus room to see the end.
    private static func sizeHint(_ input: UnsafeRawBufferPointer) -> Int {
        guard input.count >= 18 else { return chunkSize }
        let n = input.count
        let size = Int(input[n - 4]) | Int(input[n - 3]) << 8 | Int(input[n - 2]) << 16 | Int(input[n - 1]) << 24
        return min(size, 1 << 31) + chunkSize
    }
}
