import Foundation

/// DIALS's default background for photon-counting detectors: the "glm" algorithm with the
/// constant3d model — one Poisson mean μ for the whole shoebox, fitted by a robust
/// (Huber-weighted) generalised linear model with log link (Cantoni & Ronchetti 2001), so the
/// tails of neighbouring spots, zingers and hot pixels in the background barely move it.
///
/// With β = log μ, Pearson residuals rᵢ = (yᵢ − μ)/√μ clipped to ±c give ψᵢ; the Fisher-scoring
/// step is Δβ = Σ(ψᵢ − E[ψ])·√μ / (n·E[ψ′]·μ^{3/2}), where the expectations under Poisson(μ)
/// make the estimator consistent. Starts from log(median) (median 0 ⇒ 1); stops when
/// |Δβ|/|β| < 10⁻³ or after `maxIterations`.
struct RobustPoissonMean: Sendable {
    let mean: Double
    let iterations: Int
    let converged: Bool

    init?(_ y: [Double], tuning c: Double = 1.345, tolerance: Double = 1e-3, maxIterations: Int = 100) {
        guard !y.isEmpty else { return nil }
        // The upper median, as std::nth_element at n/2 gives it.
        var median = y.sorted()[y.count / 2]
        if median <= 0 { median = 1 }
        var beta = log(median)
        var n = 0
        var error = Double.infinity
        while n < maxIterations {
            let mu = exp(beta)
            let sigma = mu.squareRoot()
            let (e1, e2) = Self.expectations(mu: mu, sigma: sigma, c: c)
            var u = 0.0
            for v in y {
                let r = (v - mu) / sigma
                let psi = abs(r) < c ? r : (r < 0 ? -c : c)
                u += (psi - e1) * mu / sigma
            }
            let h = Double(y.count) * e2 * mu * mu / sigma
            let step = u / h
            error = (step * step / max(1e-10, beta * beta)).squareRoot()
            beta += step
            n += 1
            if error < tolerance { break }
        }
        guard beta.isFinite, beta > -300, beta < 300 else { return nil }
        mean = exp(beta)
        iterations = n
        converged = error < tolerance
    }

    /// E[ψ(r)] and E[ψ′(r)]-like term of the Huber function under Poisson(μ), exactly as the
    /// consistency correction of the robust Poisson GLM defines them.
    static func expectations(mu: Double, sigma: Double, c: Double) -> (Double, Double) {
        let j1 = Int((mu - c * sigma).rounded(.down)), j2 = Int((mu + c * sigma).rounded(.down))
        let p = PoissonDistribution.pmf, P = PoissonDistribution.cdf
        let p1 = p(mu, j1), p2 = p(mu, j2), p3 = P(mu, j1)
        let p4 = p(mu, j2 + 1), p5 = P(mu, j2 + 1)
        let p6 = 1 - p5 + p4          // P(Y ≥ j2 + 1)
        let p7 = p(mu, j1 - 1), p8 = p(mu, j2 - 1), p9 = P(mu, j2 - 1)
        let p10 = p9 - p3 + p1        // P(j1 ≤ Y ≤ j2)
        let e1 = c * (p6 - p3) + (mu / sigma) * (p1 - p2)
        let e2 = c * (p1 + p2) + (mu * mu / (sigma * sigma * sigma)) * (p10 / mu + p7 - p1 - p8 + p2)
        return (e1, e2)
    }
}
