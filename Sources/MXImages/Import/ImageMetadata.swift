import MXGeometry

/// What import needs from one image file's header: its models. A still (no scan, or a zero
/// oscillation width) has no scan.
public struct ImageMetadata: Sendable {
    public var path: String
    public var beam: Beam
    public var detector: Detector
    public var goniometer: Goniometer?
    public var scan: Scan?

    public init(path: String, beam: Beam, detector: Detector, goniometer: Goniometer?, scan: Scan?) {
        self.path = path
        self.beam = beam
        self.detector = detector
        self.goniometer = goniometer
        self.scan = scan
    }

    /// A rotation image: it has a scan with a non-zero oscillation width.
    public var isRotation: Bool { (scan?.oscillation.width ?? 0) != 0 }
}
