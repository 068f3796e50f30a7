import MXGeometry
import MXReflections

/// Where integration has got, for a progress line. Reported from worker threads too.
public struct IntegrationProgress: Sendable, Equatable {
    public enum Stage: String, Sendable {
        case modellingProfile = "modelling profile"
        case predicting
        case readingImages = "reading images"
        case integrating
        case finished
    }

    public var experiment: Int
    public var experiments: Int
    public var stage: Stage
    /// Progress within the stage (frames read, for images), when it is counted.
    public var done: Int
    public var total: Int
}

/// What integration found for one experiment.
public struct ExperimentIntegrationSummary: Sendable, Equatable {
    public var experiment: Int
    /// The resolution band integrated: the options' band, or the widened one when
    /// `IntegrationOptions.automaticBand` had to widen it.
    public var band: ResolutionBand
    public var profile: GaussianRSProfile
    /// Which spots the profile model came from.
    public var profileSource: ProfileSource
    /// Indexed strong spots the profile was estimated from (0 for a fixed profile).
    public var referenceSpots: Int
    /// Indexed strong spots that match a prediction in the band, whether or not the profile
    /// came from them.
    public var bandReferenceSpots: Int
    public var predicted: Int
    /// Flagged integrated_sum.
    public var integrated: Int
    /// Shoeboxes that shared foreground or background with a neighbour.
    public var overlapped: Int
    /// Predicted but not integrated (too near the axis, bad or overlapped foreground pixels,
    /// background failure).
    public var rejected: Int
    /// Mean I/σ(I) of the integrated reflections.
    public var meanIOverSigma: Double
}

extension ExperimentIntegrationSummary {
    /// Where the profile model came from, for a log line: "profile from 37 indexed strong
    /// spots of the whole sweep (3 in the band)".
    public var profileSourceDescription: String {
        switch profileSource {
        case .fixed: return "fixed profile"
        case .band: return "profile from \(referenceSpots) indexed strong spots in the band"
        case .allIndexed:
            return "profile from \(referenceSpots) indexed strong spots of the whole sweep (\(bandReferenceSpots) in the band)"
        }
    }
}

/// The integrated reflections of all experiments, in DIALS's integrated.refl layout, and the
/// experiments with their profile models.
public struct IntegrationResult: Sendable {
    public var reflections: ReflectionTable
    /// The input experiments, each with its gaussian_rs profile (as integrated.expt).
    public var experiments: ExperimentList
    public var summaries: [ExperimentIntegrationSummary]
}
