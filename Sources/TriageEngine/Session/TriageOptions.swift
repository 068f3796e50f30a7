/// What a session does, fixed when it starts and recorded in the session log's header so a
/// replay runs with the same settings.
public struct TriageOptions: Codable, Equatable, Sendable {
    /// Target symmetry for the second indexing step, e.g. "H 3"; nil indexes in P 1 only.
    public var spaceGroup: String?
    /// Resolution band for summation integration (Å), the tutorial's 7.0–8.1.
    public var dMin: Double
    public var dMax: Double
    /// Widen the band for a sweep whose cell predicts fewer than ten reflections in it
    /// (`IntegrationOptions.automaticBand`). The band's MTZ only carries the refined cell to
    /// clustering, so a small cell must not fail there; the tutorial's own cell predicts
    /// hundreds in 7.0–8.1 Å and is integrated in exactly that band either way.
    public var widenBand: Bool
    /// Sequences processed at once; each uses `threadsPerJob` cores inside its stages.
    public var jobs: Int
    public var threadsPerJob: Int

    public init(spaceGroup: String? = nil, dMin: Double = 7.0, dMax: Double = 8.1, widenBand: Bool = true,
                jobs: Int? = nil, threadsPerJob: Int? = nil) {
        let cores = TriageOptions.cores
        self.spaceGroup = spaceGroup
        self.dMin = dMin
        self.dMax = dMax
        self.widenBand = widenBand
        self.jobs = max(1, jobs ?? cores)
        self.threadsPerJob = max(1, threadsPerJob ?? max(1, cores / self.jobs))
    }

    enum CodingKeys: String, CodingKey { case spaceGroup, dMin, dMax, widenBand, jobs, threadsPerJob }

    /// A log or summary written before `widenBand` existed integrated in the fixed band, so a
    /// missing key reads as false and its replay does what the recording did.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        spaceGroup = try c.decodeIfPresent(String.self, forKey: .spaceGroup)
        dMin = try c.decode(Double.self, forKey: .dMin)
        dMax = try c.decode(Double.self, forKey: .dMax)
        widenBand = try c.decodeIfPresent(Bool.self, forKey: .widenBand) ?? false
        jobs = try c.decode(Int.self, forKey: .jobs)
        threadsPerJob = try c.decode(Int.self, forKey: .threadsPerJob)
    }

    /// The first stage whose result depends on an option that differs from `other`'s, or nil
    /// when every stage computed with `other` still holds: the space group decides indexing
    /// in the target group and all after it, the band only integration and export. Dropping
    /// `--space-group` also redoes index_p1, whose lattice search only runs without it.
    public func firstStageAffected(since other: TriageOptions) -> PipelineStage? {
        if spaceGroup == nil && other.spaceGroup != nil { return .indexP1 }
        if spaceGroup != other.spaceGroup { return .indexTarget }
        if dMin != other.dMin || dMax != other.dMax || widenBand != other.widenBand { return .integrate }
        return nil
    }

    /// Cores this process may use.
    public static var cores: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
}

import Foundation
