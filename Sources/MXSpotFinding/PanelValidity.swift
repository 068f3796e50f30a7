import MXGeometry
import MXImages

/// Which pixels of one panel the spot finder may use: outside every static mask rectangle and
/// strictly inside the trusted range, lower < v < upper — the rule of dxtbx 3.11's
/// `get_mask`, the same one `PixelStatistics` applies. With Pilatus's (−1, Count_cutoff) it
/// rejects the −1 module gaps, the −2 bad pixels and overloads.
///
/// The static mask stays a short list of rectangles (a Pilatus 6M has 15), applied row by row
/// as the threshold classifies pixels: a per-pixel mask image would cost 6 MB per detector
/// model, and a multi-crystal data set can carry one detector model per sweep.
public struct PanelValidity: Sendable {
    public let fast: Int
    public let slow: Int
    /// Smallest and largest trusted raw value (the strict bounds as integers); lowest > highest
    /// when nothing can be trusted.
    public let lowest: Int64
    public let highest: Int64
    /// The static mask rectangles, clipped to the panel, empty ones dropped.
    public let maskRects: [Panel.MaskRect]

    public init(panel: Panel) {
        fast = panel.imageSize.fast
        slow = panel.imageSize.slow
        (lowest, highest) = panel.trustedIntegerValues
        let (w, h) = (fast, slow)
        maskRects = panel.mask.compactMap { r in
            let c = Panel.MaskRect(fast0: max(r.fast0, 0), slow0: max(r.slow0, 0),
                                   fast1: min(r.fast1, w), slow1: min(r.slow1, h))
            return c.fast0 < c.fast1 && c.slow0 < c.slow1 ? c : nil
        }
    }

    /// Whether the pixel at row-major `index` holding raw value `value` is valid.
    public func isValid(_ value: Int32, at index: Int) -> Bool {
        let v = Int64(value)
        guard v >= lowest && v <= highest else { return false }
        let (s, f) = index.quotientAndRemainder(dividingBy: fast)
        return !maskRects.contains { $0.contains(fast: f, slow: s) }
    }

    /// The validity of every pixel of `image`, row-major.
    public func mask(of image: PixelImage) -> [Bool] {
        precondition(image.fast == fast && image.slow == slow, "image \(image.fast)×\(image.slow) is not panel \(fast)×\(slow)")
        return image.pixels.enumerated().map { isValid($1, at: $0) }
    }
}
