import Foundation
import MXSimulation

/// A simulated data set named by its recipe: the same recipe writes the same bytes, so a
/// session log that records it can be replayed anywhere by simulating the images again.
public struct SimulatedDataSet: Codable, Equatable, Sendable {
    public var preset: String
    public var sweeps: Int
    public var seed: UInt64
    public var detector: String
    public var maxImages: Int?

    public init(preset: String = CrystalForm.teha.name, sweeps: Int, seed: UInt64, detector: SimulatedDetector = .pilatus6m,
                maxImages: Int? = nil) {
        self.preset = preset
        self.sweeps = sweeps
        self.seed = seed
        self.detector = detector.rawValue
        self.maxImages = maxImages
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The directory name the images are cached under.
    public var name: String {
        "\(preset)-\(sweeps)-seed\(seed)-\(detector)" + (maxImages.map { "-max\($0)" } ?? "") + "-v1"
    }

    public var plan: DataSetPlan {
        get throws {
            guard let form = CrystalForm.named(preset), let detector = SimulatedDetector(rawValue: detector) else {
                throw Failure(description: "unknown simulated data set \(preset) on detector \(detector)")
            }
            return form.plan(seed: seed, sweeps: sweeps, detector: detector, maxImages: maxImages)
        }
    }

    /// The images under `cache/name`, simulated first if they are not there yet. A
    /// `.complete` marker written last means an interrupted simulation is redone, not trusted.
    public func images(in cache: URL, progress: @Sendable (DataSetGenerator.Progress) -> Void = { _ in }) throws -> URL {
        let directory = cache.appendingPathComponent(name)
        let marker = directory.appendingPathComponent(".complete")
        if FileManager.default.fileExists(atPath: marker.path) { return directory }
        try? FileManager.default.removeItem(at: directory)
        try DataSetGenerator.generate(plan: try plan, to: directory, progress: progress)
        try Data().write(to: marker)
        return directory
    }

    /// `$XDG_CACHE_HOME/mxtriage`, else `~/.cache/mxtriage`.
    public static var cacheDirectory: URL {
        let environment = ProcessInfo.processInfo.environment
        let base = environment["XDG_CACHE_HOME"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache")
        return base.appendingPathComponent("mxtriage")
    }
}
