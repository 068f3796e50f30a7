import Foundation
import MXGeometry
import MXImages
import MXReflections
import MXTestSupport
import XCTest
@testable import MXSpotFinding

/// Spot finding on measured images against what dials.find_spots (DIALS 3.12, defaults) found
/// on the same images: the L-cysteine sweeps (Pilatus 2M, 3-D spots) and the thaumatin grid
/// scan (Pilatus3 6M stills, 2-D spots).
final class RealDataTests: XCTestCase {
    func realFolder(_ name: String) throws -> URL {
        guard let real = TestData.realData else {
            throw XCTSkip("../shared/data/real is not beside this checkout; real-data spot-finding tests skipped")
        }
        return real.appendingPathComponent(name)
    }

    func spots(of table: ReflectionTable, experiment: Int) throws -> (xyz: [Vec3], rows: [Int]) {
        let ids = try XCTUnwrap(table.ints("id"))
        let xyz = try XCTUnwrap(table.vec3s("xyzobs.px.value"))
        let rows = ids.indices.filter { ids[$0] == Int32(experiment) }
        return (rows.map { xyz[$0] }, rows)
    }

    /// Same strong pixels on every image, same spots (count within 15 %, positions within
    /// 0.3 px median — in fact identical, row for row).
    func testLCysteineSweepsGiveDIALSsStrongPixelsAndSpots() throws {
        let folder = try realFolder("l_cysteine")
        let report = ImageImporter.importImages([folder.path])
        XCTAssertEqual(report.experiments.count, 4)
        let result = try SpotFinder(nproc: 2).findSpots(in: report.experiments)
        XCTAssertEqual(result.failures, [])
        let fixture = try DIALSSpots.load("l_cysteine")
        let sweeps = try XCTUnwrap(fixture["sweeps"] as? [[String: Any]])
        let table = result.reflections
        for (i, sweep) in sweeps.enumerated() {
            let pixels = try XCTUnwrap(sweep["strong_pixels_per_image"] as? [Int])
            XCTAssertEqual(result.images.filter { $0.experiment == i }.map(\.strongPixels), pixels, "sweep \(i + 1) strong pixels")
            let dials = try DIALSSpots(try XCTUnwrap(sweep["spots"] as? [String: Any]))
            let (xyz, rows) = try spots(of: table, experiment: i)
            XCTAssertEqual(Double(xyz.count), Double(dials.xyz.count), accuracy: 0.15 * Double(dials.xyz.count), "sweep \(i + 1)")
            XCTAssertLessThan(median(nearestDistances(xyz, dials.xyz)), 0.3, "sweep \(i + 1)")
            assertSameSpots(table, rows: rows, as: dials, label: "sweep \(i + 1)")
        }
        XCTAssertEqual(table.nrows, 160)
        XCTAssertEqual(Set(table.identifiers.keys), [0, 1, 2, 3])
    }

    /// The 19 stills: per-image spot counts within 10 % of DIALS's, and spot positions on three
    /// images (1, 14, 15) with a median difference below 0.2 px — in fact identical.
    func testThaumatinStillsGiveDIALSsSpotsPerImage() throws {
        let folder = try realFolder("thaumatin_grid_i24")
        let report = ImageImporter.importImages([folder.path + "/*.cbf.bz2"])
        XCTAssertEqual(report.experiments.count, 19)
        let result = try SpotFinder(nproc: 2).findSpots(in: report.experiments)
        XCTAssertEqual(result.failures, [])
        let fixture = try DIALSSpots.load("thaumatin")
        let perImage = try XCTUnwrap(fixture["spots_per_image"] as? [Int])
        let pixels = try XCTUnwrap(fixture["strong_pixels_per_image"] as? [Int])
        XCTAssertEqual(result.images.map(\.strongPixels), pixels)
        let ids = try XCTUnwrap(result.reflections.ints("id"))
        for (i, expected) in perImage.enumerated() {
            let ours = ids.filter { $0 == Int32(i) }.count
            XCTAssertEqual(Double(ours), Double(expected), accuracy: max(0.1 * Double(expected), 0.5), "image \(i + 1)")
        }
        let onImages = try XCTUnwrap(fixture["spots_on_images"] as? [String: Any])
        for (key, value) in onImages {
            let dials = try DIALSSpots(try XCTUnwrap(value as? [String: Any]))
            let (xyz, rows) = try spots(of: result.reflections, experiment: Int(key)! - 1)
            XCTAssertLessThan(median(nearestDistances(xyz, dials.xyz)), 0.2, "image \(key)")
            assertSameSpots(result.reflections, rows: rows, as: dials, label: "image \(key)")
        }
    }

    /// Row for row: DIALS's order, boxes, pixel counts, intensities and centroids with their
    /// variances (to rounding).
    func assertSameSpots(_ table: ReflectionTable, rows: [Int], as dials: DIALSSpots, label: String,
                         file: StaticString = #filePath, line: UInt = #line) {
        guard rows.count == dials.xyz.count else {
            XCTFail("\(label): \(rows.count) spots, DIALS \(dials.xyz.count)", file: file, line: line)
            return
        }
        let xyz = table.vec3s("xyzobs.px.value")!, variance = table.vec3s("xyzobs.px.variance")!
        let bbox = table.int6s("bbox")!, intensity = table.doubles("intensity.sum.value")!, n = table.ints("n_signal")!
        var mismatches = 0
        for (k, r) in rows.enumerated() {
            let same = bbox[r].values.map(Int.init) == dials.bbox[k] && Int(n[r]) == dials.nSignal[k]
                && intensity[r] == dials.intensity[k]
                && (xyz[r] - dials.xyz[k]).length < 1e-9 && (variance[r] - dials.variance[k]).length < 1e-12
            if !same {
                mismatches += 1
                if mismatches <= 3 {
                    XCTFail("\(label) spot \(k): ours \(bbox[r]) n \(n[r]) I \(intensity[r]) xyz \(xyz[r]) var \(variance[r]); DIALS \(dials.bbox[k]) n \(dials.nSignal[k]) I \(dials.intensity[k]) xyz \(dials.xyz[k]) var \(dials.variance[k])", file: file, line: line)
                }
            }
        }
        XCTAssertEqual(mismatches, 0, "\(label): spots that differ from DIALS's", file: file, line: line)
    }
}
