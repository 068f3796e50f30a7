import Foundation

/// Poisson probabilities for the robust background's expectation terms. The cdf is the
/// regularised upper incomplete gamma function Q(k + 1, μ), evaluated by its series or its
/// continued fraction (whichever converges fast for the arguments).
enum PoissonDistribution {
    /// P(Y = k) for Y ~ Poisson(μ); 0 for k < 0.
    static func pmf(_ mu: Double, _ k: Int) -> Double {
        guard mu > 0 else { return 0 }
        guard k >= 0 else { return 0 }
        if k == 0 { return exp(-mu) }
        return exp(Double(k) * log(mu) - mu - lgamma(Double(k) + 1))
    }

    /// P(Y ≤ k) for Y ~ Poisson(μ); 0 for k < 0.
    static func cdf(_ mu: Double, _ k: Int) -> Double {
        guard mu > 0 else { return 0 }
        guard k >= 0 else { return 0 }
        if k == 0 { return exp(-mu) }
        return upperGammaQ(Double(k) + 1, mu)
    }

    /// Q(a, x) = Γ(a, x)/Γ(a).
    static func upperGammaQ(_ a: Double, _ x: Double) -> Double {
        let front = exp(a * log(x) - x - lgamma(a))
        if x < a + 1 {
            // P(a, x) by its power series, Q = 1 − P.
            var term = 1 / a, sum = term, ap = a
            for _ in 0..<10_000 {
                ap += 1
                term *= x / ap
                sum += term
                if abs(term) < abs(sum) * 1e-16 { break }
            }
            return max(0, 1 - sum * front)
        }
        // Q(a, x) by Lentz's continued fraction.
        let tiny = 1e-300
        var b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d
        for i in 1...10_000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return front * h
    }
}
