import MXGeometry
import XCTest
@testable import MXImages

/// Every real image's decoded pixels against dxtbx's (SHA-256 and counts from the fixtures)
/// and against libcbf's own decoder, value for value.
final class RealImagePixelTests: XCTestCase {
    func testPixelsMatchDxtbxAndLibcbfForEveryRealImage() throws {
        let (real, fixtures) = try DxtbxFixture.withRealData()
        for fixture in fixtures {
            let path = real.appendingPathComponent(fixture.file).path
            let image = try CBFImage.read(path: path, imageIndex: 1)
            let panels = try image.pixels()
            XCTAssertEqual(panels.count, fixture.pixels.count, fixture.file)
            for (i, (pixels, expected)) in zip(panels, fixture.pixels).enumerated() {
                let what = "\(fixture.file) panel \(i)"
                XCTAssertEqual([pixels.fast, pixels.slow], expected.ints("size_fast_slow"), what)
                XCTAssertEqual(SHA256.hex(pixels: pixels.pixels), expected["sha256_int32le_rowmajor"] as? String, what)
                let stats = PixelStatistics(image: pixels, panel: image.models.detector[i])
                let valid = expected["valid_strict"] as! [String: Any]
                XCTAssertEqual(stats.validCount, valid.int("count"), what)
                XCTAssertEqual(stats.validSum, Int64(valid.int("sum")), what)
                XCTAssertEqual(stats.validMax.map(Int.init), (valid["max"] as? NSNumber)?.intValue, what)
                if let at = valid["max_at"] as? [NSNumber] {
                    XCTAssertEqual(stats.validMaxAt, PixelStatistics.Position(slow: at[0].intValue, fast: at[1].intValue), what)
                }
                XCTAssertEqual(stats.maskedCount, expected.int("count_static_masked"), what)
                XCTAssertEqual(stats.overloadedCount, expected.int("count_gt_trusted_max"), what)
                XCTAssertEqual(stats.minusOneCount, expected.int("count_eq_minus1"), what)
                XCTAssertEqual(stats.minusTwoCount, expected.int("count_eq_minus2"), what)
                XCTAssertEqual(stats.pixelCount, pixels.fast * pixels.slow, what)
            }
            // libcbf, the parser of record, decodes the same values.
            let reference = try LibCBFDecoder.decode(fileContent: try ImageFileBytes.read(path: path))
            XCTAssertEqual(try image.storedPixels(), reference, "\(fixture.file): differs from libcbf's decode")
        }
    }
}
