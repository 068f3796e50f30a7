/// Why consistent indexing or the Laue-group analysis could not run, as one line.
public enum CosymError: Error, Equatable, Sendable, CustomStringConvertible {
    case noDatasets
    /// A dataset with no usable reflection (positive variance, I/σ ≥ −5, within the d range).
    case emptyDataset(Int)
    /// A dataset that shares fewer than `minPairs` reflections with every other one.
    case noCommonReflections(dataset: Int)
    /// The cell or space group does not give a lattice (Niggli reduction or Le Page failed).
    case lattice(String)

    public var description: String {
        switch self {
        case .noDatasets: return "cosym: no datasets given"
        case let .emptyDataset(i): return "cosym: dataset \(i) has no usable reflections"
        case let .noCommonReflections(i): return "cosym: dataset \(i) has no reflections in common with any other dataset"
        case let .lattice(m): return "cosym: \(m)"
        }
    }
}
