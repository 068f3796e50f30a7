import Foundation
import TriageEngine

/// The dataset step `process` and `joint` end with and `scale` and `merge` redo: the included
/// crystals of the main form (summary.json's exclusions and `--exclude`) integrated at full
/// resolution, reindexed consistently, scaled and merged into DIR/merged/.
enum DatasetStep {
    /// Runs it for the work directory `directory` as its summary.json describes it; prints one
    /// line per step, then the summary line (and the per-shell table with `table`).
    @discardableResult
    static func run(_ directory: URL, excluding extra: [Int] = [], threads: Int, table: Bool = false) throws -> MergedDataset {
        let work = WorkDirectory(directory)
        guard let summary = SummaryFile.read(work.summary) else {
            throw CommandFailure.badInput("\(directory.path)/summary.json: missing or unreadable (run `mxtriage process` first)")
        }
        let excluded = Set(summary.excluded + extra)
        let members = summary.sequences.filter {
            $0.isUsable && !excluded.contains($0.number) && (summary.lattice?.isMainForm($0) ?? true)
        }
        let dataset: MergedDataset
        do {
            dataset = try MergedDataset.make(sequences: members, work: work, threads: threads,
                                             chooseLaueGroup: summary.options.spaceGroup == nil) { StandardStreams.out($0 + "\n") }
        } catch {
            throw CommandFailure.processing("merging failed: \(error)")
        }
        if table { for line in dataset.tableLines { StandardStreams.out(line + "\n") } }
        StandardStreams.out("scaled and merged files in \(work.merged.path)\n")
        return dataset
    }

    /// ``run(_:excluding:threads:table:)`` after a session: a failure is one line on stderr and
    /// leaves the exit status alone (the session's results stand; `mxtriage merge` retries).
    static func runReportingFailure(_ directory: URL, threads: Int) {
        do { try run(directory, threads: threads) } catch {
            StandardStreams.error("mxtriage: \(error)\n")
        }
    }

    /// "3,7,12" → [3, 7, 12], each a sequence of the work directory.
    static func sequences(_ list: String, in directory: URL) throws -> [Int] {
        let known = Set(SummaryFile.read(WorkDirectory(directory).summary)?.sequences.map(\.number) ?? [])
        return try list.split(separator: ",").map { item in
            guard let n = Int(item.trimmingCharacters(in: .whitespaces)), known.contains(n) else {
                throw CommandFailure.badInput("--exclude: \"\(item)\" is not a sequence number of \(directory.path)")
            }
            return n
        }
    }
}
