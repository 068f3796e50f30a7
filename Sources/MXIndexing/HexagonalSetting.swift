import Foundation
import MXGeometry

/// Finds the hexagonal (H 3 / R 3:H) setting of a lattice given in any primitive basis — the
/// engineer's form of DIALS's Le Page search for a known hR target (dials-algorithms §3.8):
/// among integer combinations of the basis with small coefficients, the basis of three times
/// the primitive volume (obverse rhombohedral centring) or the same volume (already hexagonal)
/// whose cell is closest to a = b, α = β = 90°, γ = 120°.
public struct HexagonalSetting: Sendable {
    /// new basis = input basis · P (columns of P are the new vectors in the input basis);
    /// Miller indices transform as h′ = Pᵀh.
    public let P: [[Int]]
    /// The transformed cell before symmetrisation.
    public let cell: UnitCell
    /// Largest deviation from the hexagonal metric in degrees: the angles' departures from
    /// 90°, 90°, 120° and the a/b mismatch expressed as an angle (atan of the relative difference).
    public let deviation: Double

    /// Searches coefficient vectors in −range…range. Returns nil when no setting lies within
    /// `maxDeviation` degrees of hexagonal.
    public init?(a: Vec3, b: Vec3, c: Vec3, maxDeviation: Double = 5, range: Int = 2) {
        // Candidate lattice vectors and their lengths.
        var coefficients: [SIMD3<Int>] = []
        for i in -range...range { for j in -range...range { for k in -range...range where (i, j, k) != (0, 0, 0) {
            coefficients.append(SIMD3(i, j, k))
        } } }
        let vectors = coefficients.map { a * Double($0.x) + b * Double($0.y) + c * Double($0.z) }
        let lengths = vectors.map(\.length)
        let tolerance = tan(maxDeviation * .pi / 180)
        var best: (p: [[Int]], cell: UnitCell, deviation: Double, det: Int)?
        func det(_ u: SIMD3<Int>, _ v: SIMD3<Int>, _ w: SIMD3<Int>) -> Int {
            u.x * (v.y * w.z - v.z * w.y) - u.y * (v.x * w.z - v.z * w.x) + u.z * (v.x * w.y - v.y * w.x)
        }
        for (ia, va) in vectors.enumerated() {
            for (ib, vb) in vectors.enumerated() where ib != ia {
                // a and b: equal lengths within tolerance, 120° apart.
                guard abs(lengths[ia] - lengths[ib]) <= tolerance * lengths[ia] else { continue }
                let gamma = va.angle(to: vb) * 180 / .pi
                guard abs(gamma - 120) <= maxDeviation else { continue }
                for (ic, vc) in vectors.enumerated() where ic != ia && ic != ib {
                    let alpha = vb.angle(to: vc) * 180 / .pi, beta = va.angle(to: vc) * 180 / .pi
                    guard abs(alpha - 90) <= maxDeviation, abs(beta - 90) <= maxDeviation else { continue }
                    let d = det(coefficients[ia], coefficients[ib], coefficients[ic])
                    guard d == 3 || d == 1 else { continue }
                    let mismatch = atan(abs(lengths[ia] - lengths[ib]) / ((lengths[ia] + lengths[ib]) / 2)) * 180 / .pi
                    let deviation = max(abs(alpha - 90), abs(beta - 90), abs(gamma - 120), mismatch)
                    // Prefer the smallest deviation; between equals, the obverse supercell (det 3)
                    // of a primitive input, then the first found (deterministic order).
                    if best == nil || deviation < best!.deviation - 1e-9
                        || (abs(deviation - best!.deviation) <= 1e-9 && d > best!.det) {
                        let p = [0, 1, 2].map { row in [coefficients[ia][row], coefficients[ib][row], coefficients[ic][row]] }
                        best = (p, UnitCell(vectors: va, vb, vc), deviation, d)
                    }
                }
            }
        }
        guard let best else { return nil }
        // DIALS's H 3 is the obverse setting (−h + k + l = 3n). A centred cell found in the
        // reverse setting becomes obverse by the twofold about c: a, b → −a, −b.
        P = best.det == 3 && !Self.isObverse(best.p) ? best.p.map { [-$0[0], -$0[1], $0[2]] } : best.p
        cell = best.cell
        deviation = best.deviation
    }

    /// Whether the lattice points of the input basis sit at the obverse centring positions of
    /// the det-3 cell P: (0, 0, 0), (2/3, 1/3, 1/3) or (1/3, 2/3, 2/3) in its fractional coordinates.
    static func isObverse(_ p: [[Int]]) -> Bool {
        // Columns of adj(P) = 3·P⁻¹: the input basis vectors in thirds of the new basis.
        let adj = [
            [p[1][1] * p[2][2] - p[1][2] * p[2][1], p[0][2] * p[2][1] - p[0][1] * p[2][2], p[0][1] * p[1][2] - p[0][2] * p[1][1]],
            [p[1][2] * p[2][0] - p[1][0] * p[2][2], p[0][0] * p[2][2] - p[0][2] * p[2][0], p[0][2] * p[1][0] - p[0][0] * p[1][2]],
            [p[1][0] * p[2][1] - p[1][1] * p[2][0], p[0][1] * p[2][0] - p[0][0] * p[2][1], p[0][0] * p[1][1] - p[0][1] * p[1][0]],
        ]
        let obverse: Set<[Int]> = [[0, 0, 0], [2, 1, 1], [1, 2, 2]]
        return (0..<3).allSatisfy { column in
            obverse.contains((0..<3).map { row in ((adj[row][column] % 3) + 3) % 3 })
        }
    }

    /// The crystal in the hexagonal setting with the metric made exactly hexagonal
    /// (a = b = their mean, α = β = 90°, γ = 120°, c kept) and the orientation U kept, with
    /// space group H 3 (Hall " R 3").
    public func symmetrised(_ crystal: Crystal) -> Crystal {
        let v = crystal.realSpaceVectors
        func combine(_ column: Int) -> Vec3 {
            v.a * Double(P[0][column]) + v.b * Double(P[1][column]) + v.c * Double(P[2][column])
        }
        let transformed = Crystal(realSpaceA: combine(0), b: combine(1), c: combine(2), spaceGroupHall: " R 3")
        let cell = transformed.unitCell
        let ab = (cell.a + cell.b) / 2
        var result = transformed
        result.setB(UnitCell(ab, ab, cell.c, 90, 90, 120).fractionalization.transpose)
        return result
    }
}
