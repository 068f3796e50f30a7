import MXGeometry
import MXSymmetry

/// Scaled observations merged per unique reflection, as `dials.merge` writes them: the mean
/// over all equivalents (IMEAN) and, separately, over the two Friedel hands (I(+), I(−)); each
/// mean weighted by 1/σ² with σ(Ī) = 1/√Σw (no internal variance, as dials.merge's default).
public struct MergedIntensities: Sendable, Equatable {
    public struct Reflection: Sendable, Equatable {
        /// The reciprocal-ASU index (cctbx's ``ReciprocalASU``).
        public var hkl: SIMD3<Int>
        public var dSpacing: Double
        public var isCentric: Bool
        public var mean: Double
        public var meanSigma: Double
        /// I(+) from observations equivalent to h itself, I(−) from those equivalent to −h;
        /// nil where the hand was not measured. A centric reflection's are all I(+).
        public var plus: (mean: Double, sigma: Double, count: Int)?
        public var minus: (mean: Double, sigma: Double, count: Int)?

        public static func == (a: Self, b: Self) -> Bool {
            a.hkl == b.hkl && a.dSpacing == b.dSpacing && a.isCentric == b.isCentric && a.mean == b.mean
                && a.meanSigma == b.meanSigma && a.plus?.mean == b.plus?.mean && a.plus?.sigma == b.plus?.sigma
                && a.plus?.count == b.plus?.count && a.minus?.mean == b.minus?.mean
                && a.minus?.sigma == b.minus?.sigma && a.minus?.count == b.minus?.count
        }
    }

    /// Unique reflections, ASU indices ascending.
    public var reflections: [Reflection]

    /// Merges `observations` in `spaceGroup`; observations with σ ≤ 0 or a non-finite value
    /// are left out, as in ``MergingStatistics``.
    public init(_ observations: [UnmergedObservation], spaceGroup: SpaceGroup, cell: UnitCell) {
        let asu = ReciprocalASU(spaceGroup)
        // Per reflection: Σw, ΣwI for all, for the + hand and for the − hand, and counts.
        var sums: [SIMD3<Int>: (all: SIMD2<Double>, plus: SIMD3<Double>, minus: SIMD3<Double>)] = [:]
        for o in observations where o.variance > 0 && o.intensity.isFinite && o.variance.isFinite {
            let h = asu.representative(o.hkl)
            let w = 1 / o.variance
            var s = sums[h] ?? (.zero, .zero, .zero)
            s.all += SIMD2(w, w * o.intensity)
            let isPlus = spaceGroup.primitiveOperations.contains { $0.rotate(o.hkl) == h }
            if isPlus || spaceGroup.isCentric(h) { s.plus += SIMD3(w, w * o.intensity, 1) } else { s.minus += SIMD3(w, w * o.intensity, 1) }
            sums[h] = s
        }
        reflections = sums.keys.sorted { ($0.x, $0.y, $0.z) < ($1.x, $1.y, $1.z) }.map { h in
            let s = sums[h]!
            func hand(_ v: SIMD3<Double>) -> (mean: Double, sigma: Double, count: Int)? {
                v.z > 0 ? (v.y / v.x, 1 / v.x.squareRoot(), Int(v.z)) : nil
            }
            return Reflection(hkl: h, dSpacing: cell.dSpacing(SIMD3(Double(h.x), Double(h.y), Double(h.z))),
                              isCentric: spaceGroup.isCentric(h), mean: s.all.y / s.all.x,
                              meanSigma: 1 / s.all.x.squareRoot(), plus: hand(s.plus), minus: hand(s.minus))
        }
    }
}
