import Foundation
import MXGeometry
import XCTest
@testable import MXReflections

/// Reading a strong.refl written by DIALS 3.12 (`dials.import` + `dials.find_spots` on
/// l-cysteine sweep 1, 15 images): Tests/Fixtures/dxtbx/lcys1_strong.refl.
///
/// Expected values were printed by DIALS itself:
/// ```
/// /usr/bin/python3 -c "from dials.array_family import flex
/// t = flex.reflection_table.from_file('Tests/Fixtures/dxtbx/lcys1_strong.refl')
/// for i in (0, 1, 53): print(i, t['bbox'][i], t['flags'][i], t['id'][i],
///     repr(t['intensity.sum.value'][i]), t['n_signal'][i], t['panel'][i],
///     [repr(v) for v in t['xyzobs.px.value'][i]], [repr(v) for v in t['xyzobs.px.variance'][i]])
/// print(repr(flex.sum(t['intensity.sum.value'])), flex.sum(t['n_signal']))"
/// ```
/// (The values are deterministic; only the experiment identifier, a random UUID made by
/// dials.import, changes if the fixture is regenerated, so only its shape is checked.)
final class DIALSFixtureTests: XCTestCase {
    /// A missing fixture fails the test with "<path>: cannot read file: …".
    private func load() throws -> ReflectionTable {
        try ReflectionTable(contentsOf: Fixture.lcys1Strong)
    }

    func testReadsDIALSStrongRefl() throws {
        let t = try load()
        XCTAssertEqual(t.nrows, 54)
        XCTAssertEqual(t.columnNames, ["bbox", "flags", "id", "intensity.sum.value", "intensity.sum.variance",
                                       "n_signal", "panel", "xyzobs.px.value", "xyzobs.px.variance"])
        XCTAssertEqual(t.skippedColumns, ["shoebox"])
        XCTAssertEqual(Array(t.identifiers.keys), [0])
        let uuid = try XCTUnwrap(t.identifiers[0])
        XCTAssertNotNil(uuid.range(of: "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", options: .regularExpression), uuid)

        XCTAssertEqual(t.columnType("bbox"), .int6)
        XCTAssertEqual(t.columnType("flags"), .size)
        XCTAssertEqual(t.columnType("id"), .int)
        XCTAssertEqual(t.columnType("n_signal"), .int)
        XCTAssertEqual(t.columnType("panel"), .size)

        let bbox = try XCTUnwrap(t.int6s("bbox"))
        XCTAssertEqual(bbox[0], Int6(403, 412, 186, 193, 0, 15))
        XCTAssertEqual(bbox[1], Int6(1075, 1079, 733, 737, 0, 3))
        XCTAssertEqual(bbox[53], Int6(1054, 1056, 1426, 1429, 14, 15))
        XCTAssertEqual(t.flags?.allSatisfy { $0 == .strong }, true)
        XCTAssertEqual(t.ints("id")?.allSatisfy { $0 == 0 }, true)
        XCTAssertEqual(t.sizes("panel")?.allSatisfy { $0 == 0 }, true)

        let i = try XCTUnwrap(t.doubles("intensity.sum.value"))
        XCTAssertEqual([i[0], i[1], i[53]], [1744.0, 194.0, 19.0])
        XCTAssertEqual(t.doubles("intensity.sum.variance"), i)
        XCTAssertEqual(i.reduce(0, +), 108908.0)
        let n = try XCTUnwrap(t.ints("n_signal"))
        XCTAssertEqual([n[0], n[1], n[53]], [146, 26, 6])
        XCTAssertEqual(n.reduce(0, +), 2152)

        // Exact equality: the blob holds the very doubles DIALS printed with repr().
        let xyz = try XCTUnwrap(t.vec3s("xyzobs.px.value"))
        XCTAssertEqual(xyz[0], Vec3(408.1846330275229, 190.21158256880733, 6.435779816513762))
        XCTAssertEqual(xyz[1], Vec3(1076.5979381443299, 735.1494845360825, 1.288659793814433))
        XCTAssertEqual(xyz[53], Vec3(1055.2368421052631, 1427.4473684210527, 14.5))
        let variance = try XCTUnwrap(t.vec3s("xyzobs.px.variance"))
        XCTAssertEqual(variance[0], Vec3(0.0844756142862502, 0.08404754238768386, 0.08764486166511673))
        XCTAssertEqual(variance[53], Vec3(0.09761321909424724, 0.11801305589555283, 0.08333333333333333))
    }

    func testReadWriteReadIsLossless() throws {
        let t = try load()
        let again = try ReflectionTable(reflBytes: t.reflBytes())
        XCTAssertEqual(again, t)
        XCTAssertEqual(try again.reflBytes(), try t.reflBytes())
    }

    /// Our encoder reproduces DIALS's bytes exactly: the fixture with its "shoebox" entry cut out
    /// of the data map (and the map's count lowered by one) is what we write.
    func testEncoderMatchesDIALSBytes() throws {
        let t = try load()
        let original = [UInt8](try Data(contentsOf: Fixture.lcys1Strong))

        var r = MessagePackReader(original)
        _ = try r.readArrayHeader()
        _ = try r.readString()
        _ = try r.readUInt()
        var dataHeader: Range<Int>?, dataCount = 0, shoebox: Range<Int>?
        for _ in 0..<(try r.readMapHeader()) {
            if try r.readString() == "data" {
                let start = r.offset
                dataCount = try r.readMapHeader()
                dataHeader = start..<r.offset
                for _ in 0..<dataCount {
                    let entryStart = r.offset
                    let name = try r.readString()
                    try r.skipValue()
                    if name == "shoebox" { shoebox = entryStart..<r.offset }
                }
            } else {
                try r.skipValue()
            }
        }
        try r.expectEnd()
        let header = try XCTUnwrap(dataHeader), cut = try XCTUnwrap(shoebox)
        var w = MessagePackWriter()
        w.writeMapHeader(count: dataCount - 1)
        let expected = Array(original[..<header.lowerBound]) + w.bytes
            + Array(original[header.upperBound..<cut.lowerBound]) + Array(original[cut.upperBound...])
        XCTAssertEqual(try t.reflBytes(), expected)
    }

    func testTruncatedAndCorruptFixture() throws {
        let bytes = [UInt8](try Data(contentsOf: Fixture.lcys1Strong))
        for n in [1, 40, 100, 5000, bytes.count / 2, bytes.count - 1] {
            XCTAssertThrowsError(try ReflectionTable(reflBytes: Array(bytes[..<n]), path: "lcys1_strong.refl")) {
                let e = $0 as! ReflectionFileError
                XCTAssertEqual(e.problem, .truncated(offset: n))
                XCTAssertEqual(e.description, "lcys1_strong.refl: file is truncated (ends at byte \(n))")
            }
        }
        // Change the bbox blob's length prefix (bin16 0x0510 → 0x050f) so sizes disagree.
        var bad = bytes
        let at = try XCTUnwrap(findBytes([0xa4, 0x69, 0x6e, 0x74, 0x36, 0x92, 0x36, 0xc5, 0x05, 0x10], in: bad))
        bad[at + 9] = 0x0f
        XCTAssertThrowsError(try ReflectionTable(reflBytes: bad, path: "x.refl")) {
            guard case .corrupt = ($0 as! ReflectionFileError).problem else { return XCTFail("\($0)") }
        }
    }

    private func findBytes(_ needle: [UInt8], in hay: [UInt8]) -> Int? {
        guard hay.count >= needle.count else { return nil }
        return (0...(hay.count - needle.count)).first { hay[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}
