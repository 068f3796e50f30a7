import TriageEngine

/// A horizontal cut through BLEND's Ward dendrogram: below it the tree falls apart into
/// ``clusterCount`` clusters (some of them single datasets).
///
/// The automatic cut is the crystallographer's rule of thumb for reading a dendrogram: cut in
/// the largest gap between successive merge heights, where similar crystals stop joining and
/// dissimilar groups start to. `[` and `]` move the cut to one cluster fewer or more.
public struct ClusterCut: Sendable, Equatable {
    /// How many clusters the tree has below the cut, 1 … number of datasets.
    public var clusterCount: Int
    /// True when chosen by the largest-gap rule rather than by the user.
    public var isAutomatic: Bool

    public init(clusterCount: Int, isAutomatic: Bool) {
        self.clusterCount = clusterCount; self.isAutomatic = isAutomatic
    }

    /// The largest-gap cut of `report`; one cluster when there are fewer than three datasets.
    public static func largestGap(of report: ClusterReport) -> ClusterCut {
        let merges = report.clusters
        let datasets = report.sequences.count
        guard merges.count >= 2 else { return ClusterCut(clusterCount: 1, isAutomatic: true) }
        var best = merges.count - 1
        var bestGap = -Double.infinity
        for i in stride(from: merges.count - 1, through: 1, by: -1) {
            let gap = merges[i].height - merges[i - 1].height
            if gap > bestGap { bestGap = gap; best = i }
        }
        return ClusterCut(clusterCount: max(1, datasets - best), isAutomatic: true)
    }

    /// The cut a user chose, clamped to what `report` allows, or the automatic one.
    public static func resolve(_ chosen: Int?, in report: ClusterReport) -> ClusterCut {
        guard let chosen else { return largestGap(of: report) }
        return ClusterCut(clusterCount: min(max(1, chosen), max(1, report.sequences.count)), isAutomatic: false)
    }

    /// How many merges (from the lowest) lie below the cut.
    public func mergesBelow(in report: ClusterReport) -> Int {
        min(report.clusters.count, max(0, report.sequences.count - clusterCount))
    }

    /// A height between the last merge below the cut and the first above it.
    public func height(in report: ClusterReport) -> Double {
        let below = mergesBelow(in: report)
        let lower = below > 0 ? report.clusters[below - 1].height : 0
        guard below < report.clusters.count else { return lower }
        return (lower + report.clusters[below].height) / 2
    }

    /// The cluster below the cut holding `dataset` (1-based serial), or nil when that dataset
    /// stands alone at this cut.
    public func cluster(containing dataset: Int, in report: ClusterReport) -> ClusterReport.Node? {
        let below = mergesBelow(in: report)
        return report.clusters[0..<below].last(where: { $0.datasets.contains(dataset) })
    }

    /// The clusters below the cut that are not inside another one, largest first (ties: the
    /// lower cluster number first).
    public func topClusters(in report: ClusterReport) -> [ClusterReport.Node] {
        let below = mergesBelow(in: report)
        var covered = Set<Int>()
        var tops: [ClusterReport.Node] = []
        for node in report.clusters[0..<below].reversed() where !covered.contains(node.number) {
            tops.append(node)
            var stack = [node]
            while let n = stack.popLast() {
                for child in [n.left, n.right] where child > 0 {
                    covered.insert(child); stack.append(report.clusters[child - 1])
                }
            }
        }
        return tops.sorted { ($0.datasets.count, -$0.number) > ($1.datasets.count, -$1.number) }
    }
}

/// What `X` would exclude for the selected sequence, worked out from the shown cluster
/// analysis and its cut, so the screen can say it before the key is pressed.
public enum ClusterExclusion: Sendable, Equatable {
    /// Cluster `node` of `source`'s analysis; `sequences` are the sequence numbers in it.
    case cluster(ClusterReport.Node, source: ClusterReport.Source, sequences: [Int])
    /// The selected sequence is alone at this cut: `X` excludes just it.
    case single(sequence: Int)
    /// The cut leaves one cluster holding every dataset; excluding it would exclude everything.
    case everything
    /// The selected sequence was not in the analysis (failed, excluded, or analysed before it finished).
    case notClustered(sequence: Int)
    /// There is no cluster analysis of the shown kind yet.
    case noAnalysis(source: ClusterReport.Source)
}
