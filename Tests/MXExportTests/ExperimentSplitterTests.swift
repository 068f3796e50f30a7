import Foundation
import MXExport
import MXGeometry
import MXReflections
import MXTestSupport
import XCTest

/// `dials.split_experiments` behaviour, and DIALS reading the parts.
final class ExperimentSplitterTests: XCTestCase {
    func testSplitRenumbersAndKeepsIdentifiers() throws {
        let (list, table) = try ExportFixtures.load("l_cysteine")
        let parts = try ExperimentSplitter.split(experiments: list, reflections: table)
        XCTAssertEqual(parts.count, 4)
        let ids = table.ints("id")!
        for (e, part) in parts.enumerated() {
            XCTAssertEqual(part.experiments.count, 1)
            XCTAssertEqual(part.experiments.experiments[0].identifier, list.experiments[e].identifier)
            XCTAssertEqual(part.experiments.crystals, [list.crystal(of: list.experiments[e])!])
            XCTAssertEqual(part.experiments.scans, [list.scan(of: list.experiments[e])!])
            XCTAssertEqual(part.reflections.nrows, ids.filter { $0 == Int32(e) }.count)
            XCTAssertEqual(Set(part.reflections.ints("id")!), part.reflections.nrows > 0 ? [0] : [])
            XCTAssertEqual(part.reflections.identifiers, [0: list.experiments[e].identifier])
            XCTAssertEqual(Set(part.reflections.ints("imageset_id")!), part.reflections.nrows > 0 ? [0] : [])
            // Each part exports on its own, with its image numbers as batches.
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("split-\(UUID().uuidString).mtz")
            defer { try? FileManager.default.removeItem(at: url) }
            let summary = try UnmergedMTZ.write(experiments: part.experiments, reflections: part.reflections, to: url)
            XCTAssertEqual(summary.batchRanges, [1...15])
        }
        XCTAssertEqual(parts.map(\.reflections.nrows).reduce(0, +), ids.filter { $0 >= 0 }.count)
    }

    func testFileStemsAsDIALSNamesThem() {
        XCTAssertEqual(ExperimentSplitter.fileStem(prefix: "split", index: 3, count: 4), "split_3")
        XCTAssertEqual(ExperimentSplitter.fileStem(prefix: "split", index: 9, count: 10), "split_9")
        XCTAssertEqual(ExperimentSplitter.fileStem(prefix: "split", index: 0, count: 11), "split_00")
        XCTAssertEqual(ExperimentSplitter.fileStem(prefix: "x", index: 57, count: 58), "x_57")
        XCTAssertEqual(ExperimentSplitter.fileStem(prefix: "x", index: 7, count: 101), "x_007")
    }

    func testDIALSLoadsTheParts() throws {
        guard let python = CommandRunner.dxtbxPython else { throw XCTSkip("dxtbx is not installed") }
        let (list, table) = try ExportFixtures.load("l_cysteine")
        let dir = try CommandRunner.temporaryDirectory("split")
        defer { try? FileManager.default.removeItem(at: dir) }
        let parts = try ExperimentSplitter.split(experiments: list, reflections: table)
        for (i, part) in parts.enumerated() {
            let stem = dir.appendingPathComponent(ExperimentSplitter.fileStem(prefix: "split", index: i, count: parts.count)).path
            try part.experiments.write(to: URL(fileURLWithPath: stem + ".expt"))
            try part.reflections.write(to: URL(fileURLWithPath: stem + ".refl"))
        }
        let out = try ExportFixtures.runPython(python, """
        from dxtbx.model.experiment_list import ExperimentListFactory
        from dials.array_family import flex
        for i in range(4):
            el = ExperimentListFactory.from_json_file('\(dir.path)/split_%d.expt' % i, check_format=False)
            r = flex.reflection_table.from_file('\(dir.path)/split_%d.refl' % i)
            r.assert_experiment_identifiers_are_consistent(el)
            print(len(el), len(r), set(r['id']), el[0].identifier == dict(r.experiment_identifiers())[0])
        """)
        let expected = parts.map { "1 \($0.reflections.nrows) {0} True" }
        XCTAssertEqual(out.split(separator: "\n").map(String.init), expected)
    }
}
