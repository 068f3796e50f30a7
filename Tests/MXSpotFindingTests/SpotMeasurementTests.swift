import MXGeometry
import MXReflections
import XCTest
@testable import MXSpotFinding

/// Centroids, variances, intensities and peaks worked out by hand, with DIALS's rules.
final class SpotMeasurementTests: XCTestCase {
    func measure(_ pixels: [(z: Int32, y: Int32, x: Int32, v: Int32)]) -> StrongSpot {
        let xs = pixels.map(\.x), ys = pixels.map(\.y), zs = pixels.map(\.z)
        let bbox = Int6(xs.min()!, xs.max()! + 1, ys.min()!, ys.max()! + 1, zs.min()!, zs.max()! + 1)
        return SpotMeasurement.measure(panel: 0, bbox: bbox, z: zs, y: ys, x: xs, values: pixels.map(\.v))
    }

    /// Three pixels in a row on one frame, counts 1, 2, 1 at x = 4, 5, 6 (centres 4.5, 5.5, 6.5):
    /// W = 4, Σw² = 6, μ_x = 5.5; Σw(x − μ)² = 2, so σ² = 2·4/(16 − 6) = 0.8 and the reported
    /// variance is 0.8/4 + 1/12. Along y and z all pixels share a centre: variance 1/12. One
    /// frame thick, so z is the frame's middle.
    func testCentroidAndVarianceOfASymmetricRow() {
        let spot = measure([(7, 3, 4, 1), (7, 3, 5, 2), (7, 3, 6, 1)])
        XCTAssertEqual(spot.centroid, Vec3(5.5, 3.5, 7.5))
        XCTAssertEqual(spot.centroidVariance.x, 0.8 / 4 + 1.0 / 12, accuracy: 1e-15)
        XCTAssertEqual(spot.centroidVariance.y, 1.0 / 12, accuracy: 1e-15)
        XCTAssertEqual(spot.centroidVariance.z, 1.0 / 12, accuracy: 1e-15)
        XCTAssertEqual(spot.intensity, 4)
        XCTAssertEqual(spot.intensityVariance, 4)
        XCTAssertEqual(spot.pixelCount, 3)
        XCTAssertEqual(spot.peak, Vec3(5.5, 3.5, 7.5))
        XCTAssertEqual(spot.bbox, Int6(4, 7, 3, 4, 7, 8))
    }

    /// Across frames z is a weighted mean like x and y: 3 counts on frame 2 and 1 on frame 3
    /// put z at 2.5·0.75 + 3.5·0.25 = 2.75.
    func testZIsWeightedAcrossFrames() {
        let spot = measure([(2, 0, 0, 3), (3, 0, 0, 1)])
        XCTAssertEqual(spot.centroid.z, 2.75, accuracy: 1e-15)
        // σ² = Σw(z − μ)²·W/(W² − Σw²) = (3·0.0625 + 0.5625)·4/(16 − 10) = 0.5.
        XCTAssertEqual(spot.centroidVariance.z, 0.5 / 4 + 1.0 / 12, accuracy: 1e-15)
    }

    /// One pixel: W² = Σw², so no variance can be estimated; DIALS reports 1/12.
    func testASinglePixelHasTheVarianceOfAUniformPixel() {
        let spot = measure([(0, 5, 5, 10)])
        XCTAssertEqual(spot.centroidVariance, Vec3(repeating: 1.0 / 12))
        XCTAssertEqual(spot.centroid, Vec3(5.5, 5.5, 0.5))
    }

    /// Ties go to the first pixel in z, y, x order.
    func testThePeakIsTheFirstBrightestPixel() {
        let spot = measure([(0, 1, 1, 5), (0, 1, 2, 9), (0, 2, 1, 9), (1, 1, 1, 9)])
        XCTAssertEqual(spot.peak, Vec3(2.5, 1.5, 0.5))
    }

    /// Values are single precision, as in DIALS's Shoebox<float>: 2²⁴ + 1 counts become 2²⁴.
    func testIntensitiesAreSummedInSinglePrecision() {
        let spot = measure([(0, 0, 0, 1 << 24), (0, 0, 1, 1)])
        XCTAssertEqual(spot.intensity, Double(1 << 24))
    }
}
