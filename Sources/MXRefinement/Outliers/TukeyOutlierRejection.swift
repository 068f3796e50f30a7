/// Tukey's rule as DIALS's `outlier.algorithm=tukey` applies it: a residual is an outlier when it
/// lies more than `iqrMultiplier` × IQR beyond the lower or upper hinge. DIALS takes the hinges
/// from scitbx's `five_number_summary` — Tukey's hinges, as R's `fivenum` — and tests the X, Y
/// and φ residual columns separately; a reflection that fails any of them is rejected. Columns
/// with fewer than `minimumObservations` values are left alone here; DIALS's rule for small
/// outlier jobs (reject the whole job) is applied by ``CentroidOutlierJobs``.
public struct TukeyOutlierRejection: Sendable, Equatable {
    public var iqrMultiplier: Double
    public var minimumObservations: Int

    public init(iqrMultiplier: Double = 1.5, minimumObservations: Int = 20) {
        self.iqrMultiplier = iqrMultiplier
        self.minimumObservations = minimumObservations
    }

    /// Tukey's lower and upper hinges of sorted values (R `fivenum`): with n4 = ⌊(n+3)/2⌋/2, the
    /// hinges sit at 1-based positions n4 and n + 1 − n4, halfway between neighbours when
    /// fractional.
    public static func hinges(sorted x: [Double]) -> (lower: Double, upper: Double) {
        precondition(!x.isEmpty, "hinges of no values")
        let n = Double(x.count)
        let n4 = ((n + 3) / 2).rounded(.down) / 2
        func at(_ d: Double) -> Double {
            0.5 * (x[Int(d.rounded(.down)) - 1] + x[Int(d.rounded(.up)) - 1])
        }
        return (at(n4), at(n + 1 - n4))
    }

    /// The outlier flags for one column of residuals.
    public func outliers(_ values: [Double]) -> [Bool] {
        guard values.count >= max(1, minimumObservations) else { return Array(repeating: false, count: values.count) }
        let (q1, q3) = Self.hinges(sorted: values.sorted())
        let cut = iqrMultiplier * (q3 - q1)
        return values.map { $0 > q3 + cut || $0 < q1 - cut }
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
