import MXGeometry
import MXReflections

/// The measurements DIALS makes of a spot's shoebox, with DIALS's arithmetic.
///
/// DIALS copies the strong pixels into a `Shoebox<float>` (its other cells are 0 and masked
/// out) and then calls `centroid_valid()`, `summed_intensity()` and `peak_coordinates()`. Three
/// consequences are reproduced here so that the numbers agree with DIALS to the last bit:
/// - values are single precision, and Σw and Σw² are accumulated in single precision (scitbx's
///   `sum` and `sum_sq` accumulate in the element type), in z, y, x order;
/// - Σw·c and Σw·(c − μ)² are accumulated in double, with c the pixel centre (+0.5) relative
///   to the bounding-box corner, and the corner is added to the mean afterwards;
/// - the peak is the first maximum of the whole box in z, y, x order, the unset cells counting
///   as 0.
///
/// Centroid: μ = Σw·c / W with W = Σw; unbiased variance σ² = Σw(c − μ)² · W / (W² − Σw²);
/// the reported variance is the squared standard error σ²/W plus 1/12 (a pixel's own
/// variance). When W² ≤ Σw² (a single pixel) the variance is taken as 0 and the error as 1/12;
/// when W ≤ 0 the centroid is the box centre with zero error. A spot one frame thick has its z
/// centroid at the middle of that frame.
enum SpotMeasurement {
    /// Measures one spot from its pixels in (z, y, x) order.
    static func measure(panel: Int, bbox: Int6, z zs: [Int32], y ys: [Int32], x xs: [Int32], values: [Int32]) -> StrongSpot {
        let n = values.count
        let (x0, y0, z0) = (Int(bbox.x0), Int(bbox.y0), Int(bbox.z0))
        let nx = Int(bbox.x1) - x0, ny = Int(bbox.y1) - y0, nz = Int(bbox.z1) - z0
        let ws = values.map { Float($0) }

        // Single-precision sums, as Shoebox<float> and Summation<float> make them.
        var sumW: Float = 0, sumWSq: Float = 0
        for w in ws {
            sumW += w
            sumWSq += w * w
        }
        let intensity = Double(sumW)
        let intensityVariance = Double(abs(sumW))

        // Local pixel-centre coordinates.
        func local(_ i: Int) -> Vec3 {
            Vec3(Double(Int(xs[i]) - x0) + 0.5, Double(Int(ys[i]) - y0) + 0.5, Double(Int(zs[i]) - z0) + 0.5)
        }
        var centroid: Vec3
        var error: Vec3
        let W = Double(sumW), S = Double(sumWSq)
        if W > 0 {
            var sumWC = Vec3.zero
            for i in 0..<n { sumWC += Double(ws[i]) * local(i) }
            let mean = sumWC / W
            var sumWD = Vec3.zero
            for i in 0..<n {
                let d = local(i) - mean
                sumWD += Double(ws[i]) * (d * d)
            }
            if W * W > S {
                let variance = sumWD * W / (W * W - S)
                error = variance / W + Vec3(repeating: 1.0 / 12.0)
            } else {
                error = Vec3(repeating: 1.0 / 12.0)
            }
            centroid = mean + Vec3(Double(x0), Double(y0), Double(z0))
            if nz == 1 { centroid.z = Double(z0) + 0.5 }
        } else {
            centroid = Vec3(Double(Int(bbox.x1) + x0) / 2, Double(Int(bbox.y1) + y0) / 2, Double(Int(bbox.z1) + z0) / 2)
            error = .zero
        }

        // Peak: first maximum of the box in raster order, unset cells being 0.
        var best = -Float.infinity, bestRaster = 0
        var firstGap = 0  // raster index of the first cell that is not one of the spot's pixels
        var gapFound = false
        for i in 0..<n {
            let raster = ((Int(zs[i]) - z0) * ny + (Int(ys[i]) - y0)) * nx + (Int(xs[i]) - x0)
            if ws[i] > best {
                best = ws[i]
                bestRaster = raster
            }
            if !gapFound {
                if raster == firstGap { firstGap += 1 } else { gapFound = true }
            }
        }
        if firstGap < nx * ny * nz, (0 > best || (0 == best && firstGap < bestRaster)) {
            bestRaster = firstGap
        }
        let px = bestRaster % nx, py = (bestRaster / nx) % ny, pz = bestRaster / (nx * ny)
        let peak = Vec3(Double(x0 + px) + 0.5, Double(y0 + py) + 0.5, Double(z0 + pz) + 0.5)

        return StrongSpot(panel: panel, bbox: bbox, pixelCount: n, intensity: intensity,
                          intensityVariance: intensityVariance, centroid: centroid, centroidVariance: error, peak: peak)
    }
}
