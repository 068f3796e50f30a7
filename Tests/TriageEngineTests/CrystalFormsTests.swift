import Foundation
import MXSimulation
import MXTestSupport
import TriageEngine
import XCTest

/// Two crystal forms in one session: TehA-like H 3 crystals and, fewer, orthorhombic
/// P 21 21 21 ones. Without `--space-group` the session indexes in hR (most crystals support
/// it); the orthorhombic crystals are indexed in their own lattice, marked as another form and
/// clustered among themselves, and joint refinement takes only the main form. Choosing another
/// lattice re-indexes from P 1 without finding spots again.
final class CrystalFormsTests: XCTestCase {
    nonisolated(unsafe) static var made: ProcessedSession.Result?
    nonisolated(unsafe) static var inputs: [URL] = []

    func session() throws -> ProcessedSession.Result {
        if let made = Self.made { return made }
        let teha = try CommandRunner.temporaryDirectory("forms-teha")
        let ortho = try CommandRunner.temporaryDirectory("forms-p212121")
        try DataSetGenerator.generate(plan: CrystalForm.teha.plan(seed: 41, sweeps: 4, detector: .small, maxImages: 20), to: teha)
        try DataSetGenerator.generate(plan: XCTUnwrap(CrystalForm.named("p212121")).plan(seed: 42, sweeps: 3, detector: .small, maxImages: 20),
                                      to: ortho)
        let options = TriageOptions(dMin: 4.0, dMax: 8.1, jobs: 2, threadsPerJob: 1)
        Self.inputs = [teha, ortho]
        let result = try ProcessedSession.run(inputs: [teha, ortho], label: "forms", jobs: 2, commands: [.runJoint], options: options)
        Self.made = result
        return result
    }

    func testTheMajorityLatticeIsChosenAndTheOtherFormIsKeptApart() throws {
        let result = try session()
        let session = result.session
        let lattice = try XCTUnwrap(session.lattice)
        XCTAssertEqual(lattice.lattice, .hR)
        XCTAssertEqual(lattice.spaceGroup, "H 3")
        let usable = session.summaries.filter(\.isUsable)
        let rhombohedral = usable.filter { $0.directory.contains("forms-teha") }.map(\.number)
        let orthorhombic = usable.filter { $0.directory.contains("forms-p212121") }.map(\.number)
        XCTAssertGreaterThanOrEqual(rhombohedral.count, 2, "\(session.summaries.map { $0.failure ?? "ok" })")
        XCTAssertGreaterThanOrEqual(orthorhombic.count, 2, "\(session.summaries.map { $0.failure ?? "ok" })")
        for s in usable {
            let expected = rhombohedral.contains(s.number) ? "H 3" : "P 2 2 2"
            XCTAssertEqual(s.spaceGroup, expected, s.template)
            XCTAssertEqual(lattice.isMainForm(s), expected == "H 3")
        }
        XCTAssertEqual(session.clusterReport(.individual)?.sequences, rhombohedral)
        XCTAssertEqual(session.clusterReport(.otherForm)?.sequences, orthorhombic)
        XCTAssertEqual(session.jointStatus.sequences, rhombohedral)
        XCTAssertTrue(result.events.contains { event in
            if case let .log(nil, line) = event {
                return line.hasPrefix("another crystal form, indexed in P 2 2 2: sequences "
                                      + orthorhombic.map(String.init).joined(separator: ", "))
            }
            return false
        })
        let summary = try XCTUnwrap(SummaryFile.read(session.work.summary))
        XCTAssertEqual(summary.lattice, lattice)
    }

    /// "oP" makes the orthorhombic crystals the main form without indexing anything again
    /// (each is already in its own lattice's group); "P 21 21 21" indexes them again in that
    /// group, keeping spots and P 1, and leaves the H 3 crystals alone.
    func testChoosingAnotherLatticeReindexesOnlyWhatChanges() throws {
        let result = try session()
        let session = result.session
        let before = Dictionary(uniqueKeysWithValues: session.summaries.map { ($0.number, $0.seconds) })
        session.perform(.chooseLattice(symbol: "oP"))
        session.waitUntilIdle()
        let orthorhombic = session.summaries.filter { $0.isUsable && $0.directory.contains("forms-p212121") }.map(\.number)
        XCTAssertEqual(session.lattice?.choice, .user)
        XCTAssertEqual(session.clusterReport(.individual)?.sequences, orthorhombic)
        for s in session.summaries { XCTAssertEqual(s.seconds, before[s.number], "\(s.template) was processed again") }
        // A later session on the directory (`joint` after `ui`) keeps the user's choice.
        let resumed = try ProcessedSession.run(inputs: Self.inputs, label: "", jobs: 2, options: session.options, work: session.work.url)
        XCTAssertEqual(resumed.session.lattice, session.lattice)
        XCTAssertEqual(resumed.session.summaries.map(\.seconds), session.summaries.map(\.seconds))

        session.perform(.chooseLattice(symbol: "P 21 21 21"))
        session.waitUntilIdle()
        for s in session.summaries where s.isUsable {
            let old = try XCTUnwrap(before[s.number])
            XCTAssertEqual(s.seconds["spots"], old["spots"], s.template)
            XCTAssertEqual(s.seconds["index_p1"], old["index_p1"], s.template)
            if orthorhombic.contains(s.number) {
                XCTAssertEqual(s.spaceGroup, "P 21 21 21", s.template)
                XCTAssertNotEqual(s.seconds["index_target"], old["index_target"], s.template)
            } else {
                XCTAssertEqual(s.spaceGroup, "H 3", s.template)
                XCTAssertEqual(s.seconds, old, s.template)
            }
        }
        XCTAssertEqual(session.clusterReport(.individual)?.sequences, orthorhombic)

        session.perform(.chooseLattice(symbol: "Q 9"))
        session.waitUntilIdle()
        XCTAssertEqual(session.lattice?.spaceGroup, "P 21 21 21", "an unknown symbol changes nothing")
        // Back to the automatic choice for the other test, which may run after this one.
        session.perform(.chooseLattice(symbol: "auto"))
        session.waitUntilIdle()
        XCTAssertEqual(session.lattice?.lattice, .hR)
    }
}
