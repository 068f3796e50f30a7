import Foundation
import MXGeometry
import MXTestSupport
import XCTest
@testable import MXImages

/// A header number that is not finite or not physical (NaN or ∞ distance, wavelength ≤ 0,
/// distance 0, a negative pixel size) is a one-line read error naming the line, and at import
/// the image is skipped and its sweep splits around it — it is never given its neighbours'
/// detector.
final class BadHeaderValueTests: XCTestCase {
    var scratch: ScratchDirectory!

    override func setUpWithError() throws { scratch = try ScratchDirectory() }
    override func tearDown() { scratch = nil }

    /// The synthetic image (image `index` of a 0.2° sweep) with the `# <key> …` line replaced.
    func image(replacing key: String, with bad: String, index: Int = 1) throws -> String {
        var h = SyntheticImage.header()
        h.startAngle = 0.2 * Double(index - 1)
        var bytes = MiniCBFWriter.encode(SyntheticImage.module(), header: h, name: String(format: "bad_%04d", index))
        if !key.isEmpty {
            let start = try XCTUnwrap(ByteSearch.firstIndex(of: Array("# \(key) ".utf8), in: bytes))
            let end = try XCTUnwrap(bytes[start...].firstIndex(of: UInt8(ascii: "\r")))
            bytes.replaceSubrange(start..<end, with: Array(bad.utf8))
        }
        return try scratch.write(bytes, as: String(format: "bad_%04d.cbf", index))
    }

    func testNonFiniteAndImpossibleValuesAreOneLineErrors() throws {
        let cases: [(String, String, String)] = [
            ("Detector_distance", "# Detector_distance NaN m", "\"# Detector_distance NaN m\": nan is not a finite number"),
            ("Detector_distance", "# Detector_distance inf m", "inf is not a finite number"),
            ("Detector_distance", "# Detector_distance 0 m", "mm: the sample lies in the panel plane"),
            ("Wavelength", "# Wavelength -1 A", "wavelength -1.0 Å is outside"),
            ("Wavelength", "# Wavelength 0 A", "wavelength 0.0 Å is outside"),
            ("Pixel_size", "# Pixel_size -0.000172 m x 0.000172 m", "panel pixel_size -0.17"),
            ("Beam_xy", "# Beam_xy (nan, 97.25) pixels", "panel axes or origin are not finite"),
            ("Start_angle", "# Start_angle Infinity deg.", "is not a finite number"),
        ]
        for (line, bad, reason) in cases {
            let path = try image(replacing: line, with: bad)
            assertReadError(try CBFHeader.read(path: path, imageIndex: 1), contains: reason)
            assertReadError(try CBFImage.read(path: path, imageIndex: 1), contains: reason)
        }
    }

    func testABadImageIsSkippedAndItsSweepSplitsAsForAMissingOne() throws {
        for i in 1...6 where i != 4 { _ = try image(replacing: "", with: "", index: i) }
        let bad = try image(replacing: "Detector_distance", with: "# Detector_distance NaN m", index: 4)
        let report = ImageImporter.importImages([scratch.url.path])
        XCTAssertEqual(report.experiments.scans.map { [$0.imageRange.first, $0.imageRange.last] }, [[1, 3], [5, 6]])
        XCTAssertEqual(report.skipped.map(\.description), [bad + ": \"# Detector_distance NaN m\": nan is not a finite number"])
        // Both halves keep the good images' own detector.
        for d in report.experiments.detectors { XCTAssertEqual(d.panels[0].distance, 190.18, accuracy: 1e-9) }
    }
}
