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
        /// Commands that need every sequence finished, held until then (in order).
        var deferred: [UserCommand] = []
    }

    let state = Mutex(State())
    private let cancelled = Atomic<Bool>(false)
    private var sweeps: [SweepDiscovery.Sweep] = []
    private var commands: CommandQueue!
    private let workersDone = NSCondition()
    private var workersRunning = 0

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
        if let previous, let stage = options.firstStageAffected(since: previous.options) {
            events.emit(.log(sequence: nil, line: "options differ from the previous run's in this work directory: "
                             + "\(stage.rawValue) and the stages after it are done again"))
        }
        for problem in discovery.problems { events.emit(.log(sequence: nil, line: problem)) }
        return discovery.problems
    }

    /// Starts processing every sequence on `options.jobs` threads and returns at once. When all
    /// have finished, the individual cells are clustered and deferred commands run.
    public func start() {
        let next = Atomic<Int>(0)
        let count = sweeps.count
        workersDone.lock()
        workersRunning = max(1, min(options.jobs, count))
        workersDone.unlock()
        if count == 0 {
            finishIndividual()
            return
        }
        // Longest sweeps first, so no core is left alone with a long sweep at the end (the
        // order of processing changes no result: each sequence is processed on its own).
        let order = sweeps.indices.sorted { a, b in
            let (na, nb) = (sweeps[a].summary.imageCount, sweeps[b].summary.imageCount)
            return na != nb ? na > nb : a < b
        }
        for worker in 0..<min(options.jobs, count) {
            let thread = Thread { [self] in
                while !cancelled.load(ordering: .relaxed) {
                    let k = next.add(1, ordering: .relaxed).oldValue
                    guard k < count else { break }
                    process(order[k])
                }
                workerFinished()
            }
            thread.name = "mxtriage.job\(worker)"
            thread.stackSize = 16 << 20
            thread.start()
        }
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
        workersDone.lock()
        while workersRunning > 0 { workersDone.wait() }
        workersDone.unlock()
        commands.waitUntilEmpty()
    }

    // MARK: - Individual processing

    private func process(_ i: Int) {
        let sweep = sweeps[i]
        if sweep.summary.isFinished && sweep.summary.failure != nil {
            events.emit(.sequence(sweep.summary))
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
        var pipeline = SequencePipeline(summary: sweep.summary, imported: sweep.experiments, options: options,
                                        directory: work.sequence(sweep.summary.number),
                                        isCancelled: { [self] in isCancelled }, emit: emit)
        let final = pipeline.run()
        state.withLock { $0.summaries[i] = final }
        writeSummary()
    }

    private func workerFinished() {
        // The last worker stays counted until the end of processing is queued, so
        // waitUntilIdle cannot slip between the two and miss the automatic clustering.
        workersDone.lock()
        let last = workersRunning == 1
        if !last { workersRunning -= 1 }
        workersDone.unlock()
        if last { finishIndividual() }
    }

    private func finishIndividual() {
        events.emit(.individualFinished) { commands.enqueue(.individualFinished) }
        workersDone.lock()
        workersRunning = 0
        workersDone.broadcast()
        workersDone.unlock()
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
            if options.spaceGroup == nil, let line = LatticeSuggestion.consensus(summaries) {
                events.emit(.log(sequence: nil, line: line))
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
                events.emit(.log(sequence: nil, line: "cluster \(number) of the \(source.rawValue) analysis does not exist"))
            } else {
                changeExclusions { $0.formUnion(members) }
            }
        case .runJoint, .recluster:
            let ready = state.withLock { s -> Bool in
                if !s.individualFinished { s.deferred.append(command) }
                return s.individualFinished
            }
            guard ready else { return }
            if command == .runJoint { runJoint() } else { recluster() }
        }
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

    /// The usable, included sequences in ascending order.
    var includedUsable: [SequenceSummary] {
        state.withLock { s in s.summaries.filter { $0.isUsable && !s.excluded.contains($0.number) } }
    }

    /// Clusters the individually refined cells of the included sequences.
    private func recluster() {
        let included = includedUsable
        guard let result = ClusterResult(source: .individual, sequences: included.map(\.number),
                                         cells: included.compactMap(\.cell)) else {
            events.emit(.log(sequence: nil, line: "cluster analysis needs at least two refined sequences (have \(included.count))"))
            return
        }
        publish(result, files: included.map { work.file("integrated.mtz", sequence: $0.number).path }, into: work.clusters)
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
                            clusters: [s.clusters[.individual], s.clusters[.joint]].compactMap { $0 }, joint: s.joint)
            }
            do { try snapshot.write(to: work.summary) } catch {
                events.emit(.log(sequence: nil, line: "summary.json not written: \(error.localizedDescription)"))
            }
        }
    }
}
