import XCTest
@testable import MXRefinement

/// Expected hinges from scitbx `five_number_summary` (Debian python3-cctbx) on the same values.
final class TukeyOutlierRejectionTests: XCTestCase {
    func testHingesMatchScitbxFiveNumberSummary() {
        let cases: [([Double], Double, Double)] = [
            ([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 3, 8),
            ([1, 2, 3, 4, 5, 6, 7, 8, 9], 3, 7),
            ([3, 1, 4, 1, 5, 9, 2, 6], 1.5, 5.5),
        ]
        for (values, q1, q3) in cases {
            let h = TukeyOutlierRejection.hinges(sorted: values.sorted())
            XCTAssertEqual(h.lower, q1)
            XCTAssertEqual(h.upper, q3)
        }
    }

    func testRejectsBeyondOneAndAHalfIQRInAnyColumn() {
        var x = (0..<40).map { Double($0 % 10) * 0.1 }
        var y = x
        x[3] = 5   // far above: IQR is 0.5, q3 0.7, so the fence is 1.45
        y[7] = -0.76  // just below the lower fence q1 − 0.75 = −0.55
        let flags = TukeyOutlierRejection().outliers(columns: [x, y])
        XCTAssertEqual(flags.indices.filter { flags[$0] }, [3, 7])
        // Too few observations: nothing is rejected.
        XCTAssertFalse(TukeyOutlierRejection().outliers(Array(x.prefix(10))).contains(true))
    }
}
