/// One line of a session log (JSON Lines). The first line is the header; every other line is
/// a user command or an engine result, with the seconds since the session started.
public enum SessionLogRecord: Equatable, Sendable {
    case header(SessionLogHeader)
    case command(UserCommand, seconds: Double)
    case event(EngineEvent, seconds: Double)
}

/// What a replay needs to run the session again: the inputs, the options, the program that
/// wrote it, and — when the images were simulated (`mxtriage demo`) — the recipe that makes
/// them again where the recorded paths do not exist.
public struct SessionLogHeader: Codable, Equatable, Sendable {
    public static let currentFormat = "mxtriage-session"
    public static let currentVersion = 1

    public var format: String
    public var version: Int
    public var program: String
    public var inputs: [String]
    public var options: TriageOptions
    public var simulation: SimulatedDataSet?
    /// Wall-clock start, ISO 8601; informational only.
    public var started: String

    public init(program: String, inputs: [String], options: TriageOptions, simulation: SimulatedDataSet?, started: String) {
        format = Self.currentFormat
        version = Self.currentVersion
        self.program = program
        self.inputs = inputs
        self.options = options
        self.simulation = simulation
        self.started = started
    }
}
