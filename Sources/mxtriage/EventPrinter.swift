import Foundation
import TriageEngine

/// What `process`, `joint` and `replay` print while the engine works: one line per finished
/// sequence, cluster analysis and joint step — the events a log file reader wants, not the
/// live progress the UI draws.
enum EventPrinter {
    static func attach(to session: TriageSession, verbose: Bool = false) {
        session.events.subscribe { event in
            // Unbuffered, whole lines: the output may be a pipe read while the session runs.
            if let line = line(for: event, verbose: verbose) { StandardStreams.out(line + "\n") }
        }
    }

    static func line(for event: EngineEvent, verbose: Bool) -> String? {
        switch event {
        case let .sequencesFound(list):
            return "Found \(list.count) sequence\(list.count == 1 ? "" : "s")"
        case let .stage(sequence, stage, .failed(reason)):
            return "\(SequenceSummary.directoryName(sequence)): \(stage.rawValue) failed: \(reason)"
        case let .sequence(summary) where summary.isFinished:
            return describe(summary)
        case let .log(nil, line):
            return line
        case let .log(sequence?, line) where verbose:
            return "\(SequenceSummary.directoryName(sequence)): \(line)"
        case let .clusters(report):
            guard let root = report.root else { return nil }
            return String(format: "Cluster analysis (%@ cells): %d datasets, root height %.3f, LCV %.2f %%, aLCV %.2f Å",
                          report.source.name, report.sequences.count, root.height, root.lcv, root.alcv)
        case let .refinement(report) where report.scope == .joint:
            guard let last = report.steps.last else { return nil }
            return String(format: "Joint refinement: %d parameters, %d steps, final RMSD_X %.4f mm RMSD_Y %.4f mm RMSD_Phi %.4f° (%@)",
                          report.parameterNames.count, report.steps.count, last.rmsdXmm, last.rmsdYmm,
                          last.rmsdPhiDegrees, report.termination)
        case let .joint(status):
            switch status.phase {
            case let .running(stage): return "Joint run \(status.runs): \(stage) (\(status.sequences.count) sequences)"
            case .done:
                let distance = status.distanceMM.map { String(format: ", distance %.3f mm", $0) } ?? ""
                var line = "Joint run \(status.runs): done\(distance)"
                if let a = status.individualVariation, let b = status.jointVariation {
                    line += String(format: "; %d crystals: LCV %.3f %% aLCV %.3f Å from individual cells, LCV %.3f %% aLCV %.3f Å from joint cells",
                                   status.sequences.count, a.lcv, a.alcv, b.lcv, b.alcv)
                }
                return line
            case let .failed(reason): return "Joint run \(status.runs) failed: \(reason)"
            case .idle: return nil
            }
        case let .exclusions(list):
            return "Excluded: " + (list.isEmpty ? "none" : list.map(String.init).joined(separator: " "))
        default:
            return nil
        }
    }

    static func describe(_ s: SequenceSummary) -> String {
        let name = "\(s.name) \(s.template) (\(s.imageCount) images)"
        if let failure = s.failure { return "\(name): ✗ \(failure)" }
        var parts = [name + ":"]
        if let spots = s.spotCount { parts.append("\(spots) spots") }
        if let cell = s.cell {
            parts.append("cell " + cell.map { String(format: "%.3f", $0) }.joined(separator: " "))
        }
        if let r = s.rmsd { parts.append(String(format: "RMSD %.3f %.3f px %.3f img", r.xPixels, r.yPixels, r.zImages)) }
        if let n = s.integratedCount { parts.append("\(n) integrated") }
        return parts.joined(separator: " ")
    }
}
