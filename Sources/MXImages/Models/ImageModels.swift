import MXGeometry

/// The experimental models one image file implies, as dxtbx's format class for it builds them.
public struct ImageModels: Sendable, Equatable {
    public var beam: Beam
    public var detector: Detector
    /// dxtbx makes a goniometer and a one-image scan even for a still; both are kept so that an
    /// `.expt` written from them matches `dials.import` (which writes them too).
    public var goniometer: Goniometer?
    public var scan: Scan?
    /// The dxtbx format class whose behaviour these models reproduce, e.g.
    /// `FormatCBFMiniPilatusDLS6MSN119`.
    public var formatClass: String
    /// Where the models are known to depart from dxtbx's (one line each).
    public var warnings: [String]

    /// A still: no scan, or a zero oscillation width (`Angle_increment 0`), which is how
    /// dxtbx's `scan.is_still()` and import decide to treat an image as a still.
    public var isStill: Bool { scan.map { $0.oscillation.width == 0 } ?? true }
}
