import Foundation
import MXMerging
import MXScaling
import MXSymmetry
import MXTestSupport
import XCTest

/// Scaling of observations made in the test from a known truth: five crystals in P 2₁2₁2₁ with
/// scales 0.3–3, relative B −10…+15 Å², a ±15 % scale drift over each 40° sweep, Poisson-like
/// noise inflated by a planted error model (a 1.2, b 0.03) and twelve planted outliers.
final class SyntheticScalingTests: XCTestCase {
    static let scales = [1.0, 0.3, 3.0, 0.6, 1.8]
    static let bFactors = [0.0, -10.0, 15.0, 5.0, -4.0]
    static let truthModel = ErrorModel(a: 1.2, b: 0.03)

    struct Synthetic {
        var observations: [ScalingObservation]
        var trueScale: [Double]   // C(φ) per observation
        var planted: [Int]
    }

    static func drift(_ c: Int, _ phi: Double) -> Double { scales[c] * (1 + 0.15 * sin(2 * Double.pi * (phi - 10 * Double(c)) / 60)) }

    static func make(seed: UInt64 = 7) throws -> Synthetic {
        var random = SplitMix64(seed: seed)
        func uniform() -> Double { Double(random.next() >> 11) / Double(1 << 53) }
        func normal() -> Double { (-2 * log(max(uniform(), 1e-300))).squareRoot() * cos(2 * Double.pi * uniform()) }
        let group = try SpaceGroup("P 21 21 21")
        let (a, b, c) = (40.0, 50.0, 60.0)
        var unique: [(SIMD3<Int>, Double)] = []
        for h in 0...16 { for k in 0...20 { for l in 0...24 {
            let hkl = SIMD3(h, k, l)
            guard hkl != .zero, !group.isSystematicallyAbsent(hkl) else { continue }
            let d = 1 / (Double(h * h) / (a * a) + Double(k * k) / (b * b) + Double(l * l) / (c * c)).squareRoot()
            if d >= 2.5 { unique.append((hkl, d)) }
        } } }
        var observations: [ScalingObservation] = [], trueScale: [Double] = []
        for (hkl, d) in unique {
            let mean = 4000 * exp(-10 / (d * d))
            let intensity = -mean * log(max(uniform(), 1e-12))
            let equivalents = group.equivalents(hkl)
            for crystal in 0..<5 where uniform() < 0.55 {
                let phi = 10 * Double(crystal) + 40 * uniform()
                let scale = drift(crystal, phi)
                let expected = scale * exp(bFactors[crystal] / (2 * d * d)) * intensity
                let variance = max(expected, 0) + 30
                let noise = normal() * truthModel.variance(variance, intensity: expected).squareRoot()
                let index = equivalents[Int(uniform() * Double(equivalents.count)) % equivalents.count]
                observations.append(ScalingObservation(crystal: crystal, hkl: index, intensity: expected + noise, variance: variance,
                                                       rotationDegrees: phi, dSpacing: d))
                trueScale.append(scale)
            }
        }
        // Outliers: twelve strong observations in groups of four or more, pushed up by 30σ′.
        let asu = ReciprocalASU(group)
        var counts: [SIMD3<Int>: Int] = [:]
        for o in observations { counts[asu.representative(o.hkl), default: 0] += 1 }
        var planted: [Int] = []
        for (i, o) in observations.enumerated() where planted.count < 12 && i % 97 == 0 && counts[asu.representative(o.hkl)]! >= 4 && o.intensity > 500 {
            observations[i].intensity += 30 * truthModel.variance(o.variance, intensity: o.intensity).squareRoot()
            planted.append(i)
        }
        return Synthetic(observations: observations, trueScale: trueScale, planted: planted)
    }

    func testRecoversScalesBFactorsOutliersAndTheErrorModel() throws {
        let data = try Self.make()
        XCTAssertEqual(data.planted.count, 12)
        let result = try PhysicalScaling.scale(data.observations, spaceGroup: try SpaceGroup("P 21 21 21"))
        var trueMean = [Double](repeating: 0, count: 5), count = trueMean
        for (i, o) in data.observations.enumerated() { trueMean[o.crystal] += data.trueScale[i]; count[o.crystal] += 1 }
        for c in 0..<5 {
            let truth = (trueMean[c] / count[c]) / (trueMean[0] / count[0])
            let found = result.crystals[c]
            print(String(format: "crystal %d: scale %.4f (truth %.4f, %+.2f %%), B %+.3f Å² (truth %+.1f)", c, found.meanScale, truth,
                         100 * (found.meanScale / truth - 1), found.relativeB, Self.bFactors[c]))
            XCTAssertEqual(found.meanScale / truth, 1, accuracy: 0.02, "crystal \(c) scale")
            XCTAssertEqual(found.relativeB, Self.bFactors[c], accuracy: 1, "crystal \(c) B")
        }
        // Per observation, g against the true g = C(φ)·exp(B/2d²), drift included, once the
        // overall scale and B (free in the data) are fitted out.
        var (sx, sy, sxx, sxy) = (0.0, 0.0, 0.0, 0.0)
        let logs = data.observations.indices.map { i -> (Double, Double) in
            let o = data.observations[i]
            let x = 1 / (2 * o.dSpacing * o.dSpacing)
            return (x, log(result.inverseScaleFactors[i] / (data.trueScale[i] * exp(Self.bFactors[o.crystal] * x))))
        }
        for (x, y) in logs { sx += x; sy += y; sxx += x * x; sxy += x * y }
        let n = Double(logs.count)
        let beta = (n * sxy - sx * sy) / (n * sxx - sx * sx), c = (sy - beta * sx) / n
        let rms = (logs.reduce(0) { $0 + pow($1.1 - c - beta * $1.0, 2) } / n).squareRoot()
        let worst = logs.map { abs($0.1 - c - beta * $0.0) }.max()!
        print(String(format: "g against truth: RMS %.3f %%, worst %.3f %% (overall ΔB %.3f Å²)", 100 * rms, 100 * worst, beta))
        XCTAssertLessThan(rms, 0.01)
        XCTAssertLessThan(worst, 0.03)
        let flagged = result.isOutlier.indices.filter { result.isOutlier[$0] }
        print("outliers flagged \(flagged.count), planted \(data.planted.count), error model a \(result.errorModel.a) b \(result.errorModel.b), cycles \(result.cycles)")
        for i in data.planted { XCTAssertTrue(result.isOutlier[i], "planted outlier \(i)") }
        XCTAssertLessThan(flagged.count, data.planted.count + data.observations.count / 500)
        XCTAssertEqual(result.errorModel.a, Self.truthModel.a, accuracy: 0.1)
        XCTAssertEqual(result.errorModel.b, Self.truthModel.b, accuracy: 0.01)
        XCTAssertEqual(result.unmerged.count, data.observations.count - flagged.count)
    }

    func testShuffledInputGivesTheSameResultPerObservation() throws {
        let data = try Self.make(seed: 11)
        let group = try SpaceGroup("P 21 21 21")
        var random = SplitMix64(seed: 3)
        let permutation = Array(data.observations.indices).shuffled(using: &random)
        let a = try PhysicalScaling.scale(data.observations, spaceGroup: group)
        let b = try PhysicalScaling.scale(permutation.map { data.observations[$0] }, spaceGroup: group)
        for (k, i) in permutation.enumerated() {
            XCTAssertEqual(a.inverseScaleFactors[i].bitPattern, b.inverseScaleFactors[k].bitPattern)
            XCTAssertEqual(a.scaledVariances[i].bitPattern, b.scaledVariances[k].bitPattern)
            XCTAssertEqual(a.isOutlier[i], b.isOutlier[k])
        }
        XCTAssertEqual(a.crystals, b.crystals)
        XCTAssertEqual(a.errorModel, b.errorModel)
    }

    func testClearErrors() throws {
        let group = try SpaceGroup("P 21 21 21")
        XCTAssertThrowsError(try PhysicalScaling.scale([], spaceGroup: group)) { XCTAssertEqual("\($0)", "scaling: no observations") }
        let o = ScalingObservation(crystal: 0, hkl: SIMD3(1, 2, 3), intensity: 100, variance: 100, rotationDegrees: 1, dSpacing: 3)
        var bad = o
        bad.intensity = .nan
        XCTAssertThrowsError(try PhysicalScaling.scale([o, bad], spaceGroup: group)) { XCTAssertEqual($0 as? ScalingError, .invalidValue(index: 1)) }
        var other = o
        other.crystal = 1
        other.hkl = SIMD3(4, 5, 6)
        XCTAssertThrowsError(try PhysicalScaling.scale([o, o, other], spaceGroup: group)) { XCTAssertEqual($0 as? ScalingError, .disconnectedCrystal(1)) }
        var third = o
        third.crystal = 2
        XCTAssertThrowsError(try PhysicalScaling.scale([o, third], spaceGroup: group)) { XCTAssertEqual($0 as? ScalingError, .crystalWithoutObservations(1)) }
    }
}
