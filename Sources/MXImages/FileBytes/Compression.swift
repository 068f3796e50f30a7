/// How an image file's bytes are packed. Recognised from the leading magic bytes rather than
/// the name, so a renamed file still reads; a name ending `.gz`/`.bz2` whose bytes are not of
/// that kind is reported as corrupt, because that is what it is.
enum Compression: Equatable {
    case none, gzip, bzip2

    /// The kind the content's first bytes announce.
    static func detect(_ head: UnsafeRawBufferPointer) -> Compression {
        let b = Array(head.prefix(4))
        if b.count >= 2, b[0] == 0x1F, b[1] == 0x8B { return .gzip }
        if b.count >= 4, b[0] == 0x42, b[1] == 0x5A, b[2] == 0x68, (0x31...0x39).contains(b[3]) {
            return .bzip2
        }
        return .none
    }

    /// The kind a file name's extension claims, if any.
    static func claimed(byName path: String) -> Compression? {
        if path.hasSuffix(".gz") { return .gzip }
        if path.hasSuffix(".bz2") { return .bzip2 }
        return nil
    }

    var name: String {
        switch self {
        case .none: return "uncompressed"
        case .gzip: return "gzip"
        case .bzip2: return "bzip2"
        }
    }
}

/// Where to stop decompressing: at the end, or as soon as the output contains a byte marker
/// (the CBF binary-section start), which lets a header read skip most of the work.
enum DecompressionLimit {
    case whole
    case through([UInt8])
}

/// Appending decompressed chunks while watching for a marker. The search only revisits the
/// tail that could hold a marker split across chunks, so it stays linear.
struct MarkerWatch {
    let marker: [UInt8]?
    private var searchedUpTo = 0

    init(_ limit: DecompressionLimit) {
        if case let .through(m) = limit { marker = m } else { marker = nil }
    }

    /// True once `output` holds the marker.
    mutating func isSatisfied(by output: UnsafeRawBufferPointer) -> Bool {
        guard let marker else { return false }
        let from = max(0, searchedUpTo - marker.count + 1)
        searchedUpTo = output.count
        return ByteSearch.firstIndex(of: marker, in: output, from: from) != nil
    }
}
