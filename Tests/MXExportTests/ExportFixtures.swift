import Foundation
import MXExport
import MXGeometry
import MXReflections
import MXTestSupport
import XCTest

/// The integrated fixtures under Tests/Fixtures/export and the Python oracles (gemmi, iotbx).
enum ExportFixtures {
    static let folder = TestData.fixtures.appendingPathComponent("export")

    static func load(_ stem: String) throws -> (ExperimentList, ReflectionTable) {
        let list = try ExperimentList(contentsOf: folder.appendingPathComponent("\(stem)_integrated.expt"))
        let table = try ReflectionTable(contentsOf: folder.appendingPathComponent("\(stem)_integrated.refl"))
        return (list, table)
    }

    /// DIALS 3.12's `dials.export` output for the same fixture.
    static func dialsMTZ(_ stem: String) -> URL { folder.appendingPathComponent("\(stem)_dials_export.mtz") }

    /// /usr/bin/python3 when it can import `module`; otherwise the test is skipped with a message.
    static func python(with module: String) throws -> URL {
        let python = URL(fileURLWithPath: "/usr/bin/python3")
        guard FileManager.default.isExecutableFile(atPath: python.path),
              let probe = try? CommandRunner.run(python, ["-c", "import \(module)"]), probe.status == 0 else {
            throw XCTSkip("/usr/bin/python3 cannot import \(module) (Debian python3-\(module == "iotbx" ? "cctbx" : module)); check skipped")
        }
        return python
    }

    /// Runs a Python script and returns its stdout, failing the test on a non-zero status.
    static func runPython(_ python: URL, _ script: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let out = try CommandRunner.run(python, ["-c", script])
        XCTAssertEqual(out.status, 0, out.stderr, file: file, line: line)
        return out.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
