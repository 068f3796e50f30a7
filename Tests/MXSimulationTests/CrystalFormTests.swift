import Foundation
import MXGeometry
import MXSymmetry
import MXTestSupport
import XCTest
@testable import MXSimulation

/// The simulator's presets: each is a valid crystal form, the crystals drawn obey its lattice,
/// the reflections its space group, and the default preset still writes the bytes it wrote
/// before presets existed.
final class CrystalFormTests: XCTestCase {
    func testEveryPresetNamesItsGroupAsDIALSSpellsIt() throws {
        XCTAssertEqual(CrystalForm.all.map(\.name), ["teha", "thaumatin", "lysozyme", "p212121", "c2", "i213", "p6122", "p1"])
        for form in CrystalForm.all {
            let group = try SpaceGroup(form.spaceGroupSymbol)
            XCTAssertEqual(group.symbol, form.spaceGroupSymbol, form.name)
            XCTAssertTrue(group.isStandardSetting, form.name)
            XCTAssertEqual(CrystalForm.named(form.name), form)
        }
        XCTAssertNil(CrystalForm.named("tehA"))
    }

    /// Every crystal's cell satisfies its group's metric constraints (a = b where the lattice
    /// ties them, the fixed angles), and the second group differs by the preset's factors.
    func testCrystalsObeyTheirLattice() throws {
        for form in CrystalForm.all {
            let plan = form.plan(seed: 3, sweeps: 12, detector: .small, maxImages: 2)
            let constraints = form.spaceGroup.metricConstraints
            var mains: [UnitCell] = []
            for sweep in plan.sweeps {
                let cell = sweep.crystal.cell
                XCTAssertEqual([cell.alpha, cell.beta, cell.gamma], [form.cell.alpha, form.cell.beta, form.cell.gamma], form.name)
                // The reciprocal metric as (a*·a*, b*·b*, c*·c*, a*·b*, a*·c*, b*·c*).
                let r = cell.metricalMatrix.inverse
                let g = [r[0, 0], r[1, 1], r[2, 2], r[0, 1], r[0, 2], r[1, 2]]
                let projected = constraints.expand(constraints.reduce(g))
                for (x, y) in zip(projected, g) {
                    XCTAssertEqual(x, y, accuracy: 1e-9 * g[0], "\(form.name) \(sweep.crystal.group): \(cell)")
                }
                if sweep.crystal.group == "main" { mains.append(cell) }
            }
            let second = try XCTUnwrap(plan.sweeps.first { $0.crystal.group == form.secondGroup }, form.name).crystal.cell
            let mean = mains.map(\.c).reduce(0, +) / Double(mains.count)
            XCTAssertEqual(second.c / mean, form.secondGroupFactors.z, accuracy: 0.005, form.name)
        }
    }

    /// No simulated reflection is systematically absent, and symmetry mates share an intensity:
    /// thaumatin's 4₁ screw along c (00l with l ≠ 4n absent) and I 21 3's body centring.
    func testReflectionsObeyTheSpaceGroup() throws {
        for name in ["thaumatin", "i213", "c2"] {
            let form = try XCTUnwrap(CrystalForm.named(name))
            let plan = form.plan(seed: 2, sweeps: 1, detector: .small, maxImages: 10)
            let simulator = SweepSimulator(plan: plan, sweep: plan.sweeps[0], instrument: Instrument(plan: plan, siliconMu: 3.9))
            let group = form.spaceGroup
            XCTAssertGreaterThan(simulator.reflections.count, 100, name)
            for r in simulator.reflections {
                XCTAssertFalse(group.isSystematicallyAbsent(SIMD3<Int>(truncatingIfNeeded: r.h)), "\(name) \(r.h)")
            }
            let factors = StructureFactors(spaceGroup: group)
            let h = SIMD3<Int>(3, 5, 8)
            let i = factors.normalisedIntensity(SIMD3<Int32>(truncatingIfNeeded: h), structure: 1)
            for mate in group.equivalents(h) {
                XCTAssertEqual(factors.normalisedIntensity(SIMD3<Int32>(truncatingIfNeeded: mate), structure: 1), i, "\(name) \(mate)")
            }
        }
        let thaumatin = StructureFactors(spaceGroup: CrystalForm.named("thaumatin")!.spaceGroup)
        XCTAssertFalse(thaumatin.isAllowed(SIMD3(0, 0, 6)))
        XCTAssertTrue(thaumatin.isAllowed(SIMD3(0, 0, 8)))
        let i213 = StructureFactors(spaceGroup: CrystalForm.named("i213")!.spaceGroup)
        XCTAssertFalse(i213.isAllowed(SIMD3(1, 2, 2)))
        XCTAssertTrue(i213.isAllowed(SIMD3(1, 2, 3)))
    }

    /// The default data set's bytes (images, truth.json, truth/*.refl, in path order) are the
    /// ones the simulator wrote before it had presets: recorded with commit 2289c78.
    func testTheTehaDataSetIsUnchanged() throws {
        let dir = try CommandRunner.temporaryDirectory("teha-bytes")
        defer { try? FileManager.default.removeItem(at: dir) }
        try DataSetGenerator.generate(plan: CrystalForm.teha.plan(seed: 1, sweeps: 3, detector: .small, maxImages: 2), to: dir)
        let script = "cd '\(dir.path)' && find . -type f | LC_ALL=C sort | xargs cat | sha256sum"
        let output = try CommandRunner.run(URL(fileURLWithPath: "/bin/sh"), ["-c", script])
        XCTAssertEqual(output.stdout.prefix(64), "d2b8fe3ce511cc5c4efe5bbccb572cd8e83eba83de89a6043516680ac09ae655")
    }
}
