/// A dense square matrix of doubles, row-major. Normal matrices, their inverses and
/// variance–covariance matrices of a few hundred parameters fit comfortably, so a plain array
/// beats any sparse structure here.
public struct DenseMatrix: Equatable, Sendable {
    public let n: Int
    public var elements: [Double]

    public init(n: Int, repeating value: Double = 0) {
        self.n = n
        elements = Array(repeating: value, count: n * n)
    }

    public init(rows: [[Double]]) {
        n = rows.count
        precondition(rows.allSatisfy { $0.count == rows.count }, "DenseMatrix needs square rows")
        elements = rows.flatMap { $0 }
    }

    @inlinable public subscript(i: Int, j: Int) -> Double {
        get { elements[i * n + j] }
        set { elements[i * n + j] = newValue }
    }

    /// Every element multiplied by `s`.
    public func scaled(by s: Double) -> DenseMatrix {
        var out = self
        out.elements = elements.map { $0 * s }
        return out
    }

    public var diagonal: [Double] { (0..<n).map { self[$0, $0] } }

    public var rows: [[Double]] { (0..<n).map { Array(elements[($0 * n)..<($0 * n + n)]) } }

    /// The square block of rows and columns `indices`, in that order.
    public func submatrix(_ indices: [Int]) -> DenseMatrix {
        var out = DenseMatrix(n: indices.count)
        for (a, i) in indices.enumerated() {
            for (b, j) in indices.enumerated() { out[a, b] = self[i, j] }
        }
        return out
    }

    /// Cᵢⱼ/√(CᵢᵢCⱼⱼ): the correlation matrix of a covariance matrix. A zero variance gives zero
    /// correlations off the diagonal.
    public var correlation: DenseMatrix {
        var out = DenseMatrix(n: n)
        let s = diagonal.map { $0 > 0 ? $0.squareRoot() : 0 }
        for i in 0..<n {
            for j in 0..<n {
                out[i, j] = i == j ? 1 : (s[i] > 0 && s[j] > 0 ? self[i, j] / (s[i] * s[j]) : 0)
            }
        }
        return out
    }
}
