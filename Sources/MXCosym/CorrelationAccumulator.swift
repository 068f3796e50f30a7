/// Pearson's correlation coefficient from running sums, so that correlations over several
/// sets of pairs can be pooled (DIALS's `CorrelationCoefficientAccumulator`).
public struct CorrelationAccumulator: Sendable, Equatable {
    public private(set) var n = 0
    var sx = 0.0, sy = 0.0, sxy = 0.0, sxx = 0.0, syy = 0.0

    public init() {}

    public mutating func add(_ x: Double, _ y: Double) {
        n += 1; sx += x; sy += y; sxy += x * y; sxx += x * x; syy += y * y
    }

    public static func += (a: inout CorrelationAccumulator, b: CorrelationAccumulator) {
        a.n += b.n; a.sx += b.sx; a.sy += b.sy; a.sxy += b.sxy; a.sxx += b.sxx; a.syy += b.syy
    }

    /// r, or 0 with fewer than two pairs or no spread.
    public var coefficient: Double {
        guard n > 1 else { return 0 }
        let nn = Double(n)
        let d = (nn * sxx - sx * sx).squareRoot() * (nn * syy - sy * sy).squareRoot()
        return d > 0 ? (nn * sxy - sx * sy) / d : 0
    }
}
