import MXGeometry
import MXImages
import XCTest
@testable import MXSpotFinding

/// The spot finder's pixel validity is dxtbx 3.11's `get_mask` rule, the one `PixelStatistics`
/// already applies for `mxtriage show`: outside the static mask and strictly inside the trusted
/// range.
final class PanelValidityTests: XCTestCase {
    func testValidityAgreesWithPixelStatistics() {
        var rng = TestRandom(seed: 77)
        let (fast, slow) = (53, 41)
        var px = (0..<(fast * slow)).map { _ in Int32(rng.poisson(3)) }
        for s in 0..<slow { px[s * fast + 20] = -1 }
        px[5] = -2
        px[100] = 500
        px[101] = 499
        let panel = TestImages.panel(fast: fast, slow: slow, trusted: (-1, 500), mask: [
            Panel.MaskRect(fast0: 30, slow0: 10, fast1: 36, slow1: 14),
            Panel.MaskRect(fast0: 50, slow0: 38, fast1: 70, slow1: 60),  // reaches past the edges
        ])
        let image = PixelImage(fast: fast, slow: slow, pixels: px)
        let valid = PanelValidity(panel: panel).mask(of: image)
        XCTAssertEqual(valid.filter { $0 }.count, PixelStatistics(image: image, panel: panel).validCount)
        XCTAssertFalse(valid[100], "the trusted maximum itself is not trusted")
        XCTAssertTrue(valid[101])
        XCTAssertFalse(valid[5])
        XCTAssertFalse(valid[12 * fast + 31])
        XCTAssertFalse(valid[40 * fast + 52])
    }

    func testANaNTrustedRangeTrustsNothing() {
        let panel = TestImages.panel(fast: 4, slow: 4, trusted: (.nan, 100))
        let image = TestImages.image(fast: 4, slow: 4, background: 5)
        XCTAssertEqual(PanelValidity(panel: panel).mask(of: image), Array(repeating: false, count: 16))
    }
}
