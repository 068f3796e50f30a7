/// Why refinement (or combining experiments for it) could not go ahead, as one line a user can
/// act on. The cases mirror DIALS's `DialsRefineConfigError` / `DialsRefineRuntimeError`
/// messages where DIALS has them.
public enum RefinementError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The input tables or experiments lack something refinement needs.
    case badInput(String)
    /// The Hall symbol of a crystal could not be read by our parser.
    case unsupportedSpaceGroup(String)
    /// A model we cannot parameterise (multi-panel detector, missing goniometer, …).
    case unsupportedModel(String)
    /// No reflections are left after selection and outlier rejection.
    case noReflections(String)
    /// DIALS's auto-reduction check (action=fail): too few reflections for these parameters.
    case tooFewReflections(parameters: [String])
    /// Some right-hand-side element of the normal equations is exactly zero.
    case indeterminate(parameters: [String])
    /// The normal matrix is not positive definite (Cholesky failed at this row).
    case singularNormalMatrix(row: Int)
    /// combine: a model differs from the reference beyond tolerance.
    case modelMismatch(String)

    public var description: String {
        switch self {
        case let .badInput(m), let .unsupportedSpaceGroup(m), let .unsupportedModel(m),
             let .noReflections(m), let .modelMismatch(m):
            return m
        case let .tooFewReflections(names):
            return "too few reflections to parameterise \(names.joined(separator: ", "))"
        case let .indeterminate(names):
            return "the normal equations have an indeterminate solution; the problematic parameters are \(names.joined(separator: ", "))"
        case let .singularNormalMatrix(row):
            return "the normal matrix is not positive definite (Cholesky failed at row \(row))"
        }
    }
}
