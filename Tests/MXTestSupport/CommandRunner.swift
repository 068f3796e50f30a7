import Foundation

/// Runs programs for end-to-end tests: the built `mxtriage` binary, and DIALS's commands where
/// Debian's python3-dials is installed.
public enum CommandRunner {
    public struct Output: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// The `mxtriage` executable built beside the test bundle.
    public static var mxtriage: URL {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for dir in [bundle, bundle.deletingLastPathComponent()] {
            let candidate = dir.appendingPathComponent("mxtriage")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return TestData.repositoryRoot.appendingPathComponent(".build/debug/mxtriage")
    }

    /// Runs `executable` with `arguments` in `directory`, waiting for it to finish.
    public static func run(_ executable: URL, _ arguments: [String], in directory: URL? = nil) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes before waiting so a chatty process cannot block on a full pipe.
        nonisolated(unsafe) var errData = Data()
        let errReader = Thread { errData = err.fileHandleForReading.readDataToEndOfFile() }
        errReader.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errReader.isFinished { usleep(1000) }
        return Output(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Runs mxtriage.
    public static func mxtriage(_ arguments: [String], in directory: URL? = nil) throws -> Output {
        try run(mxtriage, arguments, in: directory)
    }

    /// The path of a DIALS command-line program when Debian's DIALS is installed.
    public static func dials(_ program: String) -> URL? {
        let url = URL(fileURLWithPath: "/usr/bin/\(program)")
        return FileManager.default.isExecutableFile(atPath: url.path) ? url : nil
    }

    /// Debian's Python with dxtbx, when installed.
    public static var dxtbxPython: URL? {
        let python = URL(fileURLWithPath: "/usr/bin/python3")
        guard FileManager.default.isExecutableFile(atPath: python.path),
              let probe = try? run(python, ["-c", "import dxtbx"]), probe.status == 0 else { return nil }
        return python
    }

    /// A fresh temporary directory.
    public static func temporaryDirectory(_ label: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mxtriage-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
