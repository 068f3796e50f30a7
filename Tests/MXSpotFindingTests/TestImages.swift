import MXTestSupport
import Foundation
import MXGeometry
import MXImages
@testable import MXSpotFinding

/// Small synthetic panels and images for the threshold and labelling tests.
enum TestImages {
    /// A flat panel `fast` × `slow` with a Pilatus-like trusted range and optional mask rects.
    static func panel(fast: Int, slow: Int, trusted: (Double, Double) = (-1, 1_000_000),
                      mask: [Panel.MaskRect] = []) -> Panel {
        var p = Panel(fastAxis: Vec3(1, 0, 0), slowAxis: Vec3(0, -1, 0), origin: Vec3(-10, 10, -100),
                      imageSize: (fast, slow), pixelSize: (0.172, 0.172), trustedRange: trusted)
        p.mask = mask
        return p
    }

    /// A constant image with some pixels set: `set` maps (fast, slow) to a value.
    static func image(fast: Int, slow: Int, background: Int32, set: [(Int, Int, Int32)] = []) -> PixelImage {
        var px = [Int32](repeating: background, count: fast * slow)
        for (f, s, v) in set { px[s * fast + f] = v }
        return PixelImage(fast: fast, slow: slow, pixels: px)
    }

    /// Row-major indices where `mask` is true.
    static func indices(_ mask: [Bool]) -> [Int] { mask.indices.filter { mask[$0] } }
}

/// Deterministic test-image noise on top of SplitMix64, so test images are the same on every run.
struct TestRandom {
    var source: SplitMix64
    init(seed: UInt64) { source = SplitMix64(seed: seed) }
    mutating func next() -> UInt64 { source.next() }
    mutating func uniform() -> Double { Double(next() >> 11) / Double(1 << 53) }
    /// Poisson deviate by Knuth's product method (fine for the small means used here).
    mutating func poisson(_ mean: Double) -> Int32 {
        if mean > 60 { return Int32(max(0, (mean + mean.squareRoot() * normal()).rounded())) }
        let limit = exp(-mean)
        var k: Int32 = 0, p = uniform()
        while p > limit { k += 1; p *= uniform() }
        return k
    }
    mutating func normal() -> Double {
        let u = max(uniform(), 1e-300), v = uniform()
        return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
    }
}
