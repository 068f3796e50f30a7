import MXGeometry

extension Array where Element: Sendable {
    /// `parallelMap` on at most `workers` threads: the elements are cut into `workers`
    /// contiguous runs, each mapped in order on one thread. The output is in input order and
    /// each element's result depends on that element alone, so it is the same for any
    /// `workers`.
    func chunkedMap<T: Sendable>(workers: Int, _ transform: @Sendable (Element) -> T) -> [T] {
        let runs = Swift.max(1, Swift.min(workers, count))
        guard runs > 1 else { return map(transform) }
        let chunks = (0..<runs).map { c in Array(self[(c * count / runs)..<((c + 1) * count / runs)]) }
        return chunks.parallelMap { $0.map(transform) }.flatMap { $0 }
    }
}
