import Foundation
import MXGeometry
import XCTest
@testable import MXImages

final class ConcurrencyAndStatisticsTests: XCTestCase {
    /// Import reads headers on all cores: parallel reads give exactly the sequential models
    /// (libcbf, which is not known to be thread-safe, runs under one lock).
    func testParallelHeaderReadsEqualSequentialOnes() throws {
        let scratch = try ScratchDirectory()
        var paths: [String] = []
        if let real = try? DxtbxFixture.withRealData().0 {
            paths = (1...15).map { real.appendingPathComponent(String(format: "l_cysteine/l-cyst_0%d_%05d.cbf.bz2", 1 + $0 % 4, $0)).path }
        }
        for i in 1...8 {
            var header = SyntheticImage.header()
            header.startAngle = Double(i)
            let path = scratch.path(String(format: "sim_%04d.cbf", i))
            try MiniCBFWriter.write(SyntheticImage.module(), header: header, to: path)
            paths.append(path)
        }
        let sequential = try paths.map { try CBFHeader.read(path: $0, imageIndex: 1).models }
        let results = ResultBox(count: paths.count)
        let files = paths
        DispatchQueue.concurrentPerform(iterations: paths.count * 2) { i in
            let k = i % files.count
            results.set(k, Result { () throws(ImageReadError) in try CBFHeader.read(path: files[k], imageIndex: 1).models })
        }
        for (k, expected) in sequential.enumerated() {
            XCTAssertEqual(try results.get(k).get(), expected, paths[k])
        }
    }

    func testStatisticsCountMaskTrustedRangeAndMarkers() {
        var panel = Panel(fastAxis: Vec3(1, 0, 0), slowAxis: Vec3(0, -1, 0), origin: Vec3(0, 0, -100),
                          imageSize: (4, 3), pixelSize: (0.172, 0.172), trustedRange: (-1, 100))
        panel.mask = [.init(fast0: 1, slow0: 0, fast1: 2, slow1: 3)]  // column 1
        let image = PixelImage(fast: 4, slow: 3, pixels: [
            5, -1, -2, 100,
            101, 7, -1, 50,
            0, 500, 100, -2,
        ])
        let s = PixelStatistics(image: image, panel: panel)
        XCTAssertEqual(s.pixelCount, 12)
        XCTAssertEqual(s.maskedCount, 3)
        XCTAssertEqual(s.minusOneCount, 2)
        XCTAssertEqual(s.minusTwoCount, 2)
        XCTAssertEqual(s.overloadedCount, 2)  // 101 and the masked 500
        // Valid: 5, 50, 0 — dxtbx 3.11 trusts neither bound, so −1 and 100 are out.
        XCTAssertEqual(s.validCount, 3)
        XCTAssertEqual(s.validSum, 5 + 50 + 0)
        XCTAssertEqual(s.validMax, 50)
        XCTAssertEqual(s.validMaxAt, .init(slow: 1, fast: 3))
    }
}

/// Results written from concurrent iterations, one slot each.
private final class ResultBox: @unchecked Sendable {
    private var slots: [Result<ImageModels, ImageReadError>?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ r: Result<ImageModels, ImageReadError>) { lock.lock(); slots[i] = r; lock.unlock() }
    func get(_ i: Int) -> Result<ImageModels, ImageReadError> { lock.lock(); defer { lock.unlock() }; return slots[i]! }
}
