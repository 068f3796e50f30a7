import Foundation
import MXTestSupport
import XCTest
@testable import MXGeometry

/// The `.expt` reader (JSON parser and models) under seeded mutation: a damaged file is a
/// thrown one-line error, never a trap. `FUZZ_CASES=100000 swift test -c release --filter Fuzz`
/// for a long run.
final class ExptReaderFuzzTests: XCTestCase {
    func testMutatedExperimentListsNeverTrap() throws {
        let dxtbx = TestData.fixtures.appendingPathComponent("dxtbx")
        let corpus = try ["l_cysteine_imported.expt", "lcys1_indexed.expt"].map {
            [UInt8](try Data(contentsOf: dxtbx.appendingPathComponent($0)))
        }
        let fuzzer = MutationFuzzer(target: ".expt", corpus: corpus,
                                    dictionary: ["\"image_size\": ", "\"mask\": ", "\"image_range\": ", "\"wavelength\": ", "[1e308, 1e308]",
                                                 "\"panel\": ", "\"identifier\": \"\"", "\"experiment\": []", "{}"])
        let (seed, first, cases) = MutationFuzzer.settings(defaultCases: 1500)
        let report = fuzzer.run(seed: seed, first: first, cases: cases) { bytes in
            _ = try ExperimentList(json: try JSONParser.parse(bytes: bytes))
        }
        print(report)
        XCTAssertEqual(report.cases, cases)
        XCTAssertGreaterThan(report.rejected, cases / 4)
    }
}
