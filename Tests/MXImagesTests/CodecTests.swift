import Foundation
import XCTest
@testable import MXImages

/// The byte-offset codec, MD5, timestamps and the Si attenuation table against known values.
final class CodecTests: XCTestCase {
    func testByteOffsetRoundTripsEveryEscapeLevel() throws {
        let values: [Int32] = [0, 1, -1, 127, -127, 0, 128, -128, 0, 32767, -32767, 0, -32768, 40000, -40000,
                               Int32.max, Int32.min, Int32.max, 0, -2, -1, 5, 1_000_000, Int32.min + 1, 17]
        let packed = values.withUnsafeBufferPointer { ByteOffsetCodec.encode($0) }
        let (decoded, consumed) = try packed.withBytes { try ByteOffsetCodec.decode($0, count: values.count) }
        XCTAssertEqual(decoded, values)
        XCTAssertEqual(consumed, packed.count)
    }

    func testByteOffsetDecodesTheSpecifiedEncodings() throws {
        // +5 (1 byte), +300 (escape, int16), +70000 (escape, −32768, int32), then −1.
        let packed: [UInt8] = [0x05, 0x80, 0x2C, 0x01, 0x80, 0x00, 0x80, 0x70, 0x11, 0x01, 0x00, 0xFF]
        let (values, consumed) = try packed.withBytes { try ByteOffsetCodec.decode($0, count: 4) }
        XCTAssertEqual(values, [5, 305, 70305, 70304])
        XCTAssertEqual(consumed, packed.count)
    }

    func testByteOffsetReportsDataThatRunOut() throws {
        let packed: [UInt8] = [0x01, 0x02, 0x80, 0x00]
        XCTAssertThrowsError(try packed.withBytes { try ByteOffsetCodec.decode($0, count: 5) }) { error in
            XCTAssertEqual((error as? CBFProblem)?.reason.hasPrefix("byte-offset data run out after 2 of 5 pixels"), true, "\(error)")
        }
    }

    func testByteOffsetFastLoopAndTailAgreeOnLongInput() throws {
        var generator = SystemRandomNumberGenerator()
        let values = (0..<10_000).map { i -> Int32 in
            switch i % 7 {
            case 0: return Int32.random(in: -100...100, using: &generator)
            case 1: return Int32.random(in: -30000...30000, using: &generator)
            case 2: return Int32.random(in: Int32.min...Int32.max, using: &generator)
            default: return Int32(i % 50)
            }
        }
        let packed = values.withUnsafeBufferPointer { ByteOffsetCodec.encode($0) }
        XCTAssertEqual(try packed.withBytes { try ByteOffsetCodec.decode($0, count: values.count) }.values, values)
    }

    func testMD5MatchesRFC1321AndBlockBoundaries() {
        let cases: [(String, String)] = [
            ("", "d41d8cd98f00b204e9800998ecf8427e"),
            ("a", "0cc175b9c0f1b6a831c399e269772661"),
            ("abc", "900150983cd24fb0d6963f7d28e17f72"),
            ("message digest", "f96b697d7cb7938d525a2f31aaf161d0"),
            ("abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"),
            (String(repeating: "1234567890", count: 8), "57edf4a22be3c955ac49da2e2107b67a"),
            (String(repeating: "x", count: 55), "04364420e25c512fd958a70738aa8f72"),
            (String(repeating: "x", count: 56), "668a72d5ba17f08e62dabcafad6db14b"),
            (String(repeating: "x", count: 64), "c1bb4f81d892b2d57947682aeb252456"),
            (String(repeating: "x", count: 119), "ab347a5f68c8a443cfcddc633f12c24f"),
        ]
        for (text, expected) in cases {
            let digest = Array(text.utf8).withUnsafeBytes { MD5.digest($0) }
            XCTAssertEqual(digest.map { String(format: "%02x", $0) }.joined(), expected, "MD5 of \(text.count) bytes")
        }
    }

    /// The test-support SHA-256 that compares pixels with dxtbx's digests (FIPS 180-4 vectors).
    func testSHA256KnownAnswers() {
        XCTAssertEqual(Array("abc".utf8).withUnsafeBytes { SHA256.hex($0) },
                       "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(Array("".utf8).withUnsafeBytes { SHA256.hex($0) },
                       "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8).withUnsafeBytes { SHA256.hex($0) },
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    func testPilatusTimestampsAsDxtbxReadsThem() throws {
        XCTAssertEqual(try PilatusTimestamp.epoch("2007/Oct/22 15:32:16.289"), 1_193_067_136 + 0.289)
        XCTAssertEqual(try PilatusTimestamp.epoch("2019-09-11T13:20:28.989"), 1_568_208_028 + 0.989)
        XCTAssertEqual(try PilatusTimestamp.epoch("2019-02-14T14:25:57"), 1_550_154_357)
        XCTAssertEqual(try PilatusTimestamp.epoch("2016-Mar-05T09:01:45.613"), 1_457_168_505 + 0.613)
        XCTAssertThrowsError(try PilatusTimestamp.epoch("2019-02-30T14:25:57"))
        XCTAssertThrowsError(try PilatusTimestamp.epoch("yesterday"))
        XCTAssertEqual(MiniCBFTimestamp.format(1_568_208_028.989), "2019-09-11T13:20:28.989")
        XCTAssertEqual(MiniCBFTimestamp.format(0), "1970-01-01T00:00:00.000")
        XCTAssertEqual(try PilatusTimestamp.epoch(MiniCBFTimestamp.format(951_782_400.5)), 951_782_400.5)  // 2000-02-29
    }

    /// μ of silicon, mm⁻¹, from cctbx `get_table("Si").mu_at_angstrom(λ) / 10` (dxtbx 3.11).
    func testSiliconAttenuationMatchesCctbx() throws {
        let expected: [(Double, Double)] = [
            (0.5, 0.5700486566882856), (0.6889, 1.4153536370336604), (0.96859, 3.8326187041206916),
            (1.0332, 4.630230706950523), (1.5418, 14.846146240043833), (2.7552, 76.29757805861905),
            (5.0, 372.145356736063),
        ]
        for (wavelength, mu) in expected {
            XCTAssertEqual(try SensorAttenuation.mu(material: "Si", wavelength: wavelength), mu, accuracy: 1e-12 * mu, "λ \(wavelength)")
        }
        XCTAssertThrowsError(try SensorAttenuation.mu(material: "CdTe", wavelength: 1))
        XCTAssertThrowsError(try SensorAttenuation.mu(material: "Si", wavelength: 1e-5))
    }

    func testModuleGapMasksOfPilatusAndEigerSizes() throws {
        let p6m = try ModuleGapMask.pilatus(fast: 2463, slow: 2527)
        XCTAssertEqual(p6m.count, 4 + 11)
        XCTAssertEqual(p6m[0], .init(fast0: 487, slow0: 0, fast1: 494, slow1: 2527))
        XCTAssertEqual(p6m[4], .init(fast0: 0, slow0: 195, fast1: 2463, slow1: 212))
        XCTAssertEqual(try ModuleGapMask.pilatus(fast: 487, slow: 195), [])
        XCTAssertThrowsError(try ModuleGapMask.pilatus(fast: 1000, slow: 1000))
        let e16m = try ModuleGapMask.eiger(fast: 4148, slow: 4362)
        XCTAssertEqual(e16m.first, .init(fast0: 1028, slow0: 0, fast1: 1040, slow1: 4362))
        XCTAssertEqual(e16m.count, 3 + 7)
    }
}
