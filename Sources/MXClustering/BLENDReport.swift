import Foundation

/// Writes a cluster analysis the way BLEND's analysis mode leaves it, plus mxtriage's own files:
/// `CLUSTERS.txt` (``ClustersTable``), `FINAL_list_of_files.dat` (``FinalListOfFiles``),
/// `clusters.json` (``ClustersJSON``) and `dendrogram.txt` (``DendrogramText`` at 120 columns,
/// every leaf shown). Each file is written atomically (temporary file, then rename).
public enum BLENDReport {
    public static let fileNames = ["CLUSTERS.txt", "FINAL_list_of_files.dat", "clusters.json", "dendrogram.txt"]

    /// Writes the four files into `directory` (created if missing). `files[i]` is the reflection
    /// file of dataset i + 1; `names` label the datasets (default: the file names, or their
    /// directories' names when the file names are all alike); `rejected` are input files that
    /// were not analysed.
    public static func write(analysis: CellClusterAnalysis, files: [String], names: [String]? = nil,
                             rejected: [String] = [], to directory: URL) throws {
        let labels = names ?? defaultNames(files)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        func put(_ name: String, _ data: Data) throws {
            try data.write(to: directory.appendingPathComponent(name), options: .atomic)
        }
        try put("CLUSTERS.txt", Data(ClustersTable.text(analysis).utf8))
        try put("FINAL_list_of_files.dat", Data(FinalListOfFiles.text(files: files, rejected: rejected).utf8))
        try put("clusters.json", try ClustersJSON(analysis: analysis, names: labels, paths: files).encoded())
        let dendrogram = DendrogramText.lines(analysis: analysis, labels: labels, width: 120, maxRows: nil)
        try put("dendrogram.txt", Data(dendrogram.map { $0 + "\n" }.joined().utf8))
    }

    /// Short dataset names from paths: the file name without extension, or — when that is the
    /// same for several files (every sequence's `integrated.mtz`) — the enclosing directory's name.
    public static func defaultNames(_ files: [String]) -> [String] {
        let urls = files.map { URL(fileURLWithPath: $0) }
        let stems = urls.map { $0.deletingPathExtension().lastPathComponent }
        guard Set(stems).count < stems.count else { return stems }
        return urls.map { $0.deletingLastPathComponent().lastPathComponent }
    }
}
