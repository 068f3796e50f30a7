/// The basic error model σ′² = a²(σ² + (b·I)²), σ and I in counts (unscaled).
public struct ErrorModel: Sendable, Equatable {
    public var a: Double
    public var b: Double
    public init(a: Double, b: Double) { self.a = a; self.b = b }

    /// σ′² for an observation of intensity `intensity` and variance `variance`.
    public func variance(_ variance: Double, intensity: Double) -> Double {
        a * a * (variance + b * b * intensity * intensity)
    }

    /// ISa = 1/(a·b), the asymptotic I/σ.
    public var isa: Double { a * b > 0 ? 1 / (a * b) : .infinity }
}
