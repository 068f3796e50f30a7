import MXGeometry

/// Global index assignment (DIALS `AssignIndices`, hkl_tolerance 0.3): each reciprocal-lattice
/// point gets h = round(A⁻¹·rlp) when |A⁻¹·rlp − h| ≤ tolerance and h ≠ 0. When several spots
/// of one lattice get the same h within 45° of rotation of each other, only the one nearest its
/// integer position keeps it.
public struct IndexAssignment: Sendable {
    public var tolerance: Double = 0.3
    /// Two observations of one h closer than this in φ (radians) are the same reflection seen twice.
    public var duplicateWindow: Double = 45 * .pi / 180

    public init(tolerance: Double = 0.3) { self.tolerance = tolerance }

    /// Miller indices per point (nil where unindexed). Points beyond `dMin` (Å) stay unindexed.
    public func assign(rlps: [Vec3], phis: [Double], A: Mat3, dMin: Double = 0) -> [SIMD3<Int32>?] {
        let inverse = A.inverse
        var result = [SIMD3<Int32>?](repeating: nil, count: rlps.count)
        var residual = [Double](repeating: .infinity, count: rlps.count)
        let maxLength = dMin > 0 ? 1 / dMin : .infinity
        for (i, rlp) in rlps.enumerated() where rlp.length <= maxLength {
            let f = inverse * rlp
            let h = f.rounded(.toNearestOrAwayFromZero)
            let d2 = (f - h).dot(f - h)
            guard d2 <= tolerance * tolerance, h != .zero else { continue }
            result[i] = SIMD3<Int32>(Int32(h.x), Int32(h.y), Int32(h.z))
            residual[i] = d2
        }
        // Resolve duplicates: same h, close in φ — keep the best.
        var byIndex: [SIMD3<Int32>: [Int]] = [:]
        for (i, h) in result.enumerated() { if let h { byIndex[h, default: []].append(i) } }
        for (_, members) in byIndex where members.count > 1 {
            for i in members where result[i] != nil {
                for j in members where j != i && result[j] != nil && abs(phis[i] - phis[j]) <= duplicateWindow {
                    if residual[j] < residual[i] || (residual[j] == residual[i] && j < i) {
                        result[i] = nil
                        break
                    }
                }
            }
        }
        return result
    }
}
