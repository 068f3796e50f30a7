import ArgumentParser
import Foundation
import MXClustering
import MXExport
import MXGeometry

/// `mxtriage cluster`: BLEND's analysis mode (`blend -a`) on the cells of unmerged MTZ files —
/// standardised cell parameters, PCA, Ward linkage, LCV/aLCV — writing BLEND's files into the
/// current directory.
struct ClusterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cluster",
        abstract: "Cluster crystals by unit cell as BLEND does; writes CLUSTERS.txt, FINAL_list_of_files.dat, clusters.json and dendrogram.txt here.")

    @Argument(help: "A list of MTZ paths, one per line (BLEND's mtz_names), or a directory searched for *.mtz (a work directory's merged/ left out).")
    var input: String

    @Option(help: "Cell distance: blend (standardised PCA, BLEND's) or g6 (Niggli-reduced G6, robust to reduction ambiguity).")
    var distance: CellDistance = .blend

    @Option(name: .customLong("output-dir"), help: "Write the files into this directory instead of the current one.")
    var outputDirectory: String?

    /// `--output`, the earlier name of `--output-dir`.
    @Option(name: .customLong("output"), help: .hidden)
    var output: String?

    func run() throws {
        let files = try MTZInputs.paths(input)
        var cells: [UnitCell] = [], used: [String] = [], rejected: [String] = []
        for path in files {
            do {
                cells.append(try MTZFile.read(path: path).cell)
                used.append(path)
            } catch {
                printError("skipped \(path): \(error)")
                rejected.append(path)
            }
        }
        guard cells.count >= 2 else {
            throw CommandFailure.badInput("cluster analysis needs at least two readable MTZ files (found \(cells.count))")
        }
        let analysis = CellClusterAnalysis(cells: cells, distance: distance)
        let directory = URL(fileURLWithPath: outputDirectory ?? output ?? FileManager.default.currentDirectoryPath)
        do {
            try BLENDReport.write(analysis: analysis, files: used, rejected: rejected, to: directory)
        } catch {
            throw CommandFailure.processing("\(directory.path): cannot write the cluster files (\(error.localizedDescription))")
        }
        print(ClustersTable.text(analysis))
        let labels = BLENDReport.defaultNames(used)
        print(DendrogramText.lines(analysis: analysis, labels: labels, width: 120, maxRows: nil).joined(separator: "\n"))
        print("Wrote \(BLENDReport.fileNames.joined(separator: ", ")) to \(directory.path)")
    }
}

extension CellDistance: ExpressibleByArgument {}

/// The MTZ files a `cluster` argument names.
enum MTZInputs {
    static func paths(_ input: String) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
            throw CommandFailure.badInput("\(input): no such file or directory")
        }
        if isDirectory.boolValue {
            let base = URL(fileURLWithPath: input)
            guard let walker = FileManager.default.enumerator(atPath: input) else {
                throw CommandFailure.badInput("\(input): cannot be read")
            }
            // A work directory's merged/ holds the dataset of many crystals (scaled.mtz,
            // merged.mtz), not one crystal's MTZ: BLEND's input is one file per crystal.
            let found = walker.compactMap { $0 as? String }
                .filter { $0.hasSuffix(".mtz") && !$0.hasPrefix("merged/") }.sorted()
            guard !found.isEmpty else { throw CommandFailure.badInput("\(input): no .mtz files") }
            return found.map { base.appendingPathComponent($0).path }
        }
        let text: String
        do { text = try String(contentsOfFile: input, encoding: .utf8) } catch {
            throw CommandFailure.badInput("\(input): cannot be read (\(error.localizedDescription))")
        }
        let relativeTo = URL(fileURLWithPath: input).deletingLastPathComponent()
        let paths = text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
            .map { $0.hasPrefix("/") ? $0 : relativeTo.appendingPathComponent($0).path }
        guard !paths.isEmpty else { throw CommandFailure.badInput("\(input): lists no MTZ files") }
        return paths
    }
}
