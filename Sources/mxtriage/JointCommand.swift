import ArgumentParser
import Foundation
import TriageEngine

/// `mxtriage joint`: joint refinement of a processed work directory's sequences with one shared
/// detector and beam, then integration, split, export and clustering of the joint cells.
struct JointCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "joint",
        abstract: "Refine the processed sequences of DIR jointly (shared detector and beam), integrate, split, export and re-cluster.",
        discussion: "Writes DIR/joint/ (combined, refined, integrated, split_NN.*, clusters/), scales and merges the crystals it refined into DIR/merged/, and updates DIR/summary.json.")

    @Argument(help: "A work directory written by `mxtriage process`.")
    var workdir: String

    @Option(help: "Sequences to leave out, by number: \"3,7,12\".")
    var exclude: String?

    @Option(help: "The session log to append to; refused if it exists and is not one (default WORKDIR/joint.jsonl).")
    var log: String?

    @Flag(name: .customLong("no-merge"), help: "Do not scale and merge the included crystals into DIR/merged/ afterwards.")
    var noMerge = false

    func run() throws {
        let directory = URL(fileURLWithPath: workdir)
        // Claimed before its summary is read, so a run still processing there is named as
        // such; a directory without a summary is no work directory, and gets no lock file.
        let summaryFile = directory.appendingPathComponent("summary.json")
        if FileManager.default.fileExists(atPath: summaryFile.path) { try WorkDirectoryClaim.take(directory) }
        guard let summary = SummaryFile.read(summaryFile) else {
            throw CommandFailure.badInput("\(workdir)/summary.json: missing or unreadable (run `mxtriage process` first)")
        }
        var excluded: [Int] = []
        if let exclude {
            for item in exclude.split(separator: ",") {
                guard let n = Int(item.trimmingCharacters(in: .whitespaces)), summary.sequences.contains(where: { $0.number == n }) else {
                    throw CommandFailure.badInput("--exclude: \"\(item)\" is not a sequence number of \(workdir)")
                }
                excluded.append(n)
            }
        }
        var options = SessionSetup(workdir: "")
        options.workdir = workdir
        options.spaceGroup = summary.options.spaceGroup
        options.jobs = summary.options.jobs
        options.dMin = summary.options.dMin
        options.dMax = summary.options.dMax
        options.widenBand = summary.options.widenBand
        options.log = log ?? directory.appendingPathComponent("joint.jsonl").path
        let (triage, sessionLog) = try options.open(inputs: summary.inputs, simulation: nil, claim: false)
        EventPrinter.attach(to: triage)
        try options.discover(triage, retryFailed: false)
        for n in excluded { triage.perform(.exclude(sequence: n)) }
        triage.start()
        triage.perform(.runJoint)
        triage.waitUntilIdle()
        try SessionLogOpening.close(sessionLog)
        if case let .failed(reason) = triage.jointStatus.phase { throw CommandFailure.processing("joint refinement failed: \(reason)") }
        guard triage.jointStatus.phase == .done else { throw CommandFailure.processing("joint refinement did not run") }
        if !noMerge { DatasetStep.runReportingFailure(directory, threads: triage.options.jobs) }
    }
}
