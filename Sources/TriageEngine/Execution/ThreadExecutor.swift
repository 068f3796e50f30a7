import Dispatch
import Foundation
import Synchronization

/// The executor of a real run: one thread for the serial context and a fixed pool of worker
/// threads, all with big stacks (the stages recurse deeply in places, and dispatch's threads
/// have 512 kB). Tasks are taken first come, first served.
public final class ThreadExecutor: EngineExecutor {
    public typealias Task = @Sendable () -> Void

    private struct Queues {
        var serial: [Task] = []
        var work: [Task] = []
        var stopped = false
    }

    private let queues = Mutex(Queues())
    /// Signalled once per serial task queued, and once at shutdown.
    private let serialReady = DispatchSemaphore(value: 0)
    /// Signalled once per worker task queued, and once per worker at shutdown.
    private let workReady = DispatchSemaphore(value: 0)
    /// Entered when a task is queued, left when it has run.
    private let outstanding = DispatchGroup()
    private let workers: Int

    /// Starts the serial thread and `workers` worker threads (at least one).
    public init(workers: Int, stackBytes: Int = 16 << 20) {
        self.workers = max(1, workers)
        start(name: "mxtriage.session", stackBytes: stackBytes, ready: serialReady) { q in
            q.serial.isEmpty ? nil : q.serial.removeFirst()
        }
        for n in 0..<self.workers {
            start(name: "mxtriage.job\(n)", stackBytes: stackBytes, ready: workReady) { q in
                q.work.isEmpty ? nil : q.work.removeFirst()
            }
        }
    }

    public func serial(_ task: @escaping Task) {
        outstanding.enter()
        queues.withLock { $0.serial.append(task) }
        serialReady.signal()
    }

    public func worker(_ task: @escaping Task) {
        outstanding.enter()
        queues.withLock { $0.work.append(task) }
        workReady.signal()
    }

    public func waitUntilQuiescent() { outstanding.wait() }

    /// Lets every thread end once the tasks queued so far have run. Nothing may be submitted
    /// afterwards.
    public func shutdown() {
        queues.withLock { $0.stopped = true }
        serialReady.signal()
        for _ in 0..<workers { workReady.signal() }
    }

    /// A thread that runs the tasks `take` hands it, one per signal of `ready`, until a signal
    /// finds nothing queued after ``shutdown()``. Every task queued has its own signal, so a
    /// thread never finds its queue empty before shutdown.
    private func start(name: String, stackBytes: Int, ready: DispatchSemaphore,
                       take: @escaping @Sendable (inout Queues) -> Task?) {
        let thread = Thread { [self] in
            while true {
                ready.wait()
                guard let task = queues.withLock({ take(&$0) }) else { return }
                task()
                outstanding.leave()
            }
        }
        thread.name = name
        thread.stackSize = stackBytes
        thread.start()
    }
}
