import Foundation
import MXExport
import MXGeometry
import MXMerging
import MXReflections
import MXSymmetry
import MXTestSupport
import XCTest

/// The scaled unmerged and the merged MTZ, read back by gemmi: columns, space group, rows, and
/// which Friedel hand an observation lands in, by gemmi's own reciprocal ASU.
final class ScaledAndMergedMTZTests: XCTestCase {
    func testGemmiReadsTheMergedMTZWithEachObservationInItsHand() throws {
        let python = try ExportFixtures.python(with: "gemmi")
        let dir = try CommandRunner.temporaryDirectory("merged-mtz")
        defer { try? FileManager.default.removeItem(at: dir) }
        let group = try SpaceGroup("H 3")
        let cell = UnitCell(parameters: [98, 98, 137, 90, 90, 120])
        // Acentric reflections (H 3 has no centric ones) measured twice each with different σ:
        // 1 2 4 on both hands, the others on one.
        let measured: [(SIMD3<Int>, Double)] = [(SIMD3(1, 2, 4), 100), (SIMD3(-1, -2, -4), 50), (SIMD3(3, -1, 2), 80), (SIMD3(2, 1, 7), 20)]
        var observations: [UnmergedObservation] = []
        for (h, i) in measured {
            observations.append(UnmergedObservation(hkl: h, intensity: i, variance: 4))
            observations.append(UnmergedObservation(hkl: h, intensity: i + 6, variance: 16))
        }
        let merged = MergedIntensities(observations, spaceGroup: group, cell: cell)
        let url = dir.appendingPathComponent("merged.mtz")
        let summary = try MergedMTZ.write(merged, spaceGroupHall: group.hall, cell: cell, wavelength: 0.9795, to: url)
        XCTAssertEqual(summary.reflections, merged.reflections.count)
        // 1 2 4 and −1 −2 −4 are one reflection: IMEAN over four observations.
        XCTAssertEqual(merged.reflections.count, 3)
        let out = try ExportFixtures.runPython(python, """
        import gemmi, math
        m = gemmi.read_mtz_file('\(url.path)')
        print(m.spacegroup.hm, m.nreflections, len(m.batches), round(m.datasets[-1].wavelength, 4))
        print(' '.join(c.label + ':' + c.type for c in m.columns))
        asu = gemmi.ReciprocalAsu(m.spacegroup)
        ops = m.spacegroup.operations()
        rows = {tuple(int(x) for x in r[:3]): r for r in m.array}
        for h in [(1, 2, 4), (-1, -2, -4), (3, -1, 2), (2, 1, 7)]:
            a, isym = asu.to_asu(h, ops)
            r = rows[tuple(a)]
            hand = 'plus' if isym % 2 == 1 else 'minus'
            print(hand, 'nan' if math.isnan(r[5]) else round(r[5], 3), 'nan' if math.isnan(r[7]) else round(r[7], 3), int(r[9]), int(r[10]), round(r[3], 3))
        """)
        let lines = out.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 6, out)
        XCTAssertEqual(lines[0], "R 3 3 0 0.9795")
        XCTAssertEqual(lines[1], "H:H K:H L:H IMEAN:J SIGIMEAN:Q I(+):K SIGI(+):M I(-):K SIGI(-):M N(+):I N(-):I")
        // Weighted means (w 1/4 and 1/16): one hand i → (4i + i + 6)/5 = i + 1.2.
        func expect(_ line: String, hand: String, value: Double, both: Double?) {
            let f = line.split(separator: " ").map(String.init)
            XCTAssertEqual(f[0], hand, line)
            let (own, other) = hand == "plus" ? (f[1], f[2]) : (f[2], f[1])
            XCTAssertEqual(Double(own) ?? .nan, value, accuracy: 1e-3, line)
            XCTAssertEqual(hand == "plus" ? f[3] : f[4], "2", line)
            if let both { XCTAssertEqual(Double(f[5])!, both, accuracy: 1e-3, line) } else { XCTAssertEqual(other, "nan", line) }
        }
        expect(lines[2], hand: lines[2].hasPrefix("plus") ? "plus" : "minus", value: 101.2, both: 76.2)
        XCTAssertNotEqual(lines[2].prefix(4), lines[3].prefix(4), "h and −h fall in opposite hands")
        expect(lines[3], hand: lines[3].hasPrefix("plus") ? "plus" : "minus", value: 51.2, both: 76.2)
        expect(lines[4], hand: lines[4].hasPrefix("plus") ? "plus" : "minus", value: 81.2, both: nil)
        expect(lines[5], hand: lines[5].hasPrefix("plus") ? "plus" : "minus", value: 21.2, both: nil)
    }

    func testGemmiReadsTheScaledMTZ() throws {
        let python = try ExportFixtures.python(with: "gemmi")
        let dir = try CommandRunner.temporaryDirectory("scaled-mtz")
        defer { try? FileManager.default.removeItem(at: dir) }
        let (list, table) = try ExportFixtures.load("teha")
        let hkl = table["miller_index", as: MillerIndex.self]!, xyz = table["xyzobs.px.value", as: Vec3.self]!
        let rows = (0..<50).map { r in
            ScaledObservationRow(experiment: 0, hkl: SIMD3(Int(hkl[r].h), Int(hkl[r].k), Int(hkl[r].l)), intensity: Double(r) * 10,
                                 sigma: 2, inverseScale: 1.5, xyzobsPx: xyz[r], rotationDegrees: 1, partiality: 1)
        }
        let url = dir.appendingPathComponent("scaled.mtz")
        let summary = try ScaledMTZ.write(experiments: list, rows: rows, to: url)
        let unmerged = try UnmergedMTZ.write(experiments: list, reflections: table, to: dir.appendingPathComponent("unmerged.mtz"))
        XCTAssertEqual(summary.batchRanges, unmerged.batchRanges)
        let out = try ExportFixtures.runPython(python, """
        import gemmi
        m = gemmi.read_mtz_file('\(url.path)')
        print(m.spacegroup.number, m.nreflections, len(m.batches))
        print(' '.join(c.label + ':' + c.type for c in m.columns))
        print(sum(m.column_with_label('I').array), set(m.column_with_label('SCALEUSED').array))
        """)
        let lines = out.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 3, out)
        XCTAssertEqual(lines[0], "146 50 \(unmerged.batches)")
        XCTAssertEqual(lines[1], "H:H K:H L:H M/ISYM:Y BATCH:B I:J SIGI:Q SCALEUSED:R FRACTIONCALC:R XDET:R YDET:R ROT:R")
        XCTAssertEqual(lines[2], "12250.0 {1.5}")
        XCTAssertThrowsError(try ScaledMTZ.write(experiments: list, rows: [], to: url))
    }
}
