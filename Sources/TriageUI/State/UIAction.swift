import TriageEngine

/// Everything that can change what the screen shows: a key, an engine event, a new terminal
/// size, the clock. The reducer folds these into ``UIState``; replaying the same actions gives
/// the same screens.
public enum UIAction: Sendable {
    case key(KeyPress)
    case engine(EngineEvent)
    case resize(width: Int, height: Int)
    /// Seconds since the session started, for the elapsed time in the title bar.
    case clock(elapsedSeconds: Double)
}

/// What the reducer asks the outside world to do: the engine runs commands, the backend quits.
public enum UIEffect: Equatable, Sendable {
    case engine(UserCommand)
    case quit
}
