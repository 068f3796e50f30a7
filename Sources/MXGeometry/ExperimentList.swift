/// A list of experiments and the models they reference, laid out as DIALS's `.expt` file is:
/// each kind of model in its own array, experiments pointing into them by index.
public struct ExperimentList: Equatable, Sendable {
    public var experiments: [Experiment] = []
    public var imagesets: [ImageSetModel] = []
    public var beams: [Beam] = []
    public var detectors: [Detector] = []
    public var goniometers: [Goniometer] = []
    public var scans: [Scan] = []
    public var crystals: [Crystal] = []
    /// Profile models are kept as DIALS wrote them until integration owns their meaning.
    public var profiles: [JSONValue] = []

    public init() {}

    public var count: Int { experiments.count }

    public func beam(of e: Experiment) -> Beam? { e.beam.map { beams[$0] } }
    public func detector(of e: Experiment) -> Detector? { e.detector.map { detectors[$0] } }
    public func goniometer(of e: Experiment) -> Goniometer? { e.goniometer.map { goniometers[$0] } }
    public func scan(of e: Experiment) -> Scan? { e.scan.map { scans[$0] } }
    public func crystal(of e: Experiment) -> Crystal? { e.crystal.map { crystals[$0] } }
    public func imageset(of e: Experiment) -> ImageSetModel? { e.imageset.map { imagesets[$0] } }

    /// Appends a model to `array` unless an equal one is already there; returns its index.
    /// Used when building lists so that equal models are shared, as dxtbx's import shares them.
    public static func intern<T: Equatable>(_ model: T, in array: inout [T]) -> Int {
        if let i = array.firstIndex(of: model) { return i }
        array.append(model)
        return array.count - 1
    }
}
