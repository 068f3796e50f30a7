import Foundation
import MXTestSupport
import XCTest
@testable import MXReflections

/// The `.refl` reader (msgpack and columns) under seeded mutation: a damaged table is a
/// thrown `ReflectionFileError`, never a trap. `FUZZ_CASES=100000 swift test -c release --filter
/// Fuzz` for a long run.
final class ReflReaderFuzzTests: XCTestCase {
    func testMutatedReflectionTablesNeverTrap() throws {
        let corpus = try ["dials-refine/indexed.refl", "export/teha_integrated.refl"].map {
            [UInt8](try Data(contentsOf: TestData.fixtures.appendingPathComponent($0)))
        }
        let fuzzer = MutationFuzzer(target: ".refl", corpus: corpus, dictionary: ["panel", "bbox", "nrows", "identifiers", "data"])
        let (seed, first, cases) = MutationFuzzer.settings(defaultCases: 1500)
        let report = fuzzer.run(seed: seed, first: first, cases: cases) { bytes in
            _ = try ReflectionTable(reflBytes: bytes, path: "fuzz.refl")
        }
        print(report)
        XCTAssertEqual(report.cases, cases)
        XCTAssertGreaterThan(report.rejected, cases / 10)
    }
}
