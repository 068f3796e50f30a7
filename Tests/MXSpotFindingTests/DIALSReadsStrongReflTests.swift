import Foundation
import MXGeometry
import MXImages
import MXReflections
import MXSimulation
import MXTestSupport
import XCTest
@testable import MXSpotFinding

/// DIALS reads the strong.refl we write, and — run on the same simulated images — finds the
/// same spots: same order, boxes, pixel counts, intensities, centroids and variances.
final class DIALSReadsStrongReflTests: XCTestCase {
    static let script = """
    import json, subprocess, sys
    from dials.array_family import flex
    work = sys.argv[1]
    ours = flex.reflection_table.from_file(work + "/strong.refl")
    subprocess.run(["dials.find_spots", "imported.expt", "output.reflections=dials.refl", "nproc=2"],
                   cwd=work, check=True, stdout=subprocess.DEVNULL)
    theirs = flex.reflection_table.from_file(work + "/dials.refl")
    def close(a, b, tol):
        return all(abs(x - y) <= tol for u, v in zip(a, b) for x, y in zip(u, v))
    print(json.dumps({
        "nrows": len(ours), "dials_nrows": len(theirs),
        "columns": sorted(ours.keys()),
        "strong": ours.get_flags(ours.flags.strong).count(True),
        "identifiers": dict(ours.experiment_identifiers()),
        "same_bbox": list(ours["bbox"]) == list(theirs["bbox"]),
        "same_id": list(ours["id"]) == list(theirs["id"]),
        "same_panel": list(ours["panel"]) == list(theirs["panel"]),
        "same_n_signal": list(ours["n_signal"]) == list(theirs["n_signal"]),
        "same_intensity": list(ours["intensity.sum.value"]) == list(theirs["intensity.sum.value"]),
        "same_xyz": close(ours["xyzobs.px.value"], theirs["xyzobs.px.value"], 1e-9),
        "same_variance": close(ours["xyzobs.px.variance"], theirs["xyzobs.px.variance"], 1e-12),
    }))
    """

    func testDIALSReadsOurStrongReflAndFindsTheSameSpots() throws {
        try DIALSPython.require()
        guard CommandRunner.dials("dials.find_spots") != nil else { throw XCTSkip("dials.find_spots is not installed") }
        let dir = try CommandRunner.temporaryDirectory("spots-dials")
        defer { try? FileManager.default.removeItem(at: dir) }
        let plan = CrystalForm.teha.plan(seed: 9, sweeps: 2, detector: .small, maxImages: 6)
        try DataSetGenerator.generate(plan: plan, to: dir)
        let report = ImageImporter.importImages([dir.path + "/*.cbf"])
        XCTAssertEqual(report.experiments.count, 2)
        try report.experiments.write(to: dir.appendingPathComponent("imported.expt"))
        let result = try SpotFinder(nproc: 2).findSpots(in: report.experiments)
        try result.reflections.write(to: dir.appendingPathComponent("strong.refl"))

        let run = try DIALSPython.run(Self.script, arguments: [dir.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let answer = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(answer["nrows"] as? Int, result.reflections.nrows)
        XCTAssertGreaterThan(result.reflections.nrows, 50)
        XCTAssertEqual(answer["dials_nrows"] as? Int, result.reflections.nrows)
        XCTAssertEqual(answer["strong"] as? Int, result.reflections.nrows)
        XCTAssertEqual(answer["columns"] as? [String], ["bbox", "flags", "id", "intensity.sum.value", "intensity.sum.variance",
                                                         "n_signal", "panel", "xyzobs.px.value", "xyzobs.px.variance"])
        XCTAssertEqual(answer["identifiers"] as? [String: String],
                       ["0": report.experiments.experiments[0].identifier, "1": report.experiments.experiments[1].identifier])
        for key in ["same_bbox", "same_id", "same_panel", "same_n_signal", "same_intensity", "same_xyz", "same_variance"] {
            XCTAssertEqual(answer[key] as? Bool, true, key)
        }
    }
}
