/// Why spot finding gave nothing for some experiments: one line fit to print as it is
/// ("experiments 3: /data/xtal4_1_0012.cbf: truncated binary section (…)").
///
/// A failure stays with the experiments it concerns; the spot finder carries on with every
/// other image set, so one unreadable file costs one sweep, not the data set.
public struct SpotFindingFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// Indices of the experiments that have no spots because of this failure.
    public var experiments: [Int]
    public var reason: String

    public init(experiments: [Int], reason: String) {
        self.experiments = experiments
        self.reason = reason
    }

    public var description: String {
        let label = experiments.count == 1 ? "experiment" : "experiments"
        return "\(label) \(experiments.map(String.init).joined(separator: ", ")): \(reason)"
    }
}

/// Why spot finding could not start at all.
public enum SpotFindingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The parameters break one of DIALS's limits.
    case invalidParameters(String)

    public var description: String {
        switch self {
        case let .invalidParameters(reason): return "invalid spot-finding parameters: \(reason)"
        }
    }
}
