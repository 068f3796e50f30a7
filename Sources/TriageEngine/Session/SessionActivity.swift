/// What a session is busy with, that a command may have to wait for.
enum SessionActivity: Equatable, Sendable {
    /// Every crystal through index_p1 (no `--space-group`): the session's lattice is chosen
    /// from their lattice searches when all are done.
    case indexingP1
    /// Every crystal through export (after the lattice is known).
    case processing
    /// Every crystal indexed again in the lattice the user chose, then clustered again.
    case reindexing
    /// The joint refinement of the included crystals.
    case jointRefinement

    /// Individual processing, during which exclusions take effect at once and the other
    /// commands are deferred until it ends; during the others every command waits its turn.
    var isIndividualProcessing: Bool { self == .indexingP1 || self == .processing }
}

/// The sequences one round of stages is under way for.
struct SequenceBatch: Sendable {
    let stages: [PipelineStage]
    /// Sequence numbers not started yet, in the order they will start.
    var toStart: [Int]
    var inFlight = 0

    var isFinished: Bool { toStart.isEmpty && inFlight == 0 }
}
