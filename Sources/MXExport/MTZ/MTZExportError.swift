/// Why an MTZ could not be written or read. Every case describes itself in one line.
public enum MTZExportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The reflection table lacks a column the export needs.
    case missingColumn(String)
    /// Nothing to export: no integrated reflections, or all were filtered out (the reason says
    /// which step removed the last ones).
    case noIntegratedReflections(String)
    /// The crystals' space group cannot be written (unknown to CCP4, or differing between
    /// experiments).
    case unsupportedSpaceGroup(String)
    /// A reflection column has the wrong type or the rows do not fit the experiments.
    case badReflections(String)
    /// The experiments cannot be exported as they are (no scan, no crystal, unknown identifier…).
    case badExperiments(String)
    /// cmtzlib or the file system refused to write the file.
    case writeFailed(path: String, reason: String)
    /// The file could not be read as an MTZ file.
    case readFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case let .missingColumn(name): return "the reflection table has no \"\(name)\" column"
        case let .noIntegratedReflections(why): return "no integrated reflections to export: \(why)"
        case let .unsupportedSpaceGroup(why): return "unsupported space group: \(why)"
        case let .badReflections(why): return "cannot export these reflections: \(why)"
        case let .badExperiments(why): return "cannot export these experiments: \(why)"
        case let .writeFailed(path, reason): return "\(path): cannot write the MTZ file (\(reason))"
        case let .readFailed(path, reason): return "\(path): cannot read as an MTZ file (\(reason))"
        }
    }
}
