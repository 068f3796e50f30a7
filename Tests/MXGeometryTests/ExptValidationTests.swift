import Foundation
import MXTestSupport
import XCTest
@testable import MXGeometry

/// Values an `.expt` may hold as JSON but no experiment can have — 1e308 or NaN pixel counts,
/// a zero wavelength, the sample in the detector plane, `{}`, two experiments with one
/// identifier — are refused with one line naming the field, never trapped on or passed on.
final class ExptValidationTests: XCTestCase {
    let fixture = TestData.fixtures.appendingPathComponent("dxtbx/l_cysteine_imported.expt")

    /// The DIALS fixture with one value replaced, read back through the file reader.
    func read(_ edits: [([PathStep], JSONValue)]) throws -> ExperimentList {
        var json = try JSONParser.parse(bytes: [UInt8](Data(contentsOf: fixture)))
        for (path, value) in edits { json = json.replacing(path[...], with: value) }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mxtriage-\(UUID().uuidString).expt")
        // Written as text so that NaN and Infinity reach the parser as Python would write them.
        try Data(Self.text(json).utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try ExperimentList(contentsOf: url)
    }

    func assertRefused(_ edits: [([PathStep], JSONValue)], _ fragment: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try read(edits), file: file, line: line) { error in
            let message = "\(error)"
            XCTAssertTrue(message.contains(fragment), "\"\(message)\" lacks \"\(fragment)\"", file: file, line: line)
            XCTAssertFalse(message.contains("\n"), file: file, line: line)
        }
    }

    let panel: [PathStep] = [.key("detector"), .index(0), .key("panels"), .index(0)]

    func testTheUnmodifiedFixtureReads() throws {
        XCTAssertEqual(try read([]).count, 4)
    }

    func testHugeOrNonFiniteCountsAreRefused() {
        assertRefused([(panel + [.key("image_size")], .numbers([1e308, 1679]))], "\"image_size\" [1e+308, 1679.0] is not 2 whole numbers in 1…1048576")
        assertRefused([(panel + [.key("image_size")], .array([.number(.nan), .number(1679)]))], "\"image_size\" [nan, 1679.0] holds a value that is not a finite number")
        assertRefused([(panel + [.key("mask"), .index(0)], .numbers([487, 0, 1e308, 1679]))], "mask entry [487.0, 0.0, 1e+308, 1679.0] is not 4 whole numbers")
        assertRefused([(panel + [.key("mask"), .index(0)], .numbers([487, 0, 494, 9999]))], "panel mask [487, 0, 494, 9999] lies outside its 1475 × 1679 pixels")
        assertRefused([([.key("scan"), .index(0), .key("image_range")], .numbers([1, 1e308]))], "scan: \"image_range\" [1.0, 1e+308] is not 2 whole numbers")
        assertRefused([([.key("scan"), .index(0), .key("image_range")], .numbers([1, 100_000_000]))], "holds 100000000 images, more than 1048576")
        assertRefused([([.key("scan"), .index(0), .key("oscillation")], .array([.number(.infinity), .number(0.5)]))], "scan: \"oscillation\"")
    }

    func testImpossibleBeamAndDetectorAreRefused() {
        let wavelength: [PathStep] = [.key("beam"), .index(0), .key("wavelength")]
        assertRefused([(wavelength, .number(0))], "beam wavelength 0.0 Å is not a positive number")
        assertRefused([(wavelength, .number(-0.7))], "beam wavelength -0.7 Å is not a positive number")
        assertRefused([(wavelength, .number(.nan))], "beam: \"wavelength\" is nan, not a finite number")
        assertRefused([(panel + [.key("origin")], .numbers([0.0, 0, 0]))], "the sample lies in the panel plane")
        assertRefused([(panel + [.key("pixel_size")], .numbers([-0.172, 0.172]))], "panel pixel_size -0.172 × 0.172 mm is not positive")
    }

    func testAnEmptyDocumentAndDuplicateIdentifiersAreRefused() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mxtriage-\(UUID().uuidString).expt")
        try Data("{}".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        XCTAssertThrowsError(try ExperimentList(contentsOf: url)) {
            XCTAssertEqual("\($0)", "\(url.path): not an experiment list: no \"experiment\" array")
        }
        assertRefused([([.key("experiment"), .index(2), .key("identifier")], .string("bdd4d2c4-6737-f6d5-ed00-758cf08c6bfd"))],
                      "experiments 0 and 2 share the identifier \"bdd4d2c4-6737-f6d5-ed00-758cf08c6bfd\"")
    }

    /// JSON text with NaN and Infinity spelled as Python's json module spells them (the
    /// project's writer refuses them, rightly).
    static func text(_ v: JSONValue) -> String {
        switch v {
        case .number(let x) where x.isNaN: return "NaN"
        case .number(let x) where x.isInfinite: return x > 0 ? "Infinity" : "-Infinity"
        case .array(let a): return "[" + a.map(text).joined(separator: ",") + "]"
        case .object(let m): return "{" + m.map { JSONWriter.string(.string($0.0)) + ":" + text($0.1) }.joined(separator: ",") + "}"
        default: return JSONWriter.string(v)
        }
    }
}

/// One step into a JSON document: an object member or an array element.
enum PathStep { case key(String), index(Int) }

extension JSONValue {
    /// This document with the value at `path` replaced.
    func replacing(_ path: ArraySlice<PathStep>, with new: JSONValue) -> JSONValue {
        guard let step = path.first else { return new }
        switch (self, step) {
        case let (.object(members), .key(k)):
            return .object(members.map { $0.0 == k ? ($0.0, $0.1.replacing(path.dropFirst(), with: new)) : $0 })
        case let (.array(items), .index(i)):
            var items = items
            items[i] = items[i].replacing(path.dropFirst(), with: new)
            return .array(items)
        default:
            XCTFail("no \(step) in \(self)")
            return self
        }
    }
}
