import Foundation

/// Levenberg–Marquardt on the scaling target Φ(p) = Σ w (I − g Ī)² + ρΣB², Ī = Σwg I/Σwg² per
/// group, with the Jacobian of each residual including dĪ/dp (as DIALS's full-matrix step).
enum ScaleRefinement {
    /// Φ and the weighted RMSD √(Φ/n) for parameters `p`.
    static func objective(_ p: [Double], isDecay: [Bool], rows: [ModelRow], intensity: [Double], weight: [Double], groups: [Range<Int>], restraint: Double) -> Double {
        var phi = 0.0
        let g = rows.map { $0.evaluate(p).g }
        for group in groups {
            var n = 0.0, d = 0.0
            for m in group where weight[m] > 0 { n += weight[m] * g[m] * intensity[m]; d += weight[m] * g[m] * g[m] }
            guard d > 0 else { continue }
            let ih = n / d
            for m in group where weight[m] > 0 { let r = intensity[m] - g[m] * ih; phi += weight[m] * r * r }
        }
        for (k, decay) in isDecay.enumerated() where decay { phi += restraint * p[k] * p[k] }
        return phi
    }

    /// Refines the `free` entries of `p` in place; returns the final weighted RMSD (counts).
    static func refine(_ p: inout [Double], free: [Int], isDecay: [Bool], rows: [ModelRow], intensity: [Double], weight: [Double],
                       groups: [Range<Int>], restraint: Double, maxIterations: Int, tolerance: Double) -> Double {
        let n = free.count
        let used = max(1, weight.count { $0 > 0 })
        var freeIndex = [Int](repeating: -1, count: p.count)
        for (k, i) in free.enumerated() { freeIndex[i] = k }
        var current = objective(p, isDecay: isDecay, rows: rows, intensity: intensity, weight: weight, groups: groups, restraint: restraint)
        guard n > 0 else { return (current / Double(used)).squareRoot() }
        var lambda = 1e-3
        for _ in 0..<maxIterations {
            // Normal equations.
            var jtj = [Double](repeating: 0, count: n * n), jtr = [Double](repeating: 0, count: n)
            var u = [Double](repeating: 0, count: n), row = [Double](repeating: 0, count: n)
            var derivative: [[(Int, Double)]] = []
            for group in groups {
                let members = group.filter { weight[$0] > 0 }
                guard !members.isEmpty else { continue }
                derivative.removeAll(keepingCapacity: true)
                var gs: [Double] = []
                var sn = 0.0, sd = 0.0
                for m in members {
                    let (c, _, g) = rows[m].evaluate(p)
                    gs.append(g)
                    sn += weight[m] * g * intensity[m]
                    sd += weight[m] * g * g
                    var dg: [(Int, Double)] = []
                    let r = rows[m]
                    for (k, w) in r.scaleWeights.enumerated() where freeIndex[r.scaleFirst + k] >= 0 { dg.append((freeIndex[r.scaleFirst + k], g / c * w)) }
                    for (k, w) in r.decayWeights.enumerated() where freeIndex[r.decayFirst + k] >= 0 { dg.append((freeIndex[r.decayFirst + k], g * w * r.halfInverseD2)) }
                    derivative.append(dg)
                }
                guard sd > 0 else { continue }
                let ih = sn / sd
                var touched: [Int] = []
                for (j, m) in members.enumerated() {
                    let f = weight[m] * (intensity[m] - 2 * gs[j] * ih) / sd
                    for (k, v) in derivative[j] { if u[k] == 0 { touched.append(k) }; u[k] += f * v }
                }
                touched = Array(Set(touched)).sorted()
                for (j, m) in members.enumerated() {
                    var nonzero = touched
                    for (k, _) in derivative[j] where !touched.contains(k) { nonzero.append(k) }
                    nonzero.sort()
                    for k in nonzero { row[k] = -gs[j] * u[k] }
                    for (k, v) in derivative[j] { row[k] -= ih * v }
                    let r = intensity[m] - gs[j] * ih, w = weight[m]
                    for a in nonzero {
                        jtr[a] += w * row[a] * r
                        for b in nonzero where b <= a { jtj[a * n + b] += w * row[a] * row[b] }
                    }
                    for k in nonzero { row[k] = 0 }
                }
                for k in touched { u[k] = 0 }
            }
            for a in 0..<n { for b in 0..<a { jtj[b * n + a] = jtj[a * n + b] } }
            for (k, i) in free.enumerated() where isDecay[i] {
                jtj[k * n + k] += restraint
                jtr[k] += restraint * p[i]
            }
            // Damped steps until Φ decreases.
            var improved = false
            for _ in 0..<12 {
                var damped = jtj
                for k in 0..<n { damped[k * n + k] += lambda * max(jtj[k * n + k], 1e-12) }
                guard let step = CholeskySolver.solve(damped, jtr.map { -$0 }, n: n) else { lambda *= 10; continue }
                var trial = p
                for (k, i) in free.enumerated() { trial[i] += step[k] }
                let value = objective(trial, isDecay: isDecay, rows: rows, intensity: intensity, weight: weight, groups: groups, restraint: restraint)
                if value.isFinite && value <= current {
                    let change = abs((current / Double(used)).squareRoot() - (value / Double(used)).squareRoot()) / max((current / Double(used)).squareRoot(), 1e-300)
                    p = trial
                    current = value
                    lambda = max(lambda / 10, 1e-9)
                    improved = change >= tolerance
                    break
                }
                lambda *= 10
            }
            if !improved { break }
        }
        return (current / Double(used)).squareRoot()
    }
}
