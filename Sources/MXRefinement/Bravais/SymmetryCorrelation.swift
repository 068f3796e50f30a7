import MXReflections
import MXSymmetry

/// How well intensities agree with a space group's symmetry, as `refine_bravais_settings`
/// measures it (`check_indexing_symmetry.get_symop_correlation_coefficients`, unbinned): for
/// every operator of the group, the Pearson correlation of I/σ(I) of each reflection with that
/// of the reflection the operator maps it onto.
///
/// The data are all rows with a positive `intensity.sum.variance` — unindexed ones too, all at
/// Miller index (0, 0, 0), which cctbx's `common_sets` pairs as it pairs any repeated index:
/// each reflection with the last row carrying its reindexed index.
public struct SymmetryCorrelation: Sendable, Equatable {
    /// One coefficient per operator of the group, the identity first.
    public var coefficients: [Double]
    /// The number of reflection pairs behind each coefficient.
    public var pairCounts: [Int]

    /// Operators with more than this many pairs count towards ``minimum`` and ``maximum``.
    public static let minimumPairs = 10

    /// No data: the table prints "-/-".
    public static let none = SymmetryCorrelation(coefficients: [], pairCounts: [])

    public init(coefficients: [Double], pairCounts: [Int]) {
        self.coefficients = coefficients
        self.pairCounts = pairCounts
    }

    /// - Parameters:
    ///   - miller: the Miller indices in the group's setting.
    ///   - intensity: `intensity.sum.value` per row; `variance`: `intensity.sum.variance`.
    public init(miller: [MillerIndex], intensity: [Double], variance: [Double], group: SpaceGroup) {
        let rows = miller.indices.filter { variance[$0] > 0 }
        let h = rows.map { SIMD3(Int(miller[$0].h), Int(miller[$0].k), Int(miller[$0].l)) }
        let data = rows.map { intensity[$0] / variance[$0].squareRoot() }
        var coefficients: [Double] = []
        var counts: [Int] = []
        for op in group.primitiveOperations {
            var lastRow: [SIMD3<Int>: Int] = [:]
            for (i, index) in h.enumerated() { lastRow[op.rotate(index)] = i }
            var x: [Double] = [], y: [Double] = []
            for (j, index) in h.enumerated() {
                guard let i = lastRow[index] else { continue }
                x.append(data[i])
                y.append(data[j])
            }
            coefficients.append(Self.pearson(x, y))
            counts.append(x.count)
        }
        self.init(coefficients: coefficients, pairCounts: counts)
    }

    /// The coefficients of operators with enough pairs, less the first of them (the identity).
    var informative: [Double] {
        let kept = zip(coefficients, pairCounts).filter { $0.1 > Self.minimumPairs }.map(\.0)
        return kept.count > 1 ? Array(kept.dropFirst()) : []
    }

    /// DIALS's `min_cc` (nil when no operator other than the identity has enough pairs).
    public var minimum: Double? { informative.min() }

    /// DIALS's `max_cc`.
    public var maximum: Double? { informative.max() }

    /// scitbx's `linear_correlation(x, y).coefficient()`: 0 when either side has no spread.
    static func pearson(_ x: [Double], _ y: [Double]) -> Double {
        guard !x.isEmpty else { return 0 }
        let n = Double(x.count)
        let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for (a, b) in zip(x, y) {
            sxy += (a - mx) * (b - my)
            sxx += (a - mx) * (a - mx)
            syy += (b - my) * (b - my)
        }
        let d = (sxx * syy).squareRoot()
        return d > 0 ? sxy / d : 0
    }
}
