/// DIALS's "standard" outlier rejection: in each group of more than two equivalents, the
/// deviation of I_l from g_l·Ī₋l (Ī₋l the weighted mean of the others) normalised by
/// √(1/w_l + g_l²/Σ_others w g²); the worst |z| above zmax is flagged and the group is tested
/// again without it. Weights are capped at 10× their group's median. (DIALS's extra
/// E² > 100 test on normalised intensities is not done.)
enum OutlierRejection {
    /// `groups` are ranges of member indices; returns flags per member index.
    static func reject(intensity: [Double], g: [Double], weight: [Double], groups: [Range<Int>], usable: [Bool], zMax: Double) -> [Bool] {
        var outlier = [Bool](repeating: false, count: intensity.count)
        for range in groups {
            var members = range.filter { usable[$0] }
            guard members.count > 2 else { continue }
            let sorted = members.map { weight[$0] }.sorted()
            let median = sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
            let cap = 10 * median
            while members.count > 2 {
                var sumWGI = 0.0, sumWG2 = 0.0
                for m in members {
                    let w = min(weight[m], cap)
                    sumWGI += w * g[m] * intensity[m]
                    sumWG2 += w * g[m] * g[m]
                }
                var worst = -1, worstZ = zMax
                for (k, m) in members.enumerated() {
                    let w = min(weight[m], cap)
                    let others2 = sumWG2 - w * g[m] * g[m]
                    let othersI = sumWGI - w * g[m] * intensity[m]
                    let z = others2 > 0 ? abs(intensity[m] - g[m] * othersI / others2) / (1 / w + g[m] * g[m] / others2).squareRoot() : .infinity
                    if z > worstZ { worstZ = z; worst = k }
                }
                guard worst >= 0 else { break }
                outlier[members[worst]] = true
                members.remove(at: worst)
            }
        }
        return outlier
    }
}
