import MXGeometry
import MXImages

/// Why one image's strong pixels could not be used.
public struct StrongPixelError: Error, Sendable, Equatable, CustomStringConvertible {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}

/// One image (all panels of one detector) → its strong pixels per panel: DIALS's
/// `ExtractPixelsFromImage`, including its refusal of images with more strong pixels than
/// `max_strong_pixel_fraction` allows.
public struct FrameThresholder: Sendable {
    public let threshold: StrongPixelThreshold
    public let detector: Detector
    let validities: [PanelValidity]

    public init(parameters: SpotFindingParameters, detector: Detector) throws(SpotFindingError) {
        threshold = try StrongPixelThreshold(parameters: parameters)
        self.detector = detector
        validities = detector.panels.map(PanelValidity.init(panel:))
    }

    /// The strong pixels of each panel of one image, with their raw values.
    ///
    /// - Parameters:
    ///   - panels: one `PixelImage` per detector panel, as `CBFImage.pixels()` gives them.
    ///   - frame: the image's array index z.
    public func strongPixels(in panels: [PixelImage], frame: Int,
                             workspace: ThresholdWorkspace = ThresholdWorkspace()) throws(StrongPixelError) -> [StrongPixelList] {
        guard panels.count == validities.count else {
            throw StrongPixelError("image has \(panels.count) panels, the detector model \(validities.count)")
        }
        var lists: [StrongPixelList] = []
        var total = 0, pixels = 0
        for (p, image) in panels.enumerated() {
            let v = validities[p]
            guard image.fast == v.fast, image.slow == v.slow else {
                throw StrongPixelError("panel \(p) is \(image.fast)×\(image.slow) pixels in the image but \(v.fast)×\(v.slow) in the detector model")
            }
            let indices = threshold.strongPixels(in: image, validity: v, workspace: workspace)
            let values = image.pixels.withUnsafeBufferPointer { px in indices.map { px[Int($0)] } }
            lists.append(StrongPixelList(frame: frame, indices: indices, values: values))
            total += indices.count
            pixels += image.pixels.count
        }
        let fraction = threshold.parameters.maxStrongPixelFraction
        if fraction < 1 {
            let allowed = Int((fraction * Double(pixels)).rounded(.up))
            if total > allowed {
                throw StrongPixelError("image \(frame + 1) has \(total) strong pixels, more than the \(allowed) that max_strong_pixel_fraction = \(fraction) allows")
            }
        }
        return lists
    }
}
