import MXGeometry

/// Niggli reduction of a lattice basis by the Krivy–Gruber algorithm with the ε-comparisons of
/// Grosse-Kunstleve, Sauter & Adams (Acta Cryst. A60, 1–6, 2004) — what cctbx's
/// `change_of_basis_op_to_niggli_cell` computes and DIALS's indexing uses for every candidate.
///
/// The basis is carried as real-space vectors together with the integer matrix P such that
/// new basis = old basis · P (columns of P give each new vector in the old ones), so that Miller
/// indices transform as h′ = Pᵀh.
public struct NiggliReduction: Sendable {
    public let vectors: (a: Vec3, b: Vec3, c: Vec3)
    /// new basis = input basis · P.
    public let P: [[Int]]

    public var unitCell: UnitCell { UnitCell(vectors: vectors.a, vectors.b, vectors.c) }

    public enum Failure: Error, Sendable { case didNotConverge, degenerate }

    /// Reduces the basis (a, b, c); ε is relative to the mean squared length (cctbx's
    /// relative_epsilon, default 1e-5).
    public init(a: Vec3, b: Vec3, c: Vec3, relativeEpsilon: Double = 1e-5, maxIterations: Int = 1000) throws(Failure) {
        var basis = [a, b, c]
        var p = [[1, 0, 0], [0, 1, 0], [0, 0, 1]]
        guard abs(a.cross(b).dot(c)) > 0 else { throw .degenerate }
        let eps = relativeEpsilon * (a.dot(a) + b.dot(b) + c.dot(c)) / 3

        /// Applies M (columns: new vectors in terms of the current ones).
        func apply(_ m: [[Int]]) {
            let old = basis
            for j in 0..<3 {
                basis[j] = old[0] * Double(m[0][j]) + old[1] * Double(m[1][j]) + old[2] * Double(m[2][j])
            }
            var q = [[0, 0, 0], [0, 0, 0], [0, 0, 0]]
            for i in 0..<3 { for j in 0..<3 { for k in 0..<3 { q[i][j] += p[i][k] * m[k][j] } } }
            p = q
        }
        func lt(_ x: Double, _ y: Double) -> Bool { x < y - eps }
        func gt(_ x: Double, _ y: Double) -> Bool { y < x - eps }
        func eq(_ x: Double, _ y: Double) -> Bool { !lt(x, y) && !gt(x, y) }
        func sign(_ x: Double) -> Int { x < 0 ? -1 : 1 }

        for _ in 0..<maxIterations {
            let (va, vb, vc) = (basis[0], basis[1], basis[2])
            let A = va.dot(va), B = vb.dot(vb), C = vc.dot(vc)
            let xi = 2 * vb.dot(vc), eta = 2 * va.dot(vc), zeta = 2 * va.dot(vb)
            // N1
            if gt(A, B) || (eq(A, B) && gt(abs(xi), abs(eta))) {
                apply([[0, -1, 0], [-1, 0, 0], [0, 0, -1]])
                continue
            }
            // N2
            if gt(B, C) || (eq(B, C) && gt(abs(eta), abs(zeta))) {
                apply([[-1, 0, 0], [0, 0, -1], [0, -1, 0]])
                continue
            }
            // N3 / N4: all three angles acute, or all non-acute.
            let positives = [xi, eta, zeta].filter { gt($0, 0) }.count
            let negatives = [xi, eta, zeta].filter { lt($0, 0) }.count
            if negatives + positives == 3 && negatives % 2 == 0 {
                if negatives > 0 {
                    apply([[lt(xi, 0) ? -1 : 1, 0, 0], [0, lt(eta, 0) ? -1 : 1, 0], [0, 0, lt(zeta, 0) ? -1 : 1]])
                }
            } else if positives > 0 {
                var d = [gt(xi, 0) ? -1 : 1, gt(eta, 0) ? -1 : 1, gt(zeta, 0) ? -1 : 1]
                if d[0] * d[1] * d[2] < 0 {
                    guard let zero = [xi, eta, zeta].indices.last(where: { eq([xi, eta, zeta][$0], 0) }) else {
                        throw .didNotConverge
                    }
                    d[zero] = -1
                }
                apply([[d[0], 0, 0], [0, d[1], 0], [0, 0, d[2]]])
            }
            let (wa, wb, wc) = (basis[0], basis[1], basis[2])
            let A2 = wa.dot(wa), B2 = wb.dot(wb)
            let x2 = 2 * wb.dot(wc), e2 = 2 * wa.dot(wc), z2 = 2 * wa.dot(wb)
            // N5
            if gt(abs(x2), B2) || (eq(x2, B2) && lt(2 * e2, z2)) || (eq(x2, -B2) && lt(z2, 0)) {
                apply([[1, 0, 0], [0, 1, -sign(x2)], [0, 0, 1]])
                continue
            }
            // N6
            if gt(abs(e2), A2) || (eq(e2, A2) && lt(2 * x2, z2)) || (eq(e2, -A2) && lt(z2, 0)) {
                apply([[1, 0, -sign(e2)], [0, 1, 0], [0, 0, 1]])
                continue
            }
            // N7
            if gt(abs(z2), A2) || (eq(z2, A2) && lt(2 * x2, e2)) || (eq(z2, -A2) && lt(e2, 0)) {
                apply([[1, -sign(z2), 0], [0, 1, 0], [0, 0, 1]])
                continue
            }
            // N8
            let s = x2 + e2 + z2 + A2 + B2
            if lt(s, 0) || (eq(s, 0) && gt(2 * (A2 + e2) + z2, 0)) {
                apply([[1, 0, 1], [0, 1, 1], [0, 0, 1]])
                continue
            }
            vectors = (basis[0], basis[1], basis[2])
            P = p
            return
        }
        throw .didNotConverge
    }
}
