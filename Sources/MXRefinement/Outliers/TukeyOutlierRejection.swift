/// Tukey's rule as DIALS's `outlier.algorithm=tukey` applies it: a residual is an outlier when
/// it lies more than `iqrMultiplier` × IQR beyond the lower or upper quartile. DIALS computes the
/// quartiles as R's type-7 quantiles (linear interpolation between order statistics) and tests X,
/// Y and φ residuals separately; a reflection that fails any of them is rejected.
public struct TukeyOutlierRejection: Sendable, Equatable {
    public var iqrMultiplier: Double

    public init(iqrMultiplier: Double = 1.5) { self.iqrMultiplier = iqrMultiplier }

    /// Type-7 quantile of sorted values: x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]), h = (n − 1)p.
    public static func quantile(sorted x: [Double], _ p: Double) -> Double {
        precondition(!x.isEmpty, "quantile of no values")
        let h = Double(x.count - 1) * p
        let lo = Int(h.rounded(.down)), hi = min(lo + 1, x.count - 1)
        return x[lo] + (h - Double(lo)) * (x[hi] - x[lo])
    }

    /// The outlier flags for one column of residuals.
    public func outliers(_ values: [Double]) -> [Bool] {
        guard values.count >= 4 else { return Array(repeating: false, count: values.count) }
        let sorted = values.sorted()
        let q1 = Self.quantile(sorted: sorted, 0.25), q3 = Self.quantile(sorted: sorted, 0.75)
        let iqr = q3 - q1
        let lower = q1 - iqrMultiplier * iqr, upper = q3 + iqrMultiplier * iqr
        return values.map { $0 < lower || $0 > upper }
    }

    /// Rejects a row when any of its residual columns marks it an outlier.
    public func outliers(columns: [[Double]]) -> [Bool] {
        guard let n = columns.first?.count else { return [] }
        var flags = [Bool](repeating: false, count: n)
        for column in columns {
            for (i, f) in outliers(column).enumerated() where f { flags[i] = true }
        }
        return flags
    }
}
