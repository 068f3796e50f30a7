/// Everything the engine tells the outside world, in the order it happened. The UI folds these
/// into its state; the session log records them; `process` prints them.
public enum EngineEvent: Equatable, Sendable {
    /// The sweeps were found: one summary each, all stages queued.
    case sequencesFound([SequenceSummary])
    /// A stage of one sequence changed status.
    case stage(sequence: Int, stage: PipelineStage, status: StageStatus)
    /// A sequence's results changed (cell, RMSDs, counts, failure, timings).
    case sequence(SequenceSummary)
    /// One log line, for a sequence (its detail pane) or for the session.
    case log(sequence: Int?, line: String)
    /// A new row of a refinement's step table, as it is computed.
    case refinementStep(scope: RefinementScope, row: RefinementStepRow)
    /// A refinement finished.
    case refinement(RefinementReport)
    /// A new cluster analysis.
    case clusters(ClusterReport)
    /// The joint refinement moved on.
    case joint(JointStatus)
    /// The set of excluded sequences changed.
    case exclusions([Int])
    /// The session's lattice and space group were chosen (automatically once every crystal
    /// is indexed in P 1, from `--space-group`, or by the user).
    case lattice(SessionLattice)
    /// Every queued per-sequence job has finished (or the session was cancelled).
    case individualFinished
}

/// What a user (or a replayed log) asks the engine to do.
public enum UserCommand: Codable, Equatable, Sendable {
    /// Exclude a sequence from clustering and joint refinement, or include it again.
    case exclude(sequence: Int)
    case include(sequence: Int)
    /// Exclude every sequence of cluster `number` of the current analysis.
    case excludeCluster(number: Int, source: ClusterReport.Source)
    /// Run joint refinement on the included, usable sequences.
    case runJoint
    /// Re-run the cluster analysis on the included, usable sequences.
    case recluster
    /// Index every crystal again from its P 1 solution in another lattice ("oP") or space
    /// group ("P 21 21 21"), or "auto" for the automatic choice; spots and P 1 are kept.
    case chooseLattice(symbol: String)
}
