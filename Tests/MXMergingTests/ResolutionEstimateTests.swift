import MXGeometry
import MXMerging
import MXSymmetry
import XCTest

/// The CC½ = 0.3 resolution estimate: the tanh fit recovers a known falloff, and the rules for
/// data that never fall to the limit and for insignificant shells hold.
final class ResolutionEstimateTests: XCTestCase {
    /// Twenty shells whose CC½ follows ½[1 − tanh((x − s₀)/r)] exactly.
    func statistics(s0: Double, r: Double, pairs: Int = 500, last: Double = 0.25) -> MergingStatistics {
        var shells: [ShellStatistics] = []
        var dMax = 50.0
        for i in 1...20 {
            let x = last * Double(i) / 20
            let dMin = 1 / x.squareRoot()
            let cc = 0.5 * (1 - tanh((x - s0) / r))
            shells.append(ShellStatistics(dMax: dMax, dMin: dMin, observations: 2 * pairs, unique: pairs, possible: pairs,
                                          completeness: 1, multiplicity: 2, meanIntensity: 1, meanIOverSigma: 1,
                                          rMerge: 0, rMeas: 0, rPim: 0, ccHalf: cc, ccHalfSigmaTau: cc, ccHalfPairs: pairs))
            dMax = dMin
        }
        var overall = shells[0]
        overall.dMin = shells[19].dMin
        return MergingStatistics(overall: overall, shells: shells)
    }

    func testTheFitRecoversTheFalloff() throws {
        let estimate = try XCTUnwrap(ResolutionEstimate(statistics(s0: 0.12, r: 0.03)))
        XCTAssertEqual(estimate.midpoint!, 0.12, accuracy: 1e-6)
        XCTAssertEqual(estimate.width!, 0.03, accuracy: 1e-6)
        // CC½ = 0.3 at x = s₀ + r·atanh(0.4).
        XCTAssertEqual(estimate.dMin, 1 / (0.12 + 0.03 * atanh(0.4)).squareRoot(), accuracy: 1e-5)
    }

    func testDataThatNeverFallToTheLimitGiveTheLastShell() throws {
        let estimate = try XCTUnwrap(ResolutionEstimate(statistics(s0: 0.6, r: 0.05)))
        XCTAssertEqual(estimate.dMin, 2.0, accuracy: 1e-9)
        XCTAssertNil(estimate.midpoint)
    }

    func testInsignificantShellsAreLeftOut() {
        // Three pairs per shell: no CC½ is significant at p = 0.01, so there is nothing to fit.
        XCTAssertNil(ResolutionEstimate(statistics(s0: 0.12, r: 0.03, pairs: 3)))
    }
}
