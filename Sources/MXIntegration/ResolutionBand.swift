/// A resolution band d_min ≤ d ≤ d_max (Å), DIALS's `prediction.d_min` and `prediction.d_max`.
public struct ResolutionBand: Sendable, Equatable, CustomStringConvertible {
    /// High-resolution limit (Å).
    public var dMin: Double
    /// Low-resolution limit (Å); nil reaches down to the lowest angle.
    public var dMax: Double?

    public init(dMin: Double, dMax: Double?) {
        self.dMin = dMin
        self.dMax = dMax
    }

    public func contains(_ d: Double) -> Bool { d >= dMin && dMax.map { d <= $0 } ?? true }

    /// "7.00–8.10 Å", or "d ≥ 7.00 Å" without a low-resolution limit.
    public var description: String {
        dMax.map { String(format: "%.2f–%.2f Å", dMin, $0) } ?? String(format: "d ≥ %.2f Å", dMin)
    }
}
