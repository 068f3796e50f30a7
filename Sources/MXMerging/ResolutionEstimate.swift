import Foundation

/// The resolution at which CC½ falls to 0.3, from a fit of y = ½[1 − tanh((x − s₀)/r)] to the
/// shells' CC½ against x = d*² of their high-resolution edges, as `dials.estimate_resolution`
/// fits it (cc_half 0.3, tanh, half_dataset; a second fit without points more than 6 IQR
/// outside the quartiles of the residuals). The shells are those of ``MergingStatistics`` (20 of
/// equal volume, as the line dials.scale logs), not dials.estimate_resolution's 100
/// counting-sorted bins, so the two can differ somewhat; shells whose CC½ is not significant at
/// p = 0.01 (one-sided Student t over the shell's pairs) or is ≤ 0 are left out, as there.
public struct ResolutionEstimate: Sendable, Equatable, Codable {
    /// The estimated high-resolution limit (Å).
    public var dMin: Double
    /// The CC½ the limit is taken at.
    public var ccHalfLimit: Double
    /// The fitted s₀ (Å⁻²) and r, nil when the data never fall to the limit and the estimate
    /// is the last shell's edge.
    public var midpoint: Double?
    public var width: Double?

    public init?(_ statistics: MergingStatistics, ccHalfLimit limit: Double = 0.3) {
        ccHalfLimit = limit
        let points = statistics.shells.filter { s in
            s.ccHalfPairs > 2 && s.ccHalf > 0 && s.ccHalf > Self.criticalCC(pairs: s.ccHalfPairs)
        }.map { (x: 1 / ($0.dMin * $0.dMin), y: $0.ccHalf) }
        guard let last = statistics.shells.last else { return nil }
        // As DIALS: the data never fall to the limit in any shell (significant or not).
        if statistics.shells.allSatisfy({ $0.ccHalf > limit }) {
            dMin = last.dMin
            return
        }
        guard points.count >= 2 else { return nil }
        var fit = Self.fitTanh(points)
        let residuals = points.map { $0.y - Self.curve($0.x, fit) }.sorted()
        let (q1, q3) = (Self.quantile(residuals, 0.25), Self.quantile(residuals, 0.75))
        let iqr = q3 - q1
        let kept = points.filter { p in
            let e = p.y - Self.curve(p.x, fit)
            return e >= q1 - 6 * iqr && e <= q3 + 6 * iqr
        }
        if kept.count >= 2, kept.count < points.count { fit = Self.fitTanh(kept) }
        midpoint = fit.s0
        width = fit.r
        // ½[1 − tanh((x − s₀)/r)] = limit ⇔ x = s₀ + r·atanh(1 − 2·limit); never beyond the data.
        let x = fit.s0 + fit.r * atanh(1 - 2 * limit)
        let xMax = 1 / (last.dMin * last.dMin)
        dMin = x > 0 && x < xMax ? 1 / x.squareRoot() : last.dMin
    }

    static func curve(_ x: Double, _ p: (s0: Double, r: Double)) -> Double { 0.5 * (1 - tanh((x - p.s0) / p.r)) }

    /// Unweighted least squares by Levenberg–Marquardt with analytic derivatives, from s₀ at
    /// the middle of the data and r a quarter of its span (one minimum; DIALS's LBFGS start
    /// of s₀ = r = 1 is far outside d*² of real data).
    static func fitTanh(_ points: [(x: Double, y: Double)]) -> (s0: Double, r: Double) {
        let xs = points.map(\.x)
        var p = (s0: (xs.min()! + xs.max()!) / 2, r: max((xs.max()! - xs.min()!) / 4, 1e-6))
        func cost(_ q: (s0: Double, r: Double)) -> Double {
            points.reduce(0) { $0 + pow($1.y - curve($1.x, q), 2) }
        }
        var lambda = 1e-3
        var current = cost(p)
        for _ in 0..<200 {
            var (a11, a12, a22, g1, g2) = (0.0, 0.0, 0.0, 0.0, 0.0)
            for pt in points {
                let t = tanh((pt.x - p.s0) / p.r)
                let sech2 = 1 - t * t
                // dy/ds₀ = ½ sech²/r, dy/dr = ½ sech²·(x − s₀)/r².
                let j1 = 0.5 * sech2 / p.r, j2 = 0.5 * sech2 * (pt.x - p.s0) / (p.r * p.r)
                let e = pt.y - 0.5 * (1 - t)
                a11 += j1 * j1; a12 += j1 * j2; a22 += j2 * j2
                g1 += j1 * e; g2 += j2 * e
            }
            let (b11, b22) = (a11 * (1 + lambda), a22 * (1 + lambda))
            let det = b11 * b22 - a12 * a12
            guard det.isFinite, det != 0 else { break }
            let step = ((b22 * g1 - a12 * g2) / det, (b11 * g2 - a12 * g1) / det)
            let trial = (s0: p.s0 + step.0, r: p.r + step.1)
            let c = trial.r > 0 ? cost(trial) : .infinity
            if c < current {
                let converged = current - c < 1e-15 * max(current, 1e-300)
                p = trial; current = c; lambda = max(lambda / 10, 1e-12)
                if converged { break }
            } else {
                lambda *= 10
                if lambda > 1e12 { break }
            }
        }
        return p
    }

    static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        let position = q * Double(sorted.count - 1)
        let (i, f) = (Int(position), position - position.rounded(.down))
        return i + 1 < sorted.count ? sorted[i] * (1 - f) + sorted[i + 1] * f : sorted[i]
    }

    /// The smallest significant Pearson r over `pairs` pairs at p = 0.01 (one-sided):
    /// t/√(ν + t²), ν = pairs − 2, with t from the Cornish–Fisher expansion of Student's t
    /// about the normal quantile (accurate to 10⁻³ for ν ≥ 5).
    static func criticalCC(pairs: Int) -> Double {
        let nu = Double(pairs - 2)
        let z = 2.326_347_874_040_840_8
        let t = z + (pow(z, 3) + z) / (4 * nu) + (5 * pow(z, 5) + 16 * pow(z, 3) + 3 * z) / (96 * nu * nu)
            + (3 * pow(z, 7) + 19 * pow(z, 5) + 17 * pow(z, 3) - 15 * z) / (384 * nu * nu * nu)
        return t / (nu + t * t).squareRoot()
    }
}
