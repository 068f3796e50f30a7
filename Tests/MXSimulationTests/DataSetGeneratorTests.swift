import Foundation
import MXGeometry
import MXImages
import MXReflections
import MXTestSupport
import XCTest
@testable import MXSimulation

/// What `mxtriage simulate` writes: files a reader rebuilds the header models from, the same
/// bytes every time, and a truth that matches what was drawn.
final class DataSetGeneratorTests: XCTestCase {
    static let plan = CrystalForm.teha.plan(seed: 11, sweeps: 3, detector: .small, maxImages: 4)

    func generate() throws -> URL {
        let dir = try CommandRunner.temporaryDirectory("simulate")
        try DataSetGenerator.generate(plan: Self.plan, to: dir)
        return dir
    }

    func testImagesReadBackWithTheHeaderGeometryAndThePixelsDrawn() throws {
        let dir = try generate()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sweep = Self.plan.sweeps[1]
        let path = dir.appendingPathComponent(sweep.template.replacingOccurrences(of: "####", with: "0003")).path
        let image = try CBFImage.read(path: path, imageIndex: 3)
        let instrument = Instrument(plan: Self.plan, siliconMu: try SiliconSensor.mu(wavelength: Self.plan.wavelength))
        let header = instrument.headerDetector[0], read = image.models.detector[0]
        XCTAssertLessThan((read.origin - header.origin).length, 1e-9)
        XCTAssertEqual(read.mu, header.mu, accuracy: 1e-12)
        XCTAssertEqual(read.trustedRange.upper, Double(Self.plan.countCutoff))
        XCTAssertEqual(image.models.scan?.oscillation.start ?? .nan, sweep.startAngle + 2 * sweep.oscillation, accuracy: 1e-9)
        let simulator = SweepSimulator(plan: Self.plan, sweep: sweep, instrument: instrument)
        XCTAssertEqual(try image.pixels()[0].pixels, simulator.image(2))
    }

    func testTheSameSeedWritesTheSameBytes() throws {
        let a = try generate(), b = try generate()
        defer { try? FileManager.default.removeItem(at: a); try? FileManager.default.removeItem(at: b) }
        let names = try FileManager.default.contentsOfDirectory(atPath: a.path).sorted()
        XCTAssertEqual(names.filter { $0.hasSuffix(".cbf") }.count, Self.plan.sweeps.reduce(0) { $0 + $1.numImages })
        for name in names + ["truth/xtal1_1.refl"] where name != "truth" {
            XCTAssertEqual(try Data(contentsOf: a.appendingPathComponent(name)), try Data(contentsOf: b.appendingPathComponent(name)), name)
        }
    }

    func testTruthRecordsCellsGeometryAndReflections() throws {
        let dir = try generate()
        defer { try? FileManager.default.removeItem(at: dir) }
        let truth = try JSONParser.parse(String(decoding: try Data(contentsOf: dir.appendingPathComponent("truth.json")), as: UTF8.self))
        let sweeps = try XCTUnwrap(truth["sweeps"]?.arrayValue)
        XCTAssertEqual(sweeps.count, 3)
        XCTAssertEqual(sweeps[0]["unit_cell"]?.doubleArray, Self.plan.sweeps[0].crystal.cell.parameters)
        XCTAssertEqual(truth["true_geometry"]?["distance_mm"]?.doubleValue, Self.plan.trueDistance)
        XCTAssertEqual(truth["header_geometry"]?["distance_mm"]?.doubleValue, Self.plan.headerDistance)
        let table = try ReflectionTable(contentsOf: dir.appendingPathComponent(try XCTUnwrap(sweeps[0]["reflections"]?.stringValue)))
        XCTAssertGreaterThan(table.nrows, 50)
        let hkl = try XCTUnwrap(table.millerIndices("miller_index"))
        XCTAssertTrue(hkl.allSatisfy { (-Int($0.h) + Int($0.k) + Int($0.l)) % 3 == 0 })
        let partiality = try XCTUnwrap(table.doubles("partiality"))
        XCTAssertTrue(partiality.allSatisfy { $0 > 0 && $0 <= 1 + 1e-9 })
    }
}
