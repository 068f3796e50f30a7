/// A symmetric dissimilarity matrix with a zero diagonal, stored as R's `dist` object stores it:
/// the strict upper triangle row by row (pair (i, j), i < j, 0-based, at
/// i·n − i(i+1)/2 + j − i − 1), so n items take n(n−1)/2 values.
public struct DissimilarityMatrix: Sendable, Equatable {
    /// Number of items.
    public let count: Int
    /// The packed upper triangle.
    public internal(set) var values: [Double]

    /// All dissimilarities from a function of the (0-based) pair, called once per pair with i < j.
    public init(count: Int, _ dissimilarity: (Int, Int) -> Double) {
        self.count = count
        var v: [Double] = []
        v.reserveCapacity(count * max(count - 1, 0) / 2)
        for i in 0..<count {
            for j in (i + 1)..<max(count, i + 1) { v.append(dissimilarity(i, j)) }
        }
        values = v
    }

    /// Euclidean distances between rows of coordinates (R's `dist(x)`).
    public init(euclideanRows rows: [[Double]]) {
        self.init(count: rows.count) { i, j in
            var s = 0.0
            for (x, y) in zip(rows[i], rows[j]) { s += (x - y) * (x - y) }
            return s.squareRoot()
        }
    }

    /// Position of pair (i, j), i < j, in `values`.
    @inline(__always)
    func index(_ i: Int, _ j: Int) -> Int { i * count - i * (i + 1) / 2 + j - i - 1 }

    /// The dissimilarity of items i and j (0-based; 0 when i == j).
    public subscript(i: Int, j: Int) -> Double {
        if i == j { return 0 }
        return i < j ? values[index(i, j)] : values[index(j, i)]
    }
}
