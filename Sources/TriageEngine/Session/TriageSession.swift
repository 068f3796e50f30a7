import Foundation
import MXGeometry
import Synchronization

/// A triage session over a set of sweeps: every sequence through its own pipeline on all
/// cores, then BLEND-style clustering of the refined cells; the user's exclusions, re-clustering
/// and joint refinement as commands; everything reported as ``EngineEvent``s through ``events``.
///
/// **Concurrency.** The session's state has one owner: the executor's serial context. Every
/// change to it — a stage's result, a command, the end of a round of stages — runs there as a
/// task, one at a time, so the state changes in one order that the events (and the session
/// log) record. Only the stages and the joint refinement run on workers; they read nothing
/// of the session but what they were started with, and hand their results back to the serial
/// context as tasks. The state sits in a `Mutex` only so that other threads (the screen) can
/// read consistent snapshots of it. Tests inject a ``ManualExecutor`` and a manual
/// ``EngineClock`` and drive the session one task at a time.
///
/// Per-sequence results depend only on the images and the options, never on the executor, the
/// thread count or the order in which sequences finish; commands run in the order performed.
public final class TriageSession: Sendable {
    public let inputs: [String]
    public let options: TriageOptions
    public let work: WorkDirectory
    public let events = EventHub()
    let executor: any EngineExecutor
    let clock: EngineClock
    /// The executor the session made for itself, shut down with it; nil when one was injected.
    private let ownExecutor: ThreadExecutor?

    struct State {
        var sweeps: [SweepDiscovery.Sweep] = []
        /// Indexed by sequence number.
        var summaries: [SequenceSummary] = []
        var excluded: Set<Int> = []
        var individualFinished = false
        var clusters: [ClusterReport.Source: ClusterReport] = [:]
        var joint = JointStatus()
        /// The lattice the crystals are indexed in, once known.
        var lattice: SessionLattice?
        var activity: SessionActivity?
        var batch: SequenceBatch?
        /// Commands that need individual processing finished, held until it is (in order).
        var deferred: [UserCommand] = []
        /// Commands that arrived during a re-indexing or a joint run, run when it ends (in order).
        var waiting: [UserCommand] = []
    }

    let state = Mutex(State())
    private let cancelled = Atomic<Bool>(false)

    /// A session on `inputs`, writing to `workDirectory`. Without an `executor` the session
    /// runs on its own threads: a serial one and `options.jobs` workers.
    public init(inputs: [String], workDirectory: URL, options: TriageOptions,
                executor: (any EngineExecutor)? = nil, clock: EngineClock = .continuous) {
        self.inputs = inputs
        self.options = options
        work = WorkDirectory(workDirectory)
        self.clock = clock
        if let executor {
            self.executor = executor
            ownExecutor = nil
        } else {
            let own = ThreadExecutor(workers: options.jobs)
            self.executor = own
            ownExecutor = own
        }
    }

    // Tasks hold the session strongly, so it goes away only when none is queued.
    deinit { ownExecutor?.shutdown() }

    /// The sequences as last reported.
    public var summaries: [SequenceSummary] { state.withLock { $0.summaries } }
    public var excluded: [Int] { state.withLock { $0.excluded.sorted() } }
    public func clusterReport(_ source: ClusterReport.Source) -> ClusterReport? { state.withLock { $0.clusters[source] } }
    public var jointStatus: JointStatus { state.withLock { $0.joint } }
    public var lattice: SessionLattice? { state.withLock { $0.lattice } }

    /// Reads the image headers and finds the sweeps; resumes the stages a previous run in the
    /// same work directory finished. Returns one-line problems with individual files.
    /// With `retryFailed` false, sequences that failed in the previous run keep their failure
    /// and are not processed again (what `joint` wants); true retries them. Call before
    /// ``start()``.
    @discardableResult
    public func discover(retryFailed: Bool = true) throws -> [String] {
        try WorkDirectory.create(work.url)
        let discovery = SweepDiscovery(inputs: inputs)
        var sweeps = discovery.sweeps
        let previous = SummaryFile.read(work.summary)
        for i in sweeps.indices {
            sweeps[i].summary = SummaryFile.resume(sweeps[i].summary, from: previous, options: options, retryFailed: retryFailed)
        }
        let found = sweeps.map(\.summary)
        // A lattice the user chose in an earlier session on this directory stays chosen (so
        // `joint` after `ui` refines what the screen showed), unless the options changed.
        let changed = previous.flatMap { options.firstStageAffected(since: $0.options) }
        let kept = previous?.lattice.flatMap { $0.choice == .user && changed == nil ? $0 : nil }
        state.withLock { s in
            s.sweeps = sweeps
            s.summaries = found
            if let kept { s.lattice = kept }
        }
        events.emit(.sequencesFound(found))
        if let changed {
            events.emit(.log(sequence: nil, line: "options differ from the previous run's in this work directory: "
                             + "\(changed.rawValue) and the stages after it are done again"))
        }
        for problem in discovery.problems { events.emit(.log(sequence: nil, line: problem)) }
        return discovery.problems
    }

    /// Starts processing every sequence and returns at once. With `--space-group` each
    /// sequence goes through all its stages in one go. Without it every crystal is indexed in
    /// P 1 first; then the session's lattice is chosen from all of them
    /// (``SessionLattice/automatic(_:)``) and each is indexed in it, refined and integrated.
    /// When all have finished, the individual cells are clustered and deferred commands run.
    public func start() {
        executor.serial { [self] in beginProcessing() }
    }

    /// Queues a user command. Exclusions take effect at once; clustering, joint refinement and
    /// a lattice choice wait until every sequence has finished; and during a joint run or a
    /// re-indexing every command waits for it to end.
    public func perform(_ command: UserCommand) {
        // Recorded and queued under one lock: the log's order is the order they run in.
        events.record(command) { executor.serial { [self] in receive(command) } }
    }

    /// Stops starting new stages; running stages finish, the rest are skipped.
    public func cancel() { cancelled.store(true, ordering: .relaxed) }

    public var isCancelled: Bool { cancelled.load(ordering: .relaxed) }

    /// Blocks until every sequence has finished and every queued command has run (with an
    /// injected executor shared by several sessions: until all are idle).
    public func waitUntilIdle() { executor.waitUntilQuiescent() }

    // MARK: - State changes, on the serial context

    /// Applies what a worker reported to the state, then passes it on.
    func apply(_ event: EngineEvent) {
        switch event {
        case let .sequence(summary):
            state.withLock { $0.summaries[summary.number] = summary }
            // After every stage, so a run stopped mid-sequence resumes after its last stage.
            writeSummary()
        case let .joint(status):
            state.withLock { $0.joint = status }
        default:
            break
        }
        events.emit(event)
    }

    /// A closure for workers that hands each event to ``apply(_:)`` on the serial context.
    var emitOnSerial: @Sendable (EngineEvent) -> Void {
        { [self] event in executor.serial { [self] in apply(event) } }
    }

    /// Records the session's lattice and says so.
    func setLattice(_ lattice: SessionLattice) {
        state.withLock { $0.lattice = lattice }
        events.emit(.lattice(lattice))
        events.emit(.log(sequence: nil, line: "lattice: \(lattice.description)"))
    }

    /// Writes `summary.json` from the state as it is now.
    func writeSummary() {
        let snapshot = state.withLock { s in
            SummaryFile(inputs: inputs, options: options, sequences: s.summaries, excluded: s.excluded.sorted(),
                        clusters: [s.clusters[.individual], s.clusters[.joint], s.clusters[.otherForm]].compactMap { $0 },
                        joint: s.joint, lattice: s.lattice)
        }
        do { try snapshot.write(to: work.summary) } catch {
            events.emit(.log(sequence: nil, line: "summary.json not written: \(error.localizedDescription)"))
        }
    }
}
