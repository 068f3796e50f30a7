import Foundation
import MXTestSupport
import XCTest
@testable import MXGeometry

/// The `.expt` codec on files DIALS wrote (committed fixtures) and on round trips.
final class ExperimentListJSONTests: XCTestCase {
    let dxtbx = TestData.fixtures.appendingPathComponent("dxtbx")

    func testReadsAnIndexedExperimentListThatDIALSWrote() throws {
        let list = try ExperimentList(contentsOf: dxtbx.appendingPathComponent("lcys1_indexed.expt"))
        XCTAssertEqual(list.count, 1)
        let crystal = try XCTUnwrap(list.crystal(of: list.experiments[0]))
        // Expected from dxtbx: crystal.get_unit_cell().parameters() and get_A().
        let cell = [5.418450850537511, 8.131810849801678, 12.023241994122484, 89.9871867096124, 89.9311253250196, 89.94439525408657]
        for (x, y) in zip(crystal.unitCell.parameters, cell) { XCTAssertEqual(x, y, accuracy: 1e-9) }
        let a = [0.13678118402521436, -0.023814103264302073, 0.05341168812050491, 0.09763076607685778, 0.09309746420733775,
                 -0.03187404295539258, -0.07628643964855816, 0.07673545964930348, 0.05521656667841505]
        for (x, y) in zip(crystal.A.rowMajor, a) { XCTAssertEqual(x, y, accuracy: 1e-12) }
        XCTAssertEqual(crystal.spaceGroupHall.trimmingCharacters(in: .whitespaces), "P 1")
        XCTAssertNotNil(list.goniometer(of: list.experiments[0])?.multiAxis)
    }

    func testRoundTripIsLosslessAndDeterministic() throws {
        for name in ["l_cysteine_imported.expt", "thaumatin_imported.expt", "lcys1_indexed.expt"] {
            let list = try ExperimentList(contentsOf: dxtbx.appendingPathComponent(name))
            let text = JSONWriter.string(list.json)
            let again = try ExperimentList(json: try JSONParser.parse(text))
            XCTAssertEqual(again.experiments, list.experiments, name)
            XCTAssertEqual(again.beams, list.beams, name)
            XCTAssertEqual(again.detectors, list.detectors, name)
            XCTAssertEqual(again.scans, list.scans, name)
            XCTAssertEqual(again.imagesets, list.imagesets, name)
            for (x, y) in zip(again.crystals, list.crystals) { XCTAssertLessThan(x.A.maxAbsDifference(y.A), 1e-15, name) }
            for (x, y) in zip(again.goniometers, list.goniometers) {
                XCTAssertLessThan(x.settingRotation.maxAbsDifference(y.settingRotation), 1e-15, name)
            }
            // Crystals are stored as A and written as its inverse, so only crystal-free lists
            // reproduce their text exactly; crystals agree to rounding (above).
            if list.crystals.isEmpty { XCTAssertEqual(JSONWriter.string(again.json), text, name) }
        }
    }

    func testBadFilesSayWhatIsWrongInOneLine() throws {
        let dir = FileManager.default.temporaryDirectory
        let cases: [(String, String)] = [
            ("{\"experiment\": [", "invalid JSON"),
            ("{\"experiment\": [{\"beam\": 3}], \"beam\": []}", "beam 3 does not exist"),
            ("{\"beam\": [{\"direction\": [0, 0, 1]}]}", "missing \"wavelength\""),
        ]
        for (i, (text, expected)) in cases.enumerated() {
            let url = dir.appendingPathComponent("mxtriage-bad-\(i)-\(UUID().uuidString).expt")
            try Data(text.utf8).write(to: url)
            defer { try? FileManager.default.removeItem(at: url) }
            XCTAssertThrowsError(try ExperimentList(contentsOf: url)) { error in
                let message = "\(error)"
                XCTAssertTrue(message.contains(expected) && message.contains(url.lastPathComponent), message)
                XCTAssertFalse(message.contains("\n"))
            }
        }
        XCTAssertThrowsError(try ExperimentList(contentsOf: dir.appendingPathComponent("no-such-file.expt"))) {
            XCTAssertTrue("\($0)".hasSuffix("no such file"))
        }
    }
}

/// The scan layouts: the legacy one DIALS 3.12 writes, and the newer per-image "properties".
final class ScanLayoutTests: XCTestCase {
    func testReadsThePropertiesLayout() throws {
        let text = """
        {"image_range": [5, 7], "batch_offset": 2, "valid_image_ranges": {},
         "properties": {"epochs": [10.0, 10.1, 10.2], "exposure_time": [0.1, 0.1, 0.1],
                        "oscillation": [30.0, 30.2, 30.4], "oscillation_width": [0.2, 0.2, 0.2]}}
        """
        let scan = try Scan(json: try JSONParser.parse(text))
        XCTAssertEqual(scan.imageRange.first, 5)
        XCTAssertEqual(scan.imageRange.last, 7)
        XCTAssertEqual(scan.oscillation.start, 30)
        XCTAssertEqual(scan.oscillation.width, 0.2, accuracy: 1e-12)
        XCTAssertEqual(scan.epochs, [10.0, 10.1, 10.2])
        XCTAssertEqual(scan.batchOffset, 2)
        // Written back in the legacy layout, which reads as the same scan.
        XCTAssertEqual(try Scan(json: scan.json), scan)
    }

    func testRejectsInconsistentScans() {
        XCTAssertThrowsError(try Scan(json: try JSONParser.parse(#"{"image_range": [1, 3], "properties": {"oscillation": [0, 1]}}"#)))
        XCTAssertThrowsError(try Scan(json: try JSONParser.parse(#"{"image_range": [3, 1], "oscillation": [0, 1]}"#)))
    }
}
