import Foundation
import MXGeometry

/// DIALS's `fft3d` basis-vector search (dials-algorithms §3.3): reciprocal-lattice points are
/// put on an N³ grid, Fourier-transformed, and the peaks of the squared real part of the
/// transform — real-space lattice vectors, because a lattice's transform is its reciprocal
/// lattice — are found by flood fill.
public struct FFTBasisVectorSearch: Sendable {
    public var gridPoints = 256
    /// Peaks are grid points with (Re F)² ≥ rmsdCutoff × rms((Re F)²).
    public var rmsdCutoff = 15.0
    /// A peak is kept if its volume exceeds this fraction of the largest non-origin peak.
    public var peakVolumeCutoff = 0.15
    /// Shortest real-space vector considered (Å).
    public var minCell = 3.0

    public init() {}

    /// A real-space vector candidate and the volume (grid points) of its peak.
    public struct Candidate: Sendable, Equatable {
        public var vector: Vec3
        public var volume: Int
    }

    public enum Failure: Error, Sendable, CustomStringConvertible {
        case tooFewPeaks(Int)
        public var description: String {
            switch self {
            case let .tooFewPeaks(n): return "fft3d: only \(n) peaks in the transform (at least 4 needed)"
            }
        }
    }

    /// The grid resolution DIALS uses: d_min = max(5·max_cell/N, the highest-resolution spot).
    public func dMin(maxCell: Double, rlps: [Vec3]) -> Double {
        let spotDMin = rlps.map { 1 / $0.length }.filter(\.isFinite).min() ?? 0
        return max(5 * maxCell / Double(gridPoints), spotDMin)
    }

    /// Candidate basis vectors, longest peaks merged, sorted by peak volume (largest first).
    public func candidates(rlps: [Vec3], maxCell: Double) throws(Failure) -> [Candidate] {
        let n = gridPoints
        let dMin = dMin(maxCell: maxCell, rlps: rlps)
        let bIso = -4 * dMin * dMin * log(0.05)
        let spacing = 2 / (dMin * Double(n))
        var re = [Float](repeating: 0, count: n * n * n), im = re
        for v in rlps where 1 / v.length >= dMin {
            let g = (v / spacing).rounded(.toNearestOrEven) + Vec3(repeating: Double(n / 2))
            guard g.x >= 0, g.y >= 0, g.z >= 0, g.x < Double(n), g.y < Double(n), g.z < Double(n) else { continue }
            re[(Int(g.z) * n + Int(g.y)) * n + Int(g.x)] = Float(exp(-bIso * v.dot(v) / 4))
        }
        FFT(n: n).transform3D(re: &re, im: &im)
        // (Re F)², as DIALS maps it (`flex.pow2(flex.real(...))`): with the grid's origin at
        // N/2, lattice peaks are real, and the squared real part is sharper than |F|².
        var sum = 0.0
        for i in re.indices {
            re[i] = re[i] * re[i]
            sum += Double(re[i])
        }
        im = []
        let mean = sum / Double(re.count)
        var sq = 0.0
        for x in re { sq += (Double(x) - mean) * (Double(x) - mean) }
        let cutoff = Float(rmsdCutoff * (sq / Double(re.count)).squareRoot())
        let peaks = PeakFloodFill.peaks(in: re, n: n, threshold: cutoff)
        guard peaks.count >= 4 else { throw .tooFewPeaks(peaks.count) }
        // The origin peak can be far larger than the rest: anomalously large peaks are left out
        // when setting the minimum volume (but not dropped — the origin goes with min_cell).
        let sizes = peaks.map { Double($0.volume) }.sorted()
        let hinges = Self.hinges(sizes)
        let originCut = hinges.upper + 5 * (hinges.upper - hinges.lower)
        let largest = peaks.filter { Double($0.volume) <= originCut }.map(\.volume).max() ?? 0
        let minimumVolume = Int(peakVolumeCutoff * Double(largest))
        let kept = peaks.filter { $0.volume > minimumVolume }
        let cellEdge = Double(n) * dMin / 2
        var vectors: [Candidate] = []
        for peak in kept {
            var frac = peak.centre / Double(n)
            frac = frac - (frac + Vec3(repeating: 0.5)).rounded(.down)  // wrap to [−0.5, 0.5)
            let v = frac * cellEdge
            let length = v.length
            guard length > minCell, length < 2 * maxCell else { continue }
            vectors.append(Candidate(vector: v, volume: peak.volume))
        }
        return BasisVectorGrouping.group(vectors)
    }

    /// Tukey's hinges (R `fivenum`), as DIALS's void-size statistics use them.
    static func hinges(_ sorted: [Double]) -> (lower: Double, upper: Double) {
        let n = Double(sorted.count)
        let n4 = ((n + 3) / 2).rounded(.down) / 2
        func at(_ d: Double) -> Double { 0.5 * (sorted[Int(d.rounded(.down)) - 1] + sorted[Int(d.rounded(.up)) - 1]) }
        return (at(n4), at(n + 1 - n4))
    }
}
