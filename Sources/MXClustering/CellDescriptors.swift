import Foundation
import MXGeometry

/// BLEND's "primary descriptors" (blend1.R): the six cell parameters of every dataset, keeping
/// only the columns whose sample standard deviation exceeds 1e-6 (so angles fixed by symmetry
/// drop out), each centred and divided by its sample (n − 1) standard deviation — what R's
/// `prcomp(X, scale = TRUE)` works on.
struct CellDescriptors {
    /// Standardised values, one row per dataset.
    var rows: [[Double]]
    /// Which of a, b, c, α, β, γ were kept.
    var columns: [Int]

    init(cells: [UnitCell]) {
        let n = cells.count
        let raw = cells.map(\.parameters)
        var kept: [Int] = []
        var means: [Double] = [], sds: [Double] = []
        for k in 0..<6 {
            let values = raw.map { $0[k] }
            let mean = values.reduce(0, +) / Double(n)
            let sd = n > 1 ? (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(n - 1)).squareRoot() : 0
            if sd > 1e-6 {
                kept.append(k)
                means.append(mean)
                sds.append(sd)
            }
        }
        columns = kept
        rows = raw.map { r in kept.indices.map { (r[kept[$0]] - means[$0]) / sds[$0] } }
    }
}
