import Foundation
import MXExport
import MXTestSupport
import XCTest

/// Other crystallographic readers accept every MTZ we write: gemmi and cctbx's iotbx.mtz.
final class ExternalReaderTests: XCTestCase {
    func write(_ stem: String, in dir: URL) throws -> (URL, MTZExportSummary) {
        let (list, table) = try ExportFixtures.load(stem)
        let url = dir.appendingPathComponent("\(stem).mtz")
        return (url, try UnmergedMTZ.write(experiments: list, reflections: table, to: url))
    }

    func testGemmiReadsHeaderAndData() throws {
        let python = try ExportFixtures.python(with: "gemmi")
        let dir = try CommandRunner.temporaryDirectory("mtz-gemmi")
        defer { try? FileManager.default.removeItem(at: dir) }
        let (url, summary) = try write("teha", in: dir)
        let out = try ExportFixtures.runPython(python, """
        import gemmi
        m = gemmi.read_mtz_file('\(url.path)')
        print(m.spacegroup.number, m.spacegroup.hm, m.nreflections, len(m.batches), round(m.datasets[-1].wavelength, 4))
        print(' '.join(c.label + ':' + c.type for c in m.columns))
        print(' '.join(repr(x) for x in m.cell.parameters))
        print(m.datasets[-1].project_name, m.datasets[-1].crystal_name, m.datasets[-1].dataset_name)
        """)
        let lines = out.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 4, out)
        XCTAssertEqual(lines[0], "146 R 3 \(summary.reflections) 49 0.9763")
        XCTAssertEqual(lines[1], "H:H K:H L:H M/ISYM:Y BATCH:B I:J SIGI:Q BG:R SIGBG:R FRACTIONCALC:R XDET:R YDET:R ROT:R LP:R QE:R")
        let cell = lines[2].split(separator: " ").compactMap { Double($0) }
        XCTAssertEqual(cell.count, 6)
        for (p, q) in zip(cell, summary.unitCell.parameters) { XCTAssertEqual(p, q, accuracy: 1e-4) }
        XCTAssertEqual(lines[3], "DIALS XTAL FROMDIALS")
    }

    func testIotbxReadsIt() throws {
        let python = try ExportFixtures.python(with: "iotbx")
        let dir = try CommandRunner.temporaryDirectory("mtz-iotbx")
        defer { try? FileManager.default.removeItem(at: dir) }
        let (url, summary) = try write("l_cysteine", in: dir)
        let out = try ExportFixtures.runPython(python, """
        from iotbx import mtz
        m = mtz.object('\(url.path)')
        print(m.n_reflections(), m.n_batches(), m.space_group_info().type().number(), ' '.join(m.column_labels()))
        ints = m.extract_integers('BATCH').data
        print(min(ints), max(ints))
        """)
        let lines = out.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "\(summary.reflections) 60 1 H K L M_ISYM BATCH I SIGI BG SIGBG FRACTIONCALC XDET YDET ROT LP QE")
        let batches = try MTZFile.read(path: url.path, values: true).values(of: "BATCH")!
        XCTAssertEqual(lines.last, "\(Int(batches.min()!)) \(Int(batches.max()!))")
        XCTAssertGreaterThan(batches.max()!, 300)
    }
}
