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

    func testStillsAreRejected() throws {
        let s = try sweep()
        var list = s.experiments
        list.scans[0].oscillation.width = 0
        XCTAssertThrowsError(try Integrator().integrate(experiments: list, reflections: s.strong)) { error in
            guard case IntegrationError.badInput = error else { return XCTFail("\(error)") }
        }
    }
}
