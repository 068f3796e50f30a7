import Foundation
import MXTestSupport
import XCTest

/// The built binary under a deadline: a hang fails the test (the process is killed) instead
/// of stalling the suite, and a run can be started in the background to be raced or killed.
final class TimedCommand: @unchecked Sendable {
    struct TimedOut: Error, CustomStringConvertible {
        var arguments: [String]
        var seconds: Double
        var description: String { "mxtriage \(arguments.joined(separator: " ")) did not finish within \(Int(seconds)) s" }
    }

    struct Output: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    let process = Process()
    let arguments: [String]
    private let out = Pipe(), err = Pipe()
    private let finished = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var outData = Data(), errData = Data()
    private var readers: [Thread] = []

    /// Starts mxtriage with `arguments` and returns at once.
    init(_ arguments: [String], in directory: URL? = nil) throws {
        self.arguments = arguments
        process.executableURL = CommandRunner.mxtriage
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        process.terminationHandler = { [finished] _ in finished.signal() }
        try process.run()
        for (pipe, isOut) in [(out, true), (err, false)] {
            let thread = Thread { [self] in
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                lock.lock(); if isOut { outData = data } else { errData = data }; lock.unlock()
            }
            thread.start()
            readers.append(thread)
        }
    }

    var pid: Int32 { process.processIdentifier }

    /// Waits for the process to end, killing it (and throwing) after `timeout` seconds.
    func wait(timeout: Double = 180) throws -> Output {
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            kill(pid, SIGKILL)
            _ = finished.wait(timeout: .now() + 10)
            throw TimedOut(arguments: arguments, seconds: timeout)
        }
        while readers.contains(where: { !$0.isFinished }) { usleep(1000) }
        lock.lock(); defer { lock.unlock() }
        return Output(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                                    stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Runs mxtriage to the end under `timeout`.
    static func run(_ arguments: [String], in directory: URL? = nil, timeout: Double = 180) throws -> Output {
        try TimedCommand(arguments, in: directory).wait(timeout: timeout)
    }

    /// Polls `condition` every 20 ms until it holds or `timeout` passes; false on timeout.
    static func poll(timeout: Double, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition() { return true }
            usleep(20_000)
        }
        return condition()
    }
}
