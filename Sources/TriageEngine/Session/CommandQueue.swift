import Foundation

/// The engine's single command thread: user commands and the end of individual processing run
/// here one at a time, in the order they were queued — the order the session log records —
/// so a replay that queues the same items gets the same results.
final class CommandQueue: @unchecked Sendable {
    enum Item: Sendable {
        case command(UserCommand)
        /// Every sequence has finished its pipeline.
        case individualFinished
    }

    private let condition = NSCondition()
    private var items: [Item] = []
    private var busy = false
    private var stopped = false
    private let handle: @Sendable (Item) -> Void

    init(handle: @escaping @Sendable (Item) -> Void) {
        self.handle = handle
        // The thread keeps the queue alive until `stop()` lets the loop end.
        let thread = Thread { self.loop() }
        thread.name = "mxtriage.commands"
        thread.start()
    }

    func enqueue(_ item: Item) {
        condition.lock()
        items.append(item)
        condition.broadcast()
        condition.unlock()
    }

    /// Blocks until every queued item has run.
    func waitUntilEmpty() {
        condition.lock()
        while !items.isEmpty || busy { condition.wait() }
        condition.unlock()
    }

    /// Ends the thread once the item it is running, if any, is done; items still waiting are
    /// dropped (their session is going away).
    func stop() {
        condition.lock()
        items.removeAll()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    private func loop() {
        while true {
            condition.lock()
            while items.isEmpty && !stopped { condition.wait() }
            if items.isEmpty && stopped {
                condition.unlock()
                return
            }
            let item = items.removeFirst()
            busy = true
            condition.unlock()
            handle(item)
            condition.lock()
            busy = false
            condition.broadcast()
            condition.unlock()
        }
    }
}
