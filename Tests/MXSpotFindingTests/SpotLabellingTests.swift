import XCTest
@testable import MXSpotFinding

/// Connected components as DIALS's `PixelListLabeller` forms them: face neighbours only
/// (6-connectivity across frames in 3-D, 4-connectivity in 2-D), labels numbered by each
/// component's first pixel in (z, y, x) order.
final class SpotLabellingTests: XCTestCase {
    let width = 10

    /// A frame's strong pixels from (x, y) pairs, in row-major order.
    func frame(_ z: Int, _ pixels: [(Int, Int)]) -> StrongPixelList {
        let indices = pixels.map { Int32($0.1 * width + $0.0) }.sorted()
        return StrongPixelList(frame: z, indices: indices, values: indices.map { _ in 1 })
    }

    func testDiagonalNeighboursAreSeparateSpots() {
        let (labels, count) = SpotLabelling.label([frame(0, [(1, 1), (2, 2), (3, 2)])], width: width, threeD: true)
        XCTAssertEqual(count, 2)
        XCTAssertEqual(labels, [0, 1, 1])
    }

    /// Pixel (9, 0) and (0, 1) are consecutive indices but not neighbours.
    func testTheEndOfARowDoesNotTouchTheStartOfTheNext() {
        let (labels, count) = SpotLabelling.label([frame(0, [(9, 0), (0, 1)])], width: width, threeD: true)
        XCTAssertEqual(count, 2)
        XCTAssertEqual(labels, [0, 1])
    }

    /// A U shape: the two arms start as separate runs and join at the bottom; the label is the
    /// one of the first pixel.
    func testComponentsJoinThroughLaterRows() {
        let pixels = [(1, 0), (5, 0), (1, 1), (5, 1), (1, 2), (2, 2), (3, 2), (4, 2), (5, 2), (8, 0)]
        let (labels, count) = SpotLabelling.label([frame(0, pixels)], width: width, threeD: true)
        XCTAssertEqual(count, 2)
        // Row-major order: (1,0) (5,0) (8,0) (1,1) (5,1) (1,2)…(5,2).
        XCTAssertEqual(labels, [0, 0, 1, 0, 0, 0, 0, 0, 0, 0])
    }

    /// The same pixel on consecutive frames joins in 3-D only; a gap of one frame separates.
    func testFramesJoinInThreeDButNotInTwoD() {
        let frames = [frame(4, [(3, 3)]), frame(5, [(3, 3), (7, 7)]), frame(6, [(7, 7)]), frame(8, [(7, 7)])]
        let three = SpotLabelling.label(frames, width: width, threeD: true)
        XCTAssertEqual(three.count, 3)
        XCTAssertEqual(three.labels, [0, 0, 1, 1, 2])
        let two = SpotLabelling.label(frames, width: width, threeD: false)
        XCTAssertEqual(two.count, 5)
        XCTAssertEqual(two.labels, [0, 1, 2, 3, 4])
    }

    /// A spot that starts later can get a lower-numbered first pixel only by frame order: labels
    /// follow (z, y, x) of the first pixel, so a spot first seen on frame 1 at the top of the
    /// image comes after one first seen on frame 0 at the bottom.
    func testLabelsFollowTheFirstPixelInZYXOrder() {
        let frames = [frame(0, [(5, 9)]), frame(1, [(0, 0), (5, 9)])]
        let (labels, count) = SpotLabelling.label(frames, width: width, threeD: true)
        XCTAssertEqual(count, 2)
        XCTAssertEqual(labels, [0, 1, 0])
    }

    func testExtractionDropsSmallAndLargeSpotsAndBoxesAreHalfOpen() {
        // A 2×2 block over frames 3–4 (8 pixels), a 1-pixel spot, and a 2-pixel spot.
        let block = [(2, 2), (3, 2), (2, 3), (3, 3)]
        let frames = [frame(3, block + [(8, 8)]), frame(4, block + [(0, 9), (1, 9)])]
        let (spots, counts) = SpotExtraction.spots(panel: 0, frames: frames, width: width, threeD: true,
                                                   minSize: 3, maxSize: 7, maxSeparation: 2)
        XCTAssertEqual(counts.extracted, 3)
        XCTAssertEqual(counts.tooSmall, 2)
        XCTAssertEqual(counts.tooLarge, 1)
        XCTAssertEqual(spots, [])
        let (kept, _) = SpotExtraction.spots(panel: 0, frames: frames, width: width, threeD: true,
                                             minSize: 3, maxSize: 8, maxSeparation: 2)
        XCTAssertEqual(kept.map(\.bbox.values), [[2, 4, 2, 4, 3, 5]])
        XCTAssertEqual(kept.first?.pixelCount, 8)
    }
}
