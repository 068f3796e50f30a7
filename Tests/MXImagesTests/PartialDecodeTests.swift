import MXGeometry
import XCTest
@testable import MXImages

/// Decoding only the top rows of a real image gives exactly those rows of the full decode; a
/// detector split into panels (the I23 12M) is decoded whole.
final class PartialDecodeTests: XCTestCase {
    func testTopRowsEqualTheFullDecode() throws {
        let (real, fixtures) = try DxtbxFixture.withRealData()
        for fixture in fixtures {
            let image = try CBFImage.read(path: real.appendingPathComponent(fixture.file).path, imageIndex: 1)
            let full = try image.pixels()
            for rows in [0, 1, 137, full[0].slow - 1, full[0].slow, full[0].slow + 5] {
                let top = try image.pixels(rowsNeeded: rows)
                if full.count > 1 || rows >= full[0].slow {
                    XCTAssertEqual(top, full, "\(fixture.file) rows \(rows)")
                    continue
                }
                XCTAssertEqual(top.count, 1)
                XCTAssertEqual([top[0].fast, top[0].slow], [full[0].fast, rows], fixture.file)
                XCTAssertEqual(top[0].pixels, Array(full[0].pixels.prefix(full[0].fast * rows)), "\(fixture.file) rows \(rows)")
            }
        }
    }
}
