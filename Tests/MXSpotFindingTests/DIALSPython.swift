import Foundation
import XCTest

/// Runs scripts with Debian's DIALS (`/usr/bin/python3` with python3-dials); tests skip with a
/// message where it is not installed.
enum DIALSPython {
    static let python = "/usr/bin/python3"

    static func require() throws {
        guard FileManager.default.isExecutableFile(atPath: python) else {
            throw XCTSkip("\(python) not found; install python3-dials to run the DIALS cross-checks")
        }
        let probe = try run("from dials.array_family import flex")
        guard probe.status == 0 else {
            throw XCTSkip("\(python) cannot import dials; install python3-dials to run the DIALS cross-checks")
        }
    }

    /// Runs `script` with `arguments`; returns status, stdout and stderr.
    static func run(_ script: String, arguments: [String] = []) throws -> (status: Int32, stdout: String, stderr: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = ["-c", script] + arguments
        var env = ProcessInfo.processInfo.environment
        env["PATH"] = "/usr/bin:/bin"
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        nonisolated(unsafe) var errData = Data()
        let reader = Thread { errData = err.fileHandleForReading.readDataToEndOfFile() }
        reader.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        while !reader.isFinished { usleep(1000) }
        return (p.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }
}
