import Foundation
import MXGeometry

/// The 1-D FFT basis-vector search (DPS: Steller, Bolotovsky & Rossmann, J. Appl. Cryst. 30,
/// 1036–1040, 1997; Sauter, Grosse-Kunstleve & Adams, J. Appl. Cryst. 37, 399–409, 2004), the
/// fallback the tutorial suggests when the 3-D search fails on a narrow wedge.
///
/// Reciprocal-lattice points are projected on ~7000 directions spread evenly over a hemisphere.
/// Along a direction parallel to a real-space lattice vector v, the projections bunch at
/// multiples of 1/|v|, so the 1-D Fourier transform of their density peaks at |v|. The
/// directions with the strongest peaks, refined on a finer grid, give candidate basis vectors.
public struct FFT1DBasisVectorSearch: Sendable {
    /// Histogram bins of the projected density (a power of two).
    public var bins = 256
    /// Directions kept after the coarse search.
    public var keep = 30
    /// Kept directions must differ by at least this much (radians).
    public var separation = 5 * Double.pi / 180
    /// Shortest vector considered (Å).
    public var minCell = 3.0

    public init() {}

    public enum Failure: Error, Sendable, CustomStringConvertible {
        case noPeriodicity
        public var description: String { "fft1d: no direction shows a lattice periodicity" }
    }

    /// The grid spacing in radians: min(0.029, 2·d_min/max_cell), fine enough that a lattice
    /// row of length max_cell is not missed at the highest resolution used.
    public static func gridSpacing(rlps: [Vec3], maxCell: Double) -> Double {
        let dMin = rlps.map { 1 / $0.length }.filter(\.isFinite).min() ?? 1
        return min(0.029, 2 * dMin / maxCell)
    }

    public func candidates(rlps: [Vec3], maxCell: Double) throws(Failure) -> [FFTBasisVectorSearch.Candidate] {
        let spacing = Self.gridSpacing(rlps: rlps, maxCell: maxCell)
        let reach = rlps.map(\.length).max() ?? 0
        guard reach > 0 else { throw .noPeriodicity }
        let fft = FFT(n: bins)
        // Coarse pass over the hemisphere.
        let directions = Self.hemisphere(spacing: spacing)
        let scored: [(direction: Vec3, score: Periodicity)] = directions.parallelMap { t in
            (t, Periodicity(rlps: rlps, direction: t, reach: reach, fft: fft, minCell: minCell, maxCell: maxCell))
        }
        let threshold = Double(rlps.count) / 4
        var best: [(direction: Vec3, score: Periodicity)] = []
        for item in scored.sorted(by: { $0.score.amplitude > $1.score.amplitude }) where item.score.amplitude > threshold {
            guard !best.contains(where: { item.direction.angle(to: $0.direction) < separation }) else { continue }
            best.append(item)
            if best.count == keep { break }
        }
        guard !best.isEmpty else { throw .noPeriodicity }
        // Refine each kept direction by a local search on successively finer grids.
        let refined: [FFTBasisVectorSearch.Candidate] = best.map { start in
            var current = start
            var step = spacing / 2
            for _ in 0..<6 {
                let (u, w) = Self.perpendiculars(current.direction)
                for (du, dw) in [(1.0, 0.0), (-1, 0), (0, 1), (0, -1), (1, 1), (1, -1), (-1, 1), (-1, -1)] {
                    let t = (current.direction + u * (du * step) + w * (dw * step)).normalized
                    let s = Periodicity(rlps: rlps, direction: t, reach: reach, fft: fft, minCell: minCell, maxCell: maxCell)
                    if s.amplitude > current.score.amplitude { current = (t, s) }
                }
                step /= 2
            }
            return FFTBasisVectorSearch.Candidate(vector: current.direction * current.score.length,
                                                  volume: Int(current.score.amplitude.rounded()))
        }
        return refined.filter { $0.vector.length > minCell }
    }

    /// Unit vectors spaced ≈ `spacing` radians over the hemisphere z ≥ 0.
    static func hemisphere(spacing: Double) -> [Vec3] {
        var out: [Vec3] = [Vec3(0, 0, 1)]
        var theta = spacing
        while theta <= Double.pi / 2 + 1e-12 {
            let ring = max(1, Int((2 * Double.pi * sin(theta) / spacing).rounded()))
            for k in 0..<ring {
                let phi = 2 * Double.pi * Double(k) / Double(ring)
                out.append(Vec3(sin(theta) * cos(phi), sin(theta) * sin(phi), cos(theta)))
            }
            theta += spacing
        }
        return out
    }

    static func perpendiculars(_ t: Vec3) -> (Vec3, Vec3) {
        let helper = abs(t.x) < 0.9 ? Vec3(1, 0, 0) : Vec3(0, 1, 0)
        let u = t.cross(helper).normalized
        return (u, t.cross(u).normalized)
    }
}

/// The strongest periodicity of the projections on one direction: the repeat length (Å) and
/// the amplitude of its Fourier peak (≈ the number of points in phase with it).
struct Periodicity: Sendable {
    var length: Double
    var amplitude: Double

    init(rlps: [Vec3], direction t: Vec3, reach: Double, fft: FFT, minCell: Double, maxCell: Double) {
        let n = fft.n
        // Bins over [−reach, reach): frequency index k ↔ real-space length k / (2·reach).
        var re = [Float](repeating: 0, count: n), im = re
        let scale = Double(n) / (2 * reach)
        for p in rlps {
            let bin = Int(((p.dot(t) + reach) * scale).rounded(.down))
            re[min(max(bin, 0), n - 1)] += 1
        }
        let scratchRe = UnsafeMutablePointer<Float>.allocate(capacity: n), scratchIm = UnsafeMutablePointer<Float>.allocate(capacity: n)
        defer { scratchRe.deallocate(); scratchIm.deallocate() }
        re.withUnsafeMutableBufferPointer { r in
            im.withUnsafeMutableBufferPointer { i in
                fft.transformLines(r.baseAddress!, i.baseAddress!, start: 0, count: 1, stride: 1, scratchRe: scratchRe, scratchIm: scratchIm)
            }
        }
        var best = (k: 0, amplitude: 0.0)
        for k in 1..<(n / 2) {
            let length = Double(k) / (2 * reach)
            guard length > minCell, length < maxCell else { continue }
            let a = Double((re[k] * re[k] + im[k] * im[k]).squareRoot())
            if a > best.amplitude { best = (k, a) }
        }
        length = Double(best.k) / (2 * reach)
        amplitude = best.amplitude
    }
}
