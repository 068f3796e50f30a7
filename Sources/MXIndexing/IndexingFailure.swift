/// Why a sweep did not index, in one line a user can act on.
public enum IndexingFailure: Error, Sendable, Equatable, CustomStringConvertible {
    case badInput(String)
    case tooFewSpots(Int)
    case noBasisFound(String)
    case noCandidateSurvived(String)
    case symmetryIncompatible(String)
    case refinementFailed(String)

    public var description: String {
        switch self {
        case let .badInput(m): return m
        case let .tooFewSpots(n): return "too few spots to index (\(n))"
        case let .noBasisFound(m): return "no basis found: \(m)"
        case let .noCandidateSurvived(m): return "no candidate lattice survived: \(m)"
        case let .symmetryIncompatible(m): return "symmetry not compatible: \(m)"
        case let .refinementFailed(m): return "refinement failed: \(m)"
        }
    }
}
