/// The results of a session that must come out the same when it is replayed: each sequence's
/// final summary (without timings and image directory), each refinement's report, every cluster analysis and
/// joint run in order, and every change of the exclusion set.
public struct SessionResults: Equatable, Sendable {
    public var sequences: [Int: SequenceSummary] = [:]
    public var refinements: [RefinementScope: [RefinementReport]] = [:]
    public var clusters: [ClusterReport] = []
    public var joints: [JointStatus] = []
    public var exclusions: [[Int]] = []
    public var lattices: [SessionLattice] = []

    public init(records: [SessionLogRecord]) {
        for case let .event(event, _) in records {
            switch event {
            case let .sequence(summary):
                // Timings differ between identical runs, and a replay may read the same
                // images from another directory.
                var comparable = summary
                comparable.seconds = [:]
                comparable.directory = ""
                sequences[summary.number] = comparable
            case let .refinement(report):
                // A resumed session may refine a sequence again; keep them all, in order.
                refinements[report.scope, default: []].append(report)
            case let .clusters(report):
                clusters.append(report)
            case let .joint(status):
                switch status.phase {
                case .done, .failed: joints.append(status)
                case .idle, .running: break
                }
            case let .exclusions(list):
                exclusions.append(list)
            case let .lattice(lattice):
                lattices.append(lattice)
            case .sequencesFound, .stage, .log, .refinementStep, .individualFinished:
                break
            }
        }
    }

    /// One line per difference between `self` (recorded) and `other` (replayed); empty if equal.
    public func differences(from other: SessionResults) -> [String] {
        var lines: [String] = []
        for number in Set(sequences.keys).union(other.sequences.keys).sorted() {
            let a = sequences[number], b = other.sequences[number]
            if a != b { lines.append("sequence \(number): recorded \(Self.brief(a)), replayed \(Self.brief(b))") }
        }
        for scope in Set(refinements.keys).union(other.refinements.keys).sorted(by: { "\($0)" < "\($1)" }) {
            if refinements[scope] != other.refinements[scope] {
                lines.append("refinement \(scope): recorded \(refinements[scope]?.last?.steps.last.map { "\($0)" } ?? "none"), replayed \(other.refinements[scope]?.last?.steps.last.map { "\($0)" } ?? "none")")
            }
        }
        if clusters != other.clusters {
            lines.append("cluster analyses differ: recorded \(clusters.count) (root heights \(clusters.map { $0.root?.height ?? 0 })), replayed \(other.clusters.count) (root heights \(other.clusters.map { $0.root?.height ?? 0 }))")
        }
        if joints != other.joints {
            lines.append("joint refinements differ: recorded \(joints.count), replayed \(other.joints.count)")
        }
        if lattices != other.lattices {
            lines.append("lattice choices differ: recorded \(lattices.map(\.description)), replayed \(other.lattices.map(\.description))")
        }
        if exclusions != other.exclusions {
            lines.append("exclusions differ: recorded \(exclusions), replayed \(other.exclusions)")
        }
        return lines
    }

    private static func brief(_ s: SequenceSummary?) -> String {
        guard let s else { return "absent" }
        if let failure = s.failure { return "failed (\(failure))" }
        let cell = s.cell.map { $0.map { String($0) }.joined(separator: " ") } ?? "no cell"
        return "cell \(cell), rmsd \(s.rmsd.map { "\($0.xPixels) \($0.yPixels) \($0.zImages)" } ?? "none")"
    }
}
