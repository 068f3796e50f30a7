import MXGeometry
import MXImages
import XCTest
@testable import MXSpotFinding

/// The threshold rules on images small enough to work out by hand: a single bright pixel on a
/// flat background of 10 counts, 15 × 15 pixels, with DIALS's defaults (7 × 7 window, nσ_b 6,
/// nσ_s 3, min_local 2).
///
/// At the bright pixel (100 counts, interior) the window has m = 49, Σv = 48·10 + 100 = 580 and
/// Σv² = 48·100 + 10⁴ = 14 800, so a = 49·14 800 − 580² − 580·48 = 360 960 > c = 580·6·√96 ≈
/// 34 097 and b = 49·100 − 580 = 4 320 > d = 3·√(580·49) ≈ 506: strong. Its neighbours hold 10,
/// so b = 490 − 580 < 0; pixels whose window misses the bright one have zero variance. Only the
/// bright pixel is strong.
final class ThresholdHandComputedTests: XCTestCase {
    let size = 15
    var flat: Panel { TestImages.panel(fast: size, slow: size) }

    func strong(_ image: PixelImage, panel: Panel? = nil, _ configure: (inout SpotFindingParameters) -> Void = { _ in }) throws -> [Int] {
        var p = SpotFindingParameters()
        configure(&p)
        return TestImages.indices(try StrongPixelThreshold(parameters: p).strongMask(in: image, panel: panel ?? flat))
    }

    func spike(at f: Int, _ s: Int, value: Int32 = 100) -> PixelImage {
        TestImages.image(fast: size, slow: size, background: 10, set: [(f, s, value)])
    }

    func testASingleBrightPixelIsTheOnlyStrongPixelForBothAlgorithms() throws {
        let centre = 7 * size + 7
        XCTAssertEqual(try strong(spike(at: 7, 7)), [centre])
        XCTAssertEqual(try strong(spike(at: 7, 7)) { $0.threshold = .dispersion }, [centre])
    }

    func testAFlatImageHasNoStrongPixels() throws {
        let image = TestImages.image(fast: size, slow: size, background: 10)
        XCTAssertEqual(try strong(image), [])
        XCTAssertEqual(try strong(image) { $0.threshold = .dispersion }, [])
    }

    /// At the corner the window is clipped to 4 × 4: m = 16, Σv = 250, Σv² = 11 500, so
    /// a = 117 750 > c = 250·6·√30 ≈ 8 216 and b = 1 350 > d = 3·√4 000 ≈ 190.
    func testTheWindowIsClippedAtTheImageEdges() throws {
        XCTAssertEqual(try strong(spike(at: 0, 0)) { $0.threshold = .dispersion }, [0])
        XCTAssertEqual(try strong(spike(at: 0, 0)), [0])
        XCTAssertEqual(try strong(spike(at: 14, 14)), [size * size - 1])
    }

    /// A 3 × 3 blob (centre 100, ring r) on the flat 10s. The extended algorithm's final test
    /// compares each core pixel with the mean of the background left after erosion — here all
    /// 10s — so a ring pixel is strong when r ≥ 10 + 3·√10 ≈ 19.49: 19 gives the centre only, 20
    /// gives all nine. The classic test compares with the mean of the whole 7 × 7 window, which
    /// the blob itself raises, so it needs brighter rings (30). DIALS's compiled thresholds give
    /// exactly these sets.
    func testExtendedFinalTestUsesTheBackgroundMeanOutsideTheErodedCore() throws {
        func blob(_ ring: Int32) -> PixelImage {
            var set: [(Int, Int, Int32)] = []
            for s in 6...8 { for f in 6...8 { set.append((f, s, f == 7 && s == 7 ? 100 : ring)) } }
            return TestImages.image(fast: size, slow: size, background: 10, set: set)
        }
        let nine = [96, 97, 98, 111, 112, 113, 126, 127, 128]
        XCTAssertEqual(try strong(blob(19)), [112])
        XCTAssertEqual(try strong(blob(20)), nine)
        XCTAssertEqual(try strong(blob(25)) { $0.threshold = .dispersion }, [112])
        XCTAssertEqual(try strong(blob(30)) { $0.threshold = .dispersion }, nine)
    }

    func testMaskedTrustedRangeAndGapPixelsAreNeverStrong() throws {
        // Inside a static mask rectangle.
        let masked = TestImages.panel(fast: size, slow: size, mask: [Panel.MaskRect(fast0: 7, slow0: 7, fast1: 8, slow1: 8)])
        XCTAssertEqual(try strong(spike(at: 7, 7), panel: masked), [])
        XCTAssertEqual(try strong(spike(at: 7, 7), panel: masked) { $0.threshold = .dispersion }, [])
        // At the trusted maximum (the range is strict: lower < v < upper).
        let low = TestImages.panel(fast: size, slow: size, trusted: (-1, 100))
        XCTAssertEqual(try strong(spike(at: 7, 7), panel: low), [])
        XCTAssertEqual(try strong(spike(at: 7, 7, value: 99), panel: low), [7 * size + 7])
        // −1 and −2 are below the trusted minimum.
        XCTAssertEqual(try strong(TestImages.image(fast: size, slow: size, background: -1, set: [(7, 7, -2)])), [])
    }

    /// Gap pixels do not count in the window: a bright pixel next to a −1 column still sees a
    /// flat background, and the classic test finds it. The extended algorithm does not: masked
    /// pixels are "not dispersed", so they count as background for the erosion, and a pixel one
    /// column from the gap is within the erosion distance of background. DIALS's compiled
    /// thresholds agree on both.
    func testGapPixelsAreLeftOutOfTheSumsAndErodeTheExtendedCore() throws {
        var set: [(Int, Int, Int32)] = [(7, 7, 100)]
        for s in 0..<size { set.append((8, s, -1)) }
        let image = TestImages.image(fast: size, slow: size, background: 10, set: set)
        XCTAssertEqual(try strong(image) { $0.threshold = .dispersion }, [7 * size + 7])
        XCTAssertEqual(try strong(image), [])
        // Three columns away from the gap the core survives.
        var far: [(Int, Int, Int32)] = [(5, 7, 100)]
        for s in 0..<size { far.append((8, s, -1)) }
        XCTAssertEqual(try strong(TestImages.image(fast: size, slow: size, background: 10, set: far)), [7 * size + 5])
    }

    /// A pixel at or above 2²⁴ counts is tested but not counted in window sums, so with a flat
    /// background around it the variance test sees no dispersion: not strong (as in DIALS).
    func testPixelsAboveTwoToTheTwentyFourAreLeftOutOfTheSums() throws {
        let wide = TestImages.panel(fast: size, slow: size, trusted: (-1, 1e9))
        XCTAssertEqual(try strong(spike(at: 7, 7, value: 1 << 24), panel: wide) { $0.threshold = .dispersion }, [])
        XCTAssertEqual(try strong(spike(at: 7, 7, value: (1 << 24) - 1), panel: wide) { $0.threshold = .dispersion }, [7 * size + 7])
    }

    func testGlobalThresholdAndMinLocal() throws {
        XCTAssertEqual(try strong(spike(at: 7, 7)) { $0.globalThreshold = 100 }, [])
        XCTAssertEqual(try strong(spike(at: 7, 7)) { $0.globalThreshold = 99.5 }, [7 * size + 7])
        XCTAssertEqual(try strong(spike(at: 7, 7)) { $0.threshold = .dispersion; $0.globalThreshold = 100 }, [])
        // The corner window holds 16 pixels: min_local 17 leaves the corner untested.
        XCTAssertEqual(try strong(spike(at: 0, 0)) { $0.threshold = .dispersion; $0.minLocal = 17 }, [])
        XCTAssertEqual(try strong(spike(at: 0, 0)) { $0.threshold = .dispersion; $0.minLocal = 16 }, [0])
        XCTAssertEqual(try strong(spike(at: 7, 7)) { $0.threshold = .dispersion; $0.minLocal = 49 }, [7 * size + 7])
        XCTAssertEqual(try strong(spike(at: 0, 0)) { $0.minLocal = 17 }, [])
        // DIALS refuses a min_local of 1 or above the window size, and a negative threshold.
        XCTAssertThrowsError(try strong(spike(at: 7, 7)) { $0.minLocal = 50 })
        XCTAssertThrowsError(try strong(spike(at: 7, 7)) { $0.minLocal = 1 })
        XCTAssertThrowsError(try strong(spike(at: 7, 7)) { $0.globalThreshold = -1 })
    }
}
