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
                fft.transform(r.baseAddress!, i.baseAddress!, start: 0, stride: 1, scratchRe: scratchRe, scratchIm: scratchIm)
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
