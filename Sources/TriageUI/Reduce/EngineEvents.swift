import TriageEngine

extension UIReducer {
    /// Folds one engine event into the state.
    static func apply(_ event: EngineEvent, to state: inout UIState) {
        switch event {
        case .sequencesFound(let found):
            state.sequences = found.sorted { $0.number < $1.number }
            state.select(state.selection)
        case .stage(let sequence, let stage, let status):
            guard let index = state.sequences.firstIndex(where: { $0.number == sequence }) else { return }
            state.sequences[index][stage] = status
        case .sequence(let summary):
            if let index = state.sequences.firstIndex(where: { $0.number == summary.number }) {
                state.sequences[index] = summary
            } else {
                let index = state.sequences.firstIndex { $0.number > summary.number } ?? state.sequences.count
                state.sequences.insert(summary, at: index)
                if index <= state.selection, state.sequences.count > 1 { state.selection += 1 }
                state.select(state.selection)
            }
        case .log(let sequence, let line):
            if let sequence {
                state.sequenceLogs[sequence, default: LogTail(capacity: UIState.sequenceLogCapacity)].append(line)
            } else {
                state.sessionLog.append(line)
            }
        case .refinementStep(let scope, let row):
            var rows = state.stepRows[scope] ?? []
            if let last = rows.last, row.step <= last.step {
                rows = []
                state.refinements[scope] = nil
            } else if rows.isEmpty {
                state.refinements[scope] = nil
            }
            rows.append(row)
            state.stepRows[scope] = rows
        case .refinement(let report):
            state.refinements[report.scope] = report
            state.stepRows[report.scope] = report.steps
        case .clusters(let report):
            switch report.source {
            case .individual: state.individualClusters = report
            case .joint: state.jointClusters = report
            case .otherForm: state.otherFormClusters = report
            }
            if report.source == state.shownClusters?.source { state.chosenClusterCount = nil }
        case .joint(let status):
            state.joint = status
        case .exclusions(let list):
            state.excluded = Set(list)
        case .lattice(let lattice):
            state.lattice = lattice
            state.otherFormClusters = nil
        case .individualFinished:
            state.individualFinished = true
            let done = state.sequences.filter { $0[.export] == .done }.count
            let failed = state.sequences.filter(\.hasFailure).count
            state.say("individual processing finished: \(done) reached an MTZ, \(failed) failed")
        }
    }
}

extension SequenceSummary {
    /// True when some stage failed.
    var hasFailure: Bool {
        stages.contains(where: \.isFailed)
    }

    /// True when some stage is running.
    var isRunning: Bool {
        stages.contains { if case .running = $0 { return true } else { return false } }
    }
}
