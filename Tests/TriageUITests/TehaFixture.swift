import TriageEngine
@testable import TriageUI

/// A fixed, TehA-like session (24 sweeps, H 3, a ≈ 98 Å, c ≈ 136.5 Å) built by feeding the same
/// engine events the real engine sends through ``UIReducer``, so the snapshots show what a user
/// would see at that moment.
enum TehaFixture {
    static let count = 24
    static let directory = "/data/TehA"

    /// Deterministic jitter in −1…1.
    static func jitter(_ n: Int, _ salt: Int) -> Double {
        let x = (n * 7919 + salt * 104_729) % 1000
        return Double(x) / 500 - 1
    }

    static func template(_ n: Int) -> String {
        n == 0 ? "xta30_1_####.cbf" : n == 17 ? "xta9_1_####.cbf" : "xtal\(n + 1)_1_####.cbf"
    }

    /// The individually refined cell: a main group, a small group with a longer c, one outlier.
    static func cell(_ n: Int) -> [Double] {
        var a = 98.21 + 0.12 * jitter(n, 1)
        var c = 136.52 + 0.18 * jitter(n, 2)
        if [4, 12, 16].contains(n) { c += 0.95; a -= 0.10 }
        if n == 9 { a += 0.92; c -= 0.85 }
        return [a, a, c, 90, 90, 120]
    }

    static func finished(_ n: Int) -> SequenceSummary {
        var s = SequenceSummary(number: n, template: template(n), directory: directory, imageCount: 29 + (n * 5) % 17)
        s.stages = Array(repeating: .done, count: PipelineStage.allCases.count)
        s.spotCount = 900 + (n * 173) % 900
        s.indexedCount = s.spotCount! * 86 / 100
        s.indexingMethod = n == 13 ? "fft1d" : "fft3d"
        s.cell = cell(n)
        s.spaceGroup = "H 3"
        s.rmsd = .init(xPixels: 0.45 + 0.15 * (jitter(n, 3) + 1), yPixels: 0.30 + 0.08 * (jitter(n, 4) + 1),
                       zImages: 0.25 + 0.1 * (jitter(n, 5) + 1), nref: s.indexedCount! * 9 / 10)
        s.integratedCount = 400 + (n * 37) % 300
        s.seconds = ["import": 0.4, "spots": 2.1 + Double(n % 5) * 0.3, "index_p1": 3.2, "index_target": 1.1,
                     "refine": 4.7, "integrate": 12.5, "export": 0.2]
        return s
    }

    static var summaries: [SequenceSummary] {
        (0..<count).map { n in
            var s = finished(n)
            switch n {
            case 6:
                s.stages = [.done, .done, .failed(reason: "fft3d: no basis · fft1d: no basis"), .skipped, .skipped, .skipped, .skipped]
                s.failure = "index_p1: fft3d found no basis; fft1d retry found no basis"
                s.indexedCount = nil; s.indexingMethod = nil; s.cell = nil; s.spaceGroup = nil; s.rmsd = nil; s.integratedCount = nil
                s.seconds = ["import": 0.3, "spots": 1.9]
            case 11:
                s.stages[5] = .failed(reason: "12 reflections between 7.0 and 8.1 Å")
                s.stages[6] = .skipped
                s.failure = "integrate: 12 reflections between 7.0 and 8.1 Å"
                s.integratedCount = nil
                s.seconds["export"] = nil
            case 20:
                s.stages = [.done, .done, .done, .done, .running(fraction: 0.43), .queued, .queued]
                s.cell = nil; s.rmsd = nil; s.integratedCount = nil
                s.seconds = ["import": 0.4, "spots": 2.3, "index_p1": 3.0, "index_target": 1.2]
            case 21:
                s.stages = [.done, .done, .done, .running(fraction: nil), .queued, .queued, .queued]
                s.cell = nil; s.rmsd = nil; s.integratedCount = nil; s.indexedCount = nil
                s.seconds = ["import": 0.4, "spots": 2.2, "index_p1": 2.9]
            case 22:
                s.stages = [.done, .running(fraction: 0.61), .queued, .queued, .queued, .queued, .queued]
                s.spotCount = nil; s.cell = nil; s.rmsd = nil; s.integratedCount = nil; s.indexedCount = nil; s.indexingMethod = nil
                s.spaceGroup = nil
                s.seconds = ["import": 0.5]
            case 23:
                s.stages = Array(repeating: .queued, count: PipelineStage.allCases.count)
                s.spotCount = nil; s.cell = nil; s.rmsd = nil; s.integratedCount = nil; s.indexedCount = nil; s.indexingMethod = nil
                s.spaceGroup = nil
                s.seconds = [:]
            default: break
            }
            return s
        }
    }

    // MARK: refinement

    static func steps(count: Int, nref: Int, x0: Double, x1: Double, y0: Double, y1: Double, phi0: Double, phi1: Double) -> [RefinementStepRow] {
        (0..<count).map { k in
            let t = count > 1 ? 1 - pow(0.62, Double(k)) / 1 : 1
            let f = t / (1 - pow(0.62, Double(max(count - 1, 1))))
            func at(_ a: Double, _ b: Double) -> Double { k == 0 ? a : a + (b - a) * min(1, f) }
            return RefinementStepRow(step: k, nref: nref, rmsdXmm: at(x0, x1), rmsdYmm: at(y0, y1), rmsdPhiDegrees: at(phi0, phi1))
        }
    }

    static let sequenceParameters = ["Dist", "Shift1", "Shift2", "Tau1", "Tau2", "Tau3", "Mu1", "Mu2",
                                     "Crystal1phi1", "Crystal1phi2", "Crystal1phi3", "Crystal1g_param_0", "Crystal1g_param_1"]

    /// A correlation matrix with the pattern of one narrow wedge: distance against the cell
    /// (metrical-matrix) parameters strongly, shifts against tilts, orientation weakly.
    static func correlation(names: [String]) -> [[Double]] {
        let p = names.count
        var r = Array(repeating: Array(repeating: 0.0, count: p), count: p)
        for i in 0..<p {
            for j in 0..<p {
                if i == j { r[i][j] = 1; continue }
                let (a, b) = (names[i], names[j])
                var value = 0.08 * jitter(i * 31 + j * 17 + min(i, j), max(i, j))
                func pair(_ x: String, _ y: String) -> Bool { (a.hasSuffix(x) && b.hasSuffix(y)) || (a.hasSuffix(y) && b.hasSuffix(x)) }
                if (a == "Dist" && b.contains("g_param_0")) || (b == "Dist" && a.contains("g_param_0")) { value = 0.93 - 0.002 * Double(i + j) }
                if (a == "Dist" && b.contains("g_param_1")) || (b == "Dist" && a.contains("g_param_1")) { value = -0.71 + 0.003 * Double(i + j) }
                if pair("Shift1", "Tau2") { value = -0.82 }
                if pair("Shift2", "Tau3") { value = 0.64 }
                if pair("Mu1", "Shift1") { value = 0.45 }
                if a.hasPrefix("Crystal"), b.hasPrefix("Crystal"), a.prefix(9) == b.prefix(9) {
                    if pair("g_param_0", "g_param_1") { value = -0.55 }
                    if pair("phi1", "phi3") { value = 0.33 }
                }
                r[i][j] = value
            }
        }
        for i in 0..<p { for j in 0..<i { r[i][j] = r[j][i] } }
        return r
    }

    static func sequenceReport(_ n: Int) -> RefinementReport {
        let s = finished(n)
        let rows = steps(count: 8, nref: s.rmsd!.nref, x0: 0.2411, x1: 0.0957, y0: 0.1832, y1: 0.0612, phi0: 0.4127, phi1: 0.0771)
        let experiment = RefinementReport.ExperimentRow(sequence: n, nref: s.rmsd!.nref, rmsdXPixels: s.rmsd!.xPixels,
                                                        rmsdYPixels: s.rmsd!.yPixels, rmsdZImages: s.rmsd!.zImages)
        return RefinementReport(scope: .sequence(n), steps: rows, termination: "RMSD no longer decreasing",
                                experiments: [experiment], parameterNames: sequenceParameters,
                                correlation: correlation(names: sequenceParameters))
    }

    /// The joint refinement of the 18 included, refined sequences.
    static var jointSequences: [Int] { (0..<20).filter { $0 != 6 && $0 != 11 && $0 != 14 } }

    static var jointParameterNames: [String] {
        ["Dist", "Shift1", "Shift2", "Tau1", "Tau2", "Tau3", "Mu1"]
            + jointSequences.indices.flatMap { k in
                ["phi1", "phi2", "phi3", "g_param_0", "g_param_1"].map { "Crystal\(k + 1)" + $0 }
            }
    }

    static var jointReport: RefinementReport {
        let rows = steps(count: 14, nref: 27_130, x0: 1.6408, x1: 0.16204, y0: 1.1569, y1: 0.13298, phi0: 0.79118, phi1: 0.10893)
        let experiments = jointSequences.map { n -> RefinementReport.ExperimentRow in
            let r = finished(n).rmsd!
            let worse = n == 9 ? 2.38 / r.xPixels : 1.12
            return .init(sequence: n, nref: r.nref, rmsdXPixels: r.xPixels * worse, rmsdYPixels: r.yPixels * 1.15,
                         rmsdZImages: r.zImages * 1.4)
        }
        let names = jointParameterNames
        return RefinementReport(scope: .joint, steps: rows, termination: "RMSD no longer decreasing",
                                experiments: experiments, parameterNames: names, correlation: correlation(names: names))
    }

    static var jointCells: [[Double]] {
        let mean = [98.21, 136.52]
        return jointSequences.map { n in
            let c = cell(n)
            let a = mean[0] + (c[0] - mean[0]) * 0.4, cc = mean[1] + (c[2] - mean[1]) * 0.45
            return [a, a, cc, 90, 90, 120]
        }
    }

    // MARK: clustering

    /// A Ward clustering of (a, c) standing in for BLEND's (which the engine computes), with
    /// LCV and aLCV from the spread of a and c in each cluster.
    static func clusterReport(source: ClusterReport.Source, sequences: [Int], cells: [[Double]]) -> ClusterReport {
        var groups: [(id: Int, members: [Int], centre: [Double])] = cells.enumerated().map { i, c in (-(i + 1), [i + 1], [c[0], c[2]]) }
        var nodes: [ClusterReport.Node] = []
        while groups.count > 1 {
            var best = (0, 1, Double.infinity)
            for i in 0..<groups.count {
                for j in (i + 1)..<groups.count {
                    let (p, q) = (Double(groups[i].members.count), Double(groups[j].members.count))
                    let d2 = zip(groups[i].centre, groups[j].centre).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
                    let cost = (2 * p * q / (p + q) * d2).squareRoot()
                    if cost < best.2 { best = (i, j, cost) }
                }
            }
            let (i, j, height) = best
            let members = (groups[i].members + groups[j].members).sorted()
            let (p, q) = (Double(groups[i].members.count), Double(groups[j].members.count))
            let centre = zip(groups[i].centre, groups[j].centre).map { ($0 * p + $1 * q) / (p + q) }
            let a = members.map { cells[$0 - 1][0] }, c = members.map { cells[$0 - 1][2] }
            let alcv = max(a.max()! - a.min()!, c.max()! - c.min()!)
            let lcv = alcv / c.min()! * 100
            let number = nodes.count + 1
            let ordered = max(height, nodes.last?.height ?? 0)
            nodes.append(.init(number: number, left: groups[i].id, right: groups[j].id, height: ordered,
                               datasets: members, lcv: lcv, alcv: alcv))
            groups.remove(at: j)
            groups[i] = (number, members, centre)
        }
        return ClusterReport(source: source, sequences: sequences, cells: cells, clusters: nodes)
    }

    static var individualClusters: ClusterReport {
        let usable = summaries.filter(\.isUsable)
        return clusterReport(source: .individual, sequences: usable.map(\.number), cells: usable.map { $0.cell! })
    }

    static var jointClusters: ClusterReport {
        clusterReport(source: .joint, sequences: jointSequences, cells: jointCells)
    }

    // MARK: the session

    /// The session at 2:41: most sweeps done, one failed indexing, one failed integration,
    /// four still going, sequence 14 excluded, one joint run finished and re-clustered.
    static func state(width: Int = 120, height: Int = 40, selection: Int = 7, joint: Bool = true) -> UIState {
        var state = UIState(title: directory, sessionPath: "/data/TehA/triage/session.jsonl")
        var actions: [UIAction] = [.resize(width: width, height: height),
                                   .engine(.log(sequence: nil, line: "found 24 sweeps in /data/TehA (893 images)")),
                                   .engine(.sequencesFound(summaries.map { SequenceSummary(number: $0.number, template: $0.template, directory: $0.directory, imageCount: $0.imageCount) }))]
        for s in summaries { actions.append(.engine(.sequence(s))) }
        for n in [3, 7, 9, 11] { actions.append(.engine(.refinement(sequenceReport(n)))) }
        for row in steps(count: 5, nref: 1204, x0: 0.3127, x1: 0.1344, y0: 0.2216, y1: 0.0981, phi0: 0.5521, phi1: 0.1402) {
            actions.append(.engine(.refinementStep(scope: .sequence(20), row: row)))
        }
        actions.append(.engine(.clusters(individualClusters)))
        actions.append(.engine(.log(sequence: nil, line: "BLEND: 20 cells, root LCV 1.35 %")))
        actions.append(.engine(.exclusions([14])))
        actions.append(.engine(.log(sequence: nil, line: "excluded sequence 14 (user)")))
        if joint {
            let status = JointStatus(phase: .done, sequences: jointSequences, cells: jointCells, distanceMM: 190.34,
                                     beamCentrePixels: [1231.42, 1263.87], runs: 1)
            actions.append(.engine(.joint(JointStatus(phase: .running(stage: "refine"), sequences: jointSequences, runs: 1))))
            for row in jointReport.steps { actions.append(.engine(.refinementStep(scope: .joint, row: row))) }
            actions.append(.engine(.refinement(jointReport)))
            actions.append(.engine(.joint(status)))
            actions.append(.engine(.clusters(jointClusters)))
            actions.append(.engine(.log(sequence: nil, line: "joint refinement: 18 crystals, 97 parameters, RMSD no longer decreasing")))
        }
        for (n, lines) in logs { for line in lines { actions.append(.engine(.log(sequence: n, line: line))) } }
        actions.append(.clock(elapsedSeconds: 161.3))
        for action in actions { _ = UIReducer.reduce(&state, action) }
        state.selection = selection
        state.keepSelectionVisible()
        return state
    }

    static let logs: [Int: [String]] = [
        7: ["import: 41 images, xtal8_1_0001.cbf … xtal8_1_0041.cbf",
            "find_spots: 1384 strong spots on 41 images",
            "index P 1: fft3d basis, 1190 of 1384 indexed",
            "index H 3: known orientation, 1188 indexed",
            "refine: 8 steps, RMSD no longer decreasing",
            "integrate: 596 reflections between 7.0 and 8.1 Å",
            "export: integrated.mtz"],
        11: ["find_spots: 1076 strong spots on 35 images",
             "index P 1: fft3d basis, 925 of 1076 indexed",
             "refine: 8 steps, RMSD no longer decreasing",
             "integrate: only 12 reflections between 7.0 and 8.1 Å",
             "integrate: failed"],
        20: ["index H 3: known orientation, 1204 indexed", "refine: step 4, RMSD_X 0.1344 mm"],
        21: ["index H 3: assigning indices under H 3 …"],
        22: ["find_spots: image 25 of 41"],
    ]
}

import Foundation
