import Foundation
import MXTestSupport
import XCTest

/// A detached tmux session on a private server (its own `-L` socket, no user configuration)
/// running one shell command in a pane of a fixed size, for driving the real terminal UI the
/// way a user does: send keys, read the screen back with `capture-pane`, resize the window.
///
/// The pane's command should end in something long-lived (`sleep`) so the pane — and what the
/// shell printed after the program exited — can still be read; ``close()`` kills the server.
final class TmuxSession {
    /// The tmux executable on PATH, or nil when tmux is not installed.
    static let executable: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(dir)).appendingPathComponent("tmux")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }()

    /// Skips the calling test with a clear message when tmux is absent.
    static func requireTmux() throws -> URL {
        guard let tmux = executable else {
            throw XCTSkip("tmux is not installed (apt-get install tmux): the end-to-end terminal tests need it")
        }
        return tmux
    }

    let tmux: URL
    let socket = "mxtriage-e2e-\(UUID().uuidString.prefix(8))"
    let target = "e2e"
    private var closed = false

    /// Starts `command` (run by tmux's `sh -c`) in `directory` in a `width`×`height` window.
    init(command: String, width: Int = 140, height: Int = 45, directory: URL) throws {
        tmux = try Self.requireTmux()
        // Not through Foundation's Process: the tmux server that new-session forks inherits the
        // child's descriptors and outlives it, and Process then never reports the end (pipes
        // never reach EOF; waitUntilExit was seen to hang too). posix_spawn + waitpid, with
        // stdin/stdout on /dev/null and stderr in a file, cannot wait on the server.
        let errors = directory.appendingPathComponent(".tmux-new-session.err")
        let arguments = ["env", "LANG=C.UTF-8", "LC_ALL=C.UTF-8", tmux.path, "-u", "-L", socket, "-f", "/dev/null",
                         "new-session", "-d", "-s", target, "-x", String(width), "-y", String(height),
                         "-c", directory.path, command]
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errors.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/usr/bin/env", &actions, nil, &argv, environ)
        var status: Int32 = 0
        if spawned == 0 { while waitpid(pid, &status, 0) == -1 && errno == EINTR {} }
        guard spawned == 0, status == 0 else {
            let reason = (try? String(contentsOf: errors, encoding: .utf8)) ?? "posix_spawn: \(spawned)"
            throw XCTSkip("tmux could not start a session here: \(reason)")
        }
        // The window keeps the size we asked for even with no client attached.
        _ = try? run(["set-option", "-t", target, "window-size", "manual"])
    }

    deinit { close() }

    @discardableResult
    func run(_ arguments: [String]) throws -> CommandRunner.Output {
        // A UTF-8 locale so capture-pane returns the box-drawing characters and glyphs as they are.
        try CommandRunner.run(URL(fileURLWithPath: "/usr/bin/env"),
                              ["LANG=C.UTF-8", "LC_ALL=C.UTF-8", tmux.path, "-u", "-L", socket, "-f", "/dev/null"] + arguments)
    }

    /// The visible screen, one string per row (trailing spaces trimmed by tmux).
    func screen() -> String {
        (try? run(["capture-pane", "-p", "-t", target]).stdout) ?? ""
    }

    /// Sends tmux key names (`Down`, `Tab`, `C-c`, `x`).
    func send(_ keys: String...) {
        _ = try? run(["send-keys", "-t", target] + keys)
    }

    /// Sends `text` literally (for `?` and other characters tmux would read as key names).
    func type(_ text: String) {
        _ = try? run(["send-keys", "-t", target, "-l", text])
    }

    func resize(width: Int, height: Int) {
        _ = try? run(["resize-window", "-t", target, "-x", String(width), "-y", String(height)])
    }

    /// Polls the screen every 200 ms until `condition` holds; returns the screen that satisfied
    /// it, or fails the test with the last screen seen and returns nil after `timeout` seconds.
    @discardableResult
    func waitFor(_ what: String, timeout: Double = 120, file: StaticString = #filePath, line: UInt = #line,
                 _ condition: (String) -> Bool) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        repeat {
            last = screen()
            if condition(last) { return last }
            usleep(200_000)
        } while Date() < deadline
        XCTFail("timed out after \(Int(timeout)) s waiting for \(what); the screen was:\n\(last)", file: file, line: line)
        return nil
    }

    /// Waits for `file` to exist and be non-empty (the pane's shell writes it after the program).
    @discardableResult
    func waitForFile(_ file: URL, timeout: Double = 120, file callerFile: StaticString = #filePath, line: UInt = #line) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        repeat {
            if let text = try? String(contentsOf: file, encoding: .utf8), !text.isEmpty { return text }
            usleep(200_000)
        } while Date() < deadline
        XCTFail("timed out after \(Int(timeout)) s waiting for \(file.lastPathComponent); the screen was:\n\(screen())",
                file: callerFile, line: line)
        return nil
    }

    /// Kills the private tmux server and everything running in it.
    func close() {
        guard !closed else { return }
        closed = true
        _ = try? run(["kill-server"])
    }

    /// `text` quoted for `sh`.
    static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
