import Foundation

/// Individual processing: rounds of stages over every sequence, at most `options.jobs`
/// sequences at a time, each stage a worker task and everything between them on the serial
/// context.
extension TriageSession {
    /// The first round of ``start()``.
    func beginProcessing() {
        if let group = options.spaceGroup {
            let lattice = (try? SessionLattice.requested(group, choice: .commandLine, summaries: []))
                ?? SessionLattice(lattice: .aP, spaceGroup: group, choice: .commandLine)
            setLattice(lattice)
            process(PipelineStage.allCases, as: .processing)
        } else {
            process(SequencePipeline.beforeLattice, as: .indexingP1)
        }
    }

    /// Starts `stages` of every sequence as `activity`; ``roundFinished()`` says what follows.
    /// Longest sweeps first, so no core is left alone with a long sweep at the end (the order
    /// changes no result: each sequence is processed on its own).
    func process(_ stages: [PipelineStage], as activity: SessionActivity) {
        state.withLock { s in
            let order = s.sweeps.indices.sorted { a, b in
                let (na, nb) = (s.sweeps[a].summary.imageCount, s.sweeps[b].summary.imageCount)
                return na != nb ? na > nb : a < b
            }
            s.activity = activity
            s.batch = SequenceBatch(stages: stages, toStart: order)
        }
        startSequences()
    }

    /// Starts sequences of the round until `options.jobs` are in flight; ends the round when
    /// none is left.
    private func startSequences() {
        while true {
            let next = state.withLock { s -> (Int, SequenceBatch)? in
                guard var batch = s.batch, batch.inFlight < options.jobs, !batch.toStart.isEmpty else { return nil }
                let number = batch.toStart.removeFirst()
                batch.inFlight += 1
                s.batch = batch
                return (number, batch)
            }
            guard let (number, batch) = next else { break }
            startSequence(number, stages: batch.stages)
        }
        if state.withLock({ $0.batch?.isFinished ?? false }) {
            state.withLock { $0.batch = nil }
            roundFinished()
        }
    }

    /// Starts sequence `number`'s first stage of the round, indexing in the session lattice's
    /// group for this crystal. A sequence that failed in an earlier run, and is not retried,
    /// is only reported again.
    private func startSequence(_ number: Int, stages: [PipelineStage]) {
        let (summary, lattice, imported) = state.withLock { ($0.summaries[number], $0.lattice, $0.sweeps[number].experiments) }
        if summary.isFinished && summary.failure != nil && stages.first == .importImages {
            events.emit(.sequence(summary))
            state.withLock { $0.batch?.inFlight -= 1 }
            return
        }
        let target = stages.contains(.indexTarget) ? (lattice?.target(for: summary) ?? "P 1") : nil
        let pipeline = SequencePipeline(summary: summary, imported: imported, options: options, target: target,
                                        directory: work.sequence(number), clock: clock,
                                        isCancelled: { [self] in isCancelled }, emit: emitOnSerial)
        executor.worker { [self] in
            var pipeline = pipeline
            pipeline.begin(stages)
            runStage(of: pipeline, stages[...])
        }
    }

    /// Runs the first of `remaining` on this worker and queues the next as another worker
    /// task, after the events this one sent; when none remain, hands the summary to the
    /// serial context.
    private func runStage(of pipeline: SequencePipeline, _ remaining: ArraySlice<PipelineStage>) {
        var pipeline = pipeline
        guard let stage = remaining.first else {
            let final = pipeline.end()
            executor.serial { [self] in sequenceFinished(final) }
            return
        }
        pipeline.run(stage)
        let (next, rest) = (pipeline, remaining.dropFirst())
        executor.worker { [self] in runStage(of: next, rest) }
    }

    private func sequenceFinished(_ final: SequenceSummary) {
        state.withLock { s in
            s.summaries[final.number] = final
            s.batch?.inFlight -= 1
        }
        writeSummary()
        startSequences()
    }

    /// What follows a round of stages over every sequence.
    private func roundFinished() {
        switch state.withLock({ $0.activity }) {
        case .indexingP1:
            if !isCancelled, let lattice = state.withLock({ $0.lattice }) ?? SessionLattice.automatic(summaries) {
                setLattice(lattice)
            }
            process(SequencePipeline.afterLattice, as: .processing)
        case .processing:
            finishIndividual()
        case .reindexing:
            recluster()
            endActivity()
        case .jointRefinement, nil:
            break
        }
    }

    /// Individual processing is over: the cells are clustered and the deferred commands run.
    private func finishIndividual() {
        state.withLock { s in
            s.individualFinished = true
            s.activity = nil
            // Nothing waits during individual processing: the deferred commands go first.
            s.waiting = s.deferred + s.waiting
            s.deferred = []
        }
        events.emit(.individualFinished)
        recluster()
        runWaiting()
    }
}
