/// dials.cosym's automatic resolution limit, in its simplest form: all datasets' reflections
/// pooled, sorted by resolution into 50 shells of equal count; the limit is the high-resolution
/// edge of the last shell, going outwards, whose ⟨I⟩/⟨σ′⟩ (σ′ as dials.cosym inflates it) is still at least `minIOverSigma`
/// (DIALS: 4, on merged data; here unmerged, so somewhat more conservative). Nil when no shell
/// qualifies (then nothing is cut).
enum ResolutionLimit {
    static func automatic(_ datasets: [CosymDataset], minIOverSigma: Double) -> Double? {
        var rows: [(d: Double, i: Double, s: Double)] = []
        for d in datasets {
            for k in 0..<d.count where d.variance[k] > 0 && d.dSpacing[k] > 0 {
                // dials.cosym's inflated error model: σ′ = 2·√(σ² + (0.03·I)²).
                let i = d.intensity[k]
                rows.append((d.dSpacing[k], i, 2 * (d.variance[k] + 0.0009 * i * i).squareRoot()))
            }
        }
        guard rows.count >= 50 else { return nil }
        rows.sort { $0.d != $1.d ? $0.d > $1.d : ($0.i, $0.s) < ($1.i, $1.s) }
        var limit: Double?
        for b in 0..<50 {
            let slice = rows[(b * rows.count / 50)..<((b + 1) * rows.count / 50)]
            let i = slice.reduce(0) { $0 + $1.i }, s = slice.reduce(0) { $0 + $1.s }
            guard s > 0, i / s >= minIOverSigma else { break }
            limit = slice.last!.d
        }
        return limit
    }
}
