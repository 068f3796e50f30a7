/// Where one stage of one sequence stands.
public enum StageStatus: Codable, Equatable, Sendable {
    /// Not started yet.
    case queued
    /// Under way; `fraction` in 0…1 when the stage can tell (images read, macro-cycles done).
    case running(fraction: Double?)
    /// Finished successfully.
    case done
    /// Finished without a result; `reason` is one line a user can act on.
    case failed(reason: String)
    /// Not run because an earlier stage failed or the session was cancelled.
    case skipped

    public var isFailed: Bool {
        if case .failed = self { return true }
        return false
    }

    public var isFinished: Bool {
        switch self {
        case .done, .failed, .skipped: return true
        case .queued, .running: return false
        }
    }
}
