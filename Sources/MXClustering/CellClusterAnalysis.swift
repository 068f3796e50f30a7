import Foundation
import MXGeometry

/// BLEND's analysis mode on unit cells (blend-and-peers §1.1–1.2): the cells' varying
/// parameters standardised, principal components to > 95 % of the variance, Euclidean distances
/// between the scores, Ward linkage (`hclust` ward.D on unsquared distances, R's merge order and
/// ties), clusters numbered in merge order, and each cluster's LCV and aLCV — or the same Ward
/// clustering on another ``CellDistance``.
public struct CellClusterAnalysis: Sendable {
    /// One node of the dendrogram.
    public struct Cluster: Sendable, Equatable {
        /// 1-based, in merge order: cluster 1 is the lowest merge, the last holds every dataset.
        public var number: Int
        /// R's merge row: −i for dataset i, +s for cluster s.
        public var left: Int
        public var right: Int
        /// Ward height.
        public var height: Double
        /// Dataset serial numbers (1-based), sorted.
        public var datasets: [Int]
        /// LCV and aLCV of the cluster; `furthest` holds dataset serial numbers, smaller first.
        public var variation: LinearCellVariation
    }

    /// The input cells; dataset i is `cells[i - 1]`.
    public var cells: [UnitCell]
    /// The dissimilarity clustered.
    public var distance: CellDistance
    public var clusters: [Cluster]
    /// Cell-parameter columns used as descriptors (0 = a … 5 = γ); empty unless `.blend`.
    public var descriptorColumns: [Int]
    /// Proportion of variance of each principal component, largest first; empty unless `.blend`.
    public var varianceProportions: [Double]
    /// How many components were kept; 0 unless `.blend`.
    public var componentsKept: Int
    /// Datasets (1-based) in dendrogram drawing order (R's `hclust$order`).
    public var leafOrder: [Int]

    public init(cells: [UnitCell], distance: CellDistance = .blend) {
        self.cells = cells
        self.distance = distance
        let d = CellDissimilarities(cells: cells, distance: distance)
        descriptorColumns = d.columns
        varianceProportions = d.varianceProportions
        componentsKept = d.componentsKept
        let linkage = WardLinkage(d.matrix)
        leafOrder = cells.count == 1 ? [1] : linkage.order
        let diagonals = cells.map(LinearCellVariation.faceDiagonals)
        // Members in BLEND's order (left branch, then right): it decides which pair is reported
        // among equally distant ones.
        var ordered: [[Int]] = []
        ordered.reserveCapacity(linkage.merges.count)
        var out: [Cluster] = []
        out.reserveCapacity(linkage.merges.count)
        for (s, m) in linkage.merges.enumerated() {
            func expand(_ x: Int) -> [Int] { x < 0 ? [-x] : ordered[x - 1] }
            let members = expand(m.left) + expand(m.right)
            ordered.append(members)
            var variation = LinearCellVariation(diagonals: members.map { diagonals[$0 - 1] })
            let (p, q) = (members[variation.furthest.0], members[variation.furthest.1])
            variation.furthest = (min(p, q), max(p, q))
            out.append(Cluster(number: s + 1, left: m.left, right: m.right, height: m.height,
                               datasets: members.sorted(), variation: variation))
        }
        clusters = out
    }

    /// The cluster made last (every dataset), if there are at least two datasets.
    public var root: Cluster? { clusters.last }
}
