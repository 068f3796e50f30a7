import Foundation
import MXGeometry
import MXReflections
import XCTest
@testable import MXIntegration

/// A band with too few predictions grows until it holds enough, when asked to.
final class AutomaticBandTests: XCTestCase {
    func sweep() throws -> SimulatedSweep { try SimulatedSweep.shared.get() }

    func testStepsAreSymmetricInInverseDSquaredAndStopAtTheLimits() {
        let start = ResolutionBand(dMin: 7.0, dMax: 8.1)
        let s = { (d: Double) in 1 / (d * d) }
        let centre = (s(7.0) + s(8.1)) / 2
        XCTAssertEqual(AutomaticBand.step(0, from: start, detectorLimit: 2).band, start)
        let first = AutomaticBand.step(1, from: start, detectorLimit: 2)
        XCTAssertFalse(first.atLimits)
        let dMax = try? XCTUnwrap(first.band.dMax)
        XCTAssertEqual(s(first.band.dMin) - centre, centre - s(dMax ?? .nan), accuracy: 1e-12)
        XCTAssertEqual(s(first.band.dMin) - centre, 1.5 * (s(7.0) - centre), accuracy: 1e-12)
        // The low side reaches d = ∞ first, the high side the detector's corner.
        var k = 1
        while !AutomaticBand.step(k, from: start, detectorLimit: 2).atLimits { k += 1 }
        let last = AutomaticBand.step(k, from: start, detectorLimit: 2).band
        XCTAssertEqual(last, ResolutionBand(dMin: 2, dMax: nil))
        XCTAssertLessThan(k, 30)
    }

    func testThinBandIsWidenedToTheTarget() throws {
        let s = try sweep()
        var options = IntegrationOptions()
        options.nproc = 2
        options.dMin = 30
        options.dMax = 40
        XCTAssertThrowsError(try Integrator(options: options).integrate(experiments: s.experiments, reflections: s.strong)) { error in
            guard case let IntegrationError.tooFewPredictions(_, n, _, _) = error else { return XCTFail("\(error)") }
            XCTAssertLessThan(n, 10)
        }

        options.automaticBand = true
        let result = try Integrator(options: options).integrate(experiments: s.experiments, reflections: s.strong)
        let summary = try XCTUnwrap(result.summaries.first)
        XCTAssertGreaterThanOrEqual(summary.predicted, options.automaticBandTarget, "\(summary)")
        XCTAssertEqual(summary.predicted, result.reflections.nrows)
        // The reported band is the one integrated, and it contains the one asked for.
        XCTAssertLessThan(summary.band.dMin, 30)
        XCTAssertTrue(summary.band.contains(40) && summary.band.contains(30), "\(summary.band)")
        let d = try result.reflections.values("d", as: Double.self)
        XCTAssertTrue(d.allSatisfy(summary.band.contains), "\(summary.band)")
        XCTAssertLessThan(d.min() ?? 0, 30)
        XCTAssertGreaterThan(summary.integrated, 50, "\(summary)")
        // One step fewer would not have held the target: the band is no wider than needed.
        var k = 1
        while AutomaticBand.step(k, from: ResolutionBand(dMin: 30, dMax: 40), detectorLimit: 1).band.dMin > summary.band.dMin { k += 1 }
        XCTAssertEqual(AutomaticBand.step(k, from: ResolutionBand(dMin: 30, dMax: 40), detectorLimit: 1).band.dMin,
                       summary.band.dMin, accuracy: 1e-9)
        var previous = options
        previous.automaticBand = false
        let narrower = AutomaticBand.step(k - 1, from: ResolutionBand(dMin: 30, dMax: 40), detectorLimit: 1).band
        previous.dMin = narrower.dMin
        previous.dMax = narrower.dMax
        previous.minimumPredicted = 0
        previous.fixedProfiles = [summary.profile]
        let fewer = try Integrator(options: previous).integrate(experiments: s.experiments, reflections: ReflectionTable())
        XCTAssertLessThan(fewer.summaries[0].predicted, options.automaticBandTarget)

        // Deterministic: the same band and rows again.
        let again = try Integrator(options: options).integrate(experiments: s.experiments, reflections: s.strong)
        XCTAssertEqual(again.summaries, result.summaries)
        XCTAssertEqual(try again.reflections.reflBytes(), try result.reflections.reflBytes())
    }

    func testBandWithEnoughPredictionsIsNotWidened() throws {
        let s = try sweep()
        var options = IntegrationOptions()
        options.nproc = 2
        options.automaticBand = true
        let widened = try Integrator(options: options).integrate(experiments: s.experiments, reflections: s.strong)
        let plain = try Integrator(options: IntegrationOptions()).integrate(experiments: s.experiments, reflections: s.strong)
        XCTAssertEqual(widened.summaries, plain.summaries)
        XCTAssertEqual(widened.summaries[0].band, ResolutionBand(dMin: 7.0, dMax: 8.1))
    }
}
