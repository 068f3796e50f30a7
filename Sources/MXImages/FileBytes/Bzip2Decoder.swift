internal import CBZip2

/// bzip2 decompression with libbz2, in memory. Concatenated streams (pbzip2 output) are decoded
/// one after another, as `bzip2 -d` does.
enum Bzip2Decoder {
    private static let chunkSize = 1 << 18

    static func decode(_ input: UnsafeRawBufferPointer, limit: DecompressionLimit) throws(ImageFileProblem) -> GrowableBytes {
        guard let base = input.baseAddress?.assumingMemoryBound(to: UInt8.self), input.count > 0 else {
            throw ImageFileProblem("truncated bzip2 data (no bytes)")
        }
        var hint = chunkSize
        if case .whole = limit { hint = input.count * 4 }
        var output = GrowableBytes(capacity: hint)
        var watch = MarkerWatch(limit)
        var stream = bz_stream()
        guard BZ2_bzDecompressInit(&stream, 0, 0) == BZ_OK else {
            throw ImageFileProblem("libbz2 could not be initialised")
        }
        defer { BZ2_bzDecompressEnd(&stream) }
        var consumed = 0
        while true {
            let available = min(input.count - consumed, Int(UInt32.max))
            let room = output.spare(atLeast: chunkSize)
            let roomSize = min(room.count, Int(UInt32.max))
            stream.next_in = UnsafeMutableRawPointer(mutating: base + consumed).assumingMemoryBound(to: CChar.self)
            stream.avail_in = UInt32(available)
            stream.next_out = room.baseAddress!.assumingMemoryBound(to: CChar.self)
            stream.avail_out = UInt32(roomSize)
            let status = BZ2_bzDecompress(&stream)
            consumed += available - Int(stream.avail_in)
            let produced = roomSize - Int(stream.avail_out)
            output.commit(produced)
            if watch.isSatisfied(by: output.bytes) { return output }
            switch status {
            case BZ_OK:
                // libbz2 returns OK without filling the output once the input runs out mid-stream.
                if consumed == input.count && produced < roomSize {
                    throw ImageFileProblem("truncated bzip2 data (stream ends after \(output.count) bytes)")
                }
            case BZ_STREAM_END:
                if input.count - consumed >= 4, base[consumed] == 0x42, base[consumed + 1] == 0x5A, base[consumed + 2] == 0x68 {
                    BZ2_bzDecompressEnd(&stream)
                    guard BZ2_bzDecompressInit(&stream, 0, 0) == BZ_OK else {
                        throw ImageFileProblem("libbz2 could not be initialised")
                    }
                    continue
                }
                return output
            case BZ_DATA_ERROR, BZ_DATA_ERROR_MAGIC:
                throw ImageFileProblem("corrupt bzip2 data (checksum or block structure wrong)")
            case BZ_MEM_ERROR:
                throw ImageFileProblem("out of memory decompressing bzip2 data")
            default:
                throw ImageFileProblem("bzip2 decompression failed (libbz2 status \(status))")
            }
        }
    }
}
