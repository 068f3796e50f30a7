import Foundation

/// Principal components of standardised descriptors, as BLEND keeps them: the scores on the
/// first k components, k the smallest number whose cumulative proportion of variance (rounded to
/// 5 decimals, as R's `summary(prcomp)` reports it) is strictly greater than 0.95. Components come
/// from the eigenvectors of the covariance matrix (Jacobi rotations; p ≤ 6), which span the same
/// space as prcomp's SVD — distances between scores do not depend on their signs.
struct PrincipalComponents {
    var scores: [[Double]]
    var proportions: [Double]

    init(_ x: [[Double]], cumulativeThreshold: Double = 0.95) {
        let n = x.count, p = x.first?.count ?? 0
        guard n > 1, p > 0 else {
            scores = x.map { _ in [] }
            proportions = []
            return
        }
        var covariance = [[Double]](repeating: [Double](repeating: 0, count: p), count: p)
        for r in x { for i in 0..<p { for j in 0..<p { covariance[i][j] += r[i] * r[j] / Double(n - 1) } } }
        let (values, vectors) = Self.jacobiEigen(covariance)
        let order = values.indices.sorted { values[$0] > values[$1] }
        let total = values.reduce(0, +)
        proportions = order.map { values[$0] / total }
        var k = 0, cumulative = 0.0
        repeat {
            cumulative += proportions[k]
            k += 1
        } while k < p && !((cumulative * 1e5).rounded() / 1e5 > cumulativeThreshold)
        let kept = Array(order.prefix(k))
        scores = x.map { r in kept.map { c in (0..<p).reduce(0.0) { $0 + r[$1] * vectors[$1][c] } } }
    }

    /// Eigenvalues and eigenvectors (columns) of a symmetric matrix by cyclic Jacobi rotations.
    static func jacobiEigen(_ input: [[Double]]) -> ([Double], [[Double]]) {
        var a = input
        let p = a.count
        var v = (0..<p).map { i in (0..<p).map { $0 == i ? 1.0 : 0.0 } }
        for _ in 0..<100 {
            var off = 0.0
            for i in 0..<p { for j in (i + 1)..<p { off += a[i][j] * a[i][j] } }
            if off < 1e-30 { break }
            for i in 0..<p {
                for j in (i + 1)..<p where abs(a[i][j]) > 1e-300 {
                    let theta = (a[j][j] - a[i][i]) / (2 * a[i][j])
                    let t = (theta >= 0 ? 1 : -1) / (abs(theta) + (theta * theta + 1).squareRoot())
                    let c = 1 / (t * t + 1).squareRoot(), s = t * c
                    for k in 0..<p {
                        let aki = a[k][i], akj = a[k][j]
                        a[k][i] = c * aki - s * akj
                        a[k][j] = s * aki + c * akj
                    }
                    for k in 0..<p {
                        let aik = a[i][k], ajk = a[j][k]
                        a[i][k] = c * aik - s * ajk
                        a[j][k] = s * aik + c * ajk
                    }
                    for k in 0..<p {
                        let vki = v[k][i], vkj = v[k][j]
                        v[k][i] = c * vki - s * vkj
                        v[k][j] = s * vki + c * vkj
                    }
                }
            }
        }
        return ((0..<p).map { a[$0][$0] }, v)
    }
}
