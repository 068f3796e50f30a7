import Foundation
import MXTestSupport
import XCTest

/// The per-sweep pipeline through the built binary on a small simulated data set: import,
/// find-spots, index in P 1, index in H 3 from the P 1 orientation — against the truth — and the
/// blank sweep's clear failure.
final class PipelineCommandTests: XCTestCase {
    func testSimulatedSweepsIndexInH3AndTheBlankOneFailsClearly() throws {
        let dir = try CommandRunner.temporaryDirectory("pipeline")
        defer { try? FileManager.default.removeItem(at: dir) }
        let images = dir.appendingPathComponent("images").path
        let sim = try CommandRunner.mxtriage(["simulate", "--output", images, "--sweeps", "3", "--detector", "small",
                                              "--max-images", "25", "--seed", "4"])
        XCTAssertEqual(sim.status, 0, sim.stderr)
        let truthText = try String(contentsOfFile: images + "/truth.json", encoding: .utf8)
        let truth = try JSONSerialization.jsonObject(with: Data(truthText.utf8)) as! [String: Any]
        for sweep in truth["sweeps"] as! [[String: Any]] {
            let template = sweep["template"] as! String
            let work = dir.appendingPathComponent(template.replacingOccurrences(of: "_####.cbf", with: ""))
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
            let glob = images + "/" + template.replacingOccurrences(of: "####", with: "????")
            XCTAssertEqual(try CommandRunner.mxtriage(["import", glob], in: work).status, 0)
            XCTAssertEqual(try CommandRunner.mxtriage(["find-spots", "imported.expt"], in: work).status, 0)
            let p1 = try CommandRunner.mxtriage(["index", "imported.expt", "strong.refl", "--output-experiments", "P1_models.expt"], in: work)
            if sweep["group"] as! String == "blank" {
                XCTAssertEqual(p1.status, 1)
                XCTAssertTrue(p1.stderr.contains("too few spots to index"), p1.stderr)
                continue
            }
            XCTAssertEqual(p1.status, 0, p1.stderr)
            let h3 = try CommandRunner.mxtriage(["index", "P1_models.expt", "strong.refl", "--space-group", "H 3"], in: work)
            XCTAssertEqual(h3.status, 0, h3.stderr)
            let shown = try CommandRunner.mxtriage(["show", "indexed.expt"], in: work)
            let cellLine = try XCTUnwrap(shown.stdout.split(separator: "\n").first { $0.contains("Unit cell:") })
            let cell = cellLine.split(separator: ":")[1].split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces))! }
            let trueCell = sweep["unit_cell"] as! [Double]
            XCTAssertEqual(cell[0], trueCell[0], accuracy: trueCell[0] * 0.003, template)
            XCTAssertEqual(cell[2], trueCell[2], accuracy: trueCell[2] * 0.003, template)
            XCTAssertEqual(cell[5], 120, accuracy: 1e-3, template)
            // DIALS refines what we indexed.
            if let refine = CommandRunner.dials("dials.refine") {
                let run = try CommandRunner.run(refine, ["indexed.expt", "indexed.refl", "scan_varying=false", "outlier.algorithm=tukey",
                                                         "output.experiments=dials_refined.expt", "output.reflections=dials_refined.refl"], in: work)
                XCTAssertEqual(run.status, 0, run.stderr)
            }
        }
    }
}

/// Real data: the four L-cysteine sweeps index in P 1 to DIALS's cells (PROVENANCE.md:
/// dials.index then dials.refine scan_varying=false) within 0.5 %.
final class RealDataIndexingTests: XCTestCase {
    func testLCysteineSweepsIndexToDIALSCells() throws {
        guard let real = TestData.realData else {
            throw XCTSkip("../shared/data/real is not beside this checkout; real-data indexing skipped")
        }
        let dials: [[Double]] = [[5.4195, 8.1372, 12.0209], [5.4319, 8.1377, 12.0306], [5.4221, 8.1299, 12.0244], [5.4178, 8.1432, 12.0382]]
        let dir = try CommandRunner.temporaryDirectory("lcys")
        defer { try? FileManager.default.removeItem(at: dir) }
        XCTAssertEqual(try CommandRunner.mxtriage(["import", real.appendingPathComponent("l_cysteine").path], in: dir).status, 0)
        let spots = try CommandRunner.mxtriage(["find-spots", "imported.expt"], in: dir)
        XCTAssertTrue(spots.stdout.contains("Saved 160 reflections"), spots.stdout)
        let index = try CommandRunner.mxtriage(["index", "imported.expt", "strong.refl"], in: dir)
        XCTAssertEqual(index.status, 0, index.stderr)
        let shown = try CommandRunner.mxtriage(["show", "indexed.expt"], in: dir)
        let cells = shown.stdout.split(separator: "\n").filter { $0.contains("Unit cell:") }.map { line in
            line.split(separator: ":")[1].split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces))! }
        }
        XCTAssertEqual(cells.count, 4)
        for (ours, theirs) in zip(cells, dials) {
            // Niggli order a ≤ b ≤ c, the orthorhombic cell with angles near 90°.
            for k in 0..<3 { XCTAssertEqual(ours[k], theirs[k], accuracy: theirs[k] * 0.005, "\(ours) vs \(theirs)") }
            for k in 3..<6 { XCTAssertEqual(ours[k], 90, accuracy: 0.5) }
        }
    }
}
