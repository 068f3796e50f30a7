import XCTest
import MXGeometry
import MXReflections
import MXTestSupport
@testable import MXRefinement

/// Our refinement of DIALS-indexed L-cysteine sweeps against `dials.refine
/// scan_varying=false outlier.algorithm=tukey` on the same files (Tests/Fixtures/dials-refine,
/// README there for the commands).
final class DIALSComparisonTests: XCTestCase {
    static let directory = TestData.fixtures.appendingPathComponent("dials-refine")

    /// DIALS 3.12's "RMSDs by experiment" tables: (Nref, RMSD_X px, RMSD_Y px, RMSD_Z images).
    static let dialsTables: [String: [(Int, Double, Double, Double)]] = [
        "indexed": [(32, 0.12613, 0.14961, 0.20705), (21, 0.1865, 0.33165, 0.21254),
                    (23, 0.16687, 0.13181, 0.14626), (17, 0.15382, 0.17394, 0.62691)],
        "indexed_header": [(35, 0.51396, 0.75893, 2.1086), (26, 1.0823, 1.2313, 1.6577),
                           (24, 0.47814, 0.44495, 1.6314), (18, 0.62405, 0.93097, 0.83756)],
        "indexed_shared": [(35, 0.6896, 1.0184, 2.7676), (26, 1.2199, 1.28, 1.8197),
                           (24, 0.56475, 0.46954, 1.9037), (18, 0.64997, 0.93174, 0.84047)],
    ]
    static let dialsOutputs = ["indexed": "dials_refined", "indexed_header": "dials_header", "indexed_shared": "dials_shared"]

    static func refine(_ name: String) throws -> (RefinementResult, Refiner) {
        let experiments = try ExperimentList(contentsOf: Self.directory.appendingPathComponent("\(name).expt"))
        let reflections = try ReflectionTable(contentsOf: Self.directory.appendingPathComponent("indexed.refl"))
        let refiner = try Refiner(experiments: experiments, reflections: reflections)
        return (try refiner.run(), refiner)
    }

    func compare(_ name: String) throws {
        let (result, refiner) = try Self.refine(name)
        let dials = try ExperimentList(contentsOf: Self.directory.appendingPathComponent("\(Self.dialsOutputs[name]!).expt"))
        print("\(name): \(refiner.setup.parameterNames.count) parameters, \(refiner.setup.workingSet) reflections, \(result.journal.count) steps, \(result.termination.rawValue)")
        for row in result.journal { print(String(format: "  %3d %5d %.5g %.5g %.5g  mu %.6g obj %.12g", row.step, row.nref, row.rmsdX, row.rmsdY, row.rmsdPhiDegrees, row.mu, row.objective)) }
        for (e, ours) in result.experimentRMSDs.enumerated() {
            let theirs = Self.dialsTables[name]![e]
            print(String(format: "  exp %d: ours %d %.5f %.5f %.5f  DIALS %d %.5f %.5f %.5f", e, ours.nref, ours.xPixels, ours.yPixels,
                         ours.zImages, theirs.0, theirs.1, theirs.2, theirs.3))
            XCTAssertEqual(ours.nref, theirs.0, "\(name) exp \(e) Nref")
            XCTAssertEqual(ours.xPixels, theirs.1, accuracy: 0.15 * theirs.1, "\(name) exp \(e) RMSD_X")
            XCTAssertEqual(ours.yPixels, theirs.2, accuracy: 0.15 * theirs.2, "\(name) exp \(e) RMSD_Y")
            XCTAssertEqual(ours.zImages, theirs.3, accuracy: 0.15 * theirs.3, "\(name) exp \(e) RMSD_Z")
        }
        for (i, crystal) in dials.crystals.enumerated() {
            let esd = CellUncertainty.esds(b: crystal.B, covariance: crystal.bCovariance!)
            let a = crystal.unitCell.parameters, b = result.experiments.crystals[i].unitCell.parameters
            let ourESD = result.cellESDs[i]!
            print("  crystal \(i): DIALS \(a.map { String(format: "%.5f", $0) }) ± \(esd.map { String(format: "%.5f", $0) })")
            print("            ours  \(b.map { String(format: "%.5f", $0) }) ± \(ourESD.map { String(format: "%.5f", $0) })")
            for k in 0..<6 {
                XCTAssertLessThanOrEqual(abs(a[k] - b[k]), 3 * esd[k], "\(name) crystal \(i) cell parameter \(k)")
            }
        }
    }

    func testIndexedModelsMatchDIALS() throws { try compare("indexed") }
    func testHeaderGeometryMatchesDIALS() throws { try compare("indexed_header") }
    func testSharedHeaderGeometryMatchesDIALS() throws { try compare("indexed_shared") }
}

/// Our refined.refl row by row against DIALS's, and DIALS reading what we write.
final class DIALSOutputTests: XCTestCase {
    func testReflectionFlagsAndPredictionsMatchDIALS() throws {
        let dir = DIALSComparisonTests.directory
        let (result, _) = try DIALSComparisonTests.refine("indexed")
        let theirs = try ReflectionTable(contentsOf: dir.appendingPathComponent("dials_refined.refl"))
        let ours = result.reflections
        XCTAssertEqual(ours.nrows, theirs.nrows)
        let mask: ReflectionFlags = [.predicted, .usedInRefinement, .centroidOutlier, .excludedForRefinement]
        let a = ours.flags!.map { $0.intersection(mask) }, b = theirs.flags!.map { $0.intersection(mask) }
        XCTAssertEqual(a, b, "refinement flags row by row")
        XCTAssertEqual(ours.bools("entering"), theirs.bools("entering"))
        let ca = ours.vec3s("xyzcal.mm")!, cb = theirs.vec3s("xyzcal.mm")!
        let pa = ours.vec3s("xyzcal.px")!, pb = theirs.vec3s("xyzcal.px")!
        for i in 0..<ours.nrows where b[i].contains(.predicted) {
            XCTAssertLessThan((ca[i] - cb[i]).length, 1e-6, "xyzcal.mm row \(i)")
            XCTAssertLessThan((pa[i] - pb[i]).length, 1e-5, "xyzcal.px row \(i)")
        }
    }

    /// dials.refine reads our refined.expt/refined.refl and, refining them again, agrees with
    /// our own second refinement of the same files.
    func testDIALSRefinesWhatWeWrite() throws {
        guard let dialsRefine = CommandRunner.dials("dials.refine") else { throw XCTSkip("DIALS is not installed") }
        let (first, _) = try DIALSComparisonTests.refine("indexed_header")
        let dir = try CommandRunner.temporaryDirectory("refine-dials")
        defer { try? FileManager.default.removeItem(at: dir) }
        try first.experiments.write(to: dir.appendingPathComponent("refined.expt"))
        try first.reflections.write(to: dir.appendingPathComponent("refined.refl"))
        let out = try CommandRunner.run(dialsRefine, ["refined.expt", "refined.refl", "scan_varying=false",
                                                      "outlier.algorithm=tukey", "output.experiments=again.expt",
                                                      "output.reflections=again.refl"], in: dir)
        XCTAssertEqual(out.status, 0, out.stderr + out.stdout)
        XCTAssertTrue(out.stdout.contains("RMSD no longer decreasing"), out.stdout)
        let theirs = try ExperimentList(contentsOf: dir.appendingPathComponent("again.expt"))
        let ours = try Refiner(experiments: try ExperimentList(contentsOf: dir.appendingPathComponent("refined.expt")),
                               reflections: try ReflectionTable(contentsOf: dir.appendingPathComponent("refined.refl"))).run()
        for (i, c) in theirs.crystals.enumerated() {
            let a = ours.experiments.crystals[i].unitCell.parameters, b = c.unitCell.parameters
            let esd = CellUncertainty.esds(b: c.B, covariance: c.bCovariance!)
            for k in 0..<6 { XCTAssertLessThanOrEqual(abs(a[k] - b[k]), 3 * esd[k], "crystal \(i) parameter \(k)") }
        }
    }
}

/// DIALS's `track_parameter_correlation` matrices (corrgram JSON) against ours.
final class CorrelationTests: XCTestCase {
    struct Corrgram: Decodable {
        var corrmats: [String: [[Double]]]
        var labels: [String]
    }

    func testJacobianCorrelationsMatchDIALS() throws {
        let dir = DIALSComparisonTests.directory
        let dials = try JSONDecoder().decode(Corrgram.self, from: Data(contentsOf: dir.appendingPathComponent("corr_header.json")))
        var options = RefinementOptions()
        options.trackParameterCorrelation = true
        let refiner = try Refiner(experiments: try ExperimentList(contentsOf: dir.appendingPathComponent("indexed_header.expt")),
                                  reflections: try ReflectionTable(contentsOf: dir.appendingPathComponent("indexed.refl")),
                                  options: options)
        let result = try refiner.run()
        let labels = result.correlations.labels
        let columns = dials.labels.map { labels.firstIndex(of: $0)! }
        for (key, ours) in [("X", result.correlations.x!), ("Y", result.correlations.y!), ("Phi", result.correlations.phi!)] {
            let theirs = dials.corrmats[key]!
            // A column that is mathematically constant (∂Y/∂Shift1: a shift along the fast axis
            // leaves Y alone) correlates 0 with everything for us; in DIALS its rounding noise
            // (~10⁻¹⁴, above the 10⁻¹⁵ it rounds at) can correlate with anything, so skip it.
            let constant = Set(columns.filter { i in columns.allSatisfy { $0 == i || ours[i, $0] == 0 } })
            for (a, i) in columns.enumerated() where !constant.contains(i) {
                for (b, j) in columns.enumerated() where !constant.contains(j) {
                    XCTAssertEqual(ours[i, j], theirs[a][b], accuracy: 1e-6, "\(key) \(dials.labels[a]) × \(dials.labels[b])")
                }
            }
            print("\(key): constant columns \(constant.map { labels[$0] })")
        }
        // The estimate correlations are a proper correlation matrix.
        let estimate = result.correlations.estimate!
        for i in 0..<estimate.n {
            XCTAssertEqual(estimate[i, i], 1, accuracy: 1e-12)
            for j in 0..<estimate.n { XCTAssertLessThanOrEqual(abs(estimate[i, j]), 1 + 1e-12) }
        }
    }
}

/// The printed tables, character for character against dials.refine's log of the same run
/// (dials_header_steps.txt, dials_header_experiments.txt).
final class DIALSTableTests: XCTestCase {
    func testStepAndExperimentTablesMatchDIALSsLog() throws {
        let dir = DIALSComparisonTests.directory
        let (result, _) = try DIALSComparisonTests.refine("indexed_header")
        let steps = try String(contentsOf: dir.appendingPathComponent("dials_header_steps.txt"), encoding: .utf8)
        let experiments = try String(contentsOf: dir.appendingPathComponent("dials_header_experiments.txt"), encoding: .utf8)
        XCTAssertEqual(DIALSTable.steps(result.journal) + "\n", steps)
        XCTAssertEqual(DIALSTable.experiments(result.experimentRMSDs) + "\n", experiments)
    }
}
