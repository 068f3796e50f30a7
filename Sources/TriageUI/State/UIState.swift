import TriageEngine

/// Everything the screen shows, folded from ``UIAction``s by ``UIReducer``. A value: the same
/// actions from the same initial state give the same state, and ``UIRenderer`` draws the same
/// screen from it.
public struct UIState: Sendable, Equatable {
    /// What the session processes, e.g. the images directory; shown in the title bar.
    public var title: String
    /// The session log file, shown in the bottom-right of the frame.
    public var sessionPath: String

    /// One summary per sweep, ascending by sequence number.
    public internal(set) var sequences: [SequenceSummary] = []
    /// Index into ``sequences`` of the selected row.
    public internal(set) var selection = 0
    /// Index of the first row shown in the sequence list.
    public internal(set) var listTop = 0
    /// Excluded sequence numbers, exactly as the engine last confirmed them.
    public internal(set) var excluded: Set<Int> = []

    /// The screen shown.
    public internal(set) var view: TriageView = .sequences
    /// Whether the detail pane of the selected sequence is open (Enter).
    public internal(set) var detailShown = false
    /// What each key does; the help is drawn from it.
    public var keys = KeyBindings.standard
    /// Whether the help overlay is open (`?`).
    public internal(set) var helpShown = false
    /// Whether the refinement, correlation and dendrogram views show the joint refinement
    /// (`t`) rather than the selected sequence's refinement or the individual cells.
    public internal(set) var showsJoint = false
    /// The number of clusters the user cut the dendrogram into (`[` `]`); nil for the
    /// largest-gap cut. Reset when a new analysis arrives.
    public internal(set) var chosenClusterCount: Int?
    /// Which parameters the correlation view shows when not all fit.
    public internal(set) var heatmap = HeatmapWindow()

    /// dials.refine step rows per refinement as they arrive; a step 0 starts the list again.
    public internal(set) var stepRows: [RefinementScope: [RefinementStepRow]] = [:]
    /// Finished refinements by scope; dropped when the same scope starts again.
    public internal(set) var refinements: [RefinementScope: RefinementReport] = [:]
    /// The latest cluster analysis of the individually refined cells.
    public internal(set) var individualClusters: ClusterReport?
    /// The latest cluster analysis of the jointly refined cells.
    public internal(set) var jointClusters: ClusterReport?
    /// The latest cluster analysis of a second crystal form's cells (since the last lattice).
    public internal(set) var otherFormClusters: ClusterReport?
    /// The lattice and space group the crystals are indexed in, once chosen.
    public internal(set) var lattice: SessionLattice?
    /// The text typed after `L` (a lattice or space group), while the prompt is open.
    public internal(set) var latticePrompt: String?
    /// Where joint refinement stands.
    public internal(set) var joint = JointStatus()
    /// True once every per-sequence job has finished.
    public internal(set) var individualFinished = false

    /// Log tails per sequence number, for the detail pane.
    public internal(set) var sequenceLogs: [Int: LogTail] = [:]
    /// Session-wide log lines (not tied to a sequence).
    public internal(set) var sessionLog = LogTail(capacity: UIState.sessionLogCapacity)
    /// The transient message in the view-tab row.
    public internal(set) var status: StatusMessage?

    /// Seconds since the session started, from the last clock action.
    public internal(set) var elapsedSeconds = 0.0
    /// Terminal size from the last resize.
    public internal(set) var width = 80
    public internal(set) var height = 24

    /// Lines kept per sequence log.
    public static let sequenceLogCapacity = 20
    /// Session log lines kept.
    public static let sessionLogCapacity = 200

    public init(title: String, sessionPath: String) {
        self.title = title
        self.sessionPath = sessionPath
    }
}

extension UIState {
    /// The selected sequence, if there are any.
    public var selectedSequence: SequenceSummary? {
        sequences.indices.contains(selection) ? sequences[selection] : nil
    }

    /// Sequences of the main crystal form with a refined cell that the user has not excluded:
    /// what joint refinement and re-clustering would use.
    public var usableIncluded: [SequenceSummary] {
        sequences.filter { $0.isUsable && !excluded.contains($0.number) && isMainForm($0) }
    }

    /// Whether `s` is indexed in the session's lattice (true until a lattice is known).
    public func isMainForm(_ s: SequenceSummary) -> Bool { lattice?.isMainForm(s) ?? true }

    /// The cluster analysis the dendrogram shows and `X` acts on: the joint one (`t`), or the
    /// individual cells of the selected crystal's form.
    public var shownClusters: ClusterReport? {
        if showsJoint { return jointClusters }
        if let s = selectedSequence, !isMainForm(s), let other = otherFormClusters, other.sequences.contains(s.number) {
            return other
        }
        return individualClusters
    }

    /// The refinement the refinement and correlation views show.
    public var shownScope: RefinementScope? {
        if showsJoint { return .joint }
        return selectedSequence.map { .sequence($0.number) }
    }

    /// The dendrogram cut in force for ``shownClusters``.
    public var clusterCut: ClusterCut? {
        shownClusters.map { ClusterCut.resolve(chosenClusterCount, in: $0) }
    }

    /// Whether joint refinement is under way.
    public var jointRunning: Bool {
        if case .running = joint.phase { return true }
        return false
    }

    /// What `X` would exclude now.
    public var clusterExclusion: ClusterExclusion {
        let source: ClusterReport.Source = shownClusters?.source ?? (showsJoint ? .joint : .individual)
        guard let report = shownClusters, let cut = clusterCut else { return .noAnalysis(source: source) }
        guard let sequence = selectedSequence?.number else { return .noAnalysis(source: source) }
        guard let index = report.sequences.firstIndex(of: sequence) else { return .notClustered(sequence: sequence) }
        guard let node = cut.cluster(containing: index + 1, in: report) else { return .single(sequence: sequence) }
        if node.datasets.count == report.sequences.count { return .everything }
        return .cluster(node, source: report.source, sequences: report.sequences(inCluster: node.number))
    }
}
