/// The block width DIALS's `CentroidAnalyser` picks for outlier rejection when
/// `outlier.block_width=Auto`: starting from 1°, blocks are widened until every block of the
/// experiment's observed φ range holds at least 50 reflections (or only one block is left).
enum CentroidAnalysis {
    /// The block width in degrees for observed angles `phiDegrees`, or nil when there are none.
    static func blockSize(phiDegrees: [Double]) -> Double? {
        guard let lo = phiDegrees.min(), let hi = phiDegrees.max() else { return nil }
        let width = hi - lo
        var ideal = 1.0
        var oldCount = 0
        while true {
            var blocks = Int((width / ideal).rounded(.down))
            if blocks == oldCount { blocks -= 1 }
            blocks = max(blocks, 1)
            let size = width / Double(blocks)
            if blocks == 1 { return size }
            var counts: [Int] = []
            for i in 0..<(blocks - 1) {
                let start = lo + Double(i) * size, end = start + size
                counts.append(phiDegrees.lazy.filter { $0 >= start && $0 < end }.count)
            }
            let lastStart = lo + Double(blocks - 1) * size
            counts.append(phiDegrees.lazy.filter { $0 >= lastStart && $0 <= hi }.count)
            let least = counts.min()!
            if least >= 50 { return size }
            ideal *= least < 5 ? 2 : 50 / Double(least)
            oldCount = blocks
        }
    }
}
