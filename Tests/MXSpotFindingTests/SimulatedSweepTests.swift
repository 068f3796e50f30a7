import Foundation
import MXGeometry
import MXImages
import MXReflections
import MXSimulation
import MXTestSupport
import XCTest
@testable import MXSpotFinding

/// Spot finding on a simulated sweep (small Pilatus layout) against the simulator's truth:
/// where each spot was really drawn and how many counts it holds.
final class SimulatedSweepTests: XCTestCase {
    static let plan = CrystalForm.teha.plan(seed: 5, sweeps: 1, detector: .small, maxImages: 12)

    func testFoundSpotsAreWhereTheTruthDrewThemAndStrongReflectionsAreFound() throws {
        let dir = try CommandRunner.temporaryDirectory("spots-sim")
        defer { try? FileManager.default.removeItem(at: dir) }
        try DataSetGenerator.generate(plan: Self.plan, to: dir)
        let report = ImageImporter.importImages([dir.path])
        XCTAssertEqual(report.experiments.count, 1)
        let result = try SpotFinder(nproc: 2).findSpots(in: report.experiments)
        XCTAssertEqual(result.failures, [])
        let found = try XCTUnwrap(result.reflections.vec3s("xyzobs.px.value"))

        let name = Self.plan.sweeps[0].template.replacingOccurrences(of: "_####.cbf", with: ".refl")
        let truth = try ReflectionTable(contentsOf: dir.appendingPathComponent("truth/\(name)"))
        let drawn = try XCTUnwrap(truth.vec3s("xyzobs.px.value"))
        let counts = try XCTUnwrap(truth.doubles("intensity.sum.value"))
        let partiality = try XCTUnwrap(truth.doubles("partiality"))

        // Every found spot should sit on a drawn reflection: nearest within 1 px on the
        // detector (and within 2 images in rotation).
        func nearest(_ p: Vec3, in set: [Vec3]) -> Double {
            set.filter { abs($0.z - p.z) < 2 }.map { ((p.x - $0.x) * (p.x - $0.x) + (p.y - $0.y) * (p.y - $0.y)).squareRoot() }.min() ?? .infinity
        }
        let distances = found.map { nearest($0, in: drawn) }
        let onTruth = distances.filter { $0 <= 1 }.count
        XCTAssertGreaterThan(found.count, 50)
        XCTAssertGreaterThanOrEqual(Double(onTruth), 0.9 * Double(found.count), "\(onTruth) of \(found.count) spots within 1 px of a drawn reflection")
        XCTAssertLessThan(median(distances), 0.3)

        // Strong, fully recorded reflections well inside the scan and clear of the module gaps
        // are found. (Next to a gap the masked pixels count as background for the extended
        // threshold's erosion, so there DIALS — and we — lose spots by design.)
        let scan = Double(Self.plan.sweeps[0].numImages)
        let detector = Self.plan.detector
        func nearGap(_ p: Vec3) -> Bool {
            let (f, s) = (Int(p.x), Int(p.y))
            for ds in -4...4 { for df in -4...4 where detector.isGap(fast: f + df, slow: s + ds) { return true } }
            return false
        }
        let strong = drawn.indices.filter {
            counts[$0] > 1500 && partiality[$0] > 0.95 && drawn[$0].z > 1.5 && drawn[$0].z < scan - 1.5 && !nearGap(drawn[$0])
        }
        let recovered = strong.filter { nearest(drawn[$0], in: found) <= 1 }.count
        XCTAssertGreaterThan(strong.count, 10)
        XCTAssertGreaterThanOrEqual(Double(recovered), 0.98 * Double(strong.count), "\(recovered) of \(strong.count) strong reflections found")
    }
}
