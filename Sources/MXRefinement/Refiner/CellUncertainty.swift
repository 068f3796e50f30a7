import Foundation
import MXGeometry

/// Standard uncertainties of the cell parameters from the covariance of B's nine elements, by
/// first-order propagation as dxtbx's `calc_cell_parameter_sd` does: the real-space vectors are
/// the columns of O = B⁻ᵀ, so ∂(column k of O)/∂B_ij = −O_ik·(column j of O), and lengths and
/// angles follow from those vectors.
public enum CellUncertainty {
    /// (σa, σb, σc in Å, σα, σβ, σγ in degrees) for B and its row-major 9×9 covariance.
    public static func esds(b: Mat3, covariance: [Double]) -> [Double] {
        precondition(covariance.count == 81, "B covariance has 81 elements")
        let o = b.transpose.inverse
        let v = [o.column0, o.column1, o.column2]
        // J: 6 cell parameters × 9 B elements.
        var j = [[Double]](repeating: [Double](repeating: 0, count: 9), count: 6)
        for i in 0..<3 {
            for jj in 0..<3 {
                let e = 3 * i + jj
                let dv = (0..<3).map { k in -o[i, k] * v[jj] }
                for k in 0..<3 { j[k][e] = v[k].dot(dv[k]) / v[k].length }
                for (slot, (p, q)) in [(1, 2), (0, 2), (0, 1)].enumerated() {
                    j[3 + slot][e] = angleDerivative(v[p], v[q], dv[p], dv[q]) * 180 / .pi
                }
            }
        }
        return j.map { row in
            var s = 0.0
            for a in 0..<9 { for c in 0..<9 { s += row[a] * covariance[9 * a + c] * row[c] } }
            return max(0, s).squareRoot()
        }
    }

    /// d/dt of the angle between u and w when they change by du and dw.
    private static func angleDerivative(_ u: Vec3, _ w: Vec3, _ du: Vec3, _ dw: Vec3) -> Double {
        let lu = u.length, lw = w.length
        let cosine = u.dot(w) / (lu * lw)
        let dcos = (du.dot(w) + u.dot(dw)) / (lu * lw) - cosine * (u.dot(du) / (lu * lu) + w.dot(dw) / (lw * lw))
        let sine = (1 - cosine * cosine).squareRoot()
        return sine > 0 ? -dcos / sine : 0
    }
}
