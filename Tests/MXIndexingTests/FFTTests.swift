import Foundation
import XCTest
@testable import MXIndexing

final class FFTTests: XCTestCase {
    func testOneDimensionalTransformMatchesTheDefinition() {
        let n = 16
        let fft = FFT(n: n)
        let input = (0..<n).map { Float(sin(Double($0) * 0.7) + 0.3 * Double($0 % 3)) }
        var re = input, im = [Float](repeating: 0, count: n)
        let scratchRe = UnsafeMutablePointer<Float>.allocate(capacity: n), scratchIm = UnsafeMutablePointer<Float>.allocate(capacity: n)
        defer { scratchRe.deallocate(); scratchIm.deallocate() }
        re.withUnsafeMutableBufferPointer { r in
            im.withUnsafeMutableBufferPointer { i in
                fft.transformLines(r.baseAddress!, i.baseAddress!, start: 0, count: 1, stride: 1, scratchRe: scratchRe, scratchIm: scratchIm)
            }
        }
        for k in 0..<n {
            var sr = 0.0, si = 0.0
            for t in 0..<n {
                sr += Double(input[t]) * cos(-2 * .pi * Double(k * t) / Double(n))
                si += Double(input[t]) * sin(-2 * .pi * Double(k * t) / Double(n))
            }
            XCTAssertEqual(Double(re[k]), sr, accuracy: 1e-4)
            XCTAssertEqual(Double(im[k]), si, accuracy: 1e-4)
        }
    }

    /// The blocked, zero-skipping 3-D transform gives exactly what transforming every line on
    /// its own, axis by axis, gives — on a sparse grid like the basis-vector search's.
    func testBlockedTransformEqualsLineByLineBitForBit() {
        let n = 32
        var re = [Float](repeating: 0, count: n * n * n), im = re
        var state: UInt64 = 7
        for _ in 0..<200 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            re[Int(state >> 33) % re.count] = Float(state & 0xFFFF) / 65536
        }
        var lineRe = re, lineIm = im
        let fft = FFT(n: n)
        fft.transform3D(re: &re, im: &im)
        let scratchRe = UnsafeMutablePointer<Float>.allocate(capacity: n), scratchIm = UnsafeMutablePointer<Float>.allocate(capacity: n)
        defer { scratchRe.deallocate(); scratchIm.deallocate() }
        lineRe.withUnsafeMutableBufferPointer { r in
            lineIm.withUnsafeMutableBufferPointer { i in
                for stride in [1, n, n * n] {
                    for start in 0..<(n * n * n) where (start / stride) % n == 0 {
                        fft.transformLines(r.baseAddress!, i.baseAddress!, start: start, count: 1, stride: stride,
                                           scratchRe: scratchRe, scratchIm: scratchIm)
                    }
                }
            }
        }
        XCTAssertEqual(re.map(\.bitPattern), lineRe.map(\.bitPattern))
        XCTAssertEqual(im.map(\.bitPattern), lineIm.map(\.bitPattern))
    }

    func testThreeDimensionalTransformOfAPlaneWaveIsOnePeak() {
        let n = 16
        var re = [Float](repeating: 0, count: n * n * n), im = re
        // cos(2π(3x + 5y + 2z)/n) has peaks at ±(3, 5, 2).
        for z in 0..<n { for y in 0..<n { for x in 0..<n {
            re[(z * n + y) * n + x] = Float(cos(2 * .pi * Double(3 * x + 5 * y + 2 * z) / Double(n)))
        } } }
        FFT(n: n).transform3D(re: &re, im: &im)
        let power = zip(re, im).map { $0 * $0 + $1 * $1 }
        let peak = Float(n * n * n / 2) * Float(n * n * n / 2)
        XCTAssertEqual(power[(2 * n + 5) * n + 3], peak, accuracy: peak * 1e-4)
        XCTAssertEqual(power[((n - 2) * n + (n - 5)) * n + (n - 3)], peak, accuracy: peak * 1e-4)
        XCTAssertEqual(power.filter { $0 > peak * 1e-6 }.count, 2)
    }
}
