/// What a session does, fixed when it starts and recorded in the session log's header so a
/// replay runs with the same settings.
public struct TriageOptions: Codable, Equatable, Sendable {
    /// Target symmetry for the second indexing step, e.g. "H 3"; nil indexes in P 1 only.
    public var spaceGroup: String?
    /// Resolution band for summation integration (Å), the tutorial's 7.0–8.1.
    public var dMin: Double
    public var dMax: Double
    /// Sequences processed at once; each uses `threadsPerJob` cores inside its stages.
    public var jobs: Int
    public var threadsPerJob: Int

    public init(spaceGroup: String? = nil, dMin: Double = 7.0, dMax: Double = 8.1, jobs: Int? = nil, threadsPerJob: Int? = nil) {
        let cores = TriageOptions.cores
        self.spaceGroup = spaceGroup
        self.dMin = dMin
        self.dMax = dMax
        self.jobs = max(1, jobs ?? cores)
        self.threadsPerJob = max(1, threadsPerJob ?? max(1, cores / self.jobs))
    }

    /// Cores this process may use.
    public static var cores: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
}

import Foundation
