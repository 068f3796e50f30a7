/// An image file's content in memory, with gzip or bzip2 compression undone — what dxtbx's
/// `Format.open_file` gives its readers. Every failure is an `ImageReadError` naming the file.
public enum ImageFileBytes {
    /// The whole (decompressed) content.
    public static func read(path: String) throws(ImageReadError) -> [UInt8] {
        try load(path: path, limit: .whole)
    }

    /// The content up to and including the first occurrence of `marker`, or all of it when the
    /// marker never occurs. Decompression stops early, which is what makes header-only reads of
    /// compressed images cheap (a bzip2 Pilatus 6M frame: one 900 kB block instead of 6 MB).
    public static func readPrefix(path: String, through marker: [UInt8]) throws(ImageReadError) -> [UInt8] {
        try load(path: path, limit: .through(marker))
    }

    static func load(path: String, limit: DecompressionLimit) throws(ImageReadError) -> [UInt8] {
        do throws(ImageFileProblem) {
            let file = try RawFile(path: path)
            guard file.size > 0 else { throw ImageFileProblem("empty file (0 bytes)") }
            var raw = GrowableBytes(capacity: file.size + 1)
            let claimed = Compression.claimed(byName: path)
            if case .through = limit {
                // Read the head first: a plain file need not be read further than the marker.
                _ = try file.readChunk(upTo: 65_536, into: &raw)
                if Compression.detect(raw.bytes) == .none {
                    var watch = MarkerWatch(limit)
                    while !watch.isSatisfied(by: raw.bytes) {
                        if try file.readChunk(upTo: 1 << 20, into: &raw) == 0 { break }
                    }
                    return try checked(raw, claimed: claimed, actual: .none).array()
                }
            }
            try file.readToEnd(into: &raw)
            let kind = Compression.detect(raw.bytes)
            switch kind {
            case .none:
                return try checked(raw, claimed: claimed, actual: kind).array()
            case .gzip:
                return try checked(try GzipDecoder.decode(raw.bytes, limit: limit), claimed: claimed, actual: kind).array()
            case .bzip2:
                return try checked(try Bzip2Decoder.decode(raw.bytes, limit: limit), claimed: claimed, actual: kind).array()
            }
        } catch {
            throw ImageReadError(path: path, reason: error.reason)
        }
    }

    /// Rejects content that is empty after decompression, or a name promising a compression
    /// the bytes do not have (a damaged header is the likeliest cause).
    private static func checked(_ content: consuming GrowableBytes, claimed: Compression?, actual: Compression) throws(ImageFileProblem) -> GrowableBytes {
        if let claimed, claimed != actual {
            throw ImageFileProblem("corrupt \(claimed.name) data (no \(claimed.name) header; the file is \(actual.name))")
        }
        if content.count == 0 { throw ImageFileProblem("empty file (no bytes after \(actual.name) decompression)") }
        return content
    }
}
