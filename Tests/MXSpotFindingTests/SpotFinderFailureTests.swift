import Foundation
import MXGeometry
import MXImages
import MXReflections
import MXSimulation
import MXTestSupport
import XCTest
@testable import MXSpotFinding

/// One bad image costs its own sweep (or, among stills, its own experiment) and nothing else;
/// the output does not depend on the thread count.
final class SpotFinderFailureTests: XCTestCase {
    static let plan = CrystalForm.teha.plan(seed: 21, sweeps: 3, detector: .small, maxImages: 4)
    /// The data set, generated once for the class; tests that damage files work on a copy.
    nonisolated(unsafe) static var dataSet: URL?

    override class func setUp() {
        super.setUp()
        dataSet = try? CommandRunner.temporaryDirectory("spots-fail")
        if let dir = dataSet { try? DataSetGenerator.generate(plan: plan, to: dir) }
    }

    override class func tearDown() {
        if let dir = dataSet { try? FileManager.default.removeItem(at: dir) }
        super.tearDown()
    }

    /// A fresh copy of the data set, removed by the caller.
    func generate() throws -> URL {
        let source = try XCTUnwrap(Self.dataSet)
        let dir = try CommandRunner.temporaryDirectory("spots-fail-copy")
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path) where name.hasSuffix(".cbf") {
            try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: dir.appendingPathComponent(name))
        }
        return dir
    }

    /// The shared data set itself, for tests that only read it.
    func shared() throws -> URL { try XCTUnwrap(Self.dataSet) }

    func truncate(_ url: URL) throws {
        let whole = try Data(contentsOf: url)
        try whole.prefix(whole.count / 2).write(to: url)
    }

    func testAnUnreadableImageFailsOnlyItsSweep() throws {
        let dir = try generate()
        defer { try? FileManager.default.removeItem(at: dir) }
        let list = ImageImporter.importImages([dir.path + "/*.cbf"]).experiments
        XCTAssertEqual(list.count, 3)
        let broken = dir.appendingPathComponent(Self.plan.sweeps[1].template.replacingOccurrences(of: "####", with: "0003"))
        try truncate(broken)

        let result = try SpotFinder(nproc: 2).findSpots(in: list)
        XCTAssertEqual(result.failures.count, 1)
        let failure = try XCTUnwrap(result.failures.first)
        XCTAssertEqual(failure.experiments, [1])
        XCTAssertTrue(failure.reason.contains(broken.lastPathComponent), failure.reason)
        XCTAssertFalse(failure.description.contains("\n"))
        let ids = try XCTUnwrap(result.reflections.ints("id"))
        XCTAssertFalse(ids.contains(1))
        XCTAssertGreaterThan(ids.filter { $0 == 0 }.count, 20)
        XCTAssertEqual(Set(result.reflections.identifiers.keys), [0, 2])
        XCTAssertEqual(Set(result.images.map(\.experiment)), [0, 2])
    }

    /// The same images as stills (one experiment per image, zero oscillation): a bad image
    /// fails its own experiment only, and spots are labelled in 2-D, one experiment per image.
    func testAnUnreadableStillFailsOnlyItsExperiment() throws {
        let dir = try generate()
        defer { try? FileManager.default.removeItem(at: dir) }
        let rotation = ImageImporter.importImages([dir.path + "/*.cbf"]).experiments
        var stills = ExperimentList()
        stills.beams = rotation.beams
        stills.detectors = rotation.detectors
        stills.imagesets = [rotation.imagesets[0]]
        let scan = rotation.scans[0]
        for k in scan.imageRange.first...scan.imageRange.last {
            stills.scans.append(Scan(imageRange: (k, k), oscillation: (scan.oscillation.start, 0)))
            stills.experiments.append(Experiment(identifier: "still-\(k)", beam: 0, detector: rotation.experiments[0].detector,
                                                 scan: stills.scans.count - 1, imageset: 0))
        }
        try truncate(dir.appendingPathComponent(Self.plan.sweeps[0].template.replacingOccurrences(of: "####", with: "0002")))

        let result = try SpotFinder(nproc: 2).findSpots(in: stills)
        XCTAssertEqual(result.failures.map(\.experiments), [[1]])
        let table = result.reflections
        let ids = try XCTUnwrap(table.ints("id")), boxes = try XCTUnwrap(table.int6s("bbox"))
        XCTAssertEqual(Set(ids), [0, 2, 3])
        for (id, box) in zip(ids, boxes) {
            XCTAssertEqual(box.z1 - box.z0, 1, "stills are labelled in 2-D")
            XCTAssertEqual(box.z0, id, "a still's spots belong to its experiment")
        }
        XCTAssertEqual(table.identifiers, [0: "still-1", 2: "still-3", 3: "still-4"])
    }

    func testTheResultDoesNotDependOnTheThreadCount() throws {
        let dir = try shared()
        let list = ImageImporter.importImages([dir.path + "/*.cbf"]).experiments
        let one = try SpotFinder(nproc: 1).findSpots(in: list)
        let three = try SpotFinder(nproc: 3).findSpots(in: list)
        XCTAssertGreaterThan(one.reflections.nrows, 20)
        XCTAssertEqual(one.reflections, three.reflections)
        XCTAssertEqual(one.images, three.images)
    }

    /// Progress comes once per image, in order, with the same counts the result records.
    func testProgressReportsEveryImageInOrder() throws {
        let dir = try shared()
        let list = ImageImporter.importImages([dir.path + "/*.cbf"]).experiments
        let seen = Recorder()
        let result = try SpotFinder(nproc: 2).findSpots(in: list) { seen.append($0) }
        XCTAssertEqual(seen.all, result.images)
        XCTAssertEqual(result.images.map(\.image), [1, 2, 3, 4, 1, 2, 3, 4, 1, 2, 3, 4])
    }

    /// dxtbx would threshold (raw − pedestal)/gain; rather than threshold raw counts of such a
    /// panel, the experiments are reported as not processed.
    func testAPanelWithAGainIsReportedNotMisread() throws {
        var list = ImageImporter.importImages([try shared().path + "/*.cbf"]).experiments
        let d = try XCTUnwrap(list.experiments[2].detector)
        list.detectors.append(list.detectors[d])
        list.detectors[list.detectors.count - 1].panels[0].gain = 2
        list.experiments[2].detector = list.detectors.count - 1
        let result = try SpotFinder(nproc: 2).findSpots(in: list)
        XCTAssertEqual(result.failures.map(\.experiments), [[2]])
        XCTAssertTrue(result.failures[0].reason.contains("gain"))
        XCTAssertFalse((result.reflections.ints("id") ?? []).contains(2))
    }

    func testTooManyStrongPixelsAndBadParametersAreReported() throws {
        let dir = try shared()
        let list = ImageImporter.importImages([dir.path + "/*.cbf"]).experiments
        var p = SpotFindingParameters()
        p.maxStrongPixelFraction = 1e-6
        let result = try SpotFinder(parameters: p, nproc: 2).findSpots(in: list)
        XCTAssertEqual(result.failures.count, 3)
        XCTAssertTrue(result.failures.allSatisfy { $0.reason.contains("max_strong_pixel_fraction") }, "\(result.failures)")
        XCTAssertEqual(result.reflections.nrows, 0)

        p = SpotFindingParameters()
        p.kernelSize = (0, 3)
        XCTAssertThrowsError(try SpotFinder(parameters: p).findSpots(in: list))
        p = SpotFindingParameters()
        p.minSpotSize = 10
        p.maxSpotSize = 10
        XCTAssertThrowsError(try SpotFinder(parameters: p).findSpots(in: list))
    }
}

/// Collects progress reports from worker threads.
private final class Recorder: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [ImageStrongPixels] = []
    func append(_ p: ImageStrongPixels) { lock.lock(); items.append(p); lock.unlock() }
    var all: [ImageStrongPixels] { lock.lock(); defer { lock.unlock() }; return items }
}
