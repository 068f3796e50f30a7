import TriageEngine

/// Keys that ask the engine to change the science. The state does not change here: exclusions
/// change when the engine confirms them with ``EngineEvent/exclusions(_:)``, so the screen never
/// shows an exclusion the engine has not made.
extension UIReducer {
    /// `x`: exclude the selected sequence, or include it again.
    static func toggleExclusion(in state: inout UIState) -> [UIEffect] {
        guard let sequence = state.selectedSequence?.number else {
            state.say("no sequences yet", .refusal)
            return []
        }
        if state.excluded.contains(sequence) {
            state.say("asked to include sequence \(Format.sequence(sequence)) again")
            return [.engine(.include(sequence: sequence))]
        }
        state.say("asked to exclude sequence \(Format.sequence(sequence))")
        return [.engine(.exclude(sequence: sequence))]
    }

    /// `X`: exclude the cluster holding the selected sequence at the dendrogram's cut (see
    /// ``ClusterCut``); a sequence alone at the cut is excluded by itself.
    static func excludeCluster(in state: inout UIState) -> [UIEffect] {
        switch state.clusterExclusion {
        case .cluster(let node, let source, let sequences):
            let remaining = sequences.filter { !state.excluded.contains($0) }
            guard !remaining.isEmpty else {
                state.say("cluster \(node.number) is already excluded", .refusal)
                return []
            }
            state.say("asked to exclude cluster \(node.number): sequences " + Format.sequenceList(sequences, limit: 12))
            return [.engine(.excludeCluster(number: node.number, source: source))]
        case .single(let sequence):
            guard !state.excluded.contains(sequence) else {
                state.say("sequence \(Format.sequence(sequence)) is already excluded", .refusal)
                return []
            }
            state.say("sequence \(Format.sequence(sequence)) is alone at this cut: asked to exclude it")
            return [.engine(.exclude(sequence: sequence))]
        case .everything:
            state.say("at this cut one cluster holds every dataset — press \(state.keys.key(for: .cutMore)) to cut lower", .refusal)
        case .notClustered(let sequence):
            let source = state.showsJoint ? "joint" : "individual"
            state.say("sequence \(Format.sequence(sequence)) is not in the \(source) cluster analysis — \(state.keys.key(for: .toggleExclusion)) excludes it alone", .refusal)
        case .noAnalysis(let source):
            state.say("no \(source.name) cluster analysis yet — \(state.keys.key(for: .recluster)) runs one", .refusal)
        }
        return []
    }

    /// `J` or `r`: joint refinement of the included, usable sequences.
    static func runJoint(in state: inout UIState) -> [UIEffect] {
        if case .running(let stage) = state.joint.phase {
            state.say("joint refinement is already running (\(stage))", .refusal)
            return []
        }
        let usable = state.usableIncluded.count
        guard usable >= 2 else {
            state.say("joint refinement needs at least 2 refined, included sequences (have \(usable))", .refusal)
            return []
        }
        state.say("asked for joint refinement of \(usable) sequences")
        return [.engine(.runJoint)]
    }

    /// `c`: a new cluster analysis of the included, usable cells.
    static func recluster(in state: inout UIState) -> [UIEffect] {
        let usable = state.usableIncluded.count
        guard usable >= 2 else {
            state.say("clustering needs at least 2 refined, included sequences (have \(usable))", .refusal)
            return []
        }
        state.say("asked to re-cluster \(usable) cells")
        return [.engine(.recluster)]
    }
}
