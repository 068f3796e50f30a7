import Foundation
import MXGeometry
import MXReflections
import XCTest
@testable import MXIntegration

/// Where the profile model's spots come from: the band's reference spots when there are
/// enough, otherwise every indexed strong spot of the sweep.
final class ProfileReferencesTests: XCTestCase {
    func sweep() throws -> SimulatedSweep { try SimulatedSweep.shared.get() }

    func options(_ references: ProfileReferences, dMin: Double = 7.0, dMax: Double? = 8.1) -> IntegrationOptions {
        var o = IntegrationOptions()
        o.nproc = 2
        o.dMin = dMin
        o.dMax = dMax
        o.profileReferences = references
        return o
    }

    /// With enough spots in the band, the default is exactly dials.integrate's band profile.
    func testBandOrAllEqualsBandWhenTheBandHasEnoughSpots() throws {
        let s = try sweep()
        let band = try Integrator(options: options(.band)).integrate(experiments: s.experiments, reflections: s.strong)
        let auto = try Integrator(options: IntegrationOptions()).integrate(experiments: s.experiments, reflections: s.strong)
        XCTAssertEqual(auto.summaries, band.summaries)
        XCTAssertEqual(try auto.reflections.reflBytes(), try band.reflections.reflBytes())
        let summary = try XCTUnwrap(auto.summaries.first)
        XCTAssertEqual(summary.profileSource, .band)
        XCTAssertEqual(summary.band, ResolutionBand(dMin: 7.0, dMax: 8.1))
        XCTAssertGreaterThanOrEqual(summary.bandReferenceSpots, summary.referenceSpots)
        XCTAssertGreaterThanOrEqual(summary.referenceSpots, 10)
    }

    /// σ_b and σ_m describe the beam and the crystal, not the resolution: the whole sweep's
    /// strong spots give nearly the band's values.
    func testAllIndexedSpotsGiveTheBandsProfile() throws {
        let s = try sweep()
        let band = try Integrator(options: options(.band)).integrate(experiments: s.experiments, reflections: s.strong)
        let all = try Integrator(options: options(.allIndexed)).integrate(experiments: s.experiments, reflections: s.strong)
        let b = try XCTUnwrap(band.summaries.first), a = try XCTUnwrap(all.summaries.first)
        XCTAssertEqual(a.profileSource, .allIndexed)
        XCTAssertGreaterThan(a.referenceSpots, 3 * b.referenceSpots, "\(a) vs \(b)")
        XCTAssertEqual(a.bandReferenceSpots, b.bandReferenceSpots)
        XCTAssertEqual(a.profile.sigmaB / b.profile.sigmaB, 1, accuracy: 0.2, "\(a.profile) vs \(b.profile)")
        XCTAssertEqual(a.profile.sigmaM / b.profile.sigmaM, 1, accuracy: 0.2, "\(a.profile) vs \(b.profile)")
        // Same predictions either way; only the profile differs.
        XCTAssertEqual(a.predicted, b.predicted)
        XCTAssertGreaterThan(a.integrated, 15)
    }

    /// 7.0–7.3 Å holds enough predictions but only 9 usable strong spots: `.band` fails as
    /// before, the default falls back to the whole sweep and integrates.
    func testBandWithFewStrongSpotsIntegratesFromAllSpots() throws {
        let s = try sweep()
        XCTAssertThrowsError(try Integrator(options: options(.band, dMin: 7.0, dMax: 7.3))
            .integrate(experiments: s.experiments, reflections: s.strong)) { error in
            guard case let IntegrationError.tooFewReferenceSpots(e, usable, needed) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(e, 0)
            XCTAssertLessThan(usable, 10)
            XCTAssertEqual(needed, 10)
            XCTAssertTrue("\(error)".contains("usable indexed strong spots for the profile model, need 10"), "\(error)")
        }

        let result = try Integrator(options: options(.bandOrAll, dMin: 7.0, dMax: 7.3))
            .integrate(experiments: s.experiments, reflections: s.strong)
        let summary = try XCTUnwrap(result.summaries.first)
        XCTAssertEqual(summary.profileSource, .allIndexed)
        XCTAssertLessThan(summary.bandReferenceSpots, 15)
        XCTAssertGreaterThan(summary.referenceSpots, 100)
        XCTAssertTrue(summary.profileSourceDescription.contains("of the whole sweep (\(summary.bandReferenceSpots) in the band)"),
                      summary.profileSourceDescription)
        XCTAssertGreaterThan(summary.integrated, 5, "\(summary)")
        XCTAssertEqual(summary.profile.sigmaBDegrees, s.plan.beamDivergence, accuracy: 0.03)
        XCTAssertGreaterThan(summary.profile.sigmaMDegrees, 0.5 * s.trueMosaicityDegrees)
        XCTAssertLessThan(summary.profile.sigmaMDegrees, 3 * s.trueMosaicityDegrees)
        let d = try result.reflections.values("d", as: Double.self)
        XCTAssertTrue(d.allSatisfy { $0 >= 7.0 && $0 <= 7.3 })
        // The profile is the whole sweep's, whatever the band.
        let all = try Integrator(options: options(.allIndexed)).integrate(experiments: s.experiments, reflections: s.strong)
        XCTAssertEqual(summary.profile, all.summaries[0].profile)
    }

    /// Too few indexed spots even in the whole sweep is still the old error.
    func testTooFewSpotsInTheWholeSweepIsStillAnError() throws {
        let s = try sweep()
        let few = try s.strong.select(rows: Array(0..<6))
        XCTAssertThrowsError(try Integrator(options: options(.bandOrAll)).integrate(experiments: s.experiments, reflections: few)) { error in
            guard case let IntegrationError.tooFewReferenceSpots(_, usable, needed) = error else { return XCTFail("\(error)") }
            XCTAssertLessThanOrEqual(usable, 6)
            XCTAssertEqual(needed, 10)
        }
    }
}
