import ArgumentParser
import Foundation
import MXGeometry
import MXImages

/// `mxtriage import`: images → sweeps → `imported.expt`, like dials.import.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Find the sweeps in files, directories and globs of CBF images and write imported.expt.")

    @Argument(help: "Image files, directories (read one level deep) or glob patterns.")
    var images: [String]

    @Option(help: "The experiment list to write.")
    var output = "imported.expt"

    func run() throws {
        let report = ImageImporter.importImages(images)
        let list = report.experiments
        // Nothing imported: one line with the first reason (a missing path says so), not a
        // note per file followed by "no images found".
        guard list.count > 0 else {
            throw CommandFailure.badInput(report.skipped.first.map { "\($0)" } ?? "no images found in \(images.joined(separator: " "))")
        }
        for problem in report.skipped { printError("skipped \(problem)") }
        for warning in report.warnings { printError("warning: \(warning)") }
        print(SweepTable.text(list))
        do { try list.write(to: URL(fileURLWithPath: output)) } catch {
            throw CommandFailure.processing("\(output): cannot be written (\(error.localizedDescription))")
        }
        print("Wrote \(list.count) experiment\(list.count == 1 ? "" : "s") to \(output)")
    }
}

/// One row per sweep (or still run): what a user checks first after import.
enum SweepTable {
    static func text(_ list: ExperimentList) -> String {
        var rows: [[String]] = [["#", "template", "images", "oscillation (°)", "λ (Å)", "distance (mm)", "beam centre (px)"]]
        for (i, e) in list.experiments.enumerated() {
            var template = "?"
            switch list.imageset(of: e) {
            case let .sequence(t)?: template = (t as NSString).lastPathComponent
            case let .imageSet(paths, _)?: template = ((paths.first ?? "") as NSString).lastPathComponent
            case nil: break
            }
            let scan = list.scan(of: e)
            let images = scan.map { "\($0.imageRange.first)–\($0.imageRange.last)" } ?? "1"
            let osc = scan.map { $0.oscillation.width == 0 ? "still" : String(format: "%.2f + %.2f", $0.oscillation.start, $0.oscillation.width) } ?? "still"
            let beam = list.beam(of: e)
            var distance = "", centre = ""
            if let d = list.detector(of: e), let b = beam {
                distance = String(format: "%.2f", d[0].distance)
                if let hit = d.rayIntersection(b.s0) {
                    let px = d[hit.panel].millimeterToPixel(hit.mm)
                    centre = String(format: "%.2f, %.2f", px.x, px.y) + (d.panels.count > 1 ? " (panel \(hit.panel))" : "")
                }
            }
            rows.append([String(i), template, images, osc, beam.map { String(format: "%.5f", $0.wavelength) } ?? "", distance, centre])
        }
        return TextTable.render(rows)
    }
}

/// Left-aligned columns separated by two spaces.
enum TextTable {
    static func render(_ rows: [[String]]) -> String {
        guard let columns = rows.map(\.count).max() else { return "" }
        var widths = [Int](repeating: 0, count: columns)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        return rows.map { row in
            row.enumerated().map { i, cell in
                i == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - cell.count)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}

/// One line to stderr.
func printError(_ message: String) {
    StandardStreams.error(message + "\n")
}
