import MXGeometry

/// One CBF image in memory: its header and models, and the packed pixels to decode on demand.
///
/// ```swift
/// let image = try CBFImage.read(path: "thau_3_2_0001.cbf.bz2", imageIndex: 1)
/// let panels = try image.pixels()          // one PixelImage per detector panel
/// ```
public struct CBFImage: Sendable {
    public let header: CBFHeader
    /// The decompressed file.
    private let bytes: [UInt8]
    /// Where the packed pixels start in `bytes`.
    private let binaryStart: Int

    public var models: ImageModels { header.models }

    /// Reads a whole CBF (plain, .gz or .bz2) and its header. Fails here, before any decoding,
    /// when the file is shorter than its binary section says (a truncated file).
    public static func read(path: String, imageIndex: Int) throws(ImageReadError) -> CBFImage {
        let bytes = try ImageFileBytes.read(path: path)
        do throws(CBFProblem) {
            let (header, layout) = try bytes.withBytes { raw throws(CBFProblem) in
                let parsed = try CBFHeader.parse(raw, path: path, imageIndex: imageIndex)
                try parsed.header.binary.checkPresent(in: raw, from: parsed.layout.binaryStart)
                return parsed
            }
            return CBFImage(header: header, bytes: bytes, binaryStart: layout.binaryStart)
        } catch {
            throw ImageReadError(path: path, reason: error.reason)
        }
    }

    /// The pixels, one `PixelImage` per detector panel (the DLS PILATUS 12M's 24 rows are cut
    /// out of the one stored array as dxtbx cuts them).
    ///
    /// - Parameter verifyDigest: check the binary section's `Content-MD5` (on by default;
    ///   it costs roughly what the decode costs).
    public func pixels(verifyDigest: Bool = true) throws(ImageReadError) -> [PixelImage] {
        do throws(CBFProblem) {
            let whole = try decodedArray(verifyDigest: verifyDigest)
            return try PanelLayout.split(whole, fast: header.binary.fast, slow: header.binary.slow,
                                         detector: header.models.detector)
        } catch {
            throw ImageReadError(path: header.path, reason: error.reason)
        }
    }

    /// The pixels of a file already read once in full (its digest and length checked), decoding
    /// only as far as row `rowsNeeded` when the detector is one panel covering the stored array
    /// — the rows below come back absent (the image is shorter). A split detector is decoded
    /// whole.
    public func pixels(rowsNeeded: Int) throws(ImageReadError) -> [PixelImage] {
        let (fast, slow) = (header.binary.fast, header.binary.slow)
        let detector = header.models.detector
        guard rowsNeeded < slow, detector.panels.count == 1, detector[0].rawImageOffset == (0, 0),
              detector[0].imageSize == (fast, slow) else { return try pixels(verifyDigest: false) }
        do throws(CBFProblem) {
            let top = try bytes.withBytes { raw throws(CBFProblem) in
                try header.binary.decode(raw, from: binaryStart, rows: rowsNeeded)
            }
            return [PixelImage(fast: fast, slow: max(0, rowsNeeded), pixels: top)]
        } catch {
            throw ImageReadError(path: header.path, reason: error.reason)
        }
    }

    /// The stored array as one image (fast × slow), before any split into panels.
    public func storedPixels(verifyDigest: Bool = true) throws(ImageReadError) -> PixelImage {
        do throws(CBFProblem) {
            return PixelImage(fast: header.binary.fast, slow: header.binary.slow,
                              pixels: try decodedArray(verifyDigest: verifyDigest))
        } catch {
            throw ImageReadError(path: header.path, reason: error.reason)
        }
    }

    private func decodedArray(verifyDigest: Bool) throws(CBFProblem) -> [Int32] {
        try bytes.withBytes { raw throws(CBFProblem) in
            try header.binary.decode(raw, from: binaryStart, verifyDigest: verifyDigest)
        }
    }
}
