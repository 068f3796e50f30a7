import MXSymmetry
import TriageEngine
import XCTest

/// The session's lattice from the crystals' refine_bravais_settings tables, and what a user
/// may type instead.
final class SessionLatticeTests: XCTestCase {
    /// A TehA-like crystal supports hR and its subgroups; an orthorhombic one oP and mP.
    func crystal(_ n: Int, _ candidates: [(String, Double, String)]) -> SequenceSummary {
        var s = SequenceSummary(number: n, template: "x\(n)_####.cbf", directory: "/d", imageCount: 20)
        s.lattice = LatticeSuggestion(candidates: candidates.map { .init(lattice: $0.0, delta: $0.1, spaceGroup: $0.2) })
        return s
    }

    func rhombohedral(_ n: Int) -> SequenceSummary { crystal(n, [("hR", 0.1, "H 3"), ("mC", 0.05, "C 1 2 1")]) }
    func orthorhombic(_ n: Int) -> SequenceSummary { crystal(n, [("oP", 0.2, "P 2 2 2"), ("mP", 0.1, "P 1 2 1")]) }
    var blank: SequenceSummary { SequenceSummary(number: 9, template: "blank_####.cbf", directory: "/d", imageCount: 20) }

    func testTheHighestSymmetryLatticeMostCrystalsSupportIsChosen() throws {
        let summaries = [rhombohedral(0), rhombohedral(1), orthorhombic(2), rhombohedral(3), blank]
        let lattice = try XCTUnwrap(SessionLattice.automatic(summaries))
        XCTAssertEqual(lattice, SessionLattice(lattice: .hR, spaceGroup: "H 3", choice: .automatic, supporting: 3, crystals: 4))
        XCTAssertEqual(lattice.description, "hR · H 3 · automatic: 3 of 4 crystals")
        // The crystal that does not support hR is indexed in its own lattice: another form. One
        // without a lattice search has not disagreed and is tried in H 3.
        XCTAssertEqual(summaries.map(lattice.target(for:)), ["H 3", "H 3", "P 2 2 2", "H 3", "H 3"])
    }

    /// Half and half: neither hR nor oP has a majority, and neither do their monoclinic
    /// subgroups (mC against mP), so only aP is left — the user can choose.
    func testAnEvenSplitFallsBackToTheLatticeEveryCrystalSupports() throws {
        let lattice = try XCTUnwrap(SessionLattice.automatic([rhombohedral(0), orthorhombic(1)]))
        XCTAssertEqual(lattice.lattice, .aP)
        XCTAssertEqual(lattice.spaceGroup, "P 1")
        XCTAssertEqual(lattice.target(for: rhombohedral(0)), "P 1")
    }

    /// A monoclinic lattice given as mI is indexed in the reference setting C 1 2 1.
    func testAMonoclinicIBodyCentredSettingIsIndexedInC2() throws {
        let mI = crystal(0, [("mI", 0.3, "I 1 2 1")])
        let lattice = try XCTUnwrap(SessionLattice.automatic([mI]))
        XCTAssertEqual(lattice.lattice, .mC)
        XCTAssertEqual(lattice.spaceGroup, "C 1 2 1")
        XCTAssertEqual(lattice.target(for: mI), "C 1 2 1")
    }

    func testNoLatticeWithoutALatticeSearch() {
        XCTAssertNil(SessionLattice.automatic([blank]))
    }

    func testTheUserNamesALatticeOrASpaceGroup() throws {
        let summaries = [rhombohedral(0), orthorhombic(1), orthorhombic(2)]
        let oP = try SessionLattice.requested("oP", choice: .user, summaries: summaries)
        XCTAssertEqual(oP, SessionLattice(lattice: .oP, spaceGroup: "P 2 2 2", choice: .user, supporting: 2, crystals: 3))
        let p212121 = try SessionLattice.requested(" P212121 ", choice: .user, summaries: summaries)
        XCTAssertEqual(p212121.spaceGroup, "P 21 21 21")
        XCTAssertEqual(p212121.lattice, .oP)
        XCTAssertEqual(summaries.map(p212121.target(for:)), ["H 3", "P 21 21 21", "P 21 21 21"])
        XCTAssertEqual(try SessionLattice.requested("146", choice: .user, summaries: []).spaceGroup, "H 3")
        XCTAssertThrowsError(try SessionLattice.requested("Q 9", choice: .user, summaries: summaries))
    }

    /// `--space-group` indexes every crystal in it, whatever its own lattice.
    func testACommandLineGroupIsUsedForEveryCrystal() throws {
        let lattice = try SessionLattice.requested("H 3", choice: .commandLine, summaries: [])
        XCTAssertEqual(lattice.target(for: orthorhombic(0)), "H 3")
        XCTAssertEqual(lattice.target(for: blank), "H 3")
    }

    func testACrystalIsOfTheMainFormWhenIndexedInTheSessionGroup() {
        let lattice = SessionLattice(lattice: .hR, spaceGroup: "H 3", choice: .automatic, supporting: 1, crystals: 2)
        var a = rhombohedral(0), b = orthorhombic(1)
        XCTAssertTrue(lattice.isMainForm(a), "not indexed yet")
        a.targetSpaceGroup = "H 3"
        b.targetSpaceGroup = "P 2 2 2"
        XCTAssertTrue(lattice.isMainForm(a))
        XCTAssertFalse(lattice.isMainForm(b))
    }

    /// aP is added to every crystal's list, so P 1 is always supported.
    func testEveryCrystalSupportsAP() {
        XCTAssertEqual(rhombohedral(0).lattice?.candidates.map(\.lattice), ["hR", "mC", "aP"])
        XCTAssertNotNil(rhombohedral(0).lattice?.candidate(.aP))
    }
}
