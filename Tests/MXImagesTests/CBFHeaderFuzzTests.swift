import Foundation
import MXTestSupport
import XCTest
@testable import MXImages

/// The CBF header parser (MIME layout, `# Key value` lines, libcbf's CIF parse, the models)
/// under seeded mutation: any damaged header is a thrown `CBFProblem`, never a trap. A short
/// run in CI; `FUZZ_CASES=100000 swift test -c release --filter Fuzz` for a long one.
final class CBFHeaderFuzzTests: XCTestCase {
    func testMutatedHeadersNeverTrap() throws {
        // The header and the start of the binary section: mutations land where the parser reads.
        func head(_ bytes: [UInt8]) -> [UInt8] { Array(bytes.prefix(Damage.binaryStart(bytes) + 512)) }
        var corpus = [head(SyntheticImage.bytes())]
        if let real = TestData.realData {
            let file = real.appendingPathComponent("thaumatin_grid_i24/thau_3_2_0001.cbf.bz2").path
            if let bytes = try? ImageFileBytes.read(path: file) { corpus.append(head(bytes)) }
        }
        let fuzzer = MutationFuzzer(target: "CBF header", corpus: corpus,
                                    dictionary: ["# Detector_distance ", "# Wavelength ", "# Pixel_size ", "# Beam_xy ", " m x ",
                                                 "X-Binary-Size-Fastest-Dimension: ", "X-Binary-Size: ", "--CIF-BINARY-FORMAT-SECTION--"])
        let (seed, first, cases) = MutationFuzzer.settings(defaultCases: 1500)
        let report = fuzzer.run(seed: seed, first: first, cases: cases) { bytes in
            // A closure that returns the error rather than throwing it: SILGen of Swift 6.3
            // crashes reabstracting a typed-throws closure for withUnsafeBytes here.
            let problem = bytes.withUnsafeBytes { raw -> (any Error)? in
                do { _ = try CBFHeader.parse(raw, path: "fuzz.cbf", imageIndex: 1); return nil } catch { return error }
            }
            if let problem { throw problem }
        }
        print(report)
        XCTAssertEqual(report.cases, cases)
        // The mutations must actually break things, or the run proves nothing.
        XCTAssertGreaterThan(report.rejected, cases / 4)
    }
}
