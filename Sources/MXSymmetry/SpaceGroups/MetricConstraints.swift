/// Which elements of the reciprocal metric g = (a*·a*, b*·b*, c*·c*, a*·b*, a*·c*, b*·c*) a space
/// group leaves free, and how the others follow from them — cctbx's
/// `tensor_rank_2_constraints(reciprocal_space=True)`, which DIALS's unit-cell
/// parameterisation (rstbx `symmetrize_reduce_enlarge`) uses.
///
/// Every rotation R of the group (acting on fractional coordinates) keeps the reciprocal metric
/// G* invariant, R·G*·Rᵀ = G*. Those linear equations in the six elements, reduced to row
/// echelon form, leave the non-pivot columns free: P1 all six, monoclinic (b unique) g0 g1 g2 g4,
/// orthorhombic g0 g1 g2, tetragonal g1 g2, trigonal/hexagonal (also R 3 in hexagonal axes) g2 g3
/// with g0 = g1 = 2·g3, rhombohedral axes g2 g5, cubic g2.
public struct MetricConstraints: Sendable, Equatable {
    /// Indices (0…5) of the free metric elements, in increasing order.
    public let independent: [Int]
    /// `expansion[k]` is the six-vector g obtained when free parameter k is 1 and the others 0,
    /// so g = Σₖ pₖ·expansion[k].
    public let expansion: [[Double]]

    public init(rotations: some Sequence<IntMatrix3>) {
        // Index of G*_kl in the six-vector.
        func slot(_ k: Int, _ l: Int) -> Int {
            switch (min(k, l), max(k, l)) {
            case (0, 0): return 0
            case (1, 1): return 1
            case (2, 2): return 2
            case (0, 1): return 3
            case (0, 2): return 4
            default: return 5
            }
        }
        let pairs = [(0, 0), (1, 1), (2, 2), (0, 1), (0, 2), (1, 2)]
        var rows: [[Fraction]] = []
        for r in rotations {
            for (i, j) in pairs {
                // Σ_kl R_ik R_jl G_kl − G_ij = 0
                var row = [Fraction](repeating: .zero, count: 6)
                for k in 0..<3 {
                    for l in 0..<3 {
                        let c = r[i, k] * r[j, l]
                        if c != 0 { row[slot(k, l)] = row[slot(k, l)] + Fraction(c) }
                    }
                }
                row[slot(i, j)] = row[slot(i, j)] - Fraction(1)
                if row.contains(where: { !$0.isZero }) { rows.append(row) }
            }
        }
        let (reduced, pivots) = Self.rowEchelon(rows)
        let free = (0..<6).filter { !pivots.contains($0) }
        independent = free
        expansion = free.map { f in
            var g = [Double](repeating: 0, count: 6)
            g[f] = 1
            for (row, p) in zip(reduced, pivots) { g[p] = -row[f].value }
            return g
        }
    }

    /// The constraints of the space group named by a Hall symbol.
    public init(hallSymbol: String) throws(SymmetryError) {
        self.init(rotations: try HallSymbol(hallSymbol).rotations)
    }

    /// The free parameters' values read from a full metric.
    public func reduce(_ g: [Double]) -> [Double] { independent.map { g[$0] } }

    /// The full metric from the free parameters.
    public func expand(_ p: [Double]) -> [Double] {
        var g = [Double](repeating: 0, count: 6)
        for (k, column) in expansion.enumerated() { for i in 0..<6 { g[i] += p[k] * column[i] } }
        return g
    }

    /// Reduced row echelon form (exact rationals) and the pivot column of each row.
    private static func rowEchelon(_ input: [[Fraction]]) -> ([[Fraction]], [Int]) {
        var m = input
        var pivots: [Int] = []
        var row = 0
        for col in 0..<6 where row < m.count {
            guard let p = (row..<m.count).first(where: { !m[$0][col].isZero }) else { continue }
            m.swapAt(row, p)
            let inv = m[row][col].reciprocal
            m[row] = m[row].map { $0 * inv }
            for r in 0..<m.count where r != row && !m[r][col].isZero {
                let f = m[r][col]
                for c in 0..<6 { m[r][c] = m[r][c] - f * m[row][c] }
            }
            pivots.append(col)
            row += 1
        }
        return (Array(m.prefix(row)), pivots)
    }
}

/// An exact rational with small integer parts, enough for symmetry equations.
struct Fraction: Equatable {
    var num: Int
    var den: Int

    static let zero = Fraction(0)

    init(_ n: Int, _ d: Int = 1) {
        precondition(d != 0, "zero denominator")
        let g = Self.gcd(abs(n), abs(d))
        let s = d < 0 ? -1 : 1
        num = g == 0 ? 0 : s * n / g
        den = g == 0 ? 1 : s * d / g
    }

    var isZero: Bool { num == 0 }
    var value: Double { Double(num) / Double(den) }
    var reciprocal: Fraction { Fraction(den, num) }

    static func + (a: Fraction, b: Fraction) -> Fraction { Fraction(a.num * b.den + b.num * a.den, a.den * b.den) }
    static func - (a: Fraction, b: Fraction) -> Fraction { Fraction(a.num * b.den - b.num * a.den, a.den * b.den) }
    static func * (a: Fraction, b: Fraction) -> Fraction { Fraction(a.num * b.num, a.den * b.den) }

    private static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
}
