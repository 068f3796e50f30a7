import Foundation
import MXGeometry
import XCTest
@testable import MXSimulation

/// The noise generators against the distributions they claim to draw from.
final class RandomDeviateTests: XCTestCase {
    /// Mean and variance of Poisson(λ) are both λ; with n draws the sample mean has standard
    /// error √(λ/n) and the sample variance about λ√(2/n).
    func assertPoisson(_ lambda: Double, draw: (inout SimulationRandom) -> Int, file: StaticString = #filePath, line: UInt = #line) {
        var rng = SimulationRandom(seed: 42, stream: [UInt64(lambda * 1000)])
        let n = 200_000
        var sum = 0.0, sumSq = 0.0, zeros = 0
        for _ in 0..<n {
            let k = Double(draw(&rng))
            sum += k
            sumSq += k * k
            if k == 0 { zeros += 1 }
        }
        let mean = sum / Double(n), variance = sumSq / Double(n) - mean * mean
        XCTAssertEqual(mean, lambda, accuracy: 5 * (lambda / Double(n)).squareRoot(), "mean, λ = \(lambda)", file: file, line: line)
        XCTAssertEqual(variance, lambda, accuracy: 5 * lambda * (2 / Double(n)).squareRoot() + 0.01, "variance, λ = \(lambda)", file: file, line: line)
        let p0 = exp(-lambda)
        XCTAssertEqual(Double(zeros) / Double(n), p0, accuracy: 5 * (p0 * (1 - p0) / Double(n)).squareRoot() + 1e-6, "P(0), λ = \(lambda)", file: file, line: line)
    }

    func testGeneralSamplerIsPoisson() {
        for lambda in [0.3, 2.5, 9.5, 14, 250] {
            assertPoisson(lambda) { $0.poisson(lambda) }
        }
    }

    func testBackgroundInversionIsPoisson() {
        let inv = (0..<64).map { $0 == 0 ? 0 : 1 / Double($0) }
        inv.withUnsafeBufferPointer { table in
            for lambda in [0.4, 1.7, 6, 12] {
                assertPoisson(lambda) { rng in
                    SweepSimulator.poissonByInversion(lambda: lambda, expMinusLambda: exp(-lambda), u: rng.uniform(), reciprocal: table)
                }
            }
        }
    }

    func testUniformRotationsAreProperRotations() {
        var rng = SimulationRandom(seed: 5)
        for _ in 0..<100 {
            let r = rng.rotation()
            XCTAssertEqual(r.determinant, 1, accuracy: 1e-12)
            XCTAssertLessThan((r * r.transpose).maxAbsDifference(.identity), 1e-12)
        }
    }
}
