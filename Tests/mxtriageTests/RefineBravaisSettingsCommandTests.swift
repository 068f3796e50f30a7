import Foundation
import MXTestSupport
import XCTest

/// `mxtriage refine-bravais-settings` through the built binary: DIALS's table and files on the
/// DIALS-indexed L-cysteine sweep (Tests/Fixtures/bravais), hR recommended for a simulated
/// H 3 crystal indexed in P 1 by us, and one-line failures for bad input.
final class RefineBravaisSettingsCommandTests: XCTestCase {
    static let fixtures = TestData.fixtures.appendingPathComponent("bravais")

    static func summary(_ dir: URL) throws -> [String: [String: Any]] {
        let data = try Data(contentsOf: dir.appendingPathComponent("bravais_summary.json"))
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: [String: Any]])
    }

    func testLCysteineWritesDIALSFilesAndRecommendations() throws {
        let dir = try CommandRunner.temporaryDirectory("rbs-lcys")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try CommandRunner.mxtriage(["refine-bravais-settings", Self.fixtures.appendingPathComponent("indexed.expt").path,
                                              Self.fixtures.appendingPathComponent("indexed.refl").path, "--output-dir", "out"], in: dir)
        XCTAssertEqual(out.status, 0, out.stderr)
        XCTAssertTrue(out.stdout.contains("|   Solution |   Metric fit |   rmsd | min/max cc   |   #spots | lattice   | unit_cell"), out.stdout)
        XCTAssertTrue(out.stdout.contains("|   *      5 |       0.0885 |  0.035 | -/-          |       32 | oP        | 5.42   8.14  12.03  90.00  90.00  90.00 |      531 | a,b,c"), out.stdout)
        XCTAssertTrue(out.stdout.contains("* = recommended solution"))
        XCTAssertTrue(out.stdout.contains("aP: P1\nmP: P2 P21\noP: P222 P2221 P21212 P212121\n"), out.stdout)
        let outDir = dir.appendingPathComponent("out")
        let ours = try Self.summary(outDir), dials = try Self.summary(Self.fixtures)
        XCTAssertEqual(Set(ours.keys), Set(dials.keys))
        for (key, d) in dials {
            let o = try XCTUnwrap(ours[key])
            XCTAssertEqual(Set(o.keys), Set(d.keys), key)
            XCTAssertEqual(o["bravais"] as? String, d["bravais"] as? String, key)
            XCTAssertEqual(o["recommended"] as? Bool, d["recommended"] as? Bool, key)
            XCTAssertEqual(o["max_angular_difference"] as! Double, d["max_angular_difference"] as! Double, accuracy: 0.05, key)
            XCTAssertTrue(FileManager.default.fileExists(atPath: outDir.appendingPathComponent("bravais_setting_\(key).expt").path), key)
        }
        // DIALS reads what we wrote, in the setting's group.
        if let show = CommandRunner.dials("dials.show") {
            let shown = try CommandRunner.run(show, [outDir.appendingPathComponent("bravais_setting_5.expt").path], in: dir)
            XCTAssertEqual(shown.status, 0, shown.stderr)
            XCTAssertTrue(shown.stdout.contains("Space group: P 2 2 2"), shown.stdout)
        }
    }

    func testSimulatedH3CrystalRecommendsHR() throws {
        let dir = try CommandRunner.temporaryDirectory("rbs-h3")
        defer { try? FileManager.default.removeItem(at: dir) }
        let sim = try CommandRunner.mxtriage(["simulate", "--sweeps", "2", "--max-images", "20", "--detector", "small", "--output", "images"], in: dir)
        XCTAssertEqual(sim.status, 0, sim.stderr)
        for step in [["import", dir.appendingPathComponent("images").path + "/xtal1_1_????.cbf"],
                     ["find-spots", "imported.expt"], ["index", "imported.expt", "strong.refl"]] {
            let run = try CommandRunner.mxtriage(step, in: dir)
            XCTAssertEqual(run.status, 0, "\(step[0]): \(run.stderr)")
        }
        let out = try CommandRunner.mxtriage(["refine-bravais-settings", "indexed.expt", "indexed.refl"], in: dir)
        XCTAssertEqual(out.status, 0, out.stderr)
        let summary = try Self.summary(dir)
        let top = try XCTUnwrap(summary[String(summary.count)])
        XCTAssertEqual(top["bravais"] as? String, "hR", out.stdout)
        XCTAssertEqual(top["recommended"] as? Bool, true, out.stdout)
        XCTAssertEqual(summary["1"]?["bravais"] as? String, "aP")
        // TehA's cell, 98.2 Å and 136.6 Å in hexagonal axes, from 20 images.
        let cell = try XCTUnwrap(top["unit_cell"] as? [Double])
        XCTAssertEqual(cell[0], 98.2, accuracy: 1.0, out.stdout)
        XCTAssertEqual(cell[2], 136.6, accuracy: 1.5, out.stdout)
        XCTAssertEqual(cell[5], 120, accuracy: 1e-6)
        XCTAssertTrue(out.stdout.contains("| hR "), out.stdout)
        XCTAssertTrue(out.stdout.contains("hR: R3:H R32:H"), out.stdout)
        // Our indexed.refl carries the spot intensities, so the symmetry CCs are there.
        XCTAssertNotNil(top["min_cc"] as? Double, out.stdout)
        // DIALS on the same files: the same lattices, recommendations and CCs.
        if let rbs = CommandRunner.dials("dials.refine_bravais_settings") {
            let dialsDir = dir.appendingPathComponent("dials")
            try FileManager.default.createDirectory(at: dialsDir, withIntermediateDirectories: true)
            let run = try CommandRunner.run(rbs, ["../indexed.expt", "../indexed.refl"], in: dialsDir)
            XCTAssertEqual(run.status, 0, run.stderr)
            let dials = try Self.summary(dialsDir)
            XCTAssertEqual(Set(dials.keys), Set(summary.keys))
            for (key, d) in dials {
                XCTAssertEqual(summary[key]?["bravais"] as? String, d["bravais"] as? String, key)
                XCTAssertEqual(summary[key]?["recommended"] as? Bool, d["recommended"] as? Bool, key)
                XCTAssertEqual(summary[key]?["cc_nrefs"] as? [Int], d["cc_nrefs"] as? [Int], key)
                if let ours = summary[key]?["min_cc"] as? Double, let theirs = d["min_cc"] as? Double {
                    XCTAssertEqual(ours, theirs, accuracy: 1e-6, key)
                }
            }
        }
    }

    func testBadInputFailsWithOneLineAndStatusTwo() throws {
        let dir = try CommandRunner.temporaryDirectory("rbs-bad")
        defer { try? FileManager.default.removeItem(at: dir) }
        let missing = try CommandRunner.mxtriage(["refine-bravais-settings", "missing.expt", "missing.refl"], in: dir)
        XCTAssertEqual(missing.status, 2)
        XCTAssertEqual(missing.stderr.split(separator: "\n").count, 1, missing.stderr)
        // A crystal already in P 2 2 2 (our own output) is not the P 1 crystal this starts from.
        let run = try CommandRunner.mxtriage(["refine-bravais-settings", Self.fixtures.appendingPathComponent("indexed.expt").path,
                                              Self.fixtures.appendingPathComponent("indexed.refl").path], in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        let centred = try CommandRunner.mxtriage(["refine-bravais-settings", "bravais_setting_5.expt",
                                                  Self.fixtures.appendingPathComponent("indexed.refl").path], in: dir)
        XCTAssertEqual(centred.status, 2)
        XCTAssertEqual(centred.stderr.split(separator: "\n").count, 1, centred.stderr)
        XCTAssertTrue(centred.stderr.contains("P 1"), centred.stderr)
    }
}
