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

    /// Lines gathered together in the strided passes: 16 Floats fill a 64-byte cache line, so
    /// neighbouring lines share every memory access instead of each missing the cache alone.
    static let block = 16

    /// Butterflies of one contiguous line already in bit-reversed order.
    @inline(__always)
    func butterflies(_ re: UnsafeMutablePointer<Float>, _ im: UnsafeMutablePointer<Float>) {
        var size = 2
        while size <= n {
            let half = size / 2, step = n / size
            var k = 0
            while k < n {
                for j in 0..<half {
                    let wr = cosTable[j * step], wi = sinTable[j * step]
                    let a = k + j, b = a + half
                    let tr = wr * re[b] - wi * im[b]
                    let ti = wr * im[b] + wi * re[b]
                    re[b] = re[a] - tr
                    im[b] = im[a] - ti
                    re[a] += tr
                    im[a] += ti
                }
                k += size
            }
            size <<= 1
        }
    }

    /// Forward transform of `count` adjacent lines of `n` values spaced `stride` apart, the
    /// first starting at `start` and each next one a single element further on. Each line is
    /// gathered in bit-reversed order into its own scratch row, transformed and written back;
    /// a line of zeros transforms to exactly zero and is left as it is.
    @inline(__always)
    func transformLines(_ re: UnsafeMutablePointer<Float>, _ im: UnsafeMutablePointer<Float>, start: Int, count: Int,
                        stride: Int, scratchRe: UnsafeMutablePointer<Float>, scratchIm: UnsafeMutablePointer<Float>) {
        for i in 0..<n {
            let j = bitReversed[i], source = start + i * stride
            for b in 0..<count {
                scratchRe[b * n + j] = re[source + b]
                scratchIm[b * n + j] = im[source + b]
            }
        }
        var nonzero = [Bool](repeating: false, count: count)
        for b in 0..<count {
            let lineRe = scratchRe + b * n, lineIm = scratchIm + b * n
            for i in 0..<n where lineRe[i] != 0 || lineIm[i] != 0 {
                nonzero[b] = true
                break
            }
            if nonzero[b] { butterflies(lineRe, lineIm) }
        }
        for i in 0..<n {
            let target = start + i * stride
            for b in 0..<count where nonzero[b] {
                re[target + b] = scratchRe[b * n + i]
                im[target + b] = scratchIm[b * n + i]
            }
        }
    }

    /// Forward 3-D transform of an n³ grid stored with x fastest (index = (z·n + y)·n + x).
    /// Planes are independent, so they are spread over all cores.
    ///
    /// Every pass transforms lines in blocks of adjacent x (``block``): along x the elements
    /// of a line are themselves adjacent, along y and z the lines of a block are. The grid of
    /// the basis-vector search is sparse — a few thousand reciprocal lattice points in 256³
    /// cells — so many lines are zero and skipped. Each line's arithmetic is the same whatever
    /// the blocking, so the result is bit for bit that of a line-by-line transform.
    public func transform3D(re: inout [Float], im: inout [Float]) {
        precondition(re.count == n * n * n && im.count == re.count, "grid must be n³")
        let n = self.n
        re.withUnsafeMutableBufferPointer { reBuf in
            im.withUnsafeMutableBufferPointer { imBuf in
                nonisolated(unsafe) let r = reBuf.baseAddress!, i = imBuf.baseAddress!
                for axis in 0..<3 {
                    DispatchQueue.concurrentPerform(iterations: n) { plane in
                        let lines = axis == 0 ? 1 : min(Self.block, n)
                        let scratchRe = UnsafeMutablePointer<Float>.allocate(capacity: n * lines)
                        let scratchIm = UnsafeMutablePointer<Float>.allocate(capacity: n * lines)
                        defer { scratchRe.deallocate(); scratchIm.deallocate() }
                        switch axis {
                        case 0:
                            // Along x: line y of plane z starts at (z·n + y)·n, elements adjacent.
                            for y in 0..<n {
                                transformLines(r, i, start: (plane * n + y) * n, count: 1, stride: 1,
                                               scratchRe: scratchRe, scratchIm: scratchIm)
                            }
                        case 1:
                            // Along y in plane z: lines x … x + block − 1 start at z·n² + x.
                            for x in Swift.stride(from: 0, to: n, by: lines) {
                                transformLines(r, i, start: plane * n * n + x, count: min(lines, n - x), stride: n,
                                               scratchRe: scratchRe, scratchIm: scratchIm)
                            }
                        default:
                            // Along z at row y: lines x … x + block − 1 start at y·n + x.
                            for x in Swift.stride(from: 0, to: n, by: lines) {
                                transformLines(r, i, start: plane * n + x, count: min(lines, n - x), stride: n * n,
                                               scratchRe: scratchRe, scratchIm: scratchIm)
                            }
                        }
                    }
                }
            }
        }
    }
}
