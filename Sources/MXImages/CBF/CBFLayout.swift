/// Where the parts of a CBF lie in its bytes: the CIF text, the MIME header of the binary
/// section, and the packed pixel data after the `0C 1A 04 D5` start marker.
///
/// dxtbx finds these by byte search rather than by parsing, and so does this type: the text is
/// everything before the first `--CIF-BINARY-FORMAT-SECTION--` boundary, which is what dxtbx's
/// `FormatCBF.get_cbf_header` hands its header readers.
package struct CBFLayout {
    static let magic = Array("###CBF".utf8)
    static let boundary = Array("--CIF-BINARY-FORMAT-SECTION--".utf8)
    static let binaryMarker: [UInt8] = [0x0C, 0x1A, 0x04, 0xD5]

    /// Bytes [0, textEnd) are the CIF text, up to the boundary line.
    let textEnd: Int
    /// The header lines between the boundary and the start marker.
    let mimeLines: [String]
    /// The first byte of packed data, just after the start marker.
    package let binaryStart: Int

    package init(_ bytes: UnsafeRawBufferPointer) throws(CBFProblem) {
        guard bytes.count >= Self.magic.count, bytes.prefix(Self.magic.count).elementsEqual(Self.magic) else {
            throw CBFProblem("not a CBF file (it does not start with ###CBF)")
        }
        guard let boundary = ByteSearch.firstIndex(of: Self.boundary, in: bytes) else {
            throw CBFProblem("no binary section (no --CIF-BINARY-FORMAT-SECTION-- line; truncated?)")
        }
        guard let marker = ByteSearch.firstIndex(of: Self.binaryMarker, in: bytes, from: boundary) else {
            throw CBFProblem("truncated in the binary section's MIME header (no 0C 1A 04 D5 start marker)")
        }
        textEnd = boundary
        mimeLines = ASCIILines.split(UnsafeRawBufferPointer(rebasing: bytes[boundary..<marker]))
        binaryStart = marker + Self.binaryMarker.count
    }
}
