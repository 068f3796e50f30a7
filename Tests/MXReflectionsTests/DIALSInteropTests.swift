import Foundation
import XCTest
@testable import MXReflections

/// Proves DIALS itself reads what we write and that we read what DIALS writes, by running the
/// system DIALS (`/usr/bin/python3` with python3-dials). Skipped where DIALS is not installed.
final class DIALSInteropTests: XCTestCase {
    private static let python = "/usr/bin/python3"

    /// Runs a Python script; returns stdout, or fails the test with stderr.
    private func runPython(_ script: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.python)
        p.arguments = ["-c", script]
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        if p.terminationStatus != 0 {
            let message = "python failed: \(String(decoding: stderr, as: UTF8.self))"
            XCTFail(message, file: file, line: line)
            throw PythonFailure(message: message)
        }
        return String(decoding: stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private struct PythonFailure: Error { var message: String }

    private func requireDIALS() throws {
        guard FileManager.default.isExecutableFile(atPath: Self.python) else {
            throw XCTSkip("\(Self.python) not found; install python3-dials to run the DIALS cross-check")
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.python)
        p.arguments = ["-c", "from dials.array_family import flex"]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            throw XCTSkip("\(Self.python) cannot import dials; install python3-dials to run the DIALS cross-check")
        }
    }

    /// DIALS loads our file, reports the right size, columns and identifiers, and writes it
    /// back byte for byte the same (so it understood every value exactly).
    func testDIALSReadsWhatWeWrite() throws {
        try requireDIALS()
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let ours = dir.appendingPathComponent("swift.refl")
        let theirs = dir.appendingPathComponent("dials-rewrite.refl")
        let table = try sampleTable()
        try table.write(to: ours)

        let report = try runPython("""
            from dials.array_family import flex
            t = flex.reflection_table.from_file('\(ours.path)')
            print(t.size(), sorted(t.keys()), sorted(dict(t.experiment_identifiers()).items()))
            print(t['miller_index'][1], t['bbox'][0], t['xyzobs.px.value'][1], t['flags'][3], t['id'][4], list(t['entering']))
            t.as_file('\(theirs.path)')
            """)
        XCTAssertEqual(report, """
            5 ['bbox', 'entering', 'flags', 'id', 'intensity.sum.value', 'miller_index', 'xyzobs.px.value'] [(0, 'exp-zero'), (1, 'exp-one')]
            (-1, 0, 5) (403, 412, 186, 193, 0, 15) (1.0, 2.0, 3.0) 18446744073709551615 -2147483648 [True, False, True, True, False]
            """)
        XCTAssertEqual([UInt8](try Data(contentsOf: theirs)), try table.reflBytes())
    }

    /// A table built and written by DIALS from literal values reads back as the same values, and
    /// our encoder reproduces DIALS's bytes exactly.
    func testWeReadWhatDIALSWrites() throws {
        try requireDIALS()
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("dials.refl")
        _ = try runPython("""
            from dials.array_family import flex
            from cctbx.array_family import flex as cflex
            t = flex.reflection_table()
            t['id'] = flex.int([0, 1, 1, 0, -2147483648])
            f = flex.size_t(5)  # the list constructor overflows above 2**32; item assignment does not
            for i, v in enumerate([32, 36, 0, 18446744073709551615, 1 << 26]):
                f[i] = v
            t['flags'] = f
            t['intensity.sum.value'] = flex.double([1744.0, -0.0, float('inf'), 1e-300, -3.25])
            t['entering'] = flex.bool([True, False, True, True, False])
            t['xyzobs.px.value'] = flex.vec3_double([(408.18, 190.21, 6.43), (1, 2, 3), (-1, -2, -3), (0, 0, 0),
                                                     (1.7976931348623157e308, float('-inf'), 0.5)])
            b = flex.int6(5)
            for i, v in enumerate([(403, 412, 186, 193, 0, 15), (1, 2, 3, 4, 5, 6), (-1, 0, -2, 0, -3, 0),
                                   (2147483647, -2147483648, 0, 0, 0, 0), (0, 0, 0, 0, 0, 0)]):
                b[i] = v
            t['bbox'] = b
            t['miller_index'] = cflex.miller_index([(1, 2, 3), (-1, 0, 5), (0, 0, 0), (1, 2, 3), (-7, -8, -9)])
            t.experiment_identifiers()[0] = 'exp-zero'
            t.experiment_identifiers()[1] = 'exp-one'
            t.as_file('\(url.path)')
            """)
        let fromDIALS = try ReflectionTable(contentsOf: url)
        XCTAssertEqual(fromDIALS, try sampleTable())
        XCTAssertEqual(try fromDIALS.reflBytes(), [UInt8](try Data(contentsOf: url)))
    }
}
