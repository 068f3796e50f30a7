import Foundation
import MXGeometry
import MXReflections
import MXTestSupport
import XCTest
@testable import MXIntegration

/// The robust Poisson background on synthetic shoeboxes.
final class RobustBackgroundTests: XCTestCase {
    /// Poisson(λ) by inversion from a seeded generator.
    func poisson(_ lambda: Double, _ rng: inout SplitMix64) -> Int32 {
        let u = Double(rng.next() >> 11) / Double(1 << 53)
        var k = 0, p = exp(-lambda), cdf = p
        while u > cdf && k < 1000 {
            k += 1
            p *= lambda / Double(k)
            cdf += p
        }
        return Int32(k)
    }

    /// A 15 × 15 × 3 shoebox of background λ with a spot of `spot` counts spread over the
    /// central 3 × 3 pixels of every frame, the 5 × 5 centre marked foreground.
    func shoebox(lambda: Double, spot: Int32, hotPixel: Int32?, seed: UInt64) -> Shoebox {
        var rng = SplitMix64(seed: seed)
        let bbox = Int6(100, 115, 200, 215, 0, 3)
        var data = [Int32](repeating: 0, count: 15 * 15 * 3)
        for i in data.indices { data[i] = poisson(lambda, &rng) }
        var box = Shoebox(panel: 0, bbox: bbox, data: data)
        for k in 0..<3 {
            for j in 0..<15 {
                for i in 0..<15 {
                    let p = box.index(x: i, y: j, z: k)
                    let fg = abs(i - 7) <= 2 && abs(j - 7) <= 2
                    box.mask[p] = fg ? [.valid, .foreground] : [.valid, .background]
                    if abs(i - 7) <= 1 && abs(j - 7) <= 1 { box.data[p] += spot / 27 }
                }
            }
        }
        if let hot = hotPixel { box.data[box.index(x: 1, y: 2, z: 1)] = hot }
        return box
    }

    let trust = PixelTrust(panel: Panel(fastAxis: Vec3(1, 0, 0), slowAxis: Vec3(0, -1, 0), origin: Vec3(0, 0, -100),
                                        imageSize: (500, 500), pixelSize: (0.172, 0.172), trustedRange: (-1, 1e6)))

    func testHotPixelBarelyMovesTheBackground() {
        let box = shoebox(lambda: 3, spot: 0, hotPixel: 60_000, seed: 1)
        let y = zip(box.data, box.mask).filter { $0.1.contains(.background) }.map { Double($0.0) }
        let plain = y.reduce(0, +) / Double(y.count)
        XCTAssertGreaterThan(plain, 3 + 60_000 / Double(y.count) - 1, "the plain mean is ruined by the hot pixel")
        let robust = try! XCTUnwrap(RobustPoissonMean(y))
        XCTAssertTrue(robust.converged)
        XCTAssertEqual(robust.mean, 3, accuracy: 0.25)
    }

    func testSummationWithAHotBackgroundPixelRecoversThePlantedSpot() {
        var box = shoebox(lambda: 2, spot: 27 * 400, hotPixel: 50_000, seed: 2)
        let result = SummationIntegrator(huberConstant: 1.345, maxIterations: 100, minPixels: 10).integrate(&box, trust: trust)
        XCTAssertTrue(result.flags.contains(.integratedSum))
        XCTAssertEqual(result.backgroundMean, 2, accuracy: 0.2)
        // 10 800 planted counts; the foreground's Poisson noise is about √(10 800 + 75·2) ≈ 105.
        XCTAssertEqual(result.intensity, 10_800, accuracy: 350)
        XCTAssertEqual(result.numForeground, 75)
        XCTAssertEqual(result.numBackground, 15 * 15 * 3 - 75)
        XCTAssertEqual(result.numBackgroundUsed, 15 * 15 * 3 - 75)
        let nRatio = 75.0 / Double(15 * 15 * 3 - 75)
        XCTAssertEqual(result.backgroundSum, 75 * result.backgroundMean, accuracy: 1e-9)
        XCTAssertEqual(result.variance, abs(result.intensity) + result.backgroundSum * (1 + nRatio), accuracy: 1e-9)
        let centroid = try! XCTUnwrap(result.centroid)
        XCTAssertEqual(centroid.value.x, 107.5, accuracy: 0.1)
        XCTAssertEqual(centroid.value.y, 207.5, accuracy: 0.1)
        XCTAssertEqual(centroid.value.z, 1.5, accuracy: 0.1)
    }

    func testBadForegroundPixelFailsSummationAndIsFlagged() {
        var box = shoebox(lambda: 2, spot: 2700, hotPixel: nil, seed: 3)
        box.data[box.index(x: 7, y: 7, z: 0)] = -2
        box.mask[box.index(x: 7, y: 7, z: 0)].remove(.valid)
        let result = SummationIntegrator(huberConstant: 1.345, maxIterations: 100, minPixels: 10).integrate(&box, trust: trust)
        XCTAssertFalse(result.flags.contains(.integratedSum))
        XCTAssertTrue(result.flags.contains(.foregroundIncludesBadPixels))
    }

    func testTooFewBackgroundPixelsFailsBackgroundModelling() {
        var box = shoebox(lambda: 2, spot: 2700, hotPixel: nil, seed: 4)
        for p in box.mask.indices where box.mask[p].contains(.background) { box.mask[p].insert(.overlapped) }
        let result = SummationIntegrator(huberConstant: 1.345, maxIterations: 100, minPixels: 10).integrate(&box, trust: trust)
        XCTAssertTrue(result.flags.contains(.failedDuringBackgroundModelling))
        XCTAssertFalse(result.flags.contains(.integratedSum))
    }

    /// The same numbers through DIALS's own `RobustPoissonMean` (Debian's python3-dials).
    func testAgreesWithDIALSRobustPoissonMean() throws {
        guard let python = CommandRunner.dxtbxPython else { throw XCTSkip("python3 with DIALS is not installed") }
        var rng = SplitMix64(seed: 9)
        var samples: [[Double]] = []
        for lambda in [0.3, 1.5, 4.0, 25.0] {
            var y = (0..<200).map { _ in Double(poisson(lambda, &rng)) }
            y[17] = 4000
            samples.append(y)
        }
        let script = """
        from dials.algorithms.background.glm import RobustPoissonMean
        from dials.array_family import flex
        import sys
        for line in sys.argv[1:]:
            y = flex.double([float(v) for v in line.split(",")])
            s = sorted(y); m = s[len(s) // 2]
            print(repr(RobustPoissonMean(y, m if m > 0 else 1.0, 1.345, 1e-3, 100).mean()))
        """
        let out = try CommandRunner.run(python, ["-c", script] + samples.map { $0.map { String(Int($0)) }.joined(separator: ",") })
        XCTAssertEqual(out.status, 0, out.stderr)
        let theirs = out.stdout.split(separator: "\n").compactMap { Double($0) }
        XCTAssertEqual(theirs.count, samples.count)
        for (y, t) in zip(samples, theirs) {
            let ours = try XCTUnwrap(RobustPoissonMean(y)).mean
            XCTAssertEqual(ours, t, accuracy: 1e-9 * t)
        }
    }
}
