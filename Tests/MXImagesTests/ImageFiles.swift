import Foundation
import MXGeometry
import XCTest
@testable import MXImages

/// Scratch files for tests: a temporary directory per test case, synthetic Pilatus images
/// from the writer, and damaged variants of good files. Nothing under ../shared is touched.
final class ScratchDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("mximages-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Writes bytes and returns the path.
    @discardableResult
    func write(_ bytes: [UInt8], as name: String) throws -> String {
        let p = path(name)
        try Data(bytes).write(to: URL(fileURLWithPath: p))
        return p
    }
}

enum SyntheticImage {
    /// One Pilatus module (487 × 195) with values that need every byte-offset width, gap and
    /// bad-pixel markers and a saturated pixel.
    static func module() -> PixelImage {
        let fast = 487, slow = 195
        var pixels = [Int32](repeating: 0, count: fast * slow)
        for i in pixels.indices {
            switch i % 997 {
            case 0: pixels[i] = -1
            case 1: pixels[i] = -2
            case 2: pixels[i] = 70_000
            case 3: pixels[i] = 1_048_575
            default: pixels[i] = Int32((i * 7919) % 23)
            }
        }
        return PixelImage(fast: fast, slow: slow, pixels: pixels)
    }

    static func header() -> MiniCBFHeader {
        var h = MiniCBFHeader()
        h.epoch = 1_700_000_000.25
        h.wavelength = 0.9795
        h.distance = 190.18
        h.beamCentre = (243.5, 97.25)
        h.startAngle = 12.5
        h.angleIncrement = 0.2
        h.exposureTime = 0.05
        h.exposurePeriod = 0.05
        h.countCutoff = 1_000_000
        return h
    }

    static func bytes() -> [UInt8] { MiniCBFWriter.encode(module(), header: header(), name: "synthetic_0001") }
}

/// Byte surgery on CBF files.
enum Damage {
    static func replacing(_ old: String, with new: String, in bytes: [UInt8]) -> [UInt8] {
        let needle = Array(old.utf8)
        guard let at = ByteSearch.firstIndex(of: needle, in: bytes) else {
            XCTFail("\(old) not found")
            return bytes
        }
        return Array(bytes[..<at]) + Array(new.utf8) + Array(bytes[(at + needle.count)...])
    }

    /// The value of a MIME header line, e.g. `X-Binary-Size`.
    static func mimeValue(_ name: String, in bytes: [UInt8]) -> String {
        let needle = Array((name + ": ").utf8)
        let at = ByteSearch.firstIndex(of: needle, in: bytes)! + needle.count
        let end = bytes[at...].firstIndex(of: 0x0D)!
        return String(decoding: bytes[at..<end], as: UTF8.self)
    }

    static func binaryStart(_ bytes: [UInt8]) -> Int {
        ByteSearch.firstIndex(of: CBFLayout.binaryMarker, in: bytes)! + 4
    }
}

/// Asserts that `body` fails with a one-line `ImageReadError` whose reason contains `fragment`.
func assertReadError<T>(_ body: @autoclosure () throws -> T, contains fragment: String,
                        file: StaticString = #filePath, line: UInt = #line) {
    do {
        _ = try body()
        XCTFail("expected an error containing \"\(fragment)\"", file: file, line: line)
    } catch let error as ImageReadError {
        XCTAssert(error.reason.contains(fragment), "\"\(error.reason)\" lacks \"\(fragment)\"", file: file, line: line)
        XCTAssertFalse(error.description.contains("\n"), "not one line: \(error)", file: file, line: line)
    } catch {
        XCTFail("unexpected error type \(error)", file: file, line: line)
    }
}
