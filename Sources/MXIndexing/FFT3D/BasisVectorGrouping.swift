import MXGeometry

/// Merging the FFT's candidate vectors as DIALS does (§3.3 steps 6–7): vectors of nearly the same
/// length and direction (or opposite direction) are one group whose mean stands for them; then a
/// vector that is nearly an integer multiple of a shorter, stronger one is dropped.
enum BasisVectorGrouping {
    static let relativeLengthTolerance = 0.1
    static let angleTolerance = 5.0 * .pi / 180

    static func group(_ candidates: [FFTBasisVectorSearch.Candidate]) -> [FFTBasisVectorSearch.Candidate] {
        let sorted = candidates.sorted { $0.vector.length < $1.vector.length }
        var groups: [(sum: Vec3, count: Int, volume: Int)] = []
        for c in sorted {
            var placed = false
            for g in groups.indices {
                let mean = groups[g].sum / Double(groups[g].count)
                let relative = abs(mean.length - c.vector.length) / max(mean.length, c.vector.length)
                guard relative < relativeLengthTolerance else { continue }
                let angle = mean.angle(to: c.vector)
                if angle < angleTolerance || angle > .pi - angleTolerance {
                    let aligned = angle < angleTolerance ? c.vector : -c.vector
                    groups[g].sum += aligned
                    groups[g].count += 1
                    groups[g].volume = max(groups[g].volume, c.volume)
                    placed = true
                    break
                }
            }
            if !placed { groups.append((c.vector, 1, c.volume)) }
        }
        let means = groups.map { FFTBasisVectorSearch.Candidate(vector: $0.sum / Double($0.count), volume: $0.volume) }
            .sorted { $0.vector.length < $1.vector.length }
        var kept: [FFTBasisVectorSearch.Candidate] = []
        for c in means {
            let redundant = kept.contains { shorter in
                guard shorter.volume > c.volume else { return false }
                let angle = shorter.vector.angle(to: c.vector)
                guard angle < angleTolerance || angle > .pi - angleTolerance else { return false }
                let ratio = c.vector.length / shorter.vector.length
                return abs(ratio - ratio.rounded()) < 0.2
            }
            if !redundant { kept.append(c) }
        }
        // By peak volume, largest first; equal volumes keep their length order.
        return kept.enumerated().sorted { ($0.element.volume, -$0.offset) > ($1.element.volume, -$1.offset) }.map(\.element)
    }
}
