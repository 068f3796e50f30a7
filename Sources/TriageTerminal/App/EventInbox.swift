import Synchronization
import TriageEngine

/// Where the engine thread leaves events for the UI thread. The engine appends from any
/// thread; the main loop takes everything that arrived at each turn (≤ 50 ms apart), so the
/// engine never waits for the screen and events keep their order.
public final class EventInbox: Sendable {
    private let events = Mutex<[EngineEvent]>([])

    public init() {}

    /// Adds one event; callable from any thread.
    public func post(_ event: EngineEvent) {
        events.withLock { $0.append(event) }
    }

    /// Adds several events at once, keeping their order.
    public func post(contentsOf newEvents: some Sequence<EngineEvent>) {
        events.withLock { $0.append(contentsOf: newEvents) }
    }

    /// Removes and returns everything posted so far, oldest first.
    public func drain() -> [EngineEvent] {
        events.withLock { pending in
            defer { pending.removeAll(keepingCapacity: true) }
            return pending
        }
    }
}
