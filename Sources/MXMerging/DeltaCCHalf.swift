import Foundation
import MXGeometry
import MXSymmetry

/// ΔCC½ per group of observations (a crystal, or a block of its images), as
/// `dials.compute_delta_cchalf` computes it: CC½ by the σ-τ formula in 10 shells of equal
/// width in 1/d², averaged over shells weighted by their reflection counts; each group's ΔCC½
/// is that CC½ less the CC½ of the data without the group. A group whose ΔCC½ is strongly
/// negative makes the merged data worse.
public struct DeltaCCHalf: Sendable, Equatable {
    /// CC½ of all the data.
    public var meanCCHalf: Double
    /// ΔCC½ of each group, by group number.
    public var delta: [Int: Double]

    /// Running sums of one unique reflection's intensities.
    struct Sums {
        var x = 0.0, x2 = 0.0, n = 0
    }

    /// ΔCC½ of the groups `groups[i]` of `observations[i]` (unweighted intensities, as DIALS).
    public init(_ observations: [UnmergedObservation], groups: [Int], spaceGroup: SpaceGroup, cell: UnitCell, shellCount: Int = 10) {
        let asu = ReciprocalASU(spaceGroup)
        var index: [SIMD3<Int>: Int] = [:]
        var reflectionOf = [Int](repeating: 0, count: observations.count)
        var d2: [Double] = []
        var sums: [Sums] = []
        for (i, o) in observations.enumerated() {
            let h = asu.representative(o.hkl)
            let r = index[h] ?? {
                index[h] = sums.count
                sums.append(Sums())
                let d = cell.dSpacing(SIMD3(Double(h.x), Double(h.y), Double(h.z)))
                d2.append(1 / (d * d))
                return sums.count - 1
            }()
            reflectionOf[i] = r
            sums[r].x += o.intensity
            sums[r].x2 += o.intensity * o.intensity
            sums[r].n += 1
        }
        // Equal widths in 1/d² between the data's extremes; the last shell keeps its upper edge.
        let (lo, hi) = (d2.min() ?? 0, d2.max() ?? 0)
        let width = (hi - lo) / Double(shellCount)
        let shellOf = d2.map { x in width > 0 ? min(max(Int(((x - lo) / width).rounded(.down)), 0), shellCount - 1) : 0 }
        meanCCHalf = Self.ccHalf(sums, shellOf: shellOf, shellCount: shellCount)
        var byGroup: [Int: [Int]] = [:]
        for (i, g) in groups.enumerated() { byGroup[g, default: []].append(i) }
        var delta: [Int: Double] = [:]
        for (g, members) in byGroup {
            var without = sums
            for i in members {
                let x = observations[i].intensity
                without[reflectionOf[i]].x -= x
                without[reflectionOf[i]].x2 -= x * x
                without[reflectionOf[i]].n -= 1
            }
            delta[g] = meanCCHalf - Self.ccHalf(without, shellOf: shellOf, shellCount: shellCount)
        }
        self.delta = delta
    }

    /// Σ N_s CC½_s / Σ N_s over shells with more than one reflection measured twice or more;
    /// CC½_s = (σ²_y − σ²_e)/(σ²_y + σ²_e), σ²_y the variance of the means and σ²_e the mean
    /// variance of a mean.
    static func ccHalf(_ sums: [Sums], shellOf: [Int], shellCount: Int) -> Double {
        var means = [[Double]](repeating: [], count: shellCount), variances = [[Double]](repeating: [], count: shellCount)
        for (r, s) in sums.enumerated() where s.n > 1 {
            let n = Double(s.n)
            means[shellOf[r]].append(s.x / n)
            variances[shellOf[r]].append((s.x2 - s.x * s.x / n) / (n - 1) / n)
        }
        var total = 0.0, count = 0
        for shell in 0..<shellCount where means[shell].count > 1 {
            let m = means[shell], n = Double(m.count)
            let mean = m.reduce(0, +) / n
            let sigmaE = variances[shell].reduce(0, +) / n
            let sigmaY = m.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
            total += n * (sigmaY - sigmaE) / (sigmaY + sigmaE)
            count += m.count
        }
        return count > 0 ? total / Double(count) : 0
    }
}
