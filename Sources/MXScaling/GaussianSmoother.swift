import Foundation

/// DIALS's 1-D Gaussian smoother (Aimless's SmoothedValue): parameters at unit-spaced positions
/// (−½, ½, 3/2, … when there are ≥ 4; 0, 1, 2 otherwise) over a normalised coordinate; the value
/// at z is Σwᵢpᵢ/Σwᵢ over the 3 nearest positions, wᵢ = exp(−((z − posᵢ)/0.7)²).
struct GaussianSmoother: Sendable {
    let count: Int
    let spacing: Double
    let positions: [Double]
    let sigma = 0.7
    let average: Int

    /// A smoother of `parameterCount` values over normalised coordinates [0, upper].
    init(parameterCount: Int, upper: Double) {
        count = parameterCount
        let intervals = parameterCount <= 3 ? parameterCount - 1 : parameterCount - 2
        spacing = upper / Double(intervals)
        positions = (0..<parameterCount).map { parameterCount < 4 ? Double($0) : Double($0) - 0.5 }
        average = min(3, parameterCount)
    }

    /// The first index and the normalised weights (Σ = 1) of the parameters that contribute at x.
    func weights(at x: Double) -> (first: Int, weights: [Double]) {
        let z = x / spacing
        var i1: Int, i2: Int
        if count <= 3 {
            (i1, i2) = (0, count)
        } else {
            i1 = Int((z - Double(average) / 2).rounded(.toNearestOrAwayFromZero)) + 1
            i2 = i1 + average
            if i1 < 0 { i1 = 0; i2 = max(2, i2) }
            if i2 > count { i2 = count; i1 = min(i1, count - 2) }
        }
        var w = (i1..<i2).map { i -> Double in
            let d = (z - positions[i]) / sigma
            return exp(-d * d)
        }
        let sum = w.reduce(0, +)
        for k in w.indices { w[k] /= sum }
        return (i1, w)
    }

    /// DIALS's `initialise_smooth_input`: the number of parameters and the parameter spacing
    /// (degrees) for a sweep `width` degrees wide and a largest spacing `interval`.
    static func layout(width: Double, interval: Double) -> (count: Int, spacing: Double) {
        let interval = interval + 1e-5
        if width < 2 * interval {
            return width <= interval ? (2, width) : (3, width / 2)
        }
        let bins = max(Int(width / interval) + 1, 3)
        return (bins + 2, width / Double(bins))
    }
}
