import Foundation

/// DIALS's refinement of the basic error model ("individual" minimisation), on groups of
/// equivalents with I+ and I− apart. Deviations δ = (I/g − Ī)/√(σ′² − 1/Σw) with
/// σ′ = a√(σ² + (bI)²)/g and Ī weighted w = 1/σ′² (DIALS: √((n−1)/n)·(I/g − Ī)/σ′, Ī weighted
/// 1/σ², which underestimates a and b for small groups). Alternately: a ← a·s, s the slope of the central
/// sorted δ (normal quantiles within ±1.5) against the normal quantiles; b minimising
/// Σ_k ⟨gĪ⟩_k[(½ − v_k)² + 1/v_k − 5/4] over ≤ 10 log-spaced bins of gĪ (v_k the variance of δ
/// in bin k); until a changes by < 1 % (then a once more), or back to a = 1 with b alone when
/// that fails or a ends at or below 0.4.
enum ErrorModelRefinement {
    static let minimumReflections = 250

    /// The refined model, or nil if fewer than 250 observations pass DIALS's filters.
    static func refine(start: ErrorModel, intensity: [Double], variance: [Double], g: [Double], groups: [[Int]], minIh: Double = 25) -> ErrorModel? {
        // Filters: ⟨I/σ²⟩ > 0.85 per group; then gĪ > minIh, n > 1, I > 0.001; then the
        // group's internal variance at most max(50, max Ī/40) times its mean σ²/g².
        struct Member { var i: Int; var ih: Double; var n: Int; var group: Int }
        func mean(_ group: [Int]) -> Double {
            var s = 0.0, w = 0.0
            for m in group { s += g[m] * intensity[m] / variance[m]; w += g[m] * g[m] / variance[m] }
            return s / w
        }
        var kept: [[Int]] = []
        for group in groups where group.count > 1 {
            let ratio = group.reduce(0.0) { $0 + intensity[$1] / variance[$1] } / Double(group.count)
            guard ratio > 0.85 else { continue }
            let ih = mean(group)
            let members = group.filter { g[$0] * ih > minIh && intensity[$0] > 0.001 }
            if members.count > 1 { kept.append(members) }
        }
        guard kept.reduce(0, { $0 + $1.count }) >= minimumReflections else { return nil }
        var rows: [Member] = []
        var means: [Double] = []
        var groupRows: [[Member]] = []
        for group in kept {
            let ih = mean(group)
            means.append(ih)
            groupRows.append(group.map { Member(i: $0, ih: ih, n: group.count, group: groupRows.count) })
        }
        let limit = max(50, (means.max() ?? 0) / 40)
        for members in groupRows {
            let n = Double(members.count)
            let spread = members.reduce(0.0) { $0 + pow(intensity[$1.i] / g[$1.i] - $1.ih, 2) } / (n - 1)
            let average = members.reduce(0.0) { $0 + variance[$1.i] / (g[$1.i] * g[$1.i]) } / n
            if spread / average < limit { rows.append(contentsOf: members) }
        }
        guard rows.count >= minimumReflections else { return nil }

        // Deviations from the mean of the group weighted with the model under test, normalised by
        // their exact standard deviation √(σ′²/g² − 1/Σw): unit variance when the model is right.
        // (DIALS multiplies by √((n−1)/n) instead, which shrinks the deviations of small groups.)
        var starts: [Int] = [0]
        for k in 1..<rows.count where rows[k].group != rows[k - 1].group { starts.append(k) }
        starts.append(rows.count)
        func deviations(_ m: ErrorModel) -> [Double] {
            var result = [Double](repeating: 0, count: rows.count)
            for s in 0..<(starts.count - 1) {
                let range = starts[s]..<starts[s + 1]
                var sw = 0.0, swx = 0.0
                for k in range {
                    let i = rows[k].i
                    let w = g[i] * g[i] / m.variance(variance[i], intensity: intensity[i])
                    sw += w
                    swx += w * intensity[i] / g[i]
                }
                let mean = swx / sw
                for k in range {
                    let i = rows[k].i
                    let w = g[i] * g[i] / m.variance(variance[i], intensity: intensity[i])
                    result[k] = (intensity[i] / g[i] - mean) / max(1 / w - 1 / sw, 1e-300).squareRoot()
                }
            }
            return result
        }
        let bins = binning(rows.map { g[$0.i] * $0.ih })
        // a: the slope of the central sorted deviations against the normal quantiles.
        func refinedA(_ model: ErrorModel) -> ErrorModel {
            let sorted = deviations(model).sorted()
            let n = Double(sorted.count)
            let lo = Int((normalCDF(-1.5) * n - 0.5).rounded(.up)), hi = Int((normalCDF(1.5) * n - 0.5).rounded(.up))
            var sx = 0.0, sy = 0.0, sxx = 0.0, sxy = 0.0
            for k in lo..<hi {
                let x = inverseNormalCDF((Double(k) + 0.5) / n), y = sorted[k]
                sx += x; sy += y; sxx += x * x; sxy += x * y
            }
            let m = Double(hi - lo)
            let slope = (m * sxy - sx * sy) / (m * sxx - sx * sx)
            guard slope.isFinite && slope > 0 else { return model }
            return ErrorModel(a: model.a * slope, b: model.b)
        }
        // b: golden-section search of the binned-variance target on [0, 0.5].
        func refinedB(_ model: ErrorModel) -> ErrorModel {
            func target(_ b: Double) -> Double {
                let d = deviations(ErrorModel(a: model.a, b: b))
                var total = 0.0, weight = 0.0
                for bin in bins {
                    let values = bin.members.map { d[$0] }
                    let mu = values.reduce(0, +) / Double(values.count)
                    let v = values.reduce(0) { $0 + ($1 - mu) * ($1 - mu) } / Double(values.count)
                    total += bin.meanIntensity * ((0.5 - v) * (0.5 - v) + 1 / v - 1.25)
                    weight += bin.meanIntensity
                }
                return total / weight
            }
            var (x0, x3) = (0.0, 0.5)
            let r = (5.0.squareRoot() - 1) / 2
            var x1 = x3 - r * (x3 - x0), x2 = x0 + r * (x3 - x0)
            var f1 = target(x1), f2 = target(x2)
            for _ in 0..<40 {
                if f1 < f2 { x3 = x2; x2 = x1; f2 = f1; x1 = x3 - r * (x3 - x0); f1 = target(x1) }
                else { x0 = x1; x1 = x2; f1 = f2; x2 = x0 + r * (x3 - x0); f2 = target(x2) }
            }
            return ErrorModel(a: model.a, b: (x0 + x3) / 2)
        }
        var model = start
        var converged = false
        for cycle in 0..<20 {
            let previous = model.a
            model = refinedB(refinedA(model))
            if cycle > 0, abs(model.a - previous) / previous < 0.01 { converged = true; break }
        }
        // As DIALS: a converged model gets a last refinement of a; one that did not converge,
        // or whose a fell to 0.4 or below (a and b trading off on data where a large b explains
        // everything, such as crystals that differ systematically), is replaced by a = 1 with
        // only b refined.
        if converged && model.a > 0.4 { return refinedA(model) }
        return refinedB(ErrorModel(a: 1, b: 0.02))
    }

    struct Bin { var members: [Int]; var meanIntensity: Double }

    /// Up to 10 bins of gĪ equally spaced in log between max(1, min) and max, each with at least
    /// min(250, n/30) members (boundaries moved down to reach that; short bins dropped).
    static func binning(_ ih: [Double]) -> [Bin] {
        let n = ih.count, count = 10
        let order = ih.indices.sorted { (ih[$0], $0) > (ih[$1], $1) }
        let top = ih[order[0]], bottom = ih[order[n - 1]]
        let spacing = (log(top) - log(max(1, bottom))) / Double(count)
        var bounds = [top] + (1...count).map { exp(log(top) - Double($0) * spacing) }
        bounds[count] = bottom - 0.01
        let minimum = min(n > 25_000 ? n / 100 : 250, n / (3 * count))
        var bins: [Bin] = []
        var used = 0
        for b in 0..<count {
            var members = ih.indices.filter { ih[$0] <= bounds[b] && ih[$0] > bounds[b + 1] }
            if members.count < minimum, used + minimum < n {
                bounds[b + 1] = ih[order[used + minimum]]
                members = ih.indices.filter { ih[$0] <= bounds[b] && ih[$0] > bounds[b + 1] }
            }
            used += members.count
            if members.count >= max(minimum - 5, 2) {
                bins.append(Bin(members: members, meanIntensity: members.reduce(0) { $0 + ih[$1] } / Double(members.count)))
            }
        }
        return bins
    }

    static func normalCDF(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }

    /// Φ⁻¹(p): Acklam's rational approximation, polished by one Newton step.
    static func inverseNormalCDF(_ p: Double) -> Double {
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        var x: Double
        if p < 0.02425 {
            let q = (-2 * log(p)).squareRoot()
            x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        } else if p > 1 - 0.02425 {
            let q = (-2 * log(1 - p)).squareRoot()
            x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        } else {
            let q = p - 0.5, r = q * q
            x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
        }
        let e = normalCDF(x) - p
        return x - e * (2 * Double.pi).squareRoot() * exp(x * x / 2)
    }
}
