import Foundation
import MXTestSupport
import XCTest
@testable import MXReflections

/// The `.refl` codec on synthetic tables: layout, round trips, and refusal of bad input.
final class ReflFileTests: XCTestCase {
    private func problem(_ bytes: [UInt8]) -> ReflectionFileError.Problem? {
        do {
            _ = try ReflectionTable(reflBytes: bytes, path: "x.refl")
            return nil
        } catch {
            return error.problem
        }
    }

    func testLayoutIsDIALSs() throws {
        let bytes = try sampleTable().reflBytes()
        let tree = try MessagePackValue.decode(bytes)
        let top = try XCTUnwrap(tree.arrayValue)
        XCTAssertEqual(top.count, 3)
        XCTAssertEqual(top[0], .string("dials::af::reflection_table"))
        XCTAssertEqual(top[1], .uint(1))
        let header = try XCTUnwrap(top[2].mapValue)
        XCTAssertEqual(header.map(\.key), [.string("identifiers"), .string("nrows"), .string("data")])
        XCTAssertEqual(top[2]["identifiers"], .map([MessagePackPair(.uint(0), .string("exp-zero")),
                                                    MessagePackPair(.uint(1), .string("exp-one"))]))
        XCTAssertEqual(top[2]["nrows"], .uint(5))
        let data = try XCTUnwrap(top[2]["data"]?.mapValue)
        XCTAssertEqual(data.compactMap(\.key.stringValue),
                       ["bbox", "entering", "flags", "id", "intensity.sum.value", "miller_index", "xyzobs.px.value"])
        // ["int", [5, bin(20 bytes, little-endian int32)]]
        let id = try XCTUnwrap(top[2]["data"]?["id"]?.arrayValue)
        XCTAssertEqual(id[0], .string("int"))
        XCTAssertEqual(id[1], .array([.uint(5), .binary([0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x80])]))
        let types = data.compactMap { $0.value.arrayValue?.first?.stringValue }
        XCTAssertEqual(types, ["int6", "bool", "std::size_t", "int", "double", "cctbx::miller::index<>", "vec3<double>"])
    }

    func testRoundTripIsExactAndDeterministic() throws {
        let t = try sampleTable()
        let bytes = try t.reflBytes()
        let back = try ReflectionTable(reflBytes: bytes)
        XCTAssertEqual(back, t)
        XCTAssertEqual(back.doubles("intensity.sum.value")?[1].sign, .minus, "-0.0 survives")
        XCTAssertEqual(try back.reflBytes(), bytes)
        XCTAssertEqual(try t.reflBytes(), bytes)
        XCTAssertTrue(back.skippedColumns.isEmpty)
    }

    func testEmptyTablesRoundTrip() throws {
        for t in [ReflectionTable(), ReflectionTable(nrows: 3, identifiers: [-1: "neg"]),
                  try ReflectionTable(columns: ["x": .double([]), "h": .miller([])])] {
            XCTAssertEqual(try ReflectionTable(reflBytes: t.reflBytes()), t)
        }
    }

    func testFileWriteAndRead() throws {
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("t.refl")
        let t = try sampleTable()
        try t.write(to: url)
        XCTAssertEqual(try ReflectionTable(contentsOf: url), t)
        try t.select(rows: [1]).write(to: url)  // overwrite in place
        XCTAssertEqual(try ReflectionTable(contentsOf: url).nrows, 1)

        let missing = dir.appendingPathComponent("missing.refl")
        XCTAssertThrowsError(try ReflectionTable(contentsOf: missing)) {
            let e = $0 as! ReflectionFileError
            guard case .unreadable = e.problem else { return XCTFail("\(e)") }
            XCTAssertTrue(e.description.hasPrefix(missing.path + ": cannot read file"), e.description)
            XCTAssertFalse(e.description.contains("\n"))
        }
        XCTAssertThrowsError(try t.write(to: dir.appendingPathComponent("no/such/dir/t.refl"))) {
            guard case .unwritable = ($0 as! ReflectionFileError).problem else { return XCTFail("\($0)") }
        }
    }

    /// A panel number is a `size_t` in the file; one no detector could have (2⁶³ traps the
    /// conversion to Int everywhere a panel is used) makes the file corrupt, in one line naming
    /// the row. Panel numbers up to Int32.max are still read.
    func testAPanelBeyondAnyDetectorIsCorrupt() throws {
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("damaged.refl")
        for panel in [UInt64(1) << 63, UInt64.max, UInt64(Int32.max) + 1] {
            var t = ReflectionTable(nrows: 3)
            try t.setColumn("panel", [0, panel, 1])
            try t.write(to: url)
            XCTAssertThrowsError(try ReflectionTable(contentsOf: url)) { error in
                let e = error as! ReflectionFileError
                XCTAssertEqual(e.problem, .corrupt("row 1 is on panel \(panel), beyond any detector"))
                XCTAssertEqual(e.description, "\(url.path): corrupt reflection table: row 1 is on panel \(panel), beyond any detector")
            }
        }
        var t = ReflectionTable(nrows: 2)
        try t.setColumn("panel", [0, UInt64(Int32.max)])
        try t.write(to: url)
        XCTAssertEqual(try ReflectionTable(contentsOf: url), t)
    }

    /// Every proper prefix of a valid file is reported as truncated; nothing traps.
    func testEveryTruncationIsAnError() throws {
        let bytes = try sampleTable().reflBytes()
        for n in 1..<bytes.count {
            let p = problem(Array(bytes[..<n]))
            XCTAssertEqual(p, .truncated(offset: n), "prefix \(n)")
        }
        XCTAssertEqual(problem([]), .notAReflectionTable(found: "empty file"))
    }

    /// Flipping bytes anywhere gives a table or an error, never a trap.
    func testCorruptionNeverTraps() throws {
        let bytes = try sampleTable().reflBytes()
        var rng = SplitMix64(seed: 7)
        for _ in 0..<3000 {
            var b = bytes
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                b[Int.random(in: 0..<b.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
            }
            _ = problem(b)
        }
    }

    func testWrongFilesAreNamed() throws {
        XCTAssertEqual(problem([0x80, 0x02, 0x7d, 0x71]), .notAReflectionTable(found: "looks like a Python pickle, the pre-2019 DIALS format"))
        XCTAssertEqual(problem(Array("{\"__id__\": \"ExperimentList\"}".utf8)),
                       .notAReflectionTable(found: "starts with a msgpack int, not an array"))
        let other = MessagePackValue.array([.string("dials::af::shoebox"), .uint(1), .map([])]).encoded()
        XCTAssertEqual(problem(other), .notAReflectionTable(found: "type name is 'dials::af::shoebox'"))
        let v2 = MessagePackValue.array([.string(ReflectionTable.reflMagic), .uint(2), .map([])]).encoded()
        XCTAssertEqual(problem(v2), .unsupportedVersion(2))
        let e = ReflectionFileError(path: "/d/strong.refl", problem: .unsupportedVersion(2))
        XCTAssertEqual(e.description, "/d/strong.refl: unsupported reflection table version 2 (expected 1)")
    }

    private func file(header: [MessagePackPair]) -> [UInt8] {
        MessagePackValue.array([.string(ReflectionTable.reflMagic), .uint(1), .map(header)]).encoded()
    }

    private func column(_ type: String, _ count: UInt64, _ bytes: [UInt8]) -> MessagePackValue {
        .array([.string(type), .array([.uint(count), .binary(bytes)])])
    }

    func testStructuralCorruption() {
        let nrows = MessagePackPair(.string("nrows"), .uint(1))
        func corrupt(_ header: [MessagePackPair]) -> String? {
            if case .corrupt(let why) = problem(file(header: header)) { return why }
            return nil
        }
        XCTAssertEqual(corrupt([MessagePackPair(.string("data"), .map([]))]), "no 'nrows' entry")
        XCTAssertEqual(corrupt([nrows]), "no 'data' entry")
        func data(_ x: MessagePackValue) -> MessagePackPair {
            MessagePackPair(.string("data"), .map([MessagePackPair(.string("x"), x)]))
        }
        XCTAssertEqual(corrupt([nrows, data(column("double", 1, [1, 2, 3]))]),
                       "column 'x' (double) claims 1 rows but holds 3 bytes")
        XCTAssertEqual(corrupt([nrows, data(column("double", 2, Array(repeating: 0, count: 16)))]),
                       "column 'x' has 2 rows but nrows is 1")
        XCTAssertEqual(corrupt([nrows, data(column("int6", UInt64.max, []))]),
                       "column 'x' (int6) claims 18446744073709551615 rows but holds 0 bytes")
        XCTAssertNotNil(corrupt([nrows, data(.array([.string("double")]))]))
        XCTAssertNotNil(corrupt([MessagePackPair(.string("nrows"), .int(-1)), MessagePackPair(.string("data"), .map([]))]))
        let badID = MessagePackPair(.string("identifiers"), .map([MessagePackPair(.uint(1 << 40), .string("x"))]))
        XCTAssertNotNil(corrupt([nrows, badID, MessagePackPair(.string("data"), .map([]))]))
        let e = ReflectionFileError(path: "a.refl", problem: .corrupt("no 'nrows' entry"))
        XCTAssertEqual(e.description, "a.refl: corrupt reflection table: no 'nrows' entry")
    }

    /// Columns of types we do not model (Shoebox<>, std::string, mat3<double>, anything new) are
    /// stepped over and listed; header keys may come in any order; unknown header keys are skipped.
    func testUnknownColumnTypesAreSkipped() throws {
        let bytes = file(header: [
            MessagePackPair(.string("data"), .map([
                MessagePackPair(.string("shoebox"), column("Shoebox<>", 1, Array(repeating: 9, count: 30))),
                MessagePackPair(.string("x"), column("double", 1, [0, 0, 0, 0, 0, 0, 0xf0, 0x3f])),
                MessagePackPair(.string("future"), .array([.string("quaternion<double>"), .map([MessagePackPair(.nil, .nil)])])),
            ])),
            MessagePackPair(.string("comment"), .array([.string("from the future")])),
            MessagePackPair(.string("nrows"), .uint(1)),
            MessagePackPair(.string("identifiers"), .map([MessagePackPair(.int(-1), .string("minus one"))])),
        ])
        let t = try ReflectionTable(reflBytes: bytes)
        XCTAssertEqual(t.nrows, 1)
        XCTAssertEqual(t.columnNames, ["x"])
        XCTAssertEqual(t.doubles("x"), [1.0])
        XCTAssertEqual(t.skippedColumns, ["shoebox", "future"])
        XCTAssertEqual(t.identifiers, [-1: "minus one"])
    }
}
