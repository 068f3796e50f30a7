/// DIALS's `LevenbergMarquardtIterations` (scitbx lstbx normal equations): damping
/// μ₀ = 10⁻³·max diag(N), steps h from (N + μI)h = b by Cholesky, gain ratio
/// ρ = (actual decrease)/(½hᵀ(μh − g)); an accepted step scales μ by max(⅓, 1 − (2ρ − 1)³) and
/// resets ν = 2, a rejected one is undone (its journal row deleted) and multiplies μ by ν,
/// doubling ν, until ν reaches 8192. Refinement stops when RMSD_X, RMSD_Y and RMSD_φ all change
/// by less than one part in 10⁴ between journal rows, or after `maxIterations` steps.
struct LevenbergMarquardt {
    var maxIterations: Int
    static let tau = 1e-3

    struct Outcome {
        var parameters: [Double]
        var journal: [RefinementStep]
        var termination: TerminationReason
        /// The Cholesky factor of N + μI of the last solved step and the reduced χ² of its row:
        /// DIALS's variance–covariance is χ²_red·(N + μI)⁻¹ from these.
        var factor: Cholesky?
        var reducedChiSquared: Double
    }

    /// - Parameters:
    ///   - evaluate: the target at x, with normal equations when the flag is true.
    ///   - names: parameter names, for DIALS's indeterminate-solution error.
    func run(initial: [Double], names: [String],
             evaluate: ([Double], Bool) throws(RefinementError) -> TargetEvaluation,
             progress: RefinementProgress?) throws(RefinementError) -> Outcome {
        let p = initial.count
        var x = initial
        var eval = try evaluate(x, true)
        var journal: [RefinementStep] = []
        if let rhs = eval.rhs {
            let zero = rhs.indices.filter { rhs[$0] == 0 }
            if !zero.isEmpty { throw .indeterminate(parameters: zero.map { names[$0] }) }
        }
        guard eval.equationCount - p >= 1 else {
            return Outcome(parameters: x, journal: [], termination: .degreesOfFreedomTooLow, factor: nil,
                           reducedChiSquared: 0)
        }
        var mu = Self.tau * (eval.normalMatrix!.diagonal.max() ?? 0)
        var nu = 2.0
        var iterations = 0
        var streamed = 0
        var factor: Cholesky?
        var chi2 = 0.0
        let termination: TerminationReason
        while true {
            let f = eval.objective
            let b = eval.rhs!
            var a = eval.normalMatrix!
            for i in 0..<p { a[i, i] += mu }
            let cholesky = try Cholesky(a)
            let h = cholesky.solve(b)
            factor = cholesky
            chi2 = eval.weightedSquares / Double(eval.equationCount - p)
            let rmsd = eval.rmsd
            let row = RefinementStep(step: journal.count, nref: eval.nref, rmsdX: rmsd.x, rmsdY: rmsd.y,
                                     rmsdPhi: rmsd.z, objective: f, mu: mu, nu: nu, reducedChiSquared: chi2)
            journal.append(row)
            if journal.count > streamed {
                progress?(row)
                streamed = journal.count
            }
            if Self.rmsdConverged(journal) {
                termination = .rmsdConverged
                break
            }
            if iterations == maxIterations {
                termination = .maxIterations
                break
            }
            // g = −b, so ½hᵀ(μh − g) = ½hᵀ(μh + b).
            var expected = 0.0
            for i in 0..<p { expected += h[i] * (mu * h[i] + b[i]) }
            expected *= 0.5
            if expected == 0 {
                termination = .objectiveFlat
                break
            }
            let previous = x
            for i in 0..<p { x[i] += h[i] }
            iterations += 1
            // A trial the models cannot represent (an impossible cell) counts as a failed step.
            let trial = try? evaluate(x, false)
            let rho = trial.map { (f - $0.objective) / expected } ?? -1
            if rho > 0 {
                mu *= max(1.0 / 3, 1 - (2 * rho - 1) * (2 * rho - 1) * (2 * rho - 1))
                nu = 2
            } else {
                x = previous
                journal.removeLast()
                if nu >= 8192 {
                    termination = .maxTrialIterations
                    break
                }
                mu *= nu
                nu *= 2
            }
            eval = try evaluate(x, true)
        }
        return Outcome(parameters: x, journal: journal, termination: termination, factor: factor,
                       reducedChiSquared: chi2)
    }

    /// RMSD_X, RMSD_Y and RMSD_φ of the last two rows all changed by less than 10⁻⁴ relative.
    static func rmsdConverged(_ journal: [RefinementStep]) -> Bool {
        guard journal.count >= 2 else { return false }
        let a = journal[journal.count - 1], b = journal[journal.count - 2]
        return zip([a.rmsdX, a.rmsdY, a.rmsdPhi], [b.rmsdX, b.rmsdY, b.rmsdPhi]).allSatisfy { cur, prev in
            prev > 0 ? abs((prev - cur) / prev) < 1e-4 : true
        }
    }
}
