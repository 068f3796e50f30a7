import Foundation
import MXSimulation
import MXTestSupport
import TriageEngine
import XCTest

/// Without `--space-group` every crystal's P 1 solution goes through refine_bravais_settings;
/// its recommended lattices are recorded, and the session indexes every crystal in the lattice
/// most of them support.
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
        for summary in indexed {
            XCTAssertEqual(summary.targetSpaceGroup, "P 2 2 2", summary.template)
            XCTAssertEqual(summary.spaceGroup, "P 2 2 2", summary.template)
            XCTAssertEqual(summary.cell?[3...].map { $0.rounded() }, [90, 90, 90], summary.template)
        }
        XCTAssertEqual(result.session.lattice, SessionLattice(lattice: .oP, spaceGroup: "P 2 2 2", choice: .automatic,
                                                              supporting: 2, crystals: 2))
        XCTAssertTrue(result.events.contains { event in
            if case let .log(nil, line) = event { return line == "lattice: oP · P 2 2 2 · automatic: 2 of 2 crystals" }
            return false
        })
    }
}
