import Foundation
import MXGeometry

/// The footprint of a spot on the detector. An angular Gaussian of σ_b about s1 (in the plane
/// ⊥ s1, DIALS's e1/e2 directions) is carried to the detector through the local Jacobian of the
/// ray → pixel map, giving a 2-D Gaussian in pixels, which is integrated over each pixel on a
/// 3 × 3 sub-pixel grid.
enum SpotShape {
    /// Pixel covariance of the spot of ray s1 hitting `panel` at `px`.
    static func covariance(s1: Vec3, s0: Vec3, panel: Panel, px: SIMD2<Double>, sigmaB: Double) -> (xx: Double, xy: Double, yy: Double)? {
        let e1 = s1.cross(s0).normalized
        let e2 = s1.cross(e1).normalized
        let eps = 1e-5
        var j: [SIMD2<Double>] = []
        for e in [e1, e2] {
            let tilted = (s1.normalized + e * eps).normalized
            guard let mm = panel.rayIntersection(tilted) else { return nil }
            j.append((panel.millimeterToPixel(mm) - px) / eps)
        }
        let s2 = sigmaB * sigmaB
        return (s2 * (j[0].x * j[0].x + j[1].x * j[1].x),
                s2 * (j[0].x * j[0].y + j[1].x * j[1].y),
                s2 * (j[0].y * j[0].y + j[1].y * j[1].y))
    }

    /// Pixel weights of a Gaussian with centre `c` and covariance `cov` over a box of ±4σ,
    /// normalised to sum to 1.
    static func weights(centre c: SIMD2<Double>, covariance cov: (xx: Double, xy: Double, yy: Double))
        -> (origin: SIMD2<Int>, size: SIMD2<Int>, weights: [Float]) {
        let det = cov.xx * cov.yy - cov.xy * cov.xy
        let (ixx, ixy, iyy) = (cov.yy / det, -cov.xy / det, cov.xx / det)
        let hx = 4 * cov.xx.squareRoot() + 1, hy = 4 * cov.yy.squareRoot() + 1
        let x0 = Int((c.x - hx).rounded(.down)), x1 = Int((c.x + hx).rounded(.up))
        let y0 = Int((c.y - hy).rounded(.down)), y1 = Int((c.y + hy).rounded(.up))
        let w = x1 - x0, h = y1 - y0
        var out = [Float](repeating: 0, count: w * h)
        var total = 0.0
        let sub = [1.0 / 6, 0.5, 5.0 / 6]
        for row in 0..<h {
            for col in 0..<w {
                var sum = 0.0
                for sy in sub {
                    let dy = Double(y0 + row) + sy - c.y
                    for sx in sub {
                        let dx = Double(x0 + col) + sx - c.x
                        sum += exp(-0.5 * (ixx * dx * dx + 2 * ixy * dx * dy + iyy * dy * dy))
                    }
                }
                out[row * w + col] = Float(sum)
                total += sum
            }
        }
        if total > 0 { for i in out.indices { out[i] = Float(Double(out[i]) / total) } }
        return (SIMD2(x0, y0), SIMD2(w, h), out)
    }
}
