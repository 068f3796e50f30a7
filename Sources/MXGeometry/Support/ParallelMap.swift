import Dispatch

extension Array where Element: Sendable {
    /// `map` over all cores. Results keep the input order, so the output is the same whatever
    /// the thread count — the determinism the design asks for.
    public func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        nonisolated(unsafe) let slots = results
        self.withUnsafeBufferPointer { input in
            nonisolated(unsafe) let source = input
            // Each index is written by exactly one iteration, so no two threads share a slot.
            DispatchQueue.concurrentPerform(iterations: source.count) { i in
                slots[i] = transform(source[i])
            }
        }
        return results.map { $0! }
    }
}
