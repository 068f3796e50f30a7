import MXTestSupport
import XCTest
@testable import MXReflections

final class MessagePackTests: XCTestCase {
    private func roundTrip(_ v: MessagePackValue, file: StaticString = #filePath, line: UInt = #line) {
        let bytes = v.encoded()
        XCTAssertEqual(try MessagePackValue.decode(bytes), v, file: file, line: line)
        // Canonical: re-encoding the decoded value gives the same bytes.
        XCTAssertEqual(try MessagePackValue.decode(bytes).encoded(), bytes, file: file, line: line)
    }

    private func hex(_ b: [UInt8]) -> String { b.map { String(format: "%02x", $0) }.joined() }

    func testKnownEncodingsFromTheSpec() {
        XCTAssertEqual(hex(MessagePackValue.nil.encoded()), "c0")
        XCTAssertEqual(hex(MessagePackValue.bool(false).encoded()), "c2")
        XCTAssertEqual(hex(MessagePackValue.bool(true).encoded()), "c3")
        let v = MessagePackValue.array([.string("a"), .uint(1), .int(-1), .nil, .map([MessagePackPair(.uint(0), .string("x"))])])
        XCTAssertEqual(hex(v.encoded()), "95a16101ffc08100a178")
        XCTAssertEqual(hex(MessagePackValue.double(1.5).encoded()), "cb3ff8000000000000")
        XCTAssertEqual(hex(MessagePackValue.float(1.5).encoded()), "ca3fc00000")
    }

    /// Every width boundary picks the smallest format (as msgpack-c does) and round-trips.
    func testUnsignedIntegerWidths() {
        let cases: [(UInt64, UInt8, Int)] = [
            (0, 0x00, 1), (127, 0x7f, 1), (128, 0xcc, 2), (255, 0xcc, 2), (256, 0xcd, 3),
            (65535, 0xcd, 3), (65536, 0xce, 5), (UInt64(UInt32.max), 0xce, 5),
            (UInt64(UInt32.max) + 1, 0xcf, 9), (UInt64.max, 0xcf, 9),
        ]
        for (value, first, length) in cases {
            let b = MessagePackValue.uint(value).encoded()
            XCTAssertEqual(b.first, first, "\(value)")
            XCTAssertEqual(b.count, length, "\(value)")
            roundTrip(.uint(value))
        }
    }

    func testSignedIntegerWidths() {
        let cases: [(Int64, UInt8, Int)] = [
            (-1, 0xff, 1), (-32, 0xe0, 1), (-33, 0xd0, 2), (-128, 0xd0, 2), (-129, 0xd1, 3),
            (-32768, 0xd1, 3), (-32769, 0xd2, 5), (Int64(Int32.min), 0xd2, 5),
            (Int64(Int32.min) - 1, 0xd3, 9), (Int64.min, 0xd3, 9),
            // Non-negative signed values use the unsigned formats, like msgpack-c.
            (5, 0x05, 1), (200, 0xcc, 2), (Int64.max, 0xcf, 9),
        ]
        for (value, first, length) in cases {
            let b = MessagePackValue.int(value).encoded()
            XCTAssertEqual(b.first, first, "\(value)")
            XCTAssertEqual(b.count, length, "\(value)")
            roundTrip(.int(value))
        }
    }

    /// Non-canonical (wider than needed) encodings from other writers are accepted.
    func testReadsWideEncodingsOfSmallNumbers() throws {
        var r = MessagePackReader([0xcd, 0x00, 0x05, 0xd3, 0, 0, 0, 0, 0, 0, 0, 7, 0xd0, 0xfe])
        XCTAssertEqual(try r.readUInt(), 5)
        XCTAssertEqual(try r.readInt(), 7)
        XCTAssertEqual(try r.readInt(), -2)
        XCTAssertTrue(r.isAtEnd)
    }

    func testIntegerRangeErrors() {
        var r = MessagePackReader(MessagePackValue.uint(UInt64.max).encoded())
        XCTAssertThrowsError(try r.readInt()) { XCTAssertEqual($0 as? MessagePackError, .integerOverflow(offset: 0)) }
        var s = MessagePackReader(MessagePackValue.int(-1).encoded())
        XCTAssertThrowsError(try s.readUInt()) { XCTAssertEqual($0 as? MessagePackError, .integerOverflow(offset: 0)) }
    }

    func testFloatsAreBitExact() throws {
        for d in [0.0, -0.0, 1.0 / 3.0, .infinity, -.infinity, .leastNonzeroMagnitude, .greatestFiniteMagnitude, .nan] {
            let bytes = MessagePackValue.double(d).encoded()
            guard case .double(let back) = try MessagePackValue.decode(bytes) else { return XCTFail("not a double") }
            XCTAssertEqual(back.bitPattern, d.bitPattern)
        }
        roundTrip(.float(-2.5))
        var r = MessagePackReader(MessagePackValue.float(0.25).encoded())
        XCTAssertEqual(try r.readDouble(), 0.25)
    }

    func testStringWidths() {
        for (n, first) in [(0, UInt8(0xa0)), (31, 0xbf), (32, 0xd9), (255, 0xd9), (256, 0xda), (65535, 0xda), (65536, 0xdb)] {
            let s = String(repeating: "é", count: n / 2) + String(repeating: "x", count: n % 2)
            XCTAssertEqual(s.utf8.count, n)
            let b = MessagePackValue.string(s).encoded()
            XCTAssertEqual(b.first, first, "length \(n)")
            roundTrip(.string(s))
        }
    }

    func testBinaryWidths() {
        for (n, first) in [(0, UInt8(0xc4)), (255, 0xc4), (256, 0xc5), (65535, 0xc5), (65536, 0xc6)] {
            let data = (0..<n).map { UInt8(truncatingIfNeeded: $0 &* 31) }
            let b = MessagePackValue.binary(data).encoded()
            XCTAssertEqual(b.first, first, "length \(n)")
            roundTrip(.binary(data))
        }
    }

    func testArrayAndMapWidths() {
        for (n, first) in [(0, UInt8(0x90)), (15, 0x9f), (16, 0xdc), (65535, 0xdc), (65536, 0xdd)] {
            let v = MessagePackValue.array((0..<n).map { .uint(UInt64($0 % 100)) })
            XCTAssertEqual(v.encoded().first, first, "array \(n)")
            roundTrip(v)
        }
        for (n, first) in [(0, UInt8(0x80)), (15, 0x8f), (16, 0xde), (65536, 0xdf)] {
            let v = MessagePackValue.map((0..<n).map { MessagePackPair(.uint(UInt64($0)), .bool($0 % 2 == 0)) })
            XCTAssertEqual(v.encoded().first, first, "map \(n)")
            roundTrip(v)
        }
    }

    func testNestedValueAndLookup() throws {
        let v = MessagePackValue.array([
            .string("dials::af::reflection_table"), .uint(1),
            .map([MessagePackPair(.string("nrows"), .uint(3)),
                  MessagePackPair(.string("data"), .map([]))]),
        ])
        roundTrip(v)
        XCTAssertEqual(v.arrayValue?[2]["nrows"]?.uint64Value, 3)
        XCTAssertEqual(MessagePackValue.int(-4).int64Value, -4)
        XCTAssertNil(MessagePackValue.int(-4).uint64Value)
        XCTAssertEqual(MessagePackValue.int(7), .uint(7))
        XCTAssertNotEqual(MessagePackValue.int(-7), .uint(7))
    }

    func testSkipValueStepsOverEverything() throws {
        let first = MessagePackValue.map([
            MessagePackPair(.string("a"), .array([.binary([1, 2, 3]), .double(2), .nil, .string(String(repeating: "z", count: 300))])),
        ])
        var r = MessagePackReader(first.encoded() + MessagePackValue.uint(42).encoded())
        try r.skipValue()
        XCTAssertEqual(try r.readUInt(), 42)
        XCTAssertTrue(r.isAtEnd)
    }

    func testMalformedInputThrowsTypedErrors() {
        func error(_ bytes: [UInt8]) -> MessagePackError? {
            do { _ = try MessagePackValue.decode(bytes); return nil } catch { return error }
        }
        XCTAssertEqual(error([]), .truncated(offset: 0, needed: 1))
        XCTAssertEqual(error([0xcd, 0x01]), .truncated(offset: 2, needed: 1))
        XCTAssertEqual(error([0xa5, 0x61]), .truncated(offset: 2, needed: 4))
        XCTAssertEqual(error([0xc1]), .unsupportedFormat(byte: 0xc1, offset: 0))
        XCTAssertEqual(error([0xd4, 0x01, 0x02]), .unsupportedFormat(byte: 0xd4, offset: 0))  // fixext 1
        XCTAssertEqual(error([0xa2, 0xc3, 0x28]), .invalidUTF8(offset: 0))
        XCTAssertEqual(error([0xc0, 0xc0]), .trailingBytes(offset: 1))
        XCTAssertEqual(error(Array(repeating: 0x91, count: 1000) + [0xc0]),
                       .nestingTooDeep(offset: MessagePackReader.maxDepth))
        // A header claiming 4 billion elements must fail cleanly, not allocate.
        XCTAssertEqual(error([0xdd, 0xff, 0xff, 0xff, 0xff]), .truncated(offset: 5, needed: 1))
        XCTAssertEqual(error([0xc6, 0xff, 0xff, 0xff, 0xff, 0x00]), .truncated(offset: 6, needed: 0xffff_fffe))
        var r = MessagePackReader([0x01])
        XCTAssertThrowsError(try r.readString()) {
            XCTAssertEqual($0 as? MessagePackError, .typeMismatch(expected: "str", found: "int", offset: 0))
        }
        XCTAssertEqual(MessagePackError.truncated(offset: 3, needed: 2).description,
                       "input ends at byte 3 but 2 more byte(s) are needed")
    }

    /// Random bytes must only ever produce values or errors, never a trap.
    func testRandomBytesNeverTrap() {
        var rng = SplitMix64(seed: 2024)
        var decoded = 0
        for _ in 0..<5000 {
            let n = Int.random(in: 0..<40, using: &rng)
            let bytes = (0..<n).map { _ in UInt8.random(in: 0...255, using: &rng) }
            if (try? MessagePackValue.decode(bytes)) != nil { decoded += 1 }
            var r = MessagePackReader(bytes)
            try? r.skipValue()
        }
        XCTAssertGreaterThan(decoded, 0)
    }
}
