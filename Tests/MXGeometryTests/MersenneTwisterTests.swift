import MXGeometry
import XCTest

final class MersenneTwisterTests: XCTestCase {
    /// The reference values of boost's mt19937 seeded 1, and scitbx's 53-bit double from it.
    func testTheMersenneTwisterIsBoosts() {
        var random = MersenneTwister(seed: 1)
        XCTAssertEqual([random.next(), random.next(), random.next()], [1_791_095_845, 4_282_876_139, 3_093_770_124])
        var again = MersenneTwister(seed: 1)
        XCTAssertEqual(again.nextDouble(), (Double(1_791_095_845 >> 5) * 67_108_864 + Double(4_282_876_139 >> 6)) / 9_007_199_254_740_992)
    }
}
