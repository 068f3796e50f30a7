import Foundation
import MXExport
import MXGeometry
import MXReflections
import MXTestSupport
import XCTest

/// Which reflections are written and how they are corrected, on small hand-made tables over the
/// TehA experiment (H 3): read back with our reader, so no Python is needed.
final class ReflectionSelectionTests: XCTestCase {
    struct Row {
        var hkl = MillerIndex(1, 2, 3)
        var id: Int32 = 0
        var flags: ReflectionFlags = [.integratedSum]
        var i = 100.0, v = 400.0
        var lp = 0.5, qe = 0.8, p = 1.0
        var pid: UInt64 = 0
        var z = 3.4
    }

    func table(_ rows: [Row], identifier: String) throws -> ReflectionTable {
        var t = ReflectionTable(identifiers: [0: identifier])
        try t.setColumn("miller_index", rows.map(\.hkl))
        try t.setColumn("id", rows.map(\.id))
        try t.setColumn("flags", rows.map(\.flags.rawValue))
        try t.setColumn("intensity.sum.value", rows.map(\.i))
        try t.setColumn("intensity.sum.variance", rows.map(\.v))
        try t.setColumn("lp", rows.map(\.lp))
        try t.setColumn("qe", rows.map(\.qe))
        try t.setColumn("partiality", rows.map(\.p))
        try t.setColumn("partial_id", rows.map(\.pid))
        try t.setColumn("xyzobs.px.value", rows.map { Vec3(100, 200, $0.z) })
        try t.setColumn("xyzcal.px", rows.map { Vec3(101, 201, $0.z + 0.1) })
        return t
    }

    func export(_ rows: [Row], options: MTZExportOptions = MTZExportOptions()) throws -> MTZFile {
        let (list, _) = try ExportFixtures.load("teha")
        let dir = try CommandRunner.temporaryDirectory("mtz-select")
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("t.mtz")
        try UnmergedMTZ.write(experiments: list, reflections: try table(rows, identifier: list.experiments[0].identifier),
                              to: url, options: options)
        return try MTZFile.read(path: url.path, values: true)
    }

    func testCorrectionsBatchAndRotation() throws {
        let file = try export([Row(p: 0.8)])
        XCTAssertEqual(file.reflectionCount, 1)
        let conversion = (1 / 0.8) * 0.5 / 0.8
        XCTAssertEqual(Double(file.values(of: "I")![0]), 100 * conversion, accuracy: 1e-4)
        XCTAssertEqual(Double(file.values(of: "SIGI")![0]), 20 * conversion, accuracy: 1e-4)
        XCTAssertEqual(file.values(of: "FRACTIONCALC")!, [0.8])
        XCTAssertEqual(file.values(of: "LP")!, [0.5])
        XCTAssertEqual(file.values(of: "QE")!, [0.8])
        XCTAssertEqual(file.values(of: "BATCH")!, [4])   // floor(3.4) + 1, no offset for one sweep
        XCTAssertEqual(file.values(of: "XDET")!, [100])
        XCTAssertNil(file.values(of: "BG"))              // no background columns, none written
        XCTAssertEqual(file.columns.count, 13)
        let (list, _) = try ExportFixtures.load("teha")
        let scan = list.scans[0]
        XCTAssertEqual(Double(file.values(of: "ROT")![0]), scan.angle(arrayIndex: 3.5), accuracy: 1e-4)
    }

    /// (1,2,3) in H 3: operator 3 (−x+y,−x,z as a row-vector rotation) maps it into h≥0, k>0.
    func testAsymmetricUnitAndIsym() throws {
        let sg = try MTZSpaceGroup(hall: " R 3")
        XCTAssertEqual(sg.number, 146)
        XCTAssertEqual(sg.name, "H 3")
        XCTAssertEqual(sg.operators.count, 9)
        XCTAssertEqual(sg.primitiveCount, 3)
        XCTAssertEqual(sg.lattice, "R")
        // Every index maps into the ASU (h ≥ 0 ∧ k > 0, or h = k = 0 ∧ l ≥ 0) and the ISYM undoes it.
        for h in -4...4 { for k in -4...4 { for l in -3...3 where h != 0 || k != 0 || l != 0 {
            let (a, isym) = sg.asymmetricUnit(MillerIndex(Int32(h), Int32(k), Int32(l)))
            XCTAssertTrue((a.h >= 0 && a.k > 0) || (a.h == 0 && a.k == 0 && a.l >= 0), "\(h) \(k) \(l) -> \(a)")
            XCTAssertTrue((1...6).contains(isym))
            let op = sg.operators[(isym - 1) / 2]
            let sign: Int32 = isym % 2 == 1 ? 1 : -1
            // ASU index = sign · (h · R) with h a row vector.
            let row = (0..<3).map { c in Int32(h) * Int32(op[c]) + Int32(k) * Int32(op[4 + c]) + Int32(l) * Int32(op[8 + c]) }
            XCTAssertEqual(MillerIndex(sign * row[0], sign * row[1], sign * row[2]), a, "\(h) \(k) \(l) isym \(isym)")
        }}}
        XCTAssertThrowsError(try MTZSpaceGroup(hall: " Q 7 nonsense"))
    }

    func testFiltersAsDIALSDoes() throws {
        var rows = [Row]()
        rows.append(Row())                                       // kept
        rows.append(Row(id: -1))                                 // unassigned
        rows.append(Row(flags: [.indexed]))                      // not integrated
        rows.append(Row(v: 0))                                   // bad variance
        rows.append(Row(qe: 0))                                  // bad qe
        rows.append(Row(p: 0))                                   // zero partiality
        rows.append(Row(p: 0.3))                                 // below partiality threshold 0.4
        rows.append(Row(i: -200, v: 100, lp: 1, qe: 1))          // I/σ = −20 < −5
        rows.append(Row(i: -40, v: 100, lp: 1, qe: 1))           // I/σ = −4 kept
        let file = try export(rows)
        XCTAssertEqual(file.reflectionCount, 2)
        XCTAssertEqual(file.values(of: "I")!, [62.5, -40])

        var loose = MTZExportOptions()
        loose.partialityThreshold = 0.1
        loose.minISigI = nil
        XCTAssertEqual(try export(rows, options: loose).reflectionCount, 4)
    }

    /// Partials with the same partial_id are summed into the first (after each was divided by
    /// its partiality, as DIALS does), and the summed partiality is what the threshold sees.
    func testPartialsAreCombined() throws {
        let rows = [Row(lp: 1, qe: 1, p: 0.3, pid: 7, z: 2.2), Row(i: 10, v: 20, lp: 1, qe: 1, p: 0.1, pid: 9),
                    Row(i: 50, v: 40, lp: 1, qe: 1, p: 0.5, pid: 7, z: 3.2), Row(lp: 1, qe: 1, p: 0.995, pid: 7)]
        let file = try export(rows)
        XCTAssertEqual(file.reflectionCount, 2)
        // pid 7: 100/0.3 + 50/0.5; the p = 0.995 row is a full and stays alone; pid 9 (0.1) is dropped.
        XCTAssertEqual(Double(file.values(of: "I")![0]), 100 / 0.3 + 100, accuracy: 1e-3)
        XCTAssertEqual(Double(file.values(of: "FRACTIONCALC")![0]), 0.8, accuracy: 1e-6)
        XCTAssertEqual(Double(file.values(of: "SIGI")![0]), (400 / 0.09 + 40 / 0.25).squareRoot(), accuracy: 1e-3)
        XCTAssertEqual(file.values(of: "BATCH")![0], 3)
        XCTAssertEqual(file.values(of: "I")![1], 100 / 0.995)

        var separate = MTZExportOptions()
        separate.combinePartials = false
        // Uncombined, the 0.3 and 0.1 partials fall below the threshold on their own.
        XCTAssertEqual(try export(rows, options: separate).values(of: "I")!, [100, Float(100 / 0.995)])
    }

    func testBatchOffsetsForOverlappingSweeps() throws {
        let (teha, _) = try ExportFixtures.load("teha")
        var list = teha
        list.append(teha)
        list.experiments[1].identifier = "second"
        var t = try table([Row(z: 0.5), Row(id: 1, z: 2.5)], identifier: teha.experiments[0].identifier)
        t.identifiers[1] = "second"
        let dir = try CommandRunner.temporaryDirectory("mtz-batches")
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("two.mtz")
        let summary = try UnmergedMTZ.write(experiments: list, reflections: t, to: url)
        XCTAssertEqual(summary.batchRanges, [1...49, 101...149])
        let file = try MTZFile.read(path: url.path, values: true)
        XCTAssertEqual(file.values(of: "BATCH")!, [1, 103])
        XCTAssertEqual(file.batchCount, 98)
    }
}
