import MXGeometry
import MXImages

/// One panel image → its strong pixels, by the threshold algorithm the parameters name
/// (`dispersion_extended` or `dispersion`): what DIALS's threshold function returns as the
/// "threshold mask" for each panel of each image.
///
/// ```swift
/// let threshold = try StrongPixelThreshold(parameters: SpotFindingParameters())
/// let strong = threshold.strongMask(in: image, panel: detector[0])   // [Bool], row-major
/// ```
///
/// The hot path is `strongPixels(in:validity:workspace:)`: the panel's validity is prepared
/// once per panel and the workspace once per thread, and the result is the row-major indices
/// of the strong pixels — DIALS's `PixelList` without the values.
public struct StrongPixelThreshold: Sendable {
    public let parameters: SpotFindingParameters
    let formula: DispersionFormula

    /// Fails when the parameters break one of the limits DIALS's threshold constructors assert.
    public init(parameters: SpotFindingParameters) throws(SpotFindingError) {
        if let problem = parameters.problem { throw .invalidParameters(problem) }
        self.parameters = parameters
        let (kx, ky) = parameters.kernelSize
        formula = DispersionFormula(parameters: parameters, maxCount: (2 * kx + 1) * (2 * ky + 1))
    }

    /// The row-major indices of the strong pixels of `image`, in increasing order.
    public func strongPixels(in image: PixelImage, validity: PanelValidity, workspace: ThresholdWorkspace) -> [Int32] {
        precondition(image.fast == validity.fast && image.slow == validity.slow,
                     "image \(image.fast)×\(image.slow) is not panel \(validity.fast)×\(validity.slow)")
        var strong: [Int32] = []
        guard image.fast > 0, image.slow > 0 else { return strong }
        workspace.reserve(fast: image.fast, slow: image.slow)
        let (kx, ky) = parameters.kernelSize
        let windows = DispersionWindows(fast: image.fast, slow: image.slow, halfWidth: kx, halfHeight: ky)
        image.pixels.withUnsafeBufferPointer { px in
            let classifier = RowClassifier(fast: image.fast, pixels: px.baseAddress!, bits: workspace.bits,
                                           lowest: validity.lowest, highest: validity.highest,
                                           maskRects: validity.maskRects)
            let minLocal = Int64(parameters.effectiveMinLocal)
            switch parameters.threshold {
            case .dispersion:
                ClassicDispersion(formula: formula, minLocal: minLocal, globalThreshold: parameters.globalThreshold,
                                  windows: windows)
                    .run(pixels: px.baseAddress!, classifier: classifier, workspace: workspace, into: &strong)
            case .dispersionExtended:
                ExtendedDispersion(formula: formula, minLocal: minLocal, globalThreshold: parameters.globalThreshold,
                                   windows: windows, erosionDistance: min(kx, ky))
                    .run(pixels: px.baseAddress!, classifier: classifier, workspace: workspace, into: &strong)
            }
        }
        return strong
    }

    /// The strong-pixel mask of one panel image, row-major: the convenient form for tests and
    /// one-off use (it prepares the panel's validity and a workspace itself).
    public func strongMask(in image: PixelImage, panel: Panel) -> [Bool] {
        var mask = [Bool](repeating: false, count: image.fast * image.slow)
        for k in strongPixels(in: image, validity: PanelValidity(panel: panel), workspace: ThresholdWorkspace()) {
            mask[Int(k)] = true
        }
        return mask
    }
}
