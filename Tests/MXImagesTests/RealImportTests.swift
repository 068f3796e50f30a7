import Foundation
import MXGeometry
import MXTestSupport
import XCTest
@testable import MXImages

/// Import of the real image folders against what `dials.import` wrote for the same files
/// (`Tests/Fixtures/dxtbx/*_imported.expt`): the same experiments, the same model sharing, the
/// same models to 1e-6.
final class RealImportTests: XCTestCase {
    func realFolder(_ name: String) throws -> URL {
        guard let real = TestData.realData else {
            throw XCTSkip("../shared/data/real is not beside this checkout; real-image import tests skipped")
        }
        return real.appendingPathComponent(name)
    }

    func expected(_ name: String) throws -> ExperimentList {
        try ExperimentList(contentsOf: TestData.fixtures.appendingPathComponent("dxtbx/\(name)"))
    }

    func testLCysteineImportsAsFourSweepsEqualToDxtbx() throws {
        let folder = try realFolder("l_cysteine")
        let report = ImageImporter.importImages([folder.path])
        XCTAssertTrue(report.skipped.isEmpty, "\(report.skipped)")
        let ours = report.experiments, theirs = try expected("l_cysteine_imported.expt")
        XCTAssertEqual(ours.count, 4)
        XCTAssertEqual(ours.scans.map(\.numImages), [15, 15, 15, 15])
        assertSameExperiments(ours, theirs)
    }

    func testThaumatinGridImportsAsNineteenStillsEqualToDxtbx() throws {
        let folder = try realFolder("thaumatin_grid_i24")
        let report = ImageImporter.importImages([folder.path + "/*.cbf.bz2"])
        let ours = report.experiments, theirs = try expected("thaumatin_imported.expt")
        XCTAssertEqual(ours.count, 19)
        XCTAssertTrue(ours.scans.allSatisfy { $0.oscillation.width == 0 && $0.numImages == 1 })
        assertSameExperiments(ours, theirs)
    }

    func testDirectoryImportSkipsWhatIsNotAnImageAndCarriesOn() throws {
        let folder = try realFolder("l_cysteine")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mxtriage-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for i in 1...3 {
            let name = String(format: "l-cyst_01_%05d.cbf.bz2", i)
            try FileManager.default.copyItem(at: folder.appendingPathComponent(name), to: dir.appendingPathComponent(name))
        }
        try Data("not an image".utf8).write(to: dir.appendingPathComponent("notes.txt"))
        // A truncated image in the middle of the series: skipped, and the series splits around it.
        let whole = try Data(contentsOf: folder.appendingPathComponent("l-cyst_01_00004.cbf.bz2"))
        try whole.prefix(whole.count / 3).write(to: dir.appendingPathComponent("l-cyst_01_00004.cbf.bz2"))
        let name5 = "l-cyst_01_00005.cbf.bz2"
        try FileManager.default.copyItem(at: folder.appendingPathComponent(name5), to: dir.appendingPathComponent(name5))
        let report = ImageImporter.importImages([dir.path])
        XCTAssertEqual(report.skipped.map { ($0.path as NSString).lastPathComponent }.sorted(),
                       ["l-cyst_01_00004.cbf.bz2", "notes.txt"])
        XCTAssertTrue(report.skipped.allSatisfy { !$0.reason.contains("\n") })
        XCTAssertEqual(report.experiments.scans.map { [$0.imageRange.first, $0.imageRange.last] }, [[1, 3], [5, 5]])
    }

    func assertSameExperiments(_ a: ExperimentList, _ b: ExperimentList, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.count, b.count, file: file, line: line)
        // Model sharing: the same index pattern.
        XCTAssertEqual(a.experiments.map { [$0.beam, $0.detector, $0.goniometer, $0.scan, $0.imageset] },
                       b.experiments.map { [$0.beam, $0.detector, $0.goniometer, $0.scan, $0.imageset] }, file: file, line: line)
        func near(_ x: Double, _ y: Double) -> Bool { abs(x - y) <= 1e-6 }
        func near(_ x: Vec3, _ y: Vec3) -> Bool { (x - y).length <= 1e-6 }
        for (x, y) in zip(a.beams, b.beams) {
            XCTAssertTrue(near(x.direction, y.direction) && near(x.wavelength, y.wavelength)
                && near(x.polarizationFraction, y.polarizationFraction) && near(x.polarizationNormal, y.polarizationNormal),
                          "beam \(x) vs \(y)", file: file, line: line)
        }
        XCTAssertEqual(a.detectors.count, b.detectors.count, file: file, line: line)
        for (x, y) in zip(a.detectors, b.detectors) {
            for (p, q) in zip(x.panels, y.panels) {
                XCTAssertTrue(near(p.origin, q.origin) && near(p.fastAxis, q.fastAxis) && near(p.slowAxis, q.slowAxis),
                              "panel frame \(p.origin) vs \(q.origin)", file: file, line: line)
                XCTAssertTrue(near(p.pixelSize.fast, q.pixelSize.fast) && near(p.pixelSize.slow, q.pixelSize.slow)
                    && p.imageSize == q.imageSize && p.trustedRange == q.trustedRange
                    && near(p.thickness, q.thickness) && near(p.mu, q.mu) && p.material == q.material
                    && p.mask == q.mask && p.pxMmStrategy.dxtbxName == q.pxMmStrategy.dxtbxName,
                              "panel properties differ", file: file, line: line)
            }
        }
        for (x, y) in zip(a.goniometers, b.goniometers) {
            XCTAssertTrue(near(x.rotationAxis.normalized, y.rotationAxis.normalized)
                && x.fixedRotation.maxAbsDifference(y.fixedRotation) <= 1e-6
                && x.settingRotation.maxAbsDifference(y.settingRotation) <= 1e-6, "goniometer", file: file, line: line)
        }
        for (x, y) in zip(a.scans, b.scans) {
            XCTAssertEqual(x.imageRange.first, y.imageRange.first, file: file, line: line)
            XCTAssertEqual(x.imageRange.last, y.imageRange.last, file: file, line: line)
            XCTAssertTrue(near(x.oscillation.start, y.oscillation.start) && near(x.oscillation.width, y.oscillation.width),
                          "oscillation", file: file, line: line)
            XCTAssertTrue(zip(x.exposureTimes, y.exposureTimes).allSatisfy { near($0, $1) }, "exposure times", file: file, line: line)
            XCTAssertTrue(zip(x.epochs, y.epochs).allSatisfy { near($0, $1) }, "epochs", file: file, line: line)
        }
        func templateName(_ m: ImageSetModel) -> String {
            if case let .sequence(t) = m { return (t as NSString).lastPathComponent }
            return ""
        }
        XCTAssertEqual(a.imagesets.map(templateName), b.imagesets.map(templateName), file: file, line: line)
    }
}
