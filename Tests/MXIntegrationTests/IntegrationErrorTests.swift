import Foundation
import MXGeometry
import MXReflections
import MXTestSupport
import XCTest
@testable import MXIntegration

/// Inputs that cannot be integrated end in one clear error, never a crash or an empty file.
final class IntegrationErrorTests: XCTestCase {
    func sweep() throws -> SimulatedSweep { try SimulatedSweep.shared.get() }

    func testBandWithoutReflectionsIsAnError() throws {
        let s = try sweep()
        var options = IntegrationOptions()
        options.dMin = 200
        options.dMax = 300
        options.fixedProfiles = [GaussianRSProfile(sigmaBDegrees: 0.03, sigmaMDegrees: 0.06)]
        XCTAssertThrowsError(try Integrator(options: options).integrate(experiments: s.experiments, reflections: s.strong)) { error in
            guard case let IntegrationError.tooFewPredictions(e, n, _, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(e, 0)
            XCTAssertEqual(n, 0)
            XCTAssertFalse("\(error)".contains("\n"))
            XCTAssertTrue("\(error)".contains("200.00–300.00 Å"), "\(error)")
        }
    }

    func testNoIndexedSpotsForTheProfileIsAnError() throws {
        let s = try sweep()
        var unindexed = s.strong
        try unindexed.unsetFlags(.indexed)
        XCTAssertThrowsError(try Integrator().integrate(experiments: s.experiments, reflections: unindexed)) { error in
            XCTAssertEqual(error as? IntegrationError, .tooFewReferenceSpots(experiment: 0, usable: 0, needed: 10))
        }
    }

    func testMissingImagesAreAReadError() throws {
        let s = try sweep()
        var list = s.experiments
        list.imagesets = [.sequence(template: "/nonexistent/xtal_####.cbf")]
        var options = IntegrationOptions()
        options.fixedProfiles = [GaussianRSProfile(sigmaBDegrees: 0.03, sigmaMDegrees: 0.06)]
        XCTAssertThrowsError(try Integrator(options: options).integrate(experiments: list, reflections: ReflectionTable())) { error in
            guard case IntegrationError.imageRead = error else { return XCTFail("\(error)") }
            XCTAssertFalse("\(error)".contains("\n"))
        }
    }

    /// A damaged table's reference spot (a bbox as wide as Int32 allows, or no bbox and a centre
    /// far off the images) is refused by row, before the shoebox arithmetic overflows or asks for
    /// more pixels than exist.
    func testAReferenceSpotOffTheImagesIsRefusedByRow() throws {
        let s = try sweep()
        let m = s.experiments
        let references = try ReferenceSpots.select(from: s.strong, experiment: 0, beam: m.beams[0], detector: m.detectors[0],
                                                   goniometer: m.goniometers[0], scan: m.scans[0], crystal: m.crystals[0],
                                                   paddingDegrees: IntegrationOptions().paddingDegrees)
        let row = try XCTUnwrap(references.first).row
        let size = m.detectors[0][0].imageSize
        let (lo, hi) = m.scans[0].arrayRange

        var huge = s.strong
        var boxes = try XCTUnwrap(huge.int6s("bbox"))
        boxes[row] = Int6(Int32.min, Int32.max, Int32.min, Int32.max, 0, 1)
        try huge.setColumn("bbox", boxes)
        XCTAssertThrowsError(try Integrator().integrate(experiments: m, reflections: huge)) { error in
            let message = "reflection \(row): bbox [-2147483648, 2147483647, -2147483648, 2147483647, 0, 1] is not a box on the "
                + "\(size.fast) × \(size.slow) panel within images \(lo + 1)…\(hi)"
            XCTAssertEqual(error as? IntegrationError, .badInput(message))
            XCTAssertFalse("\(error)".contains("\n"))
        }

        var boxless = s.strong
        boxless.removeColumn("bbox")
        var px = try XCTUnwrap(boxless.vec3s("xyzobs.px.value"))
        px[row].x = 1e12
        try boxless.setColumn("xyzobs.px.value", px)
        XCTAssertThrowsError(try Integrator().integrate(experiments: m, reflections: boxless)) { error in
            XCTAssertEqual(error as? IntegrationError,
                           .badInput("reflection \(row): xyzobs.px.value \(px[row].array) is not a position on the images"))
        }
    }

    func testStillsAreRejected() throws {
        let s = try sweep()
        var list = s.experiments
        list.scans[0].oscillation.width = 0
        XCTAssertThrowsError(try Integrator().integrate(experiments: list, reflections: s.strong)) { error in
            guard case IntegrationError.badInput = error else { return XCTFail("\(error)") }
        }
    }
}
