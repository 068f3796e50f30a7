import MXGeometry

/// Batch numbers for unmerged MTZ: batch = image number + an offset per experiment, chosen as
/// `dials.export` chooses them. Offsets already stored in the scans are kept when they differ
/// between experiments; otherwise each experiment keeps its image numbers if they are free,
/// and an experiment whose range overlaps one already placed (or ends just before it) starts at the next
/// number ending in 01 that leaves a gap (16 → 101, 199 → 201, 200 → 301).
enum BatchNumbering {
    /// One offset per scan-bearing experiment, in list order.
    static func offsets(scans: [Scan]) throws(MTZExportError) -> [Int] {
        let stored = scans.map(\.batchOffset)
        if Set(stored).count > 1 {
            let ranges = zip(scans, stored).map { ($0.imageRange.first + $1, $0.imageRange.last + $1) }
            for i in ranges.indices {
                for j in ranges.indices where j > i && ranges[i].0 <= ranges[j].1 && ranges[j].0 <= ranges[i].1 {
                    throw .badExperiments("the scans' batch offsets give overlapping batch ranges (experiments \(i) and \(j))")
                }
            }
            return stored
        }
        return fresh(imageRanges: scans.map { ($0.imageRange.first, $0.imageRange.last) })
    }

    /// Offsets for image ranges that carry none yet.
    static func fresh(imageRanges: [(first: Int, last: Int)]) -> [Int] {
        var offsets = [Int](repeating: 0, count: imageRanges.count)
        var placed: [(Int, Int)] = []
        var highest = 0
        var deferred: [Int] = []
        for (i, range) in imageRanges.enumerated() {
            // Batch 0 is avoided: ranges starting at image 0 move up by one.
            let low = range.first == 0 ? 1 : range.first
            let high = range.first == 0 ? range.last + 1 : range.last
            if placed.contains(where: { low <= $0.1 && high >= $0.0 - 1 }) {
                deferred.append(i)
            } else {
                offsets[i] = low - range.first
                placed.append((low, high))
                highest = max(highest, high)
            }
        }
        for i in deferred {
            let start = nextBlockStart(after: highest)
            offsets[i] = start - imageRanges[i].first
            highest = start + imageRanges[i].last - imageRanges[i].first
        }
        return offsets
    }

    /// The first number above `value` that ends in 01 and is not consecutive with it.
    static func nextBlockStart(after value: Int) -> Int {
        switch value % 100 {
        case 99: return value + 2
        case 0: return value + 101
        default: return value - value % 100 + 101
        }
    }
}
