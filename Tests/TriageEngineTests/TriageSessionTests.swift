import Foundation
import MXGeometry
import MXSimulation
import MXTestSupport
import TriageEngine
import XCTest

final class TriageSessionTests: XCTestCase {
    /// Every sweep is found; every non-blank sweep goes through all seven stages and refines to
    /// its true cell; the blank one fails with a one-line reason and does not stop the others.
    func testProcessesEverySweepAndReportsTheBlankOne() throws {
        let result = try ProcessedSession.get()
        let summaries = result.session.summaries
        XCTAssertEqual(summaries.count, SimulatedImages.plan.sweeps.count)
        for summary in summaries {
            guard let truth = SimulatedImages.plan.sweeps.first(where: { $0.template == summary.template }) else {
                return XCTFail("\(summary.template) is not a simulated sweep")
            }
            if truth.crystal.group == "blank" {
                let failure = try XCTUnwrap(summary.failure, "the blank sweep must fail")
                XCTAssertFalse(failure.contains("\n"))
                XCTAssertFalse(summary.isUsable)
                continue
            }
            XCTAssertNil(summary.failure, "\(summary.template): \(summary.failure ?? "")")
            XCTAssertTrue(summary.stages.allSatisfy { $0 == .done }, "\(summary.template): \(summary.stages)")
            let cell = try XCTUnwrap(summary.cell)
            XCTAssertEqual(cell[0], truth.crystal.cell.a, accuracy: truth.crystal.cell.a * 0.003)
            XCTAssertEqual(cell[2], truth.crystal.cell.c, accuracy: truth.crystal.cell.c * 0.003)
            XCTAssertEqual(summary.spaceGroup, "H 3")
            let rmsd = try XCTUnwrap(summary.rmsd)
            XCTAssertLessThan(rmsd.xPixels, 1)
            XCTAssertGreaterThan(summary.integratedCount ?? 0, 0)
            for file in ["imported.expt", "strong.refl", "P1_models.expt", "indexed.expt", "indexed.refl",
                         "refined.expt", "integrated.refl", "integrated.mtz"] {
                XCTAssertTrue(FileManager.default.fileExists(atPath: result.session.work.file(file, sequence: summary.number).path),
                              "\(summary.name)/\(file)")
            }
        }
    }

    /// The refined cells are clustered once processing ends, and the cluster files are written.
    func testClustersTheRefinedCellsWhenProcessingEnds() throws {
        let result = try ProcessedSession.get()
        let report = try XCTUnwrap(result.session.clusterReport(.individual))
        let usable = result.session.summaries.filter(\.isUsable)
        XCTAssertEqual(report.sequences, usable.map(\.number))
        XCTAssertEqual(report.clusters.count, usable.count - 1)
        // The planted outlier joins last.
        let outlier = try XCTUnwrap(usable.first { s in SimulatedImages.sweeps(inGroup: "outlier").contains(s.template) })
        let root = try XCTUnwrap(report.root)
        let outlierDataset = -(report.sequences.firstIndex(of: outlier.number)! + 1)
        XCTAssertTrue(root.left == outlierDataset || root.right == outlierDataset, "root \(root)")
        for name in ["CLUSTERS.txt", "dendrogram.txt", "clusters.json", "FINAL_list_of_files.dat"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: result.session.work.clusters.appendingPathComponent(name).path), name)
        }
    }

    /// summary.json holds what the session reported.
    func testSummaryFileMatchesTheSession() throws {
        let result = try ProcessedSession.get()
        let summary = try XCTUnwrap(SummaryFile.read(result.session.work.summary))
        XCTAssertEqual(summary.sequences, result.session.summaries)
        XCTAssertEqual(summary.clusters.first, result.session.clusterReport(.individual))
    }

    /// Every stage event of a sequence moves forward: queued → running → done/failed/skipped.
    func testStageEventsAreOrderedPerSequence() throws {
        let result = try ProcessedSession.get()
        var last: [Int: PipelineStage] = [:]
        for case let .stage(sequence, stage, status) in result.events where status.isFinished {
            if let previous = last[sequence] { XCTAssertLessThan(previous, stage, "sequence \(sequence)") }
            last[sequence] = stage
        }
        XCTAssertEqual(last.count, result.session.summaries.count)
    }
}
