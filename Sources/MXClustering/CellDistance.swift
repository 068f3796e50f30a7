import Foundation
import MXGeometry

/// Which dissimilarity between cells the Ward clustering works on.
public enum CellDistance: String, Sendable, Codable, CaseIterable {
    /// BLEND's: the varying cell parameters standardised (n − 1 SD), principal components to
    /// > 95 % of the variance, Euclidean distance between the scores (dimensionless; depends on
    /// the spread of the whole set).
    case blend
    /// Euclidean distance between the Niggli-reduced G6 vectors (a², b², c², 2bc·cosα, 2ac·cosβ,
    /// 2ab·cosγ), in Å² — the units NCDist reports. Robust to the choice of cell among settings
    /// of the same lattice (any reduction setting, a ≷ b, γ vs 180° − γ). Not NCDist itself: the
    /// boundary-crossing paths of Andrews & Bernstein (2014) are not searched, so two nearly equal
    /// lattices that reduce on opposite sides of a Niggli boundary (|g4| ≈ g2, |g5| ≈ g1,
    /// |g6| ≈ g1, or g1+g2+g4+g5+g6 ≈ 0) can come out farther apart than NCDist would put them.
    case g6
}

/// The dissimilarities handed to Ward linkage, with what the BLEND path learnt on the way.
struct CellDissimilarities {
    var matrix: DissimilarityMatrix
    /// Cell-parameter columns used (0 = a … 5 = γ); BLEND only.
    var columns: [Int] = []
    var varianceProportions: [Double] = []
    var componentsKept = 0

    init(cells: [UnitCell], distance: CellDistance) {
        switch distance {
        case .blend:
            let descriptors = CellDescriptors(cells: cells)
            let pca = PrincipalComponents(descriptors.rows)
            matrix = DissimilarityMatrix(euclideanRows: pca.scores)
            columns = descriptors.columns
            varianceProportions = pca.proportions
            componentsKept = pca.scores.first?.count ?? 0
        case .g6:
            let reduced = cells.map { G6Vector(cell: $0).niggliReduced }
            matrix = DissimilarityMatrix(count: cells.count) { reduced[$0].distance(to: reduced[$1]) }
        }
    }
}
