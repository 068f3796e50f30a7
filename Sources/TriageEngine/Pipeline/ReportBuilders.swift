import MXClustering
import MXGeometry
import MXRefinement

extension RefinementReport {
    /// The report of a finished refinement; `sequences[i]` is the sequence experiment i came from.
    init(_ result: RefinementResult, scope: RefinementScope, sequences: [Int]) {
        let correlation: [[Double]]
        if let c = result.correlations.estimate {
            correlation = (0..<c.n).map { i in (0..<c.n).map { j in c[i, j] } }
        } else {
            correlation = []
        }
        self.init(
            scope: scope,
            steps: result.journal.map(RefinementStepRow.init),
            termination: result.termination.rawValue,
            experiments: result.experimentRMSDs.map { r in
                ExperimentRow(sequence: sequences[r.experiment], nref: r.nref, rmsdXPixels: r.xPixels,
                              rmsdYPixels: r.yPixels, rmsdZImages: r.zImages)
            },
            parameterNames: result.parameters.map(\.name),
            correlation: correlation)
    }
}

/// A cluster analysis and the report made from it: the report goes to the UI and the log,
/// the analysis to BLEND's files.
struct ClusterResult: Sendable {
    var report: ClusterReport
    var analysis: CellClusterAnalysis

    /// BLEND's analysis of `cells` (a b c α β γ), dataset i being `sequences[i - 1]`; nil when
    /// fewer than two cells leave nothing to cluster.
    init?(source: ClusterReport.Source, sequences: [Int], cells: [[Double]]) {
        guard cells.count >= 2 else { return nil }
        analysis = CellClusterAnalysis(cells: cells.map { UnitCell(parameters: $0) })
        let nodes = analysis.clusters.map { c in
            ClusterReport.Node(number: c.number, left: c.left, right: c.right, height: c.height, datasets: c.datasets,
                               lcv: c.variation.lcv, alcv: c.variation.alcv)
        }
        report = ClusterReport(source: source, sequences: sequences, cells: cells, clusters: nodes)
    }
}
