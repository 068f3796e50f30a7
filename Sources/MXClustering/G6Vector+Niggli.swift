import Foundation
import MXGeometry

/// Niggli reduction of a lattice given by its metric (G6), by Křivý & Gruber's (1976) eight
/// steps with the tolerant comparisons of Grosse-Kunstleve, Sauter & Adams (2004, Acta A60:1):
/// x < y means x < y − ε, equality means neither is smaller. Every step applies an actual change
/// of basis (its effect on G6), so the result is always the metric of the same lattice; the sign
/// step uses the all-±1 diagonal transform with a near-zero entry absorbing an odd sign, as
/// Grosse-Kunstleve et al. do, rather than simply negating values.
///
/// This reduces the metric only — no basis vectors, no transformation matrix — which is all the
/// G6 distance needs. The reduction of a basis (vectors and the matrix to them) is MXSymmetry's
/// `NiggliReduction`, which indexing uses; MXClustering depends on MXGeometry alone.
extension G6Vector {
    /// Relative tolerance; ε = `niggliRelativeEpsilon` × (g1 + g2 + g3) / 3, in Å².
    public static let niggliRelativeEpsilon = 1e-5

    /// The Niggli-reduced form of this metric. Stops after 1000 steps (never reached for valid
    /// cells, whose reduction terminates in a few dozen).
    public var niggliReduced: G6Vector {
        let g = self
        var (A, B, C, xi, eta, zeta) = (g.components[0], g.components[1], g.components[2],
                                        g.components[3], g.components[4], g.components[5])
        let eps = Self.niggliRelativeEpsilon * (A + B + C) / 3
        func lt(_ x: Double, _ y: Double) -> Bool { x < y - eps }
        func gt(_ x: Double, _ y: Double) -> Bool { lt(y, x) }
        func eq(_ x: Double, _ y: Double) -> Bool { !lt(x, y) && !lt(y, x) }
        func sign(_ x: Double) -> Int { gt(x, 0) ? 1 : lt(x, 0) ? -1 : 0 }
        func s(_ x: Double) -> Double { x > 0 ? 1 : -1 }

        var steps = 0
        loop: while steps < 1000 {
            steps += 1
            // 1: A ≤ B, and |ξ| ≤ |η| when A = B.
            if gt(A, B) || (eq(A, B) && gt(abs(xi), abs(eta))) {
                swap(&A, &B)
                swap(&xi, &eta)
            }
            // 2: B ≤ C, and |η| ≤ |ζ| when B = C.
            if gt(B, C) || (eq(B, C) && gt(abs(eta), abs(zeta))) {
                swap(&B, &C)
                swap(&eta, &zeta)
                continue loop
            }
            // 3 / 4: all of ξ, η, ζ positive, or none positive.
            let (l, m, n) = (sign(xi), sign(eta), sign(zeta))
            if l * m * n == 1 {
                (xi, eta, zeta) = (abs(xi), abs(eta), abs(zeta))
            } else {
                // diag(i, j, k) multiplies ξ by jk, η by ik, ζ by ij.
                var f = [1.0, 1.0, 1.0]
                var zero: Int?
                for (axis, sg) in [l, m, n].enumerated() {
                    if sg == 1 { f[axis] = -1 } else if sg == 0 { zero = axis }
                }
                // An improper diag(i, j, k) is made proper by flipping the near-zero entry's axis.
                if f[0] * f[1] * f[2] < 0, let z = zero { f[z] = -1 }
                xi *= f[1] * f[2]
                eta *= f[0] * f[2]
                zeta *= f[0] * f[1]
            }
            // 5
            if gt(abs(xi), B) || (eq(xi, B) && lt(2 * eta, zeta)) || (eq(xi, -B) && lt(zeta, 0)) {
                let sx = s(xi)
                C = B + C - xi * sx
                eta -= zeta * sx
                xi -= 2 * B * sx
                continue loop
            }
            // 6
            if gt(abs(eta), A) || (eq(eta, A) && lt(2 * xi, zeta)) || (eq(eta, -A) && lt(zeta, 0)) {
                let se = s(eta)
                C = A + C - eta * se
                xi -= zeta * se
                eta -= 2 * A * se
                continue loop
            }
            // 7
            if gt(abs(zeta), A) || (eq(zeta, A) && lt(2 * xi, eta)) || (eq(zeta, -A) && lt(eta, 0)) {
                let sz = s(zeta)
                B = A + B - zeta * sz
                xi -= eta * sz
                zeta -= 2 * A * sz
                continue loop
            }
            // 8
            let t = xi + eta + zeta + A + B
            if lt(t, 0) || (eq(t, 0) && gt(2 * (A + eta) + zeta, 0)) {
                C = A + B + C + xi + eta + zeta
                xi = 2 * B + xi + zeta
                eta = 2 * A + eta + zeta
                continue loop
            }
            break
        }
        return G6Vector(A, B, C, xi, eta, zeta)
    }
}
