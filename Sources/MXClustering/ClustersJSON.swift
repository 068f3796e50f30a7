import Foundation
import MXGeometry

/// mxtriage's machine-readable cluster analysis (`clusters.json`): the options used, every
/// dataset (serial number, name, path, cell), the merge tree with heights, and each cluster's
/// members, LCV, aLCV and furthest pair. Keys are sorted, so equal analyses give equal bytes.
public struct ClustersJSON: Codable, Sendable, Equatable {
    public struct Options: Codable, Sendable, Equatable {
        /// "blend" or "g6" (``CellDistance``).
        public var distance: String
        /// Always "ward.D" (R's hclust on unsquared dissimilarities).
        public var linkage: String
        /// BLEND's cumulative-variance cut for principal components (blend only).
        public var cumulativeVariance: Double?
        /// Cell parameters used as descriptors, by name (blend only).
        public var descriptors: [String]
        public var componentsKept: Int
        public var varianceProportions: [Double]
        /// "v0.6.10": aLCV chooses the pair, LCV is that pair's relative difference.
        public var lcvRule: String
    }

    public struct Dataset: Codable, Sendable, Equatable {
        public var number: Int
        public var name: String
        public var path: String?
        /// a, b, c (Å), α, β, γ (°).
        public var cell: [Double]
    }

    /// One merge of the dendrogram as clusters.json records it.
    public struct Cluster: Codable, Sendable, Equatable {
        public var number: Int
        /// R's merge row: −i for dataset i, +s for cluster s.
        public var left: Int
        public var right: Int
        public var height: Double
        public var datasets: [Int]
        public var lcv: Double
        public var alcv: Double
        public var furthest: [Int]
    }

    public var format: String
    public var options: Options
    public var datasets: [Dataset]
    public var clusters: [Cluster]
    /// Leaves in dendrogram drawing order.
    public var order: [Int]

    public init(analysis: CellClusterAnalysis, names: [String], paths: [String]?) {
        format = "mxtriage-clusters-1"
        let columnNames = ["a", "b", "c", "alpha", "beta", "gamma"]
        options = Options(distance: analysis.distance.rawValue, linkage: "ward.D",
                          cumulativeVariance: analysis.distance == .blend ? 0.95 : nil,
                          descriptors: analysis.descriptorColumns.map { columnNames[$0] },
                          componentsKept: analysis.componentsKept, varianceProportions: analysis.varianceProportions,
                          lcvRule: "v0.6.10")
        datasets = analysis.cells.enumerated().map { i, c in
            Dataset(number: i + 1, name: i < names.count ? names[i] : String(i + 1),
                    path: paths.flatMap { i < $0.count ? $0[i] : nil }, cell: c.parameters)
        }
        clusters = analysis.clusters.map { c in
            Cluster(number: c.number, left: c.left, right: c.right, height: c.height, datasets: c.datasets,
                 lcv: c.variation.lcv, alcv: c.variation.alcv, furthest: [c.variation.furthest.0, c.variation.furthest.1])
        }
        order = analysis.leafOrder
    }

    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(self)
    }
}
