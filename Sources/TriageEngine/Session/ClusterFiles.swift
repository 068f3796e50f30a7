import Foundation
import MXClustering

/// BLEND's output files for a cluster analysis — CLUSTERS.txt, FINAL_list_of_files.dat,
/// clusters.json and dendrogram.txt — written into `directory`.
enum ClusterFiles {
    static func write(_ result: ClusterResult, files: [String], to directory: URL) throws {
        try WorkDirectory.create(directory)
        let names = result.report.sequences.map(SequenceSummary.directoryName)
        try BLENDReport.write(analysis: result.analysis, files: files, names: names, to: directory)
    }
}
