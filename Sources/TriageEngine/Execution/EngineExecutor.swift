/// Where the engine's work runs: one serial context that owns a session's state, and workers
/// for the stages. Injected into ``TriageSession`` so that tests can drive the engine
/// one task at a time (``ManualExecutor``) while real runs use threads (``ThreadExecutor``).
///
/// The contract: serial tasks run one at a time, in the order submitted; worker tasks may run
/// in parallel with each other and with serial tasks. A task must not wait for another task.
public protocol EngineExecutor: Sendable {
    /// Runs `task` after every serial task submitted before it, never alongside another.
    func serial(_ task: @escaping @Sendable () -> Void)

    /// Runs `task` on a worker.
    func worker(_ task: @escaping @Sendable () -> Void)

    /// Returns once no task is queued or running — including tasks that running tasks
    /// submitted. Called from outside the executor's tasks.
    func waitUntilQuiescent()
}
