import Foundation
import MXGeometry
import MXImages
import MXReflections
import MXSimulation
import MXTestSupport
import XCTest
@testable import MXIntegration

/// Integration of a simulated sweep against the simulator's truth.
final class SimulatedIntegrationTests: XCTestCase {
    func sweep() throws -> SimulatedSweep { try SimulatedSweep.shared.get() }

    func testIntensitiesCorrelateWithTruthAndProfileIsPlausible() throws {
        let s = try sweep()
        var options = IntegrationOptions()
        options.nproc = 2
        let result = try Integrator(options: options).integrate(experiments: s.experiments, reflections: s.strong)
        let table = result.reflections
        let summary = try XCTUnwrap(result.summaries.first)
        XCTAssertEqual(summary.predicted, table.nrows)
        XCTAssertGreaterThan(summary.integrated, 15, "\(summary)")

        // The profile: the simulator draws σ_b = 0.03° and the crystal's mosaicity; DIALS's
        // estimators overestimate both (centroid errors, background under the strong pixels),
        // but not by a factor of three.
        XCTAssertEqual(summary.profile.sigmaBDegrees, s.plan.beamDivergence, accuracy: 0.03)
        XCTAssertGreaterThan(summary.profile.sigmaMDegrees, 0.5 * s.trueMosaicityDegrees)
        XCTAssertLessThan(summary.profile.sigmaMDegrees, 3 * s.trueMosaicityDegrees)

        let d = try table.values("d", as: Double.self)
        XCTAssertTrue(d.allSatisfy { $0 >= 7.0 && $0 <= 8.1 })
        let flags = try XCTUnwrap(table.flags)
        let intensity = try table.values("intensity.sum.value", as: Double.self)
        let variance = try table.values("intensity.sum.variance", as: Double.self)
        let truthIntensity = try s.truth.values("intensity.sum.value", as: Double.self)
        let truthRows = try s.truthRows(for: table)
        var ours: [Double] = [], theirs: [Double] = []
        for i in 0..<table.nrows where flags[i].contains(.integratedSum) && variance[i] > 0
            && intensity[i] / variance[i].squareRoot() > 3 {
            guard let t = truthRows[i] else { continue }
            ours.append(intensity[i])
            theirs.append(truthIntensity[t])
        }
        XCTAssertGreaterThan(ours.count, 10)
        let cc = correlation(ours, theirs)
        XCTAssertGreaterThan(cc, 0.9, "CC \(cc) over \(ours.count) reflections")
        // Summation recovers the counts themselves, not just their ranking.
        let ratio = ours.reduce(0, +) / theirs.reduce(0, +)
        XCTAssertEqual(ratio, 1, accuracy: 0.05)
    }

    func testResultDoesNotDependOnThreadCount() throws {
        let s = try sweep()
        var one = IntegrationOptions(), three = IntegrationOptions()
        one.nproc = 1
        three.nproc = 3
        let a = try Integrator(options: one).integrate(experiments: s.experiments, reflections: s.strong)
        let b = try Integrator(options: three).integrate(experiments: s.experiments, reflections: s.strong)
        XCTAssertEqual(try a.reflections.reflBytes(), try b.reflections.reflBytes())
        XCTAssertEqual(a.summaries, b.summaries)
    }

    /// The joint step's layout: two experiments sharing one detector and beam, each with
    /// its own crystal, scan and images (here the same sweep twice), integrated together.
    func testExperimentsSharingDetectorAndBeamIntegrateIndependently() throws {
        let s = try sweep()
        var list = s.experiments
        list.scans.append(list.scans[0])
        list.crystals.append(list.crystals[0])
        list.imagesets.append(list.imagesets[0])
        list.experiments.append(Experiment(identifier: "second", beam: 0, detector: 0, goniometer: 0, scan: 1, crystal: 1, imageset: 1))
        var second = s.strong
        try second.modifyColumn("id", as: Int32.self) { ids in for i in ids.indices { ids[i] = 1 } }
        second.identifiers = [1: "second"]
        var both = s.strong
        try both.extend(second)
        let single = try Integrator().integrate(experiments: s.experiments, reflections: s.strong)
        let joint = try Integrator().integrate(experiments: list, reflections: both)
        XCTAssertEqual(joint.reflections.nrows, 2 * single.reflections.nrows)
        XCTAssertEqual(joint.reflections.identifiers, [0: s.experiments.experiments[0].identifier, 1: "second"])
        XCTAssertEqual(joint.summaries.count, 2)
        XCTAssertEqual(joint.summaries[1].profile, single.summaries[0].profile)
        XCTAssertEqual(joint.summaries[1].integrated, single.summaries[0].integrated)
        let ids = try joint.reflections.values("id", as: Int32.self)
        let intensity = try joint.reflections.values("intensity.sum.value", as: Double.self)
        let n = single.reflections.nrows
        XCTAssertEqual(Array(ids[n...]), Array(repeating: 1, count: n))
        XCTAssertEqual(Array(intensity[n...]), try single.reflections.values("intensity.sum.value", as: Double.self))
        XCTAssertEqual(joint.experiments.profiles.count, 2)
    }

    /// With the true profile: fully recorded reflections have partiality ≈ erf(3/√2), and
    /// the intensity of partials divided by their partiality adds up to the full counts.
    func testPartialityOfFullAndPartialReflections() throws {
        let s = try sweep()
        var options = IntegrationOptions()
        options.fixedProfiles = [GaussianRSProfile(sigmaBDegrees: s.plan.beamDivergence, sigmaMDegrees: s.trueMosaicityDegrees)]
        let result = try Integrator(options: options).integrate(experiments: s.experiments, reflections: ReflectionTable())
        let table = result.reflections
        let partiality = try table.values("partiality", as: Double.self)
        let bbox = try table.values("bbox", as: Int6.self)
        let flags = try XCTUnwrap(table.flags)
        let intensity = try table.values("intensity.sum.value", as: Double.self)
        let variance = try table.values("intensity.sum.variance", as: Double.self)
        let truthPartiality = try s.truth.values("partiality", as: Double.self)
        let truthIntensity = try s.truth.values("intensity.sum.value", as: Double.self)
        let truthRows = try s.truthRows(for: table)
        let n = Int32(s.experiments.scans[0].numImages)
        let full = erf(3 / 2.0.squareRoot())
        var inside = 0
        var recovered = 0.0, expected = 0.0
        var partials = 0
        for i in 0..<table.nrows {
            XCTAssertTrue(partiality[i] >= 0 && partiality[i] <= 1)
            if bbox[i].z0 > 0 && bbox[i].z1 < n {
                inside += 1
                XCTAssertGreaterThanOrEqual(partiality[i], full - 1e-9, "row \(i) \(bbox[i])")
            }
            guard let t = truthRows[i] else { continue }
            // The truth's recorded fraction is the same quantity, for the drawn spot centre
            // (0.2 images of centroid error away from the ideal one).
            XCTAssertEqual(partiality[i], truthPartiality[t], accuracy: 0.2, "row \(i)")
            if truthPartiality[t] < 0.9 { partials += 1 }
            guard flags[i].contains(.integratedSum), variance[i] > 0, intensity[i] / variance[i].squareRoot() > 3,
                  partiality[i] > 0.1 else { continue }
            recovered += intensity[i] / partiality[i]
            expected += truthIntensity[t] / truthPartiality[t]
        }
        XCTAssertGreaterThan(inside, 5)
        XCTAssertGreaterThan(partials, 3)
        XCTAssertEqual(recovered / expected, 1, accuracy: 0.1)
    }

    func testLPAndQEColumnsFollowTheFormulas() throws {
        let s = try sweep()
        var options = IntegrationOptions()
        options.fixedProfiles = [GaussianRSProfile(sigmaBDegrees: 0.03, sigmaMDegrees: 0.06)]
        let table = try Integrator(options: options).integrate(experiments: s.experiments, reflections: ReflectionTable()).reflections
        let s1 = try table.values("s1", as: Vec3.self)
        let lp = try table.values("lp", as: Double.self)
        let qe = try table.values("qe", as: Double.self)
        let beam = s.experiments.beams[0], panel = s.experiments.detectors[0][0]
        let mu = try SiliconSensor.mu(wavelength: beam.wavelength)
        XCTAssertEqual(panel.mu, mu, accuracy: 1e-12)
        // Hand-written for this geometry: beam along −z, axis +x, polarisation normal +y.
        for i in stride(from: 0, to: table.nrows, by: max(1, table.nrows / 7)) {
            let u = s1[i] / (s1[i].x * s1[i].x + s1[i].y * s1[i].y + s1[i].z * s1[i].z).squareRoot()
            let lorentz = abs(u.y)                      // |ŝ1·(x̂ × −ẑ)| = |ŝ1·ŷ|
            let f = beam.polarizationFraction
            let polarization = (1 - 2 * f) * (1 - u.y * u.y) + f * (1 + u.z * u.z)
            XCTAssertEqual(lp[i], lorentz / polarization, accuracy: 1e-12, "row \(i)")
            let cosine = abs(u.z)                       // panel normal ∓z
            XCTAssertEqual(qe[i], 1 - exp(-mu * 0.45 / cosine), accuracy: 1e-12, "row \(i)")
        }
    }
}
