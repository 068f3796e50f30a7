import ArgumentParser

/// How a subcommand fails: one line on stderr, and the design's exit status — 1 for a
/// processing failure the user should know about, 2 for bad usage or unreadable input.
enum CommandFailure: Error, CustomStringConvertible {
    case badInput(String)
    case processing(String)

    var description: String {
        switch self {
        case let .badInput(m), let .processing(m): return m
        }
    }

    /// The same kind of failure with another message.
    func rewording(_ message: String) -> CommandFailure {
        switch self {
        case .badInput: return .badInput(message)
        case .processing: return .processing(message)
        }
    }

    var exitCode: ExitCode {
        switch self {
        case .badInput: return ExitCode(2)
        case .processing: return ExitCode(1)
        }
    }
}
