import Foundation
import MXGeometry
import MXSymmetry

/// Merging statistics of scaled, unmerged intensities as `dials.merge` reports them (cctbx's
/// `iotbx.merging_statistics`): symmetry equivalents merged in the Laue group (I+ and I−
/// together, cctbx's ``ReciprocalASU``), 20 shells of equal reciprocal volume by default, overall figures computed over
/// all data rather than averaged over shells. Observations with σ ≤ 0 are left out, as there.
public struct MergingStatistics: Sendable, Equatable {
    public var overall: ShellStatistics
    public var shells: [ShellStatistics]

    /// A reflection measured `observations.count` times.
    struct Group {
        var hkl: SIMD3<Int>
        var dStarSquared: Double
        var intensities: [Double] = []
        var variances: [Double] = []
    }

    public init(overall: ShellStatistics, shells: [ShellStatistics]) {
        self.overall = overall
        self.shells = shells
    }

    /// Statistics of `observations` in `spaceGroup`, resolution computed with `cell`.
    public init(_ observations: [UnmergedObservation], spaceGroup: SpaceGroup, cell: UnitCell, shellCount: Int = 20) {
        let asu = ReciprocalASU(spaceGroup)
        var index: [SIMD3<Int>: Int] = [:]
        var groups: [Group] = []
        for o in observations where o.variance > 0 && o.intensity.isFinite && o.variance.isFinite {
            let h = asu.representative(o.hkl)
            let g = index[h] ?? {
                index[h] = groups.count
                groups.append(Group(hkl: h, dStarSquared: 1 / pow(cell.dSpacing(SIMD3(Double(h.x), Double(h.y), Double(h.z))), 2)))
                return groups.count - 1
            }()
            groups[g].intensities.append(o.intensity)
            groups[g].variances.append(o.variance)
        }
        // cctbx's order (ASU indices ascending, observations in input order within each): the
        // random halves are drawn in it.
        groups.sort { ($0.hkl.x, $0.hkl.y, $0.hkl.z) < ($1.hkl.x, $1.hkl.y, $1.hkl.z) }
        let d2 = groups.map(\.dStarSquared)
        let range = (d2.min() ?? 0)...(d2.max() ?? 0)
        let bins = ResolutionShells(dStarSquared: range, count: shellCount)
        var members = [[Group]](repeating: [], count: bins.count)
        for g in groups { if let s = bins.shell(of: g.dStarSquared) { members[s].append(g) } }
        // cctbx's complete set of a shell ends at the shell's highest-resolution observation
        // (less 10⁻⁶ of d), not at the shell's edge; overall it spans the observed range.
        var ranges = (0..<bins.count).map { s -> ClosedRange<Double> in
            let top = members[s].map(\.dStarSquared).max().map { $0 / ((1 - 1e-6) * (1 - 1e-6)) } ?? bins.limits[s + 1]
            return bins.limits[s]...max(bins.limits[s], min(bins.limits[s + 1], top))
        }
        ranges.append(range.lowerBound...(range.upperBound / ((1 - 1e-6) * (1 - 1e-6))))
        let possible = Self.possibleCounts(spaceGroup: spaceGroup, cell: cell, in: ranges)
        shells = (0..<bins.count).map { s in
            let (dMax, dMin) = bins.dRange(s)
            return Self.statistics(members[s], dMax: dMax, dMin: dMin, possible: possible[s])
        }
        let (dMax, dMin) = (bins.dRange(0).dMax, bins.dRange(bins.count - 1).dMin)
        overall = Self.statistics(groups, dMax: dMax, dMin: dMin, possible: possible[bins.count])
    }

    static func statistics(_ groups: [Group], dMax: Double, dMin: Double, possible: Int) -> ShellStatistics {
        var observations = 0, pairs = 0
        var sumIOverSigma = 0.0, sumI = 0.0
        var (merge, meas, pim, denominator) = (0.0, 0.0, 0.0, 0.0)
        var half1: [Double] = [], half2: [Double] = []
        var random = MersenneTwister(seed: 1)
        // σ-τ: unit weights, means and their variances per reflection measured twice or more.
        var means: [Double] = [], meanVariances: [Double] = []
        for g in groups {
            let n = g.intensities.count
            observations += n
            let weights = g.variances.map { 1 / $0 }
            let sumW = weights.reduce(0, +)
            let mean = zip(g.intensities, weights).reduce(0) { $0 + $1.0 * $1.1 } / sumW
            sumI += mean
            sumIOverSigma += mean * sumW.squareRoot()
            guard n >= 2 else { continue }
            let deviation = g.intensities.reduce(0) { $0 + abs($1 - mean) }
            merge += deviation
            meas += deviation * (Double(n) / Double(n - 1)).squareRoot()
            pim += deviation * (1 / Double(n - 1)).squareRoot()
            denominator += g.intensities.reduce(0, +)
            let (a, b) = split(g.intensities, weights, &random)
            half1.append(a)
            half2.append(b)
            pairs += 1
            let unweighted = g.intensities.reduce(0, +) / Double(n)
            let s2 = g.intensities.reduce(0) { $0 + ($1 - unweighted) * ($1 - unweighted) } / Double(n - 1)
            means.append(unweighted)
            meanVariances.append(max(s2 / Double(n), 1 / Double(n)))
        }
        let unique = groups.count
        return ShellStatistics(
            dMax: dMax, dMin: dMin, observations: observations, unique: unique, possible: possible,
            completeness: possible > 0 ? min(Double(unique) / Double(possible), 1) : 0,
            multiplicity: unique > 0 ? Double(observations) / Double(unique) : 0,
            meanIntensity: unique > 0 ? sumI / Double(unique) : 0,
            meanIOverSigma: unique > 0 ? sumIOverSigma / Double(unique) : 0,
            rMerge: denominator != 0 ? merge / denominator : 0,
            rMeas: denominator != 0 ? meas / denominator : 0,
            rPim: denominator != 0 ? pim / denominator : 0,
            ccHalf: pearson(half1, half2), ccHalfSigmaTau: sigmaTau(means, meanVariances), ccHalfPairs: pairs)
    }

    /// cctbx's `split_unmerged`: ⌊n/2⌋ observations (one more on a coin toss when n is odd)
    /// drawn without replacement form half 1, the rest half 2; each half's mean weighted 1/σ².
    static func split(_ intensities: [Double], _ weights: [Double], _ random: inout MersenneTwister) -> (Double, Double) {
        var values = intensities, w = weights
        let n = values.count
        var taken = n / 2
        if 2 * taken != n && random.nextDouble() < 0.5 { taken += 1 }
        var (sum1, weight1) = (0.0, 0.0)
        for i in 0..<taken {
            let k = i + min(n - i - 1, Int(random.nextDouble() * Double(n - i)))
            sum1 += values[k] * w[k]
            weight1 += w[k]
            values[k] = values[i]
            w[k] = w[i]
        }
        var (sum2, weight2) = (0.0, 0.0)
        for i in taken..<n {
            sum2 += values[i] * w[i]
            weight2 += w[i]
        }
        return (sum1 / weight1, sum2 / weight2)
    }

    static func pearson(_ x: [Double], _ y: [Double]) -> Double {
        let n = Double(x.count)
        guard x.count >= 2 else { return 0 }
        let (mx, my) = (x.reduce(0, +) / n, y.reduce(0, +) / n)
        var (sxy, sxx, syy) = (0.0, 0.0, 0.0)
        for (a, b) in zip(x, y) {
            sxy += (a - mx) * (b - my)
            sxx += (a - mx) * (a - mx)
            syy += (b - my) * (b - my)
        }
        return sxx > 0 && syy > 0 ? sxy / (sxx * syy).squareRoot() : 0
    }

    /// (var_y − var_e/2) / (var_y + var_e/2), var_y the sample variance of the means and var_e
    /// twice the mean variance of a mean.
    static func sigmaTau(_ means: [Double], _ variances: [Double]) -> Double {
        guard means.count >= 2 else { return 0 }
        let n = Double(means.count)
        let m = means.reduce(0, +) / n
        let varY = means.reduce(0) { $0 + ($1 - m) * ($1 - m) } / (n - 1)
        let varE = 2 * variances.reduce(0, +) / n
        let denominator = varY + varE / 2
        return denominator > 0 ? (varY - varE / 2) / denominator : 0
    }

    /// Unique reflections of a complete data set in each d*² range (inclusive): every
    /// reciprocal-ASU member that is not systematically absent.
    static func possibleCounts(spaceGroup: SpaceGroup, cell: UnitCell, in ranges: [ClosedRange<Double>]) -> [Int] {
        let asu = ReciprocalASU(spaceGroup)
        var counts = [Int](repeating: 0, count: ranges.count)
        guard let top = ranges.map(\.upperBound).max(), top > 0 else { return counts }
        let dMin = 1 / top.squareRoot()
        let p = cell.parameters
        let (hMax, kMax, lMax) = (Int(p[0] / dMin) + 1, Int(p[1] / dMin) + 1, Int(p[2] / dMin) + 1)
        for h in -hMax...hMax {
            for k in -kMax...kMax {
                for l in -lMax...lMax {
                    let hkl = SIMD3(h, k, l)
                    guard hkl != .zero else { continue }
                    let d = cell.dSpacing(SIMD3(Double(h), Double(k), Double(l)))
                    let d2 = 1 / (d * d)
                    guard d2 <= top, asu.contains(hkl), !spaceGroup.isSystematicallyAbsent(hkl) else { continue }
                    for (i, r) in ranges.enumerated() where r.contains(d2) { counts[i] += 1 }
                }
            }
        }
        return counts
    }
}
