import Foundation
import MXGeometry

/// DIALS's `track_parameter_correlation`: the Pearson correlation between every pair of
/// columns of the (unweighted) Jacobian, separately for the X, Y and φ rows — how alike two
/// parameters' effects on the predictions are. Entries are rounded to 15 decimals first, as
/// DIALS does, so columns that are constant up to rounding (∂X/∂Shift1 on a flat detector)
/// count as constant and correlate 0 with everything.
///
/// A column of a crystal parameter is zero outside its experiment's rows. Rather than
/// materialise a dense (reflections × parameters) matrix, the centred sums
/// Σ(xᵢ − x̄)(yᵢ − ȳ) are assembled from per-experiment centred blocks, which is exact
/// two-pass arithmetic with no cancellation.
enum JacobianCorrelation {
    /// The three correlation matrices (X, Y, φ) over `parameterCount` parameters.
    static func compute(target: RefinementTarget, frames: [ExperimentFrame],
                        parameterCount p: Int) -> [DenseMatrix] {
        let o = target.observations
        let ranges = o.experimentRanges(count: target.experimentCount)
        // Rounded local Jacobian rows per experiment: [experiment][block][row * m + a].
        let jacobians: [[[Double]]] = ranges.indices.map { e in
            let f = frames[e]
            let m = f.localCount
            var blocks: [[Double]] = [[], [], []]
            var g = PositionGradients(count: m)
            for i in ranges[e] {
                let pred = f.predict(h: o.h[i], entering: o.entering[i], panel: o.panel[i], phiObserved: o.observed[i].z)
                guard pred.isPredicted, f.gradients(h: o.h[i], panel: o.panel[i], xyz: pred.xyz, s1: pred.s1, into: &g) else { continue }
                blocks[0] += g.dX.map(round15)
                blocks[1] += g.dY.map(round15)
                blocks[2] += g.dPhi.map(round15)
            }
            return blocks
        }
        let rowsPerExperiment = ranges.indices.map { e in
            frames[e].localCount == 0 ? 0 : jacobians[e][0].count / frames[e].localCount
        }
        let n = Double(rowsPerExperiment.reduce(0, +))
        // local[e][global] = local column, or −1.
        var local = [[Int]](repeating: [Int](repeating: -1, count: p), count: frames.count)
        for (e, f) in frames.enumerated() { for (a, g) in f.globalIndices.enumerated() { local[e][g] = a } }

        return (0..<3).map { block in
            // Means over all rows.
            var mean = [Double](repeating: 0, count: p)
            for (e, f) in frames.enumerated() {
                let m = f.localCount
                for r in 0..<rowsPerExperiment[e] {
                    for a in 0..<m { mean[f.globalIndices[a]] += jacobians[e][block][r * m + a] }
                }
            }
            if n > 0 { mean = mean.map { $0 / n } }
            // Per experiment: centred Gram block G_e and centred column sums s_e.
            var gram: [[Double]] = [], sums: [[Double]] = []
            for (e, f) in frames.enumerated() {
                let m = f.localCount
                var gm = [Double](repeating: 0, count: m * m), s = [Double](repeating: 0, count: m)
                var z = [Double](repeating: 0, count: m)
                for r in 0..<rowsPerExperiment[e] {
                    for a in 0..<m { z[a] = jacobians[e][block][r * m + a] - mean[f.globalIndices[a]] }
                    for a in 0..<m {
                        s[a] += z[a]
                        for b in 0..<m { gm[a * m + b] += z[a] * z[b] }
                    }
                }
                gram.append(gm)
                sums.append(s)
            }
            var c = DenseMatrix(n: p)
            for j in 0..<p {
                for k in j..<p {
                    var v = 0.0
                    for (e, f) in frames.enumerated() {
                        let ne = Double(rowsPerExperiment[e])
                        guard ne > 0 else { continue }
                        let a = local[e][j], b = local[e][k], m = f.localCount
                        if a >= 0 && b >= 0 {
                            v += gram[e][a * m + b]
                        } else if a >= 0 {
                            v -= mean[k] * sums[e][a]
                        } else if b >= 0 {
                            v -= mean[j] * sums[e][b]
                        } else {
                            v += ne * mean[j] * mean[k]
                        }
                    }
                    c[j, k] = v
                    c[k, j] = v
                }
            }
            var r = DenseMatrix(n: p)
            for j in 0..<p {
                for k in 0..<p {
                    if j == k {
                        r[j, k] = 1
                        continue
                    }
                    let num = c[j, k]
                    let den = (max(0, c[j, j]) * max(0, c[k, k])).squareRoot()
                    r[j, k] = (num == 0 && den == 0) || den <= abs(num * 1e-15) ? 0 : num / den
                }
            }
            return r
        }
    }

    /// scitbx `round(x, 15)`.
    static func round15(_ x: Double) -> Double {
        let f = 1e15
        let y = x * f
        return (y >= 0 ? (y + 0.5).rounded(.down) : (y - 0.5).rounded(.up)) / f
    }
}
