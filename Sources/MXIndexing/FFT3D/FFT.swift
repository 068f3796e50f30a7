import Foundation

/// An in-place radix-2 complex FFT on split real/imaginary Float arrays (written here because
/// FFTW, the usual choice, is GPL). `transform3D` runs the 1-D transform along each axis of an
/// N³ grid, which is all the basis-vector search needs: |F|² of a real grid.
public struct FFT: Sendable {
    public let n: Int
    let log2n: Int
    let cosTable: [Float]
    let sinTable: [Float]
    let bitReversed: [Int]

    public init(n: Int) {
        precondition(n >= 2 && n & (n - 1) == 0, "FFT size must be a power of two")
        self.n = n
        var l = 0
        while 1 << l < n { l += 1 }
        log2n = l
        cosTable = (0..<(n / 2)).map { Float(cos(-2 * Double.pi * Double($0) / Double(n))) }
        sinTable = (0..<(n / 2)).map { Float(sin(-2 * Double.pi * Double($0) / Double(n))) }
        bitReversed = (0..<n).map { i in
            var r = 0, x = i
            for _ in 0..<l { r = (r << 1) | (x & 1); x >>= 1 }
            return r
        }
    }

    /// Forward transform of one line of `n` values spaced `stride` apart, starting at `start`.
    @inline(__always)
    func transform(_ re: UnsafeMutablePointer<Float>, _ im: UnsafeMutablePointer<Float>, start: Int, stride: Int,
                   scratchRe: UnsafeMutablePointer<Float>, scratchIm: UnsafeMutablePointer<Float>) {
        // Gather into contiguous scratch in bit-reversed order.
        for i in 0..<n {
            let j = bitReversed[i]
            scratchRe[j] = re[start + i * stride]
            scratchIm[j] = im[start + i * stride]
        }
        var size = 2
        while size <= n {
            let half = size / 2, step = n / size
            var k = 0
            while k < n {
                for j in 0..<half {
                    let wr = cosTable[j * step], wi = sinTable[j * step]
                    let a = k + j, b = a + half
                    let tr = wr * scratchRe[b] - wi * scratchIm[b]
                    let ti = wr * scratchIm[b] + wi * scratchRe[b]
                    scratchRe[b] = scratchRe[a] - tr
                    scratchIm[b] = scratchIm[a] - ti
                    scratchRe[a] += tr
                    scratchIm[a] += ti
                }
                k += size
            }
            size <<= 1
        }
        for i in 0..<n {
            re[start + i * stride] = scratchRe[i]
            im[start + i * stride] = scratchIm[i]
        }
    }

    /// Forward 3-D transform of an n³ grid stored with x fastest (index = (z·n + y)·n + x).
    /// Lines along each axis are independent, so they are spread over all cores.
    public func transform3D(re: inout [Float], im: inout [Float]) {
        precondition(re.count == n * n * n && im.count == re.count, "grid must be n³")
        let n = self.n
        re.withUnsafeMutableBufferPointer { reBuf in
            im.withUnsafeMutableBufferPointer { imBuf in
                nonisolated(unsafe) let r = reBuf.baseAddress!, i = imBuf.baseAddress!
                for axis in 0..<3 {
                    let stride = [1, n, n * n][axis]
                    DispatchQueue.concurrentPerform(iterations: n) { plane in
                        let scratchRe = UnsafeMutablePointer<Float>.allocate(capacity: n)
                        let scratchIm = UnsafeMutablePointer<Float>.allocate(capacity: n)
                        defer { scratchRe.deallocate(); scratchIm.deallocate() }
                        for line in 0..<n {
                            // The line's start: vary the two coordinates other than `axis`.
                            let start: Int
                            switch axis {
                            case 0: start = (plane * n + line) * n
                            case 1: start = plane * n * n + line
                            default: start = plane * n + line
                            }
                            transform(r, i, start: start, stride: stride, scratchRe: scratchRe, scratchIm: scratchIm)
                        }
                    }
                }
            }
        }
    }
}
