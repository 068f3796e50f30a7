import MXGeometry
import MXSymmetry

/// DIALS's non-primitive basis correction (`non_primitive_basis.py`, after Sauter et al. 2004):
/// when nearly all indexed reflections satisfy a presence condition v·h ≡ 0 (mod m) for small v
/// and m ∈ {2, 3, 5}, the cell is a supercell of the true lattice; it is replaced by the cell m
/// times smaller, Niggli-reduced, and the spots re-indexed — repeatedly, until no condition holds.
public enum NonPrimitiveBasis {
    /// A presence condition and the transformation T (rows: the new reciprocal basis in the old,
    /// det T = m) that removes it.
    struct Test: Sendable {
        var modulus: Int
        var vector: SIMD3<Int>
        var transformation: [[Int]]
    }

    /// The tests in DIALS's order (rstbx `_generate_reindex_transformations`): condition vectors
    /// v with |v|² ≤ 6, none collinear with an earlier one, taken in order of |v|² then −Σv; for
    /// each, moduli 2, 3, 5; T's rows are the first three points of the same order that satisfy
    /// the condition, non-collinear and non-coplanar, with det T > 0.
    static let tests: [Test] = {
        let moduli = [2, 3, 5]
        var points: [SIMD3<Int>] = []
        for i in stride(from: 5, through: -5, by: -1) {
            for j in stride(from: 5, through: -5, by: -1) {
                for k in stride(from: 5, through: -5, by: -1) { points.append(SIMD3(i, j, k)) }
            }
        }
        func norm(_ v: SIMD3<Int>) -> Int { v.x * v.x + v.y * v.y + v.z * v.z }
        points = points.enumerated().sorted { a, b in
            let ka = (norm(a.element), -(a.element.x + a.element.y + a.element.z))
            let kb = (norm(b.element), -(b.element.x + b.element.y + b.element.z))
            return ka != kb ? ka < kb : a.offset < b.offset
        }.map(\.element).filter { $0 != .zero }
        func cross(_ a: SIMD3<Int>, _ b: SIMD3<Int>) -> SIMD3<Int> {
            SIMD3(a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x)
        }
        func collinear(_ a: SIMD3<Int>, _ b: SIMD3<Int>) -> Bool { cross(a, b) == .zero }
        func determinant(_ a: SIMD3<Int>, _ b: SIMD3<Int>, _ c: SIMD3<Int>) -> Int {
            let x = cross(b, c)
            return a.x * x.x + a.y * x.y + a.z * x.z
        }
        var representatives: [SIMD3<Int>] = []
        for v in points {
            if norm(v) > 6 { break }
            if representatives.contains(where: { collinear($0, v) }) { continue }
            representatives.append(v)
        }
        var tests: [Test] = []
        for v in representatives {
            for m in moduli {
                let candidates = points.filter { p in ((v.x * p.x + v.y * p.y + v.z * p.z) % m + m) % m == 0 }
                let first = candidates[0]
                let second = candidates.dropFirst().first { !collinear(first, $0) }!
                let third = candidates.first { determinant(first, second, $0) != 0 }!
                var rows = [first, second, third]
                if determinant(first, second, third) < 0 { rows = [second, first, third] }
                tests.append(Test(modulus: m, vector: v, transformation: rows.map { [$0.x, $0.y, $0.z] }))
            }
        }
        return tests
    }()

    /// The first test whose condition more than `threshold` of the Miller indices satisfy.
    static func detect(_ hkl: [SIMD3<Int32>], threshold: Double = 0.9) -> Test? {
        guard !hkl.isEmpty else { return nil }
        let count = hkl.count
        for test in tests {
            let v = test.vector
            // Most tests fail, and fail early: stop once even every remaining reflection
            // satisfying it could not lift the fraction above the threshold (the decision is
            // the full count's, only reached sooner).
            var failed = 0
            var possible = true
            for h in hkl where ((v.x * Int(h.x) + v.y * Int(h.y) + v.z * Int(h.z)) % test.modulus + test.modulus) % test.modulus != 0 {
                failed += 1
                if !(Double(count - failed) / Double(count) > threshold) {
                    possible = false
                    break
                }
            }
            if possible { return test }
        }
        return nil
    }

    /// The crystal with every detected supercell removed, re-indexed by `assign` after each
    /// step; nil when a correction makes the cell implausibly small (V < 25 Å³).
    public static func correct(_ crystal: Crystal, assign: (Crystal) -> [SIMD3<Int32>?]) -> Crystal? {
        var current = crystal
        for _ in 0..<8 {
            let hkl = assign(current).compactMap { $0 }
            guard let test = detect(hkl) else { return current }
            // New direct matrix (rows a, b, c) = (T⁻¹)ᵀ · old direct matrix.
            let t = Mat3(rowMajor: test.transformation.flatMap { $0.map(Double.init) })
            let direct = current.A.inverse
            let newDirect = t.inverse.transpose * direct
            guard let reduced = try? NiggliReduction(a: newDirect.row0, b: newDirect.row1, c: newDirect.row2) else { return nil }
            current = Crystal(realSpaceA: reduced.vectors.a, b: reduced.vectors.b, c: reduced.vectors.c, spaceGroupHall: current.spaceGroupHall)
            guard current.unitCell.volume >= 25 else { return nil }
        }
        return current
    }
}
