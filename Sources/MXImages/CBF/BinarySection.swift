import Foundation

/// What the MIME header promises about the packed pixels, checked for the one encoding
/// Pilatus/Eiger CBFs use (byte-offset, signed 32-bit, little-endian, 2-D), and the decode that
/// holds the bytes to those promises: size, element count and Content-MD5.
public struct BinarySection: Sendable, Equatable {
    public let mime: MIMEHeader
    public let fast: Int
    public let slow: Int
    /// Bytes of packed data (`X-Binary-Size`).
    public let size: Int

    init(mime: MIMEHeader) throws(CBFProblem) {
        self.mime = mime
        guard let conversions = mime.conversions else {
            throw CBFProblem("binary section names no compression (no conversions= in its MIME header)")
        }
        guard conversions == "x-CBF_BYTE_OFFSET" else {
            throw CBFProblem("unsupported CBF compression \(conversions) (only x-CBF_BYTE_OFFSET is read)")
        }
        if let type = mime.elementType, type != "signed 32-bit integer" {
            throw CBFProblem("unsupported element type \"\(type)\" (only signed 32-bit integer is read)")
        }
        if let order = mime.byteOrder, order.uppercased() != "LITTLE_ENDIAN" {
            throw CBFProblem("unsupported byte order \(order)")
        }
        guard let size = mime.binarySize, size >= 0 else {
            throw CBFProblem("binary section has no valid X-Binary-Size")
        }
        guard let fast = mime.fastDimension, let slow = mime.slowDimension, fast > 0, slow > 0 else {
            throw CBFProblem("binary section has no valid X-Binary-Size-Fastest/Second-Dimension")
        }
        if let third = mime.thirdDimension, third > 1 {
            throw CBFProblem("3-D binary sections are not supported (third dimension \(third))")
        }
        guard let count = mime.elementCount else {
            throw CBFProblem("binary section has no X-Binary-Number-of-Elements")
        }
        let (pixels, overflow) = fast.multipliedReportingOverflow(by: slow)
        guard !overflow, count == pixels else {
            throw CBFProblem("X-Binary-Number-of-Elements \(count) ≠ \(fast) × \(slow) pixels")
        }
        // Every value takes at least one byte; this also bounds the pixel buffer by the file.
        guard count <= size else {
            throw CBFProblem("X-Binary-Size \(size) bytes cannot hold \(count) byte-offset values")
        }
        self.fast = fast
        self.slow = slow
        self.size = size
    }

    /// Fails unless the file holds all `size` packed bytes after `start`.
    func checkPresent(in bytes: UnsafeRawBufferPointer, from start: Int) throws(CBFProblem) {
        let available = bytes.count - start
        guard available >= size else {
            throw CBFProblem("truncated: the binary section needs \(size) bytes (X-Binary-Size) but only \(available) follow its header")
        }
    }

    /// The pixels, row-major, after checking presence, digest and exact length.
    ///
    /// - Parameter verifyDigest: check `Content-MD5` when the header has one. It costs about
    ///   as much as the decode itself; callers that re-read a file they have already checked
    ///   may skip it.
    func decode(_ bytes: UnsafeRawBufferPointer, from start: Int, verifyDigest: Bool = true) throws(CBFProblem) -> [Int32] {
        try checkPresent(in: bytes, from: start)
        let packed = UnsafeRawBufferPointer(rebasing: bytes[start..<(start + size)])
        if verifyDigest, let expected = mime.contentMD5 {
            let actual = Data(MD5.digest(packed)).base64EncodedString()
            guard actual == expected else {
                throw CBFProblem("binary section fails its Content-MD5 check (header \(expected), data \(actual)): corrupt data or wrong X-Binary-Size")
            }
        }
        let (values, consumed) = try ByteOffsetCodec.decode(packed, count: fast * slow)
        guard consumed == size else {
            throw CBFProblem("X-Binary-Size is \(size) bytes but the \(fast * slow) byte-offset values end after \(consumed)")
        }
        return values
    }

    /// The first `rows` rows of pixels only, without the digest and length checks (they need
    /// the whole section): byte-offset values can only be decoded in order, but decoding can
    /// stop early. For re-reading files already checked whole, when only the top of the image
    /// is needed.
    func decode(_ bytes: UnsafeRawBufferPointer, from start: Int, rows: Int) throws(CBFProblem) -> [Int32] {
        try checkPresent(in: bytes, from: start)
        let packed = UnsafeRawBufferPointer(rebasing: bytes[start..<(start + size)])
        return try ByteOffsetCodec.decode(packed, count: fast * max(0, min(rows, slow))).values
    }
}
