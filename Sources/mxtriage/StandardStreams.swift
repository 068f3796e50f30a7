import Foundation

/// Writes to stdout and stderr with write(2), whole or not at all. SIGPIPE is ignored (a
/// closed session-log pipe must be a reported write failure), and with it ignored
/// `FileHandle.write` traps on EPIPE; so every direct write goes through here instead. A reader
/// of stdout that went away (`mxtriage process … | head`) ends the program quietly with exit 1,
/// as a write failure; a stderr that cannot be written is ignored, since there is nowhere left
/// to say so.
enum StandardStreams {
    static func out(_ text: String) {
        if !write(text, to: STDOUT_FILENO) { exit(CommandFailure.processing("").exitCode.rawValue) }
    }

    static func error(_ text: String) {
        _ = write(text, to: STDERR_FILENO)
    }

    private static func write(_ text: String, to descriptor: Int32) -> Bool {
        let data = Array(text.utf8)
        var offset = 0
        while offset < data.count {
            let n = data.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress! + offset, data.count - offset) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return false }
            offset += n
        }
        return true
    }
}
