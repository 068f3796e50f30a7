import Synchronization

/// An executor that runs nothing until told to, on the caller's thread, one task at a time in
/// the order submitted — the engine's `EmbeddedEventLoop`. A test starts a session on it,
/// runs tasks up to the point it wants to examine (a stage finished, a joint run begun), acts
/// there (cancels, excludes, abandons the session as a kill would), and runs on: every
/// interleaving it tests is chosen, not hoped for.
public final class ManualExecutor: EngineExecutor {
    /// Whether a task was submitted to the serial context or to a worker.
    public enum Kind: Sendable, Equatable {
        case serial, worker
    }

    private let queue = Mutex<[(kind: Kind, task: @Sendable () -> Void)]>([])

    public init() {}

    public func serial(_ task: @escaping @Sendable () -> Void) { queue.withLock { $0.append((.serial, task)) } }

    public func worker(_ task: @escaping @Sendable () -> Void) { queue.withLock { $0.append((.worker, task)) } }

    /// The kinds of the tasks waiting, oldest first.
    public var queued: [Kind] { queue.withLock { $0.map(\.kind) } }

    /// Runs the oldest waiting task; false when none was waiting.
    @discardableResult
    public func runNext() -> Bool {
        guard let next = queue.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) else { return false }
        next.task()
        return true
    }

    /// Runs tasks until `condition` holds (checked before each) or none is left; returns
    /// whether the condition holds.
    @discardableResult
    public func run(until condition: () -> Bool) -> Bool {
        while !condition() {
            guard runNext() else { return condition() }
        }
        return true
    }

    /// Runs every task, and every task they submit, until none is left.
    public func waitUntilQuiescent() {
        while runNext() {}
    }
}
