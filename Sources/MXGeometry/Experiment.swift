/// One experiment: indices into the models of its `ExperimentList`. Two experiments that hold
/// the same index share that model, exactly as object identity does in dxtbx — refinement
/// then gives the shared model one parameterisation.
public struct Experiment: Equatable, Sendable {
    public var identifier: String
    public var beam: Int?
    public var detector: Int?
    public var goniometer: Int?
    public var scan: Int?
    public var crystal: Int?
    public var imageset: Int?
    public var profile: Int?

    public init(identifier: String = "", beam: Int? = nil, detector: Int? = nil, goniometer: Int? = nil,
                scan: Int? = nil, crystal: Int? = nil, imageset: Int? = nil, profile: Int? = nil) {
        self.identifier = identifier
        self.beam = beam
        self.detector = detector
        self.goniometer = goniometer
        self.scan = scan
        self.crystal = crystal
        self.imageset = imageset
        self.profile = profile
    }
}
