/// Why scaling could not run; each case reads as one line.
public enum ScalingError: Error, Equatable, CustomStringConvertible {
    case noObservations
    case invalidValue(index: Int)
    case crystalOutOfRange(index: Int, crystal: Int)
    case crystalWithoutObservations(Int)
    case disconnectedCrystal(Int)

    public var description: String {
        switch self {
        case .noObservations: return "scaling: no observations"
        case .invalidValue(let i): return "scaling: observation \(i) has a NaN or infinite intensity, variance, φ or d (or d ≤ 0)"
        case .crystalOutOfRange(let i, let c): return "scaling: observation \(i) names crystal \(c), outside 0..<n"
        case .crystalWithoutObservations(let c): return "scaling: crystal \(c) has no observations"
        case .disconnectedCrystal(let c): return "scaling: crystal \(c) has no reflection in common with the others"
        }
    }
}
