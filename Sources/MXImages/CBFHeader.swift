import MXGeometry

/// What a CBF file's header says: its models, the Pilatus header lines and the binary
/// section's description — everything but the pixels.
///
/// `read(path:imageIndex:)` is the fast path import uses on thousands of files: it decompresses
/// only as far as the binary section's start marker and never touches the packed pixels.
public struct CBFHeader: Sendable {
    /// The file as given.
    public let path: String
    /// The `# Key value` header lines as dxtbx's dictionary (for a full imgCIF file, the lines
    /// of the Pilatus header it embeds).
    public let pilatusHeader: PilatusHeader
    /// The binary section's MIME description (size, dimensions, digest).
    public let binary: BinarySection
    /// The models dxtbx would make for this image.
    public let models: ImageModels

    /// Reads the header of one CBF (plain, .gz or .bz2) without decoding its pixels.
    ///
    /// - Parameter imageIndex: the image number from the file name (`FilenameTemplate.parse`),
    ///   which becomes the one-image scan's `imageRange`.
    public static func read(path: String, imageIndex: Int) throws(ImageReadError) -> CBFHeader {
        let bytes = try ImageFileBytes.readPrefix(path: path, through: CBFLayout.binaryMarker)
        do throws(CBFProblem) {
            return try bytes.withBytes { raw throws(CBFProblem) in
                try parse(raw, path: path, imageIndex: imageIndex).header
            }
        } catch {
            throw ImageReadError(path: path, reason: error.reason)
        }
    }

    /// Parses header and models from the file's bytes (all of them, or a prefix through the
    /// binary start marker). libcbf parses the CIF text — the bytes before the binary section,
    /// closed as an empty text field — so that the same parse serves both header-only and full
    /// reads; the binary section itself is checked and decoded by `BinarySection`.
    static func parse(_ bytes: UnsafeRawBufferPointer, path: String, imageIndex: Int) throws(CBFProblem) -> (header: CBFHeader, layout: CBFLayout) {
        let layout = try CBFLayout(bytes)
        let textBytes = UnsafeRawBufferPointer(rebasing: bytes[0..<layout.textEnd])
        let text = HeaderText(lines: ASCIILines.split(textBytes))
        let binary = try BinarySection(mime: MIMEHeader(lines: layout.mimeLines))
        let pilatus = PilatusHeader(textLines: text.lines, mimeLines: layout.mimeLines)
        let (format, warning) = try CBFFormatClass.identify(text)

        var cifText = Array(textBytes)
        cifText += Array(";\n".utf8)
        let fullModels = try LibCBFLock.serialized { () throws(CBFProblem) -> ImageModels? in
            let cbf = try cifText.withBytes { raw throws(CBFProblem) in try LibCBFHandle(text: raw) }
            guard format.isFull else { return nil }  // miniCBF: libcbf has checked the CIF syntax
            return try FullCBFModels(cbf: cbf, header: text, format: format, imageIndex: imageIndex).build()
        }
        var models: ImageModels
        if let fullModels {
            models = fullModels
        } else {
            models = try MiniCBFModels(header: pilatus, format: format, binary: binary, imageIndex: imageIndex).build()
        }
        if let warning { models.warnings.append(warning) }
        if let why = models.problem { throw CBFProblem(why) }
        try PanelLayout.check(models.detector, against: binary)
        let header = CBFHeader(path: path, pilatusHeader: pilatus, binary: binary, models: models)
        return (header, layout)
    }
}
