import Foundation

/// `summary.json`: the session's state in one file — per sequence the template, image count,
/// status per stage, failure reason, cell, RMSDs and timings; the exclusions; the latest
/// cluster analyses and joint run. Rewritten atomically whenever something finishes.
public struct SummaryFile: Codable, Equatable, Sendable {
    public var format = "mxtriage-summary"
    public var version = 1
    public var inputs: [String]
    public var options: TriageOptions
    public var sequences: [SequenceSummary]
    public var excluded: [Int]
    public var clusters: [ClusterReport]
    public var joint: JointStatus
    /// The lattice the crystals were indexed in.
    public var lattice: SessionLattice?

    public init(inputs: [String], options: TriageOptions, sequences: [SequenceSummary], excluded: [Int],
                clusters: [ClusterReport], joint: JointStatus, lattice: SessionLattice? = nil) {
        self.inputs = inputs; self.options = options; self.sequences = sequences
        self.excluded = excluded; self.clusters = clusters; self.joint = joint; self.lattice = lattice
    }

    /// Writes a temporary file beside `url` and renames it over `url` (Foundation's `.atomic`),
    /// so a kill mid-write leaves the previous summary whole and resume can trust it.
    public func write(to url: URL) throws {
        try JSONCoding.encoder(pretty: true).encode(self).write(to: url, options: .atomic)
    }

    /// The summary a previous run left, if it can be read.
    public static func read(_ url: URL) -> SummaryFile? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONCoding.decoder().decode(SummaryFile.self, from: data)
    }

    /// `fresh` with the stages a previous run finished for the same sweep (same directory,
    /// template and image count) marked done, with their results; everything else queued, and
    /// so is every stage from the first one `options` change
    /// (``TriageOptions/firstStageAffected(since:)``), so that what is kept was computed with
    /// the options this run records. With `retryFailed` false a failed sequence is returned as
    /// it was, failure and all.
    static func resume(_ fresh: SequenceSummary, from previous: SummaryFile?, options: TriageOptions,
                       retryFailed: Bool) -> SequenceSummary {
        guard let previous, let old = previous.sequences.first(where: {
            $0.number == fresh.number && $0.template == fresh.template && $0.directory == fresh.directory
                && $0.imageCount == fresh.imageCount
        }) else { return fresh }
        let redoFrom = options.firstStageAffected(since: previous.options)
        if !retryFailed && old.failure != nil && old.isFinished && redoFrom == nil { return old }
        var resumed = old
        resumed.failure = nil
        for stage in PipelineStage.allCases where old[stage] != .done { resumed[stage] = .queued }
        if let redoFrom {
            for stage in PipelineStage.allCases where stage >= redoFrom {
                resumed[stage] = .queued
                resumed.seconds[stage.rawValue] = nil
            }
            resumed.integratedCount = nil
            if redoFrom <= .indexTarget {
                resumed.indexedCount = nil
                resumed.targetSpaceGroup = nil
                resumed.cell = nil
                resumed.spaceGroup = nil
                resumed.rmsd = nil
            }
        }
        return resumed
    }
}

/// One JSON style for every file and log line the engine writes: sorted keys, so the same
/// values give the same bytes.
public enum JSONCoding {
    public static func encoder(pretty: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return encoder
    }

    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return decoder
    }
}
