import Foundation

/// The user's commands, on the serial context: exclusions, clustering, the lattice choice and
/// joint refinement.
extension TriageSession {
    /// A command as it reaches the serial context: run now, or held until what the session
    /// is doing ends.
    func receive(_ command: UserCommand) {
        let now = state.withLock { s -> Bool in
            guard s.activity?.isIndividualProcessing ?? true, s.waiting.isEmpty else {
                s.waiting.append(command)
                return false
            }
            return true
        }
        if now { execute(command) }
    }

    /// Runs the commands that waited, in order, until one starts something they must wait for.
    func runWaiting() {
        while let command = state.withLock({ s -> UserCommand? in
            s.activity == nil && !s.waiting.isEmpty ? s.waiting.removeFirst() : nil
        }) {
            execute(command)
        }
    }

    /// The end of a re-indexing or a joint run.
    func endActivity() {
        state.withLock { $0.activity = nil }
        runWaiting()
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
        process(SequencePipeline.afterLattice, as: .reindexing)
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
    func recluster() {
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

    private func publish(_ result: ClusterResult, files: [String], into directory: URL) {
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

    /// Refines the included crystals jointly on a worker; commands wait until it ends.
    private func runJoint() {
        let included = includedUsable
        guard included.count >= 2 else {
            events.emit(.log(sequence: nil, line: "joint refinement needs at least two refined, included sequences (have \(included.count))"))
            return
        }
        let runs = state.withLock { s -> Int in
            s.activity = .jointRefinement
            return s.joint.runs + 1
        }
        let emit = emitOnSerial
        executor.worker { [self] in
            var joint = JointPipeline(sequences: included.map(\.number), work: work, options: options, runs: runs, emit: emit)
            let result = joint.run()
            let files = joint.mtzFiles
            executor.serial { [self] in
                if let result { publish(result, files: files, into: work.jointClusters) }
                writeSummary()
                endActivity()
            }
        }
    }
}
