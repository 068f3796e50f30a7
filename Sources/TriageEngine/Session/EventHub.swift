import Synchronization

/// Fans engine events out to subscribers (the UI's inbox, the session log, `process`'s
/// printer). Delivery is serialised under one lock, so every subscriber sees the same order and
/// a subscriber never runs concurrently with itself.
public final class EventHub: Sendable {
    public typealias Subscriber = @Sendable (EngineEvent) -> Void

    public typealias CommandObserver = @Sendable (UserCommand) -> Void

    private struct Listeners {
        var events: [Subscriber] = []
        var commands: [CommandObserver] = []
    }

    private let listeners = Mutex(Listeners())

    public init() {}

    public func subscribe(_ subscriber: @escaping Subscriber) {
        listeners.withLock { $0.events.append(subscriber) }
    }

    /// Observers of the user's commands, in the order the engine queues them (the session log).
    public func observeCommands(_ observer: @escaping CommandObserver) {
        listeners.withLock { $0.commands.append(observer) }
    }

    /// Records `command` and runs `andThen` (queueing it) under the same lock as events.
    func record(_ command: UserCommand, andThen: () -> Void) {
        listeners.withLock { list in
            for observer in list.commands { observer(command) }
            andThen()
        }
    }

    /// Delivers `event` to every subscriber, then runs `andThen` while still holding the lock —
    /// so something enqueued in `andThen` is ordered exactly as the log records it.
    public func emit(_ event: EngineEvent, andThen: () -> Void = {}) {
        listeners.withLock { list in
            for subscriber in list.events { subscriber(event) }
            andThen()
        }
    }
}
