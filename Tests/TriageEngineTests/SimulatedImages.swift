import Foundation
import MXSimulation
import MXTestSupport

/// A small simulated multi-crystal data set on disk, made once per test run: six sweeps of
/// the teha preset on the small detector (main crystals, one long-c, one outlier, one blank).
enum SimulatedImages {
    static let seed: UInt64 = 21
    static let plan = CrystalForm.teha.plan(seed: seed, sweeps: 6, detector: .small, maxImages: 20)

    nonisolated(unsafe) private static var made: URL?
    private static let lock = NSLock()

    /// The directory of images, generated on first use.
    static func directory() throws -> URL {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        let directory = try CommandRunner.temporaryDirectory("triage-images")
        try DataSetGenerator.generate(plan: plan, to: directory)
        made = directory
        return directory
    }

    /// Sweep numbers (as the session numbers them: by template order) of a group.
    static func sweeps(inGroup group: String) -> [String] {
        plan.sweeps.filter { $0.crystal.group == group }.map(\.template)
    }
}
