import XCTest
import MXGeometry
@testable import MXImages

/// Grouping of image headers into sweeps, on synthetic headers where the answer is known.
final class SweepGroupingTests: XCTestCase {
    let beam = Beam(direction: Vec3(0, 0, 1), wavelength: 0.9763)
    let detector = Detector(panels: [Panel(fastAxis: Vec3(1, 0, 0), slowAxis: Vec3(0, -1, 0), origin: Vec3(-211.8, 217.3, -300),
                                           imageSize: (2463, 2527), pixelSize: (0.172, 0.172), trustedRange: (-1, 1_000_000))])

    func header(_ name: String, start: Double, width: Double = 0.2, index: Int) -> ImageMetadata {
        ImageMetadata(path: "/data/" + name, beam: beam, detector: detector, goniometer: Goniometer(),
                      scan: Scan(imageRange: (index, index), oscillation: (start, width)))
    }

    func testMixedTemplatesInOneDirectoryGiveOneSweepEach() {
        var records: [ImageMetadata] = []
        for i in 1...20 { records.append(header(String(format: "xta3_1_%04d.cbf", i), start: 10 + 0.2 * Double(i - 1), index: i)) }
        for i in 1...30 { records.append(header(String(format: "xtal12_1_%04d.cbf", i), start: 50 + 0.2 * Double(i - 1), index: i)) }
        let list = SweepGrouping.group(records.sorted { $0.path < $1.path })
        XCTAssertEqual(list.count, 2)
        XCTAssertEqual(list.imagesets, [.sequence(template: "/data/xta3_1_####.cbf"), .sequence(template: "/data/xtal12_1_####.cbf")])
        XCTAssertEqual(list.scans.map(\.numImages), [20, 30])
        XCTAssertEqual(list.scans[1].oscillation.start, 50)
        // Equal beams and detectors are shared, as dials.import shares them.
        XCTAssertEqual(list.beams.count, 1)
        XCTAssertEqual(list.detectors.count, 1)
    }

    func testGapInNumberingSplitsTheSweep() {
        let records = (1...10).filter { $0 != 6 }.map { header(String(format: "x_1_%04d.cbf", $0), start: 0.2 * Double($0 - 1), index: $0) }
        let list = SweepGrouping.group(records)
        XCTAssertEqual(list.scans.map { [$0.imageRange.first, $0.imageRange.last] }, [[1, 5], [7, 10]])
    }

    func testJumpInAngleSplitsTheSweep() {
        let records = (1...10).map { header(String(format: "x_1_%04d.cbf", $0), start: 0.2 * Double($0 - 1) + ($0 > 4 ? 5 : 0), index: $0) }
        let list = SweepGrouping.group(records)
        XCTAssertEqual(list.scans.map(\.numImages), [4, 6])
    }

    func testZeroOscillationGivesStills() {
        let records = (1...5).map { header(String(format: "grid_%04d.cbf", $0), start: 0, width: 0, index: $0) }
        let list = SweepGrouping.group(records)
        // As DIALS 3.12 records a grid scan: one experiment per image, each with a one-image
        // scan of zero width, all in one ImageSequence.
        XCTAssertEqual(list.count, 5)
        XCTAssertEqual(list.scans.map { [$0.imageRange.first, $0.imageRange.last] }, (1...5).map { [$0, $0] })
        XCTAssertTrue(list.scans.allSatisfy { $0.oscillation.width == 0 })
        XCTAssertEqual(list.imagesets, [.sequence(template: "/data/grid_####.cbf")])
        XCTAssertEqual(Set(list.experiments.map(\.imageset)), [0])
    }

    func testImagesWithoutNumbersGoIntoAnImageSet() {
        let records = ["first.cbf", "second.cbf"].map { ImageMetadata(path: "/d/" + $0, beam: beam, detector: detector, goniometer: nil, scan: nil) }
        let list = SweepGrouping.group(records)
        XCTAssertEqual(list.count, 2)
        XCTAssertEqual(list.imagesets, [.imageSet(paths: ["/d/first.cbf", "/d/second.cbf"], singleFileIndices: nil)])
    }

    func testDifferentDetectorDistanceIsNotShared() {
        var moved = detector
        moved.panels[0].origin.z = -310
        var second = header("b_1_0001.cbf", start: 0, index: 1)
        second.detector = moved
        let list = SweepGrouping.group([header("a_1_0001.cbf", start: 0, index: 1), second])
        XCTAssertEqual(list.detectors.count, 2)
        XCTAssertEqual(list.count, 2)
    }
}
