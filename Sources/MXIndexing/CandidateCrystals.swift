import Foundation
import MXGeometry
import MXSymmetry

/// Crystal models from triplets of candidate basis vectors, in DIALS's order
/// (`combinations.py candidate_orientation_matrices`): triplets i < j < k of the first 100
/// vectors, sorted by |(i, j, k)|; a and b at least 20° from parallel; c at least 20° out of
/// the ab plane; signs chosen for a right-handed basis; the cell Niggli-reduced; near-flat
/// cells (V ≤ abc/100) dropped.
public enum CandidateCrystals {
    public static func models(from vectors: [Vec3], maxCombinations: Int? = nil) -> [Crystal] {
        let n = min(vectors.count, 100)
        var triplets: [(Int, Int, Int)] = []
        for i in 0..<n { for j in 0..<n { for k in 0..<n { triplets.append((i, j, k)) } } }
        // Stable sort by the length of (i, j, k), then keep i < j < k.
        triplets = triplets.enumerated().sorted { lhs, rhs in
            let l = lhs.element, r = rhs.element
            let nl = l.0 * l.0 + l.1 * l.1 + l.2 * l.2, nr = r.0 * r.0 + r.1 * r.1 + r.2 * r.2
            return nl != nr ? nl < nr : lhs.offset < rhs.offset
        }.map(\.element).filter { $0.1 > $0.0 && $0.2 > $0.1 }
        if let m = maxCombinations { triplets = Array(triplets.prefix(m)) }
        let minAngle = 20 * Double.pi / 180
        var models: [Crystal] = []
        for (i, j, k) in triplets {
            var a = vectors[i], b = vectors[j]
            let angle = a.angle(to: b)
            guard angle >= minAngle, Double.pi - angle >= minAngle else { continue }
            var aCrossB = a.cross(b)
            if angle < Double.pi / 2 {
                b = -b
                aCrossB = -aCrossB
            }
            var c = vectors[k]
            guard abs(Double.pi / 2 - aCrossB.angle(to: c)) >= minAngle else { continue }
            // DIALS compares this angle, in degrees, with π/2: in effect c is flipped only when
            // it is within 1.57° of b, which the 20° test above already excludes. Kept for parity.
            if b.angle(to: c) * 180 / .pi < Double.pi / 2 { c = -c }
            if aCrossB.dot(c) < 0 {
                a = -a
                b = -b
                c = -c
            }
            guard let reduced = try? NiggliReduction(a: a, b: b, c: c) else { continue }
            let cell = reduced.unitCell
            guard cell.volume > cell.a * cell.b * cell.c / 100 else { continue }
            models.append(Crystal(realSpaceA: reduced.vectors.a, b: reduced.vectors.b, c: reduced.vectors.c))
        }
        return models
    }
}
