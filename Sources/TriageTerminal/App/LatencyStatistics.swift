/// Key-to-screen latency: the time from the main loop receiving a key to `present` returning
/// with the frame that shows its effect (or to the loop deciding nothing changed). This is what
/// a user feels, apart from the terminal emulator's own delay, and what BENCHMARKS.md records.
public struct LatencyStatistics: Equatable, Sendable, CustomStringConvertible {
    /// Upper bounds of the histogram buckets, in milliseconds; the last bucket is open.
    public static let bucketBounds: [Double] = [1, 2, 5, 10, 20, 50, 100]

    /// Keys measured.
    public private(set) var count = 0
    public private(set) var maximum: Duration = .zero
    public private(set) var total: Duration = .zero
    /// `buckets[i]` counts latencies below `bucketBounds[i]` ms (and at or above the bound
    /// before it); the extra last bucket counts those of 100 ms or more.
    public private(set) var buckets = [Int](repeating: 0, count: bucketBounds.count + 1)

    public init() {}

    public mutating func record(_ latency: Duration) {
        count += 1
        total += latency
        maximum = max(maximum, latency)
        let milliseconds = latency.milliseconds
        buckets[Self.bucketBounds.firstIndex { milliseconds < $0 } ?? Self.bucketBounds.count] += 1
    }

    public var mean: Duration { count == 0 ? .zero : total / count }

    /// One line, e.g. `key-to-screen: 12 keys, mean 0.8 ms, max 3.1 ms; <1 ms 9, <2 ms 2, <5 ms 1`.
    public var description: String {
        let labels = Self.bucketBounds.map { "<\(Int($0)) ms" } + ["≥100 ms"]
        let histogram = zip(labels, buckets).filter { $0.1 > 0 }.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
        let format = { (d: Duration) in String(Double(Int(d.milliseconds * 10)) / 10) + " ms" }
        return "key-to-screen: \(count) keys, mean \(format(mean)), max \(format(maximum))"
            + (histogram.isEmpty ? "" : "; \(histogram)")
    }
}

extension Duration {
    var milliseconds: Double {
        Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15
    }
}
