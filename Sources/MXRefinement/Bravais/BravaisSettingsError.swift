import MXSymmetry

/// Why `refine_bravais_settings` could not go ahead: input it cannot use, or the refinement of
/// one Bravais setting failing.
public enum BravaisSettingsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The experiments or reflections are not an indexed P 1 crystal this can work on.
    case badInput(String)
    /// Refining the crystal in this setting (numbered as the table numbers it) failed.
    case refinement(settingNumber: Int, lattice: String, RefinementError)

    public var description: String {
        switch self {
        case let .badInput(m): return m
        case let .refinement(n, lattice, error): return "refinement of Bravais setting \(n) (\(lattice)) failed: \(error)"
        }
    }
}
