import Foundation
import MXGeometry
import MXReflections
import MXTestSupport
import XCTest
@testable import MXIntegration

/// `mxtriage integrate` end to end, and DIALS reading what it writes.
final class DIALSInteropTests: XCTestCase {
    func testCommandWritesTablesDIALSLoads() throws {
        let s = try SimulatedSweep.shared.get()
        let dir = try CommandRunner.temporaryDirectory("integrate-cli")
        defer { try? FileManager.default.removeItem(at: dir) }
        try s.experiments.write(to: dir.appendingPathComponent("refined.expt"))
        try s.strong.write(to: dir.appendingPathComponent("refined.refl"))

        let run = try CommandRunner.mxtriage(["integrate", "refined.expt", "refined.refl", "--nproc", "2"], in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("Integrated"), run.stdout)
        let table = try ReflectionTable(contentsOf: dir.appendingPathComponent("integrated.refl"))
        let integrated = try table.flagMask(.integratedSum).filter { $0 }.count
        XCTAssertGreaterThan(integrated, 15)
        let written = try ExperimentList(contentsOf: dir.appendingPathComponent("integrated.expt"))
        XCTAssertEqual(written.profiles.count, 1)

        // An empty band: exit 1 and one line on stderr.
        let empty = try CommandRunner.mxtriage(["integrate", "refined.expt", "refined.refl", "--d-min", "200", "--d-max", "300",
                                                "--output", "empty.refl"], in: dir)
        XCTAssertEqual(empty.status, 1)
        XCTAssertEqual(empty.stderr.split(separator: "\n").count, 1, empty.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("empty.refl").path))

        guard let python = CommandRunner.dxtbxPython else { throw XCTSkip("python3 with DIALS is not installed") }
        let script = """
        from dials.array_family import flex
        from dxtbx.model.experiment_list import ExperimentListFactory
        t = flex.reflection_table.from_file("integrated.refl")
        sel = t.get_flags(t.flags.integrated_sum)
        e = ExperimentListFactory.from_json_file("integrated.expt", check_format=False)
        p = e[0].profile
        print(t.size(), sel.count(True), "%.6f" % flex.sum(t["intensity.sum.value"].select(sel)),
              "%.6f" % p.sigma_b(deg=True), "%.6f" % flex.sum(t["partiality"]))
        """
        let out = try CommandRunner.run(python, ["-c", script], in: dir)
        XCTAssertEqual(out.status, 0, out.stderr)
        let fields = out.stdout.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        XCTAssertEqual(fields.count, 5, out.stdout)
        let intensities = try table.values("intensity.sum.value", as: Double.self)
        let mask = try table.flagMask(.integratedSum)
        let sum = zip(intensities, mask).filter(\.1).map(\.0).reduce(0, +)
        XCTAssertEqual(Int(fields[0]), table.nrows)
        XCTAssertEqual(Int(fields[1]), integrated)
        XCTAssertEqual(try XCTUnwrap(Double(fields[2])), sum, accuracy: 1e-6 * abs(sum) + 1e-6)
        let profile = GaussianRSProfileFromJSON.sigmaB(written.profiles[0])
        XCTAssertEqual(try XCTUnwrap(Double(fields[3])), profile, accuracy: 1e-6)
        let partiality = try table.values("partiality", as: Double.self).reduce(0, +)
        XCTAssertEqual(try XCTUnwrap(Double(fields[4])), partiality, accuracy: 1e-6)
    }
}

/// σ_b (degrees) of a gaussian_rs entry as written in integrated.expt.
enum GaussianRSProfileFromJSON {
    static func sigmaB(_ json: JSONValue) -> Double {
        json["sigma_b"]?.doubleValue ?? .nan
    }
}
