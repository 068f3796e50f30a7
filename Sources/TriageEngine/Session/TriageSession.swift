import Foundation
import MXGeometry
import Synchronization

/// A triage session over a set of sweeps: every sequence through its own pipeline on all
/// cores, then BLEND-style clustering of the refined cells; the user's exclusions, re-clustering
/// and joint refinement as commands; everything reported as ``EngineEvent``s through ``events``.
///
/// Per-sequence results depend only on the images and the options, never on the thread count
/// or the order in which sequences finish; commands run one at a time in the order queued.
public final class TriageSession: @unchecked Sendable {
    public let inputs: [String]
    public let options: TriageOptions
    public let work: WorkDirectory
    public let events = EventHub()

    struct State {
        var summaries: [SequenceSummary] = []
        var excluded: Set<Int> = []
        var individualFinished = false
        var clusters: [ClusterReport.Source: ClusterReport] = [:]
        var joint = JointStatus()
        /// The lattice the crystals are indexed in, once known.
        var lattice: SessionLattice?
        /// Commands that need every sequence finished, held until then (in order).
        var deferred: [UserCommand] = []
    }

    let state = Mutex(State())
    private let cancelled = Atomic<Bool>(false)
    private var sweeps: [SweepDiscovery.Sweep] = []
    private var commands: CommandQueue!
    /// Signalled when individual processing (both phases, all sequences) ends.
    private let processingDone = NSCondition()
    private var processing = false

    public init(inputs: [String], workDirectory: URL, options: TriageOptions) {
        self.inputs = inputs
        self.options = options
        work = WorkDirectory(workDirectory)
        // Weak: the command thread may outlive a session that is being released.
        commands = CommandQueue { [weak self] item in self?.run(item) }
    }

    deinit { commands.stop() }

    /// The sequences as last reported.
    public var summaries: [SequenceSummary] { state.withLock { $0.summaries } }
    public var excluded: [Int] { state.withLock { $0.excluded.sorted() } }
    public func clusterReport(_ source: ClusterReport.Source) -> ClusterReport? { state.withLock { $0.clusters[source] } }
    public var jointStatus: JointStatus { state.withLock { $0.joint } }
    public var lattice: SessionLattice? { state.withLock { $0.lattice } }

    /// Reads the image headers and finds the sweeps; resumes the stages a previous run in the
    /// same work directory finished. Returns one-line problems with individual files.
    /// With `retryFailed` false, sequences that failed in the previous run keep their failure
    /// and are not processed again (what `joint` wants); true retries them.
    @discardableResult
    public func discover(retryFailed: Bool = true) throws -> [String] {
        try WorkDirectory.create(work.url)
        let discovery = SweepDiscovery(inputs: inputs)
        sweeps = discovery.sweeps
        let previous = SummaryFile.read(work.summary)
        for i in sweeps.indices {
            sweeps[i].summary = SummaryFile.resume(sweeps[i].summary, from: previous, options: options, retryFailed: retryFailed)
        }
        let found = sweeps.map(\.summary)
        state.withLock { $0.summaries = found }
        events.emit(.sequencesFound(found))
        // A lattice the user chose in an earlier session on this directory stays chosen (so
        // `joint` after `ui` refines what the screen showed), unless the options changed.
        if let previous, let chosen = previous.lattice, chosen.choice == .user,
           options.firstStageAffected(since: previous.options) == nil {
            state.withLock { $0.lattice = chosen }
        }
        if let previous, let stage = options.firstStageAffected(since: previous.options) {
            events.emit(.log(sequence: nil, line: "options differ from the previous run's in this work directory: "
                             + "\(stage.rawValue) and the stages after it are done again"))
        }
        for problem in discovery.problems { events.emit(.log(sequence: nil, line: problem)) }
        return discovery.problems
    }

    /// Starts processing every sequence on `options.jobs` threads and returns at once. With
    /// `--space-group` each sequence goes through all its stages in one go. Without it every
    /// crystal is indexed in P 1 first; then the session's lattice is chosen from all of them
    /// (``SessionLattice/automatic(_:)``) and each is indexed in it, refined and integrated.
    /// When all have finished, the individual cells are clustered and deferred commands run.
    public func start() {
        processingDone.lock()
        processing = true
        processingDone.unlock()
        let thread = Thread { [self] in
            if let group = options.spaceGroup {
                let lattice = (try? SessionLattice.requested(group, choice: .commandLine, summaries: []))
                    ?? SessionLattice(lattice: .aP, spaceGroup: group, choice: .commandLine)
                setLattice(lattice)
                processAll(PipelineStage.allCases)
            } else {
                processAll(SequencePipeline.beforeLattice)
                if !isCancelled, let lattice = state.withLock({ $0.lattice }) ?? SessionLattice.automatic(summaries) {
                    setLattice(lattice)
                }
                processAll(SequencePipeline.afterLattice)
            }
            finishIndividual()
        }
        thread.name = "mxtriage.session"
        thread.start()
    }

    /// Runs `stages` of every sequence on `options.jobs` threads and returns when all are done.
    /// Longest sweeps first, so no core is left alone with a long sweep at the end (the order
    /// of processing changes no result: each sequence is processed on its own).
    private func processAll(_ stages: [PipelineStage]) {
        let count = sweeps.count
        guard count > 0 else { return }
        let order = sweeps.indices.sorted { a, b in
            let (na, nb) = (sweeps[a].summary.imageCount, sweeps[b].summary.imageCount)
            return na != nb ? na > nb : a < b
        }
        let next = Atomic<Int>(0)
        let group = DispatchGroup()
        for worker in 0..<min(options.jobs, count) {
            group.enter()
            let thread = Thread { [self] in
                while !cancelled.load(ordering: .relaxed) {
                    let k = next.add(1, ordering: .relaxed).oldValue
                    guard k < count else { break }
                    process(order[k], stages: stages)
                }
                group.leave()
            }
            thread.name = "mxtriage.job\(worker)"
            thread.stackSize = 16 << 20
            thread.start()
        }
        group.wait()
    }

    /// Records the session's lattice and says so.
    private func setLattice(_ lattice: SessionLattice) {
        state.withLock { $0.lattice = lattice }
        events.emit(.lattice(lattice))
        events.emit(.log(sequence: nil, line: "lattice: \(lattice.description)"))
    }

    /// Queues a user command. Exclusions take effect at once; clustering and joint refinement
    /// wait until every sequence has finished.
    public func perform(_ command: UserCommand) {
        events.record(command) { commands.enqueue(.command(command)) }
    }

    /// Stops starting new stages; running stages finish, the rest are skipped.
    public func cancel() { cancelled.store(true, ordering: .relaxed) }

    public var isCancelled: Bool { cancelled.load(ordering: .relaxed) }

    /// Blocks until every sequence has finished and every queued command has run.
    public func waitUntilIdle() {
        processingDone.lock()
        while processing { processingDone.wait() }
        processingDone.unlock()
        commands.waitUntilEmpty()
    }

    // MARK: - Individual processing

    /// Runs `stages` of sequence `i`, indexing in the session lattice's group for this crystal.
    private func process(_ i: Int, stages: [PipelineStage]) {
        let (summary, lattice) = state.withLock { ($0.summaries[i], $0.lattice) }
        if summary.isFinished && summary.failure != nil && stages.first == .importImages {
            events.emit(.sequence(summary))
            return
        }
        let emit: @Sendable (EngineEvent) -> Void = { [self] event in
            if case let .sequence(summary) = event {
                state.withLock { $0.summaries[summary.number] = summary }
                // After every stage, so a run stopped mid-sequence resumes after its last stage.
                writeSummary()
            }
            events.emit(event)
        }
        let target = stages.contains(.indexTarget) ? (lattice?.target(for: summary) ?? "P 1") : nil
        var pipeline = SequencePipeline(summary: summary, imported: sweeps[i].experiments, options: options, target: target,
                                        directory: work.sequence(summary.number),
                                        isCancelled: { [self] in isCancelled }, emit: emit)
        let final = pipeline.run(stages)
        state.withLock { $0.summaries[i] = final }
        writeSummary()
    }

    private func finishIndividual() {
        events.emit(.individualFinished) { commands.enqueue(.individualFinished) }
        processingDone.lock()
        processing = false
        processingDone.broadcast()
        processingDone.unlock()
    }

    // MARK: - Commands

    private func run(_ item: CommandQueue.Item) {
        switch item {
        case .individualFinished:
            let deferred = state.withLock { s -> [UserCommand] in
                s.individualFinished = true
                defer { s.deferred = [] }
                return s.deferred
            }
            recluster()
            for command in deferred { execute(command) }
        case let .command(command):
            execute(command)
        }
    }

    private func execute(_ command: UserCommand) {
        switch command {
        case let .exclude(sequence):
            changeExclusions { $0.insert(sequence) }
        case let .include(sequence):
            changeExclusions { $0.remove(sequence) }
        case let .excludeCluster(number, source):
            let members = state.withLock { $0.clusters[source]?.sequences(inCluster: number) ?? [] }
            if members.isEmpty {
                events.emit(.log(sequence: nil, line: "cluster \(number) of the \(source.name) analysis does not exist"))
            } else {
                changeExclusions { $0.formUnion(members) }
            }
        case .runJoint, .recluster, .chooseLattice:
            let ready = state.withLock { s -> Bool in
                if !s.individualFinished { s.deferred.append(command) }
                return s.individualFinished
            }
            guard ready else { return }
            switch command {
            case .runJoint: runJoint()
            case let .chooseLattice(symbol): chooseLattice(symbol)
            default: recluster()
            }
        }
    }

    /// Indexes every crystal again from its P 1 solution in the lattice or space group the
    /// user named ("auto": the automatic choice), keeping spots and P 1, and clusters again.
    private func chooseLattice(_ symbol: String) {
        let lattice: SessionLattice
        if symbol.lowercased() == "auto" {
            guard let automatic = SessionLattice.automatic(summaries) else {
                events.emit(.log(sequence: nil, line: "no crystal has a lattice search to choose from (was --space-group given?)"))
                return
            }
            lattice = automatic
        } else {
            do { lattice = try SessionLattice.requested(symbol, choice: .user, summaries: summaries) } catch {
                events.emit(.log(sequence: nil, line: "lattice \(symbol): \(error)"))
                return
            }
        }
        guard lattice != state.withLock({ $0.lattice }) else {
            events.emit(.log(sequence: nil, line: "lattice: already \(lattice.description)"))
            return
        }
        setLattice(lattice)
        processAll(SequencePipeline.afterLattice)
        recluster()
    }

    private func changeExclusions(_ change: (inout Set<Int>) -> Void) {
        let list = state.withLock { s -> [Int] in
            change(&s.excluded)
            s.excluded = s.excluded.filter { $0 >= 0 && $0 < s.summaries.count }
            return s.excluded.sorted()
        }
        events.emit(.exclusions(list))
        writeSummary()
    }

    /// The usable, included sequences of the main crystal form (indexed in the session's
    /// lattice), in ascending order: what clustering and joint refinement use.
    var includedUsable: [SequenceSummary] { includedUsable(mainForm: true) }

    /// The usable, included sequences of other crystal forms, by the space group they were
    /// indexed in.
    var includedOtherForms: [String: [SequenceSummary]] {
        Dictionary(grouping: includedUsable(mainForm: false)) { $0.targetSpaceGroup ?? "P 1" }
    }

    /// The usable, included sequences of the main form (every one until a lattice is chosen),
    /// or of the other forms.
    private func includedUsable(mainForm: Bool) -> [SequenceSummary] {
        state.withLock { s in
            s.summaries.filter { $0.isUsable && !s.excluded.contains($0.number) && (s.lattice?.isMainForm($0) ?? true) == mainForm }
        }
    }

    /// Clusters the individually refined cells of the included sequences of the main form, and
    /// separately those of the most numerous other form.
    private func recluster() {
        let included = includedUsable
        if !cluster(included, as: .individual, into: work.clusters) {
            events.emit(.log(sequence: nil, line: "cluster analysis needs at least two refined sequences (have \(included.count))"))
        }
        clusterOtherForms()
    }

    /// BLEND's analysis of `members`' individual cells, published with their MTZ files;
    /// false when fewer than two cells leave nothing to cluster.
    @discardableResult
    private func cluster(_ members: [SequenceSummary], as source: ClusterReport.Source, into directory: URL) -> Bool {
        guard let result = ClusterResult(source: source, sequences: members.map(\.number), cells: members.compactMap(\.cell)) else {
            return false
        }
        publish(result, files: members.map { work.file("integrated.mtz", sequence: $0.number).path }, into: directory)
        return true
    }

    /// Names the crystals of other forms, and clusters the most numerous form among itself.
    private func clusterOtherForms() {
        let forms = includedOtherForms.sorted { a, b in a.value.count != b.value.count ? a.value.count > b.value.count : a.key < b.key }
        for (group, members) in forms {
            events.emit(.log(sequence: nil, line: "another crystal form, indexed in \(group): sequences "
                             + members.map { String($0.number) }.joined(separator: ", ")
                             + " — kept out of the main form's clustering and joint refinement"))
        }
        if let (_, members) = forms.first { cluster(members, as: .otherForm, into: work.otherFormClusters) }
    }

    func publish(_ result: ClusterResult, files: [String], into directory: URL) {
        let report = result.report
        state.withLock { $0.clusters[report.source] = report }
        do {
            try ClusterFiles.write(result, files: files, to: directory)
        } catch {
            events.emit(.log(sequence: nil, line: "cluster files not written: \(error)"))
        }
        events.emit(.clusters(report))
        writeSummary()
    }

    private func runJoint() {
        let included = includedUsable
        guard included.count >= 2 else {
            events.emit(.log(sequence: nil, line: "joint refinement needs at least two refined, included sequences (have \(included.count))"))
            return
        }
        var joint = JointPipeline(sequences: included.map(\.number), work: work, options: options,
                                  runs: state.withLock { $0.joint.runs } + 1,
                                  emit: { [self] event in
                                      if case let .joint(status) = event { state.withLock { $0.joint = status } }
                                      events.emit(event)
                                  })
        if let result = joint.run() {
            publish(result, files: joint.mtzFiles, into: work.jointClusters)
        }
        writeSummary()
    }

    // MARK: - summary.json

    private let summaryLock = Mutex(())

    func writeSummary() {
        // The snapshot is taken inside the write lock, so writers on other threads cannot
        // replace a newer summary with an older one.
        summaryLock.withLock { _ in
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
}
