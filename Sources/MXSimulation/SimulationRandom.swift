import Foundation
import MXGeometry

/// xoshiro256** (Blackman & Vigna): fast, small state, good statistics. Every stream is seeded
/// from (seed, stream ids) through SplitMix64, so a sweep's images come out the same whatever
/// thread renders them and in whatever order.
public struct SimulationRandom: RandomNumberGenerator, Sendable {
    @usableFromInline var s0, s1, s2, s3: UInt64

    /// A generator for the stream named by `ids` under `seed` (e.g. [sweep, image]).
    public init(seed: UInt64, stream ids: [UInt64] = []) {
        var x = seed
        for id in ids { x = Self.splitMix(&x) ^ (id &* 0x9E37_79B9_7F4A_7C15) }
        s0 = Self.splitMix(&x)
        s1 = Self.splitMix(&x)
        s2 = Self.splitMix(&x)
        s3 = Self.splitMix(&x)
    }

    private static func splitMix(_ x: inout UInt64) -> UInt64 {
        x &+= 0x9E37_79B9_7F4A_7C15
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    @inlinable public mutating func next() -> UInt64 {
        let m = s1 &* 5
        let result = (m << 7 | m >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }

    /// Uniform in (0, 1): never exactly 0, so logarithms stay finite.
    @inlinable public mutating func uniform() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1.0p-53
    }

    /// Standard normal deviate (Box–Muller; one of the pair is discarded for simplicity).
    public mutating func normal() -> Double {
        let u = uniform(), v = uniform()
        return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
    }

    /// A uniformly distributed rotation (Shoemake's method via a random unit quaternion).
    public mutating func rotation() -> Mat3 {
        let u1 = uniform(), u2 = uniform(), u3 = uniform()
        let a = (1 - u1).squareRoot(), b = u1.squareRoot()
        let (w, x, y, z) = (a * sin(2 * .pi * u2), a * cos(2 * .pi * u2), b * sin(2 * .pi * u3), b * cos(2 * .pi * u3))
        return Mat3((1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w),
                     2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w),
                     2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y)))
    }

    /// A Poisson deviate with mean λ: inversion by sequential search for λ < 10 (given e^{−λ}
    /// precomputed when the caller has it), Hörmann's PTRS transformed rejection above.
    @inlinable public mutating func poisson(_ lambda: Double, expMinusLambda: Double? = nil) -> Int {
        if lambda <= 0 { return 0 }
        if lambda < 10 {
            var p = expMinusLambda ?? exp(-lambda)
            var f = p
            let u = uniform()
            var k = 0
            while u > f && k < 100 {
                k += 1
                p *= lambda / Double(k)
                f += p
            }
            return k
        }
        return poissonPTRS(lambda)
    }

    /// W. Hörmann, "The transformed rejection method for generating Poisson random variables",
    /// Insurance: Mathematics and Economics 12 (1993) 39–45.
    @usableFromInline mutating func poissonPTRS(_ lambda: Double) -> Int {
        let slam = lambda.squareRoot(), loglam = log(lambda)
        let b = 0.931 + 2.53 * slam
        let a = -0.059 + 0.02483 * b
        let invalpha = 1.1239 + 1.1328 / (b - 3.4)
        let vr = 0.9277 - 3.6224 / (b - 2)
        while true {
            let u = uniform() - 0.5, v = uniform()
            let us = 0.5 - abs(u)
            let k = ((2 * a / us + b) * u + lambda + 0.43).rounded(.down)
            if us >= 0.07 && v <= vr { return Int(k) }
            if k < 0 || (us < 0.013 && v > us) { continue }
            if log(v) + log(invalpha) - log(a / (us * us) + b) <= -lambda + k * loglam - lgamma(k + 1) {
                return Int(k)
            }
        }
    }
}
