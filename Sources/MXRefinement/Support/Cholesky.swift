/// The Cholesky factorisation A = UᵀU of a symmetric positive-definite matrix, as scitbx's
/// `u_transpose_u_decomposition_in_place` computes it for lstbx's normal equations: solving
/// the Levenberg–Marquardt step, and N⁻¹ = U⁻¹U⁻ᵀ for the parameter variance–covariance.
public struct Cholesky: Sendable {
    /// Upper-triangular factor, row-major (lower triangle zero).
    public let u: DenseMatrix

    /// Factorises `a`; fails with the 0-based row at which a non-positive pivot appeared.
    public init(_ a: DenseMatrix) throws(RefinementError) {
        let n = a.n
        var u = DenseMatrix(n: n)
        for i in 0..<n {
            // Row i of U: u_ii = √(a_ii − Σ_k u_ki²); u_ij = (a_ij − Σ_k u_ki u_kj)/u_ii.
            var d = a[i, i]
            for k in 0..<i { d -= u[k, i] * u[k, i] }
            guard d > 0, d.isFinite else { throw .singularNormalMatrix(row: i) }
            let uii = d.squareRoot()
            u[i, i] = uii
            for j in (i + 1)..<max(i + 1, n) {
                var s = a[i, j]
                for k in 0..<i { s -= u[k, i] * u[k, j] }
                u[i, j] = s / uii
            }
        }
        self.u = u
    }

    /// x with A·x = b: forward substitution with Uᵀ, then back substitution with U.
    public func solve(_ b: [Double]) -> [Double] {
        let n = u.n
        var y = b
        for i in 0..<n {
            var s = y[i]
            for k in 0..<i { s -= u[k, i] * y[k] }
            y[i] = s / u[i, i]
        }
        for i in stride(from: n - 1, through: 0, by: -1) {
            var s = y[i]
            for k in (i + 1)..<max(i + 1, n) { s -= u[i, k] * y[k] }
            y[i] = s / u[i, i]
        }
        return y
    }

    /// A⁻¹ = U⁻¹U⁻ᵀ.
    public var inverse: DenseMatrix {
        let n = u.n
        // V = U⁻¹ (upper triangular), column by column.
        var v = DenseMatrix(n: n)
        for j in 0..<n {
            v[j, j] = 1 / u[j, j]
            for i in stride(from: j - 1, through: 0, by: -1) {
                var s = 0.0
                for k in (i + 1)...j { s += u[i, k] * v[k, j] }
                v[i, j] = -s / u[i, i]
            }
        }
        var out = DenseMatrix(n: n)
        for i in 0..<n {
            for j in i..<n {
                var s = 0.0
                for k in j..<n { s += v[i, k] * v[j, k] }
                out[i, j] = s
                out[j, i] = s
            }
        }
        return out
    }
}
