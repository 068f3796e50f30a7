import Foundation
import MXSimulation
import MXTestSupport
import TriageEngine
import XCTest

/// The integration band only carries the refined cell to an MTZ, so a band that predicts almost
/// nothing for a small cell is widened by default instead of failing the sweep; `widenBand`
/// off keeps the band, and the sweep then fails with the reason.
final class IntegrationBandTests: XCTestCase {
    /// Triclinic P 1 crystals of 41 × 53 × 63 Å in 1° wedges: 2–3 predictions in 7.00–7.15 Å.
    static let plan = CrystalForm.named("p1")!.plan(seed: 4, sweeps: 3, detector: .small, maxImages: 5)

    func run(widenBand: Bool) throws -> ProcessedSession.Result {
        let images = try CommandRunner.temporaryDirectory("band-images")
        try DataSetGenerator.generate(plan: Self.plan, to: images)
        let options = TriageOptions(dMin: 7.0, dMax: 7.15, widenBand: widenBand, jobs: 2, threadsPerJob: 1)
        return try ProcessedSession.run(images: images, label: "band", jobs: 2, options: options)
    }

    func testANarrowBandIsWidenedAndEveryIndexableSweepReachesAnMTZ() throws {
        let result = try run(widenBand: true)
        let usable = result.session.summaries.filter(\.isUsable)
        XCTAssertEqual(usable.count, Self.plan.sweeps.filter { $0.crystal.group != "blank" }.count,
                       "\(result.session.summaries.map { $0.failure ?? "ok" })")
        for summary in usable {
            XCTAssertGreaterThan(summary.integratedCount ?? 0, 50)
            XCTAssertTrue(FileManager.default.fileExists(atPath: result.session.work.file("integrated.mtz", sequence: summary.number).path))
        }
        let lines = result.events.compactMap { event -> String? in
            if case let .log(_, line) = event { return line } else { return nil }
        }
        XCTAssertEqual(lines.filter { $0.hasPrefix("band 7.00–7.15 Å predicts too few reflections: widened to d ≥ ") }.count,
                       usable.count, "\(lines)")
    }

    func testAFixedBandFailsTheSweepWithTheReason() throws {
        let result = try run(widenBand: false)
        for summary in result.session.summaries where Self.plan.sweeps.first(where: { $0.template == summary.template })?.crystal.group != "blank" {
            let failure = try XCTUnwrap(summary.failure, summary.template)
            XCTAssertTrue(failure.hasPrefix("integrate: experiment 0: "), failure)
            XCTAssertTrue(failure.hasSuffix("reflections predicted in 7.00–7.15 Å; too few to integrate"), failure)
        }
    }

    /// Logs and summaries written before the option existed integrated in the fixed band.
    func testOptionsWithoutTheKeyReadAsAFixedBand() throws {
        let old = #"{"dMin":7,"dMax":8.1,"jobs":2,"threadsPerJob":1,"spaceGroup":"H 3"}"#
        let options = try JSONDecoder().decode(TriageOptions.self, from: Data(old.utf8))
        XCTAssertFalse(options.widenBand)
        XCTAssertTrue(TriageOptions().widenBand)
        let again = try JSONDecoder().decode(TriageOptions.self, from: JSONEncoder().encode(TriageOptions(widenBand: true)))
        XCTAssertTrue(again.widenBand)
    }
}
