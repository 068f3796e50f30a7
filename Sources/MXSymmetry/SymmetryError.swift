/// Why a space-group symbol, Hall symbol or lattice could not be used, as one line a user can
/// act on ("unknown space group \"P 5\"").
public enum SymmetryError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A space-group symbol no spelling rule recognises.
    case unknownSpaceGroup(String)
    /// A Hall symbol our parser cannot read, or a group csymlib cannot load.
    case unsupportedSpaceGroup(String)
    /// CCP4's syminfo.lib could not be found or read.
    case symmetryLibraryMissing(String)
    /// The cell does not support the lattice asked for (no Le Page setting of that type).
    case latticeNotSupported(String)

    public var description: String {
        switch self {
        case let .unknownSpaceGroup(m): return "unknown space group \(m)"
        case let .unsupportedSpaceGroup(m), let .latticeNotSupported(m): return m
        case let .symmetryLibraryMissing(m): return "CCP4's syminfo.lib is missing: \(m)"
        }
    }
}
