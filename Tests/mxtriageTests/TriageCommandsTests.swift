import Foundation
import MXTestSupport
import XCTest

/// `process`, `cluster`, `joint` and their failures through the built binary, on one small
/// simulated data set: five sweeps (main crystals, a long-c one, an outlier and a blank).
final class TriageCommandsTests: XCTestCase {
    func testProcessThenClusterThenJointWithAnExclusion() throws {
        let dir = try CommandRunner.temporaryDirectory("triage-commands")
        defer { try? FileManager.default.removeItem(at: dir) }
        let images = dir.appendingPathComponent("images").path
        let work = dir.appendingPathComponent("work")
        let sim = try CommandRunner.mxtriage(["simulate", "--output", images, "--sweeps", "5", "--detector", "small",
                                              "--max-images", "16", "--seed", "8"])
        XCTAssertEqual(sim.status, 0, sim.stderr)

        // A band wider than the tutorial's: 16 images on the small detector leave too few
        // strong spots between 7.0 and 8.1 Å for some sweeps' profile models.
        let process = try CommandRunner.mxtriage(["process", images, "--workdir", work.path, "--space-group", "H 3",
                                                  "--d-min", "4.0", "--nproc", "2"])
        XCTAssertEqual(process.status, 0, process.stderr)
        XCTAssertTrue(process.stdout.contains("Found 5 sequences"), process.stdout)
        XCTAssertTrue(process.stdout.contains("✗"), "the blank sweep's failure is printed: \(process.stdout)")
        let summary = try json(work.appendingPathComponent("summary.json"))
        let sequences = summary["sequences"] as! [[String: Any]]
        XCTAssertEqual(sequences.count, 5)
        let withMTZ = sequences.filter { FileManager.default.fileExists(atPath: work.appendingPathComponent(
            String(format: "sequence_%02d/integrated.mtz", $0["number"] as! Int)).path) }
        XCTAssertGreaterThanOrEqual(withMTZ.count, 3)
        for name in ["CLUSTERS.txt", "FINAL_list_of_files.dat", "clusters.json", "dendrogram.txt"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: work.appendingPathComponent("clusters/" + name).path), name)
        }
        // The dataset of every crystal that reached an MTZ: scaled, merged, with its statistics.
        XCTAssertTrue(process.stdout.contains("merged \(withMTZ.count) crystals in H 3"), process.stdout)
        for name in ["scaled.mtz", "merged.mtz", "merging-statistics.json"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: work.appendingPathComponent("merged/" + name).path), name)
        }
        let statistics = try json(work.appendingPathComponent("merged/merging-statistics.json"))
        XCTAssertEqual((statistics["crystals"] as! [[String: Any]]).map { $0["sequence"] as! Int }, withMTZ.map { $0["number"] as! Int })
        XCTAssertEqual(statistics["space_group"] as? String, "H 3")
        let overall = statistics["overall"] as! [String: Any]
        XCTAssertGreaterThan(overall["cc_one_half"] as! Double, 0.5, "\(overall)")

        // BLEND's analysis from the MTZ files alone gives the engine's tree: same datasets,
        // same merges (heights agree to the MTZ's single precision).
        let clusterOut = dir.appendingPathComponent("cluster")
        let cluster = try CommandRunner.mxtriage(["cluster", work.path, "--output-dir", clusterOut.path])
        XCTAssertEqual(cluster.status, 0, cluster.stderr)
        let fromMTZ = try json(clusterOut.appendingPathComponent("clusters.json"))
        let fromEngine = try json(work.appendingPathComponent("clusters/clusters.json"))
        let mergesMTZ = (fromMTZ["clusters"] as! [[String: Any]]), mergesEngine = (fromEngine["clusters"] as! [[String: Any]])
        XCTAssertEqual(mergesMTZ.count, withMTZ.count - 1)
        XCTAssertEqual(mergesMTZ.map { $0["datasets"] as! [Int] }, mergesEngine.map { $0["datasets"] as! [Int] })
        for (a, b) in zip(mergesMTZ, mergesEngine) {
            XCTAssertEqual(a["height"] as! Double, b["height"] as! Double, accuracy: 1e-3 * max(1, b["height"] as! Double))
        }

        // Joint refinement without the first sequence that reached an MTZ.
        let left = withMTZ[0]["number"] as! Int
        let joint = try CommandRunner.mxtriage(["joint", work.path, "--exclude", String(left)])
        XCTAssertEqual(joint.status, 0, joint.stderr)
        XCTAssertTrue(joint.stdout.contains("done"), joint.stdout)
        let after = try json(work.appendingPathComponent("summary.json"))
        let jointStatus = after["joint"] as! [String: Any]
        let jointSequences = jointStatus["sequences"] as! [Int]
        XCTAssertEqual(jointSequences, withMTZ.map { $0["number"] as! Int }.filter { $0 != left })
        XCTAssertEqual(after["excluded"] as! [Int], [left])
        XCTAssertTrue(FileManager.default.fileExists(atPath: work.appendingPathComponent("joint/clusters/CLUSTERS.txt").path))
        let lines = try String(contentsOf: work.appendingPathComponent("joint.jsonl"), encoding: .utf8).split(separator: "\n")
        XCTAssertTrue(lines.allSatisfy { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) != nil })
        // joint merges the crystals it refined, reusing each one's full-resolution integration.
        XCTAssertTrue(joint.stdout.contains("merged \(jointSequences.count) crystals in H 3"), joint.stdout)
        XCTAssertFalse(joint.stdout.contains("integrated to"), joint.stdout)
        let afterJoint = try json(work.appendingPathComponent("merged/merging-statistics.json"))
        XCTAssertEqual((afterJoint["crystals"] as! [[String: Any]]).map { $0["sequence"] as! Int }, jointSequences)

        // merge redoes it for another choice, the same bytes for the same choice, and refuses
        // a sequence the directory does not have.
        let mergedMTZ = work.appendingPathComponent("merged/merged.mtz")
        let first = try Data(contentsOf: mergedMTZ)
        let again = try CommandRunner.mxtriage(["merge", work.path])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stdout.contains("overall"), again.stdout)
        XCTAssertEqual(try Data(contentsOf: mergedMTZ), first)
        let second = jointSequences[0]
        let fewer = try CommandRunner.mxtriage(["merge", work.path, "--exclude", String(second)])
        XCTAssertEqual(fewer.status, 0, fewer.stderr)
        let excludedStatistics = try json(work.appendingPathComponent("merged/merging-statistics.json"))
        XCTAssertEqual((excludedStatistics["crystals"] as! [[String: Any]]).map { $0["sequence"] as! Int },
                       jointSequences.filter { $0 != second })
        XCTAssertLessThan((excludedStatistics["overall"] as! [String: Any])["n_obs"] as! Int,
                          (afterJoint["overall"] as! [String: Any])["n_obs"] as! Int)
        let unknown = try CommandRunner.mxtriage(["merge", work.path, "--exclude", "99"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertEqual(unknown.stderr.split(separator: "\n").count, 1, unknown.stderr)
    }

    func testBadInputsGetOneLineAndExitStatusTwo() throws {
        let dir = try CommandRunner.temporaryDirectory("triage-bad")
        defer { try? FileManager.default.removeItem(at: dir) }
        let cases: [[String]] = [
            ["process", dir.appendingPathComponent("missing").path, "--workdir", dir.appendingPathComponent("w").path],
            ["joint", dir.path],
            ["cluster", dir.path],
            ["replay", dir.appendingPathComponent("none.jsonl").path, "--check"],
        ]
        for arguments in cases {
            let result = try CommandRunner.mxtriage(arguments)
            XCTAssertEqual(result.status, 2, "\(arguments): \(result.stderr)")
            let lines = result.stderr.split(separator: "\n")
            XCTAssertEqual(lines.count, 1, "\(arguments): \(result.stderr)")
            XCTAssertTrue(lines.first?.hasPrefix("mxtriage: ") ?? false, result.stderr)
        }
    }

    /// An unknown or non-reference `--space-group` is refused while the arguments are parsed:
    /// the reason names the space group, not the (empty or missing) inputs behind it, and no
    /// work directory is made.
    func testABadSpaceGroupExitsTwoBeforeAnyInputIsRead() throws {
        let dir = try CommandRunner.temporaryDirectory("triage-bad-sg")
        defer { try? FileManager.default.removeItem(at: dir) }
        let work = dir.appendingPathComponent("w").path
        let missing = dir.appendingPathComponent("missing").path
        let cases: [([String], String)] = [
            (["process", dir.path, "--workdir", work, "--space-group", "P 5"], "unknown space group \"P 5\""),
            (["process", dir.path, "--workdir", work, "--space-group", "I 1 2 1"], "not a reference setting"),
            (["ui", dir.path, "--workdir", work, "--space-group", "Q 42"], "unknown space group \"Q 42\""),
            (["index", missing + ".expt", missing + ".refl", "--space-group", "231"], "unknown space group \"231\""),
        ]
        for (arguments, reason) in cases {
            let result = try CommandRunner.mxtriage(arguments)
            XCTAssertEqual(result.status, 2, "\(arguments): \(result.stderr)")
            let lines = result.stderr.split(separator: "\n")
            XCTAssertEqual(lines.count, 1, "\(arguments): \(result.stderr)")
            XCTAssertTrue(lines.first?.contains("--space-group") ?? false, result.stderr)
            XCTAssertTrue(lines.first?.contains(reason) ?? false, result.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: work), "\(arguments) made the work directory")
        }
    }

    private func json(_ url: URL) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }
}

/// The engine runs the same steps as the subcommands, file for file: `process` on one sweep
/// leaves the bytes `import`, `find-spots`, `index` (P 1, then H 3), `refine`, `integrate` and
/// `export` leave.
final class EngineMatchesSubcommandsTests: XCTestCase {
    func testProcessWritesWhatTheSubcommandsWrite() throws {
        let dir = try CommandRunner.temporaryDirectory("engine-vs-cli")
        defer { try? FileManager.default.removeItem(at: dir) }
        let images = dir.appendingPathComponent("images").path
        XCTAssertEqual(try CommandRunner.mxtriage(["simulate", "--output", images, "--sweeps", "1", "--detector", "small",
                                                   "--max-images", "20", "--seed", "5"]).status, 0)
        let work = dir.appendingPathComponent("work")
        let process = try CommandRunner.mxtriage(["process", images, "--workdir", work.path, "--space-group", "H 3", "--d-min", "4.0"])
        XCTAssertEqual(process.status, 0, process.stderr)
        let cli = dir.appendingPathComponent("cli")
        try FileManager.default.createDirectory(at: cli, withIntermediateDirectories: true)
        for step in [["import", images], ["find-spots", "imported.expt", "--nproc", "1"],
                     ["index", "imported.expt", "strong.refl", "--output-experiments", "P1_models.expt"],
                     ["index", "P1_models.expt", "strong.refl", "--space-group", "H 3"],
                     ["refine", "indexed.expt", "indexed.refl"],
                     ["integrate", "refined.expt", "refined.refl", "--d-min", "4.0", "--nproc", "1"],
                     ["export", "integrated.expt", "integrated.refl", "--output", "integrated.mtz"]] {
            let run = try CommandRunner.mxtriage(step, in: cli)
            XCTAssertEqual(run.status, 0, "\(step): \(run.stderr)")
        }
        for file in ["strong.refl", "P1_models.expt", "indexed.expt", "indexed.refl", "refined.expt", "refined.refl",
                     "integrated.expt", "integrated.refl", "integrated.mtz"] {
            let engine = try Data(contentsOf: work.appendingPathComponent("sequence_00/" + file))
            XCTAssertEqual(engine, try Data(contentsOf: cli.appendingPathComponent(file)), file)
        }
    }
}
