import Foundation
import MXTestSupport
import XCTest
@testable import MXImages

#if canImport(Glibc)
import Glibc
#endif

/// Damaged and unreadable files give one-line `ImageReadError`s — never a trap, and nothing
/// from libcbf on stderr.
final class BadInputTests: XCTestCase {
    var scratch: ScratchDirectory!

    override func setUpWithError() throws { scratch = try ScratchDirectory() }
    override func tearDown() { scratch = nil }

    /// Good CBF bytes to damage: a real Pilatus 6M frame when the real data is there, else a
    /// synthetic module from the writer (both carry Content-MD5).
    func goodBytes() throws -> [UInt8] {
        if let real = TestData.realData {
            return try ImageFileBytes.read(path: real.appendingPathComponent("thaumatin_grid_i24/thau_3_2_0001.cbf.bz2").path)
        }
        return SyntheticImage.bytes()
    }

    func testGoodBytesRead() throws {
        let path = try scratch.write(try goodBytes(), as: "good_0001.cbf")
        XCTAssertFalse(try CBFImage.read(path: path, imageIndex: 1).pixels().isEmpty)
    }

    func testTruncatedCBF() throws {
        let good = try goodBytes()
        let inBinary = try scratch.write(Array(good[..<(Damage.binaryStart(good) + 1000)]), as: "cut_0001.cbf")
        assertReadError(try CBFImage.read(path: inBinary, imageIndex: 1), contains: "truncated: the binary section needs")
        // The header alone is intact, so the header-only path still reads it.
        XCTAssertNoThrow(try CBFHeader.read(path: inBinary, imageIndex: 1))
        let inText = try scratch.write(Array(good[..<600]), as: "cut_0002.cbf")
        assertReadError(try CBFImage.read(path: inText, imageIndex: 2), contains: "no binary section")
        assertReadError(try CBFHeader.read(path: inText, imageIndex: 2), contains: "no binary section")
        let inMIME = try scratch.write(Array(good[..<(Damage.binaryStart(good) - 30)]), as: "cut_0003.cbf")
        assertReadError(try CBFHeader.read(path: inMIME, imageIndex: 3), contains: "MIME header")
    }

    func testWrongBinarySize() throws {
        let good = try goodBytes()
        let size = Int(Damage.mimeValue("X-Binary-Size", in: good))!
        // Smaller: the digest (over the declared bytes) no longer matches.
        let smaller = try scratch.write(Damage.replacing("X-Binary-Size: \(size)", with: "X-Binary-Size: \(size - 10)", in: good),
                                        as: "small_0001.cbf")
        assertReadError(try CBFImage.read(path: smaller, imageIndex: 1).pixels(), contains: "Content-MD5")
        // Without a digest the decoder itself notices.
        let noDigest = Damage.replacing("Content-MD5: \(Damage.mimeValue("Content-MD5", in: good))\r\n", with: "", in: good)
        let smallerNoDigest = try scratch.write(Damage.replacing("X-Binary-Size: \(size)", with: "X-Binary-Size: \(size - 10)", in: noDigest),
                                                as: "small_0002.cbf")
        assertReadError(try CBFImage.read(path: smallerNoDigest, imageIndex: 2).pixels(), contains: "byte-offset data run out")
        let largerNoDigest = try scratch.write(Damage.replacing("X-Binary-Size: \(size)", with: "X-Binary-Size: \(size + 10)", in: noDigest),
                                               as: "large_0003.cbf")
        assertReadError(try CBFImage.read(path: largerNoDigest, imageIndex: 3).pixels(), contains: "X-Binary-Size is \(size + 10) bytes")
        // Beyond the end of the file: truncated.
        let huge = try scratch.write(Damage.replacing("X-Binary-Size: \(size)", with: "X-Binary-Size: \(size * 2)", in: good), as: "huge_0004.cbf")
        assertReadError(try CBFImage.read(path: huge, imageIndex: 4), contains: "truncated")
        // Dimensions that disagree with the element count.
        let dims = try scratch.write(Damage.replacing("X-Binary-Size-Second-Dimension: ", with: "X-Binary-Size-Second-Dimension: 1", in: good),
                                     as: "dims_0005.cbf")
        assertReadError(try CBFHeader.read(path: dims, imageIndex: 5), contains: "X-Binary-Number-of-Elements")
    }

    func testBadDigestAndCorruptData() throws {
        let good = try goodBytes()
        let digest = Damage.mimeValue("Content-MD5", in: good)
        let wrong = String(digest.first == "A" ? "B" : "A") + digest.dropFirst()
        let badMD5 = try scratch.write(Damage.replacing("Content-MD5: \(digest)", with: "Content-MD5: \(wrong)", in: good), as: "md5_0001.cbf")
        assertReadError(try CBFImage.read(path: badMD5, imageIndex: 1).pixels(), contains: "fails its Content-MD5 check")
        var flipped = good
        flipped[Damage.binaryStart(good) + 5000] ^= 0x01
        let corrupt = try scratch.write(flipped, as: "flip_0002.cbf")
        assertReadError(try CBFImage.read(path: corrupt, imageIndex: 2).pixels(), contains: "fails its Content-MD5 check")
    }

    func testMissingWavelengthLine() throws {
        let good = try goodBytes()
        let at = ByteSearch.firstIndex(of: Array("# Wavelength".utf8), in: good)!
        let end = good[at...].firstIndex(of: 0x0A)! + 1
        let path = try scratch.write(Array(good[..<at]) + Array(good[end...]), as: "nowave_0001.cbf")
        assertReadError(try CBFHeader.read(path: path, imageIndex: 1), contains: "missing \"# Wavelength\" line")
        assertReadError(try CBFImage.read(path: path, imageIndex: 1), contains: "missing \"# Wavelength\" line")
    }

    func testEmptyMissingDirectoryAndNonCBFFiles() throws {
        let empty = try scratch.write([], as: "empty_0001.cbf")
        assertReadError(try CBFImage.read(path: empty, imageIndex: 1), contains: "empty file")
        assertReadError(try CBFHeader.read(path: empty, imageIndex: 1), contains: "empty file")
        assertReadError(try CBFImage.read(path: scratch.path("absent_0001.cbf"), imageIndex: 1), contains: "no such file")
        assertReadError(try CBFImage.read(path: scratch.url.path, imageIndex: 1), contains: "is a directory")
        let text = try scratch.write(Array("just some text\n".utf8), as: "notes_0001.cbf")
        assertReadError(try CBFHeader.read(path: text, imageIndex: 1), contains: "not a CBF file")
        let emptyGzip = try scratch.write(try MiniCBFWriter.compressGzip([]), as: "empty_0002.cbf.gz")
        assertReadError(try CBFImage.read(path: emptyGzip, imageIndex: 2), contains: "empty file")
    }

    func testUnreadableFile() throws {
        let path = try scratch.write(SyntheticImage.bytes(), as: "locked_0001.cbf")
        XCTAssertEqual(chmod(path, 0), 0)
        defer { chmod(path, 0o644) }
        if geteuid() == 0 {
            // Root reads files whatever their mode, so there is no permission error to provoke.
            XCTAssertNoThrow(try CBFImage.read(path: path, imageIndex: 1))
            throw XCTSkip("running as root: chmod 000 does not stop root reading; checked only that the file still reads")
        }
        assertReadError(try CBFImage.read(path: path, imageIndex: 1), contains: "permission denied")
    }

    func testCorruptAndTruncatedGzip() throws {
        let gz = try MiniCBFWriter.compressGzip(SyntheticImage.bytes())
        var corrupt = gz
        for i in stride(from: gz.count / 2, to: gz.count / 2 + 64, by: 1) { corrupt[i] ^= 0x5A }
        assertReadError(try CBFImage.read(path: try scratch.write(corrupt, as: "bad_0001.cbf.gz"), imageIndex: 1),
                        contains: "corrupt gzip data")
        assertReadError(try CBFImage.read(path: try scratch.write(Array(gz[..<(gz.count / 2)]), as: "cut_0002.cbf.gz"), imageIndex: 2),
                        contains: "truncated gzip data")
        let plainNamedGz = try scratch.write(SyntheticImage.bytes(), as: "plain_0003.cbf.gz")
        assertReadError(try CBFImage.read(path: plainNamedGz, imageIndex: 3), contains: "corrupt gzip data (no gzip header")
    }

    func testCorruptAndTruncatedBzip2() throws {
        let bz = try MiniCBFWriter.compressBzip2(SyntheticImage.bytes())
        var corrupt = bz
        for i in stride(from: bz.count / 2, to: bz.count / 2 + 64, by: 1) { corrupt[i] ^= 0x5A }
        assertReadError(try CBFImage.read(path: try scratch.write(corrupt, as: "bad_0001.cbf.bz2"), imageIndex: 1),
                        contains: "corrupt bzip2 data")
        assertReadError(try CBFImage.read(path: try scratch.write(Array(bz[..<(bz.count / 2)]), as: "cut_0002.cbf.bz2"), imageIndex: 2),
                        contains: "truncated bzip2 data")
    }

    /// A CIF syntax error reaches us as a value; libcbf's "CBFlib: error …" lines stay off stderr.
    func testLibcbfParseErrorIsSilent() throws {
        let good = SyntheticImage.bytes()
        // A data name without a value: libcbf reports "data name with no value" and fails.
        let broken = Damage.replacing("_array_data.header_convention \"PILATUS_1.2\"", with: "_array_data.header_convention", in: good)
        let path = try scratch.write(broken, as: "syntax_0001.cbf")
        let (stderrText, result) = try capturingStandardError { Result { try CBFHeader.read(path: path, imageIndex: 1) } }
        XCTAssertEqual(stderrText, "", "libcbf wrote to stderr")
        guard case let .failure(error) = result else { return XCTFail("a broken CIF was accepted") }
        XCTAssert((error as? ImageReadError)?.reason.contains("libcbf cannot parse") == true, "\(error)")
    }

    /// Runs `body` with file descriptor 2 redirected to a temporary file; returns what was written.
    func capturingStandardError<T>(_ body: () throws -> T) throws -> (String, T) {
        let capture = scratch.path("stderr.txt")
        _ = FileManager.default.createFile(atPath: capture, contents: nil)
        fflush(nil)
        let saved = dup(2)
        let fd = open(capture, O_WRONLY)
        dup2(fd, 2)
        close(fd)
        let value = try body()
        fflush(nil)
        dup2(saved, 2)
        close(saved)
        return (try String(contentsOfFile: capture, encoding: .utf8), value)
    }
}
