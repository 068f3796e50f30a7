import Foundation

/// A simulated data set named by its recipe, as a session log's header records it: the same
/// recipe writes the same bytes, so a log that records it can be replayed anywhere by
/// simulating the images again. Only the recipe lives here — the engine does not know the
/// simulator; the program that made the images makes them again (``SessionReplay``'s
/// `recreate`).
public struct SimulatedDataSet: Codable, Equatable, Sendable {
    /// The crystal form preset (`mxtriage simulate --preset`).
    public var preset: String
    public var sweeps: Int
    public var seed: UInt64
    /// The simulated detector (`mxtriage simulate --detector`).
    public var detector: String
    public var maxImages: Int?

    public init(preset: String, sweeps: Int, seed: UInt64, detector: String, maxImages: Int? = nil) {
        self.preset = preset
        self.sweeps = sweeps
        self.seed = seed
        self.detector = detector
        self.maxImages = maxImages
    }

    /// The directory name the images are cached under.
    public var name: String {
        "\(preset)-\(sweeps)-seed\(seed)-\(detector)" + (maxImages.map { "-max\($0)" } ?? "") + "-v1"
    }
}
