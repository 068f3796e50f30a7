/// A BLEND-style cluster analysis of the usable sequences' cells, in a form the UI can draw
/// and the session log can record.
public struct ClusterReport: Codable, Equatable, Sendable {
    /// Which cells were clustered.
    public enum Source: String, Codable, Sendable {
        /// Each sequence's own scan-static refined cell.
        case individual
        /// The cells from the last joint refinement.
        case joint
        /// The individual cells of the most numerous crystal form whose lattice is not the
        /// session's (``SessionLattice``), clustered among themselves.
        case otherForm

        /// As the screen and the logs say it: "individual", "joint", "other form".
        public var name: String { self == .otherForm ? "other form" : rawValue }
    }

    public var source: Source
    /// Dataset i (1-based, BLEND's serial number) is sequence `sequences[i - 1]`.
    public var sequences: [Int]
    /// The cells clustered, a b c α β γ, in dataset order.
    public var cells: [[Double]]
    /// Merge order; BLEND's cluster numbers are index + 1.
    public var clusters: [Node]

    /// One merge of the Ward dendrogram.
    public struct Node: Codable, Equatable, Sendable {
        public var number: Int
        /// R's merge row convention: −i is dataset i, +s is cluster s.
        public var left: Int
        public var right: Int
        public var height: Double
        /// Dataset serial numbers (1-based), sorted.
        public var datasets: [Int]
        /// Linear cell variation, in percent, and its absolute form in Å.
        public var lcv: Double
        public var alcv: Double

        public init(number: Int, left: Int, right: Int, height: Double, datasets: [Int], lcv: Double, alcv: Double) {
            self.number = number; self.left = left; self.right = right; self.height = height
            self.datasets = datasets; self.lcv = lcv; self.alcv = alcv
        }
    }

    public init(source: Source, sequences: [Int], cells: [[Double]], clusters: [Node]) {
        self.source = source; self.sequences = sequences; self.cells = cells; self.clusters = clusters
    }

    /// The node holding every dataset, if there are at least two.
    public var root: Node? { clusters.last }

    /// The sequences (not dataset numbers) in cluster `number`.
    public func sequences(inCluster number: Int) -> [Int] {
        guard number >= 1, number <= clusters.count else { return [] }
        return clusters[number - 1].datasets.map { sequences[$0 - 1] }
    }
}
