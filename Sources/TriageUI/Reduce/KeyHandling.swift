import TriageEngine

extension UIReducer {
    /// Every key the UI knows, looked up in ``UIState/keys``. `q` and Ctrl-C quit from
    /// anywhere; with help open, any other key just closes it; the lattice prompt takes the
    /// keys while it is open. A key that cannot act says why in the status message instead.
    static func handle(key: KeyPress, in state: inout UIState) -> [UIEffect] {
        let action = state.keys.action(for: key)
        if action == .quit { return [.quit] }
        state.status = nil
        if state.helpShown {
            state.helpShown = false
            return []
        }
        if state.latticePrompt != nil { return handlePrompt(key: key, in: &state) }
        guard let action else { return [] }
        return perform(action, in: &state)
    }

    private static func perform(_ action: KeyAction, in state: inout UIState) -> [UIEffect] {
        switch action {
        case .quit: return [.quit]
        case .help: state.helpShown = true
        case .selectPrevious: state.select(state.selection - 1)
        case .selectNext: state.select(state.selection + 1)
        case .pageUp: state.select(state.selection - state.layout.listRows)
        case .pageDown: state.select(state.selection + state.layout.listRows)
        case .selectFirst: state.select(0)
        case .selectLast: state.select(state.sequences.count - 1)
        case .nextView: state.view = state.view.next
        case .previousView: state.view = state.view.previous
        case let .show(view): state.view = view
        case .toggleDetail:
            state.detailShown.toggle()
            state.keepSelectionVisible()
        case .closeDetail:
            if state.detailShown {
                state.detailShown = false
                state.keepSelectionVisible()
            }
        case .toggleExclusion: return toggleExclusion(in: &state)
        case .excludeCluster: return excludeCluster(in: &state)
        case .runJoint: return runJoint(in: &state)
        case .recluster: return recluster(in: &state)
        case .toggleJoint: toggleJoint(in: &state)
        case .cutFewer: moveCut(by: -1, in: &state)
        case .cutMore: moveCut(by: 1, in: &state)
        case .toggleHeatmapSelection: toggleHeatmapSelection(in: &state)
        case .scrollLeft: state.scrollHeatmap(by: -1)
        case .scrollRight: state.scrollHeatmap(by: 1)
        case .chooseLattice: openLatticePrompt(in: &state)
        }
        return []
    }

    /// `t`: the refinement, correlation and dendrogram views switch between the individual
    /// results and the joint refinement.
    private static func toggleJoint(in state: inout UIState) {
        state.showsJoint.toggle()
        state.chosenClusterCount = nil
        state.say(state.showsJoint ? "showing the joint refinement and joint cells"
                                   : "showing the selected sequence's refinement and individual cells")
    }

    /// `[` one cluster fewer (cut higher), `]` one more (cut lower).
    private static func moveCut(by delta: Int, in state: inout UIState) {
        guard let report = state.shownClusters, let cut = state.clusterCut else {
            state.say("no \(state.showsJoint ? "joint" : "individual") cluster analysis to cut yet — \(state.keys.key(for: .recluster)) runs one", .refusal)
            return
        }
        let count = min(max(1, cut.clusterCount + delta), max(1, report.sequences.count))
        state.chosenClusterCount = count
        state.say("dendrogram cut into \(count) cluster\(count == 1 ? "" : "s") · " + describe(state.clusterExclusion))
    }

    /// `m`: the correlation view's choice between the most-correlated parameters and a window.
    private static func toggleHeatmapSelection(in state: inout UIState) {
        switch state.heatmap.selection {
        case .mostCorrelated:
            state.heatmap.selection = .window
            state.say("correlation: a window of parameters in refinement order (\(state.keys.key(for: .scrollLeft)) \(state.keys.key(for: .scrollRight)) scroll)")
        case .window:
            state.heatmap.selection = .mostCorrelated
            state.say("correlation: the most strongly correlated parameters")
        }
    }

    /// One line saying what `X` would do now.
    static func describe(_ exclusion: ClusterExclusion) -> String {
        switch exclusion {
        case .cluster(let node, _, let sequences):
            return "X would exclude cluster \(node.number) (\(sequences.count) sequences)"
        case .single(let sequence):
            return "sequence \(Format.sequence(sequence)) is alone at this cut"
        case .everything:
            return "one cluster holds every dataset"
        case .notClustered(let sequence):
            return "sequence \(Format.sequence(sequence)) is not in this analysis"
        case .noAnalysis(let source):
            return "no \(source.name) cluster analysis yet"
        }
    }
}

extension UIState {
    /// ← → in the correlation view move its parameter window.
    mutating func scrollHeatmap(by delta: Int) {
        guard view == .correlation else { return }
        heatmap.selection = .window
        heatmap.offset = max(0, heatmap.offset + delta)
    }
}
