import MXGeometry

/// How a detector's panels sit in the one array a CBF stores: each panel is the rectangle of
/// its image size at its `rawImageOffset`, which is how dxtbx slices `get_raw_data()` for
/// multi-panel miniCBF detectors.
enum PanelLayout {
    /// Fails when a panel reaches outside the stored array.
    static func check(_ detector: Detector, against binary: BinarySection) throws(CBFProblem) {
        for (i, p) in detector.panels.enumerated() {
            let (x0, y0) = p.rawImageOffset
            guard x0 >= 0, y0 >= 0, x0 + p.imageSize.fast <= binary.fast, y0 + p.imageSize.slow <= binary.slow else {
                throw CBFProblem("panel \(i) (\(p.imageSize.fast)×\(p.imageSize.slow) at \(x0),\(y0)) lies outside the stored \(binary.fast)×\(binary.slow) array")
            }
        }
        if detector.panels.count == 1, detector[0].imageSize != (binary.fast, binary.slow) {
            let p = detector[0]
            throw CBFProblem("the header's array size \(p.imageSize.fast)×\(p.imageSize.slow) differs from the binary section's \(binary.fast)×\(binary.slow)")
        }
    }

    /// The per-panel images; a single panel covering the whole array takes it without copying.
    static func split(_ pixels: [Int32], fast: Int, slow: Int, detector: Detector) throws(CBFProblem) -> [PixelImage] {
        if detector.panels.count == 1, detector[0].rawImageOffset == (0, 0), detector[0].imageSize == (fast, slow) {
            return [PixelImage(fast: fast, slow: slow, pixels: pixels)]
        }
        return pixels.withUnsafeBufferPointer { all in
            detector.panels.map { p in
                let (x0, y0) = p.rawImageOffset
                let (w, h) = p.imageSize
                var out: [Int32] = []
                out.reserveCapacity(w * h)
                for row in y0..<(y0 + h) {
                    let start = row * fast + x0
                    out.append(contentsOf: all[start..<(start + w)])
                }
                return PixelImage(fast: w, slow: h, pixels: out)
            }
        }
    }
}
