import Foundation
import MXSimulation
import MXTestSupport
import TriageEngine
import XCTest

/// Without `--space-group` every crystal's P 1 solution goes through refine_bravais_settings;
/// its recommended lattice is recorded and the session says which lattice most crystals have.
final class LatticeSuggestionTests: XCTestCase {
    /// Orthorhombic P 21 21 21 crystals (52 × 64 × 79 Å) indexed in P 1 are recommended oP.
    func testOrthorhombicCrystalsIndexedInP1AreRecommendedOP() throws {
        let plan = try XCTUnwrap(CrystalForm.named("p212121")).plan(seed: 8, sweeps: 3, detector: .small, maxImages: 20)
        let images = try CommandRunner.temporaryDirectory("lattice-images")
        try DataSetGenerator.generate(plan: plan, to: images)
        let options = TriageOptions(dMin: 4.0, dMax: 8.1, jobs: 2, threadsPerJob: 1)
        let result = try ProcessedSession.run(images: images, label: "lattice", jobs: 2, options: options)
        let indexed = result.session.summaries.filter { $0.cell != nil }
        XCTAssertEqual(indexed.count, 2, "\(result.session.summaries.map { $0.failure ?? "ok" })")
        for summary in indexed {
            XCTAssertEqual(summary.lattice?.lattice, "oP", summary.template)
            XCTAssertEqual(summary.lattice?.spaceGroup, "P 2 2 2")
            XCTAssertLessThan(summary.lattice?.delta ?? 99, 0.5)
            XCTAssertTrue(FileManager.default.fileExists(
                atPath: result.session.work.file("bravais_summary.json", sequence: summary.number).path))
        }
        XCTAssertTrue(result.events.contains { event in
            if case let .log(nil, line) = event { return line.hasPrefix("lattice: oP recommended for 2 of 2 crystals indexed in P 1") }
            return false
        })
    }

    func testTheConsensusIsTheMostCommonLatticeAndNamesItsGroup() {
        func crystal(_ n: Int, _ lattice: String, _ delta: Double, _ group: String) -> SequenceSummary {
            var s = SequenceSummary(number: n, template: "x\(n)_####.cbf", directory: "/d", imageCount: 20)
            s.lattice = LatticeSuggestion(lattice: lattice, delta: delta, spaceGroup: group)
            return s
        }
        let summaries = [crystal(0, "hR", 0.2, "H 3"), crystal(1, "hR", 0.4, "H 3"), crystal(2, "mC", 0.1, "C 1 2 1"),
                         SequenceSummary(number: 3, template: "blank_####.cbf", directory: "/d", imageCount: 20)]
        XCTAssertEqual(LatticeSuggestion.consensus(summaries),
                       "lattice: hR recommended for 2 of 3 crystals indexed in P 1 (δ ≤ 0.40°); mC 1; --space-group \"H 3\" indexes in it (a re-run keeps spots and P 1)")
        XCTAssertEqual(LatticeSuggestion.consensus([crystal(0, "aP", 0, "P 1")]),
                       "lattice: aP recommended for 1 of 1 crystals indexed in P 1 (δ ≤ 0.00°)")
        XCTAssertNil(LatticeSuggestion.consensus([summaries[3]]))
    }
}
