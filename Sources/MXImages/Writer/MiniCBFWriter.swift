internal import CBZip2
internal import CZlib
import Foundation

/// Writes Pilatus miniCBF files: the header lines, then one byte-offset binary section with
/// the MIME header libcbf and dxtbx expect (X-Binary-Size, Content-MD5, element count and
/// dimensions), laid out byte for byte as PILATUS detectors write it.
///
/// Written by hand rather than through libcbf: the layout is fixed and small, and this way the
/// simulator gets the exact Dectris header text and our own (faster) byte-offset encoder.
public enum MiniCBFWriter {
    /// The file's bytes. `name` becomes the CIF data block name (`data_<name>`).
    public static func encode(_ image: PixelImage, header: MiniCBFHeader, name: String) -> [UInt8] {
        let packed = image.pixels.withUnsafeBufferPointer { ByteOffsetCodec.encode($0) }
        let md5 = packed.withUnsafeBytes { Data(MD5.digest($0)).base64EncodedString() }
        var text = [
            "###CBF: VERSION 1.5, CBFlib v0.7.8 - PILATUS detectors",
            "",
            "data_\(name)",
            "",
            "_array_data.header_convention \"PILATUS_1.2\"",
            "_array_data.header_contents",
            ";",
        ]
        text += header.lines()
        text += [
            ";",
            "",
            "_array_data.data",
            ";",
            "--CIF-BINARY-FORMAT-SECTION--",
            "Content-Type: application/octet-stream;",
            "     conversions=\"x-CBF_BYTE_OFFSET\"",
            "Content-Transfer-Encoding: BINARY",
            "X-Binary-Size: \(packed.count)",
            "X-Binary-ID: 1",
            "X-Binary-Element-Type: \"signed 32-bit integer\"",
            "X-Binary-Element-Byte-Order: LITTLE_ENDIAN",
            "Content-MD5: \(md5)",
            "X-Binary-Number-of-Elements: \(image.pixels.count)",
            "X-Binary-Size-Fastest-Dimension: \(image.fast)",
            "X-Binary-Size-Second-Dimension: \(image.slow)",
            "X-Binary-Size-Padding: 4095",
            "",
            "",
        ]
        var out = Array(text.joined(separator: "\r\n").utf8)
        out.reserveCapacity(out.count + packed.count + 4 + 4095 + 64)
        out += CBFLayout.binaryMarker
        out += packed
        out += repeatElement(0, count: 4095)
        out += Array("\r\n--CIF-BINARY-FORMAT-SECTION----\r\n;\r\n\r\n".utf8)
        return out
    }

    /// Writes `image` to `path` atomically (a temporary file renamed into place), compressed
    /// with gzip or bzip2 when the name ends `.gz` or `.bz2`.
    public static func write(_ image: PixelImage, header: MiniCBFHeader, to path: String) throws(ImageWriteError) {
        let fileName = (path as NSString).lastPathComponent
        var stem = fileName
        for suffix in [".bz2", ".gz", ".cbf"] where stem.hasSuffix(suffix) { stem.removeLast(suffix.count) }
        let plain = encode(image, header: header, name: stem)
        let bytes: [UInt8]
        do throws(ImageFileProblem) {
            switch Compression.claimed(byName: path) {
            case .gzip?: bytes = try compressGzip(plain)
            case .bzip2?: bytes = try compressBzip2(plain)
            default: bytes = plain
            }
        } catch {
            throw ImageWriteError(path: path, reason: error.reason)
        }
        let temporary = path + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else {
            throw ImageWriteError(path: path, reason: "cannot create \(temporary) (directory missing or not writable)")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw ImageWriteError(path: path, reason: "cannot move the new file into place (\(reason))")
        }
    }

    static func compressGzip(_ input: [UInt8]) throws(ImageFileProblem) -> [UInt8] {
        var stream = z_stream()
        // windowBits 15 + 16: a gzip wrapper rather than zlib's.
        guard deflateInit2_(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY,
                            zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw ImageFileProblem("zlib could not be initialised")
        }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(input.count))) + 64)
        let status = input.withUnsafeBytes { src in
            output.withUnsafeMutableBytes { dst in
                stream.next_in = UnsafeMutablePointer(mutating: src.baseAddress!.assumingMemoryBound(to: UInt8.self))
                stream.avail_in = UInt32(src.count)
                stream.next_out = dst.baseAddress!.assumingMemoryBound(to: UInt8.self)
                stream.avail_out = UInt32(dst.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { throw ImageFileProblem("gzip compression failed (zlib status \(status))") }
        output.removeLast(output.count - Int(stream.total_out))
        return output
    }

    static func compressBzip2(_ input: [UInt8]) throws(ImageFileProblem) -> [UInt8] {
        var capacity = UInt32(input.count + input.count / 100 + 600)
        var output = [UInt8](repeating: 0, count: Int(capacity))
        var source = input
        let status = source.withUnsafeMutableBytes { src in
            output.withUnsafeMutableBytes { dst in
                BZ2_bzBuffToBuffCompress(dst.baseAddress!.assumingMemoryBound(to: CChar.self), &capacity,
                                         src.baseAddress!.assumingMemoryBound(to: CChar.self), UInt32(src.count), 9, 0, 0)
            }
        }
        guard status == BZ_OK else { throw ImageFileProblem("bzip2 compression failed (libbz2 status \(status))") }
        output.removeLast(output.count - Int(capacity))
        return output
    }
}
