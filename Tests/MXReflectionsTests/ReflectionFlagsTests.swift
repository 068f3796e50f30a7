import XCTest
@testable import MXReflections

final class ReflectionFlagsTests: XCTestCase {
    /// Values from `flex.reflection_table.flags.names` in DIALS 3.12.1 (python3-dials), printed with
    /// `/usr/bin/python3 -c "from dials.array_family import flex; print({k: int(v) for k, v in
    /// flex.reflection_table.flags.names.items()})"`.
    func testBitValuesMatchDIALS() {
        let dials: [String: UInt64] = [
            "predicted": 1, "observed": 2, "indexed": 4, "used_in_refinement": 8, "strong": 32,
            "reference_spot": 64, "dont_integrate": 128, "integrated_sum": 256, "integrated_prf": 512,
            "integrated": 768, "overloaded": 1024, "overlapped_bg": 2048, "overlapped_fg": 4096,
            "in_powder_ring": 8192, "foreground_includes_bad_pixels": 16384,
            "background_includes_bad_pixels": 32768, "includes_bad_pixels": 49152,
            "bad_shoebox": 64512, "bad_spot": 64512, "used_in_modelling": 65536,
            "centroid_outlier": 131072, "failed_during_background_modelling": 262144,
            "failed_during_summation": 524288, "failed_during_profile_fitting": 1048576,
            "bad_reference": 2097152, "user_excluded_in_scaling": 4194304,
            "outlier_in_scaling": 8388608, "excluded_for_scaling": 16777216,
            "bad_for_scaling": 29360128, "scaled": 67108864, "excluded_for_refinement": 33554432,
            "bad_for_refinement": 33685504,
        ]
        for (name, value) in dials {
            XCTAssertEqual(ReflectionFlags(dialsName: name)?.rawValue, value, name)
        }
        XCTAssertEqual(ReflectionFlags.named.count, dials.count - 6, "every single-bit DIALS flag is named")
        XCTAssertNil(ReflectionFlags(dialsName: "bogus"))
        XCTAssertEqual(ReflectionFlags.centroidOutlier.rawValue, 1 << 17)
        XCTAssertEqual(ReflectionFlags.excludedForRefinement.rawValue, 1 << 25)
        XCTAssertEqual(ReflectionFlags.scaled.rawValue, 1 << 26)
    }

    func testNamesAndDescription() {
        let f: ReflectionFlags = [.strong, .indexed, ReflectionFlags(rawValue: 1 << 40)]
        XCTAssertEqual(f.names, ["indexed", "strong"])
        XCTAssertEqual(f.description, "indexed|strong|bit 40")
        XCTAssertEqual(ReflectionFlags().description, "none")
    }

    func testTableFlagHelpers() throws {
        var t = ReflectionTable(nrows: 4)
        XCTAssertEqual(try t.flagMask(.strong), [false, false, false, false], "no column: nothing set")
        try t.setFlags(.strong)
        XCTAssertEqual(t.nrows, 4)
        try t.setFlags(.indexed, where: [true, false, true, false])
        XCTAssertEqual(try t.flagMask([.strong, .indexed]), [true, false, true, false])
        XCTAssertEqual(try t.flagMask([.indexed, .usedInRefinement], all: false), [true, false, true, false])
        XCTAssertEqual(try t.flagMask([.indexed, .usedInRefinement], all: true), [false, false, false, false])
        try t.unsetFlags(.strong, where: [true, true, false, false])
        XCTAssertEqual(t.flags, [.indexed, [], [.strong, .indexed], .strong])
        XCTAssertEqual(t.sizes("flags"), [4, 0, 36, 32])
        XCTAssertThrowsError(try t.setFlags(.strong, where: [true]))

        var wrong = try ReflectionTable(columns: ["flags": .int([1])])
        XCTAssertThrowsError(try wrong.flagMask(.predicted))
        XCTAssertThrowsError(try wrong.setFlags(.predicted))
    }
}
