import MXGeometry
import Synchronization

/// The engine's source of time: what `summary.json` records as each stage's duration.
/// Injected so that tests (and a determinism check) can have the same seconds on every run.
public struct EngineClock: Sendable {
    /// Seconds since an arbitrary origin.
    public let seconds: @Sendable () -> Double

    public init(seconds: @escaping @Sendable () -> Double) { self.seconds = seconds }

    /// Real elapsed time.
    public static var continuous: EngineClock {
        let origin = ContinuousClock.now
        return EngineClock { (ContinuousClock.now - origin).seconds }
    }

    /// A clock that never moves: every stage lasts 0 s, on any executor and thread count.
    public static let stopped = EngineClock { 0 }

    /// A clock that moves `step` seconds on every reading: with one stage running at a time
    /// (``ManualExecutor``), each lasts exactly `step`.
    public static func manual(step: Double) -> EngineClock {
        let readings = Atomic<Int>(0)
        return EngineClock { Double(readings.add(1, ordering: .relaxed).oldValue) * step }
    }
}
