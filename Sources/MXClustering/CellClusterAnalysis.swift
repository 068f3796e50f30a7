import Foundation
import MXGeometry

/// BLEND's analysis mode on unit cells (dials-algorithms / blend-and-peers §1.1–1.2): the cells'
/// varying parameters standardised, principal components to > 95 % of the variance, Euclidean
/// distances between the scores, Ward linkage (`hclust` ward.D on unsquared distances), clusters
/// numbered in merge order, and each cluster's LCV and aLCV.
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
        public var variation: LinearCellVariation
    }

    public var clusters: [Cluster]
    /// Proportion of variance of each principal component, largest first.
    public var varianceProportions: [Double]
    /// How many components were kept.
    public var componentsKept: Int

    public init(cells: [UnitCell]) {
        let descriptors = CellDescriptors(cells: cells)
        let pca = PrincipalComponents(descriptors.rows)
        varianceProportions = pca.proportions
        componentsKept = pca.scores.first?.count ?? 0
        let scores = pca.scores
        let distances = scores.map { a in scores.map { b in zip(a, b).reduce(0.0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot() } }
        let linkage = WardLinkage(distances: distances)
        let members = linkage.members
        clusters = linkage.merges.enumerated().map { s, m in
            let datasets = members[s]
            var variation = LinearCellVariation(cells: datasets.map { cells[$0 - 1] })
            variation.furthest = (datasets[variation.furthest.0], datasets[variation.furthest.1])
            return Cluster(number: s + 1, left: m.left, right: m.right, height: m.height, datasets: datasets, variation: variation)
        }
    }
}
