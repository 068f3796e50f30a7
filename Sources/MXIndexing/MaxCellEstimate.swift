import Foundation
import MXGeometry

/// DIALS's automatic max_cell (`nearest_neighbor.py`, `max_cell.py`): the distances between
/// neighbouring reciprocal-lattice points, taken within 45° wedges of rotation and separately for
/// entering and exiting spots (so that points from the two crossings do not pair), are mostly
/// reciprocals of cell edges. A log-binned histogram of direct = 1/distance; max_cell is
/// 1.3 × the upper edge of the highest bin still above a quarter of the tallest bin.
///
/// Spots with overlapping bounding boxes are left out first, as DIALS does; its ice-ring filter is
/// not applied (the data sets mxtriage targets have no ice rings — say so where this matters).
public struct MaxCellEstimate: Sendable {
    public var multiplier = 1.3
    public var stepDegrees = 45.0
    public var neighboursPerBin = 5
    public var maxHeightFraction = 0.25

    public init() {}

    public enum Failure: Error, Sendable, CustomStringConvertible {
        case tooFewSpots(Int)
        public var description: String {
            switch self {
            case let .tooFewSpots(n): return "too few spots (\(n)) for the nearest-neighbour analysis of max_cell"
            }
        }
    }

    /// One spot as the analysis needs it.
    public struct Spot: Sendable {
        public var rlp: Vec3
        public var phiDegrees: Double
        public var entering: Bool
        public var imageset: Int
        public init(rlp: Vec3, phiDegrees: Double, entering: Bool, imageset: Int = 0) {
            self.rlp = rlp
            self.phiDegrees = phiDegrees
            self.entering = entering
            self.imageset = imageset
        }
    }

    public func maxCell(_ spots: [Spot]) throws(Failure) -> Double {
        var direct: [Double] = []
        for imageset in Set(spots.map(\.imageset)).sorted() {
            let own = spots.filter { $0.imageset == imageset }
            let phiMin = own.map(\.phiDegrees).min()!, phiMax = own.map(\.phiDegrees).max()!
            let steps = max(Int((( phiMax - phiMin) / stepDegrees).rounded(.up)), 1)
            for step in 0..<steps {
                let lo = phiMin + Double(step) * stepDegrees, hi = lo + stepDegrees
                for entering in [true, false] {
                    let group = own.filter { $0.entering == entering && $0.phiDegrees >= lo && $0.phiDegrees < hi }.map(\.rlp)
                    guard group.count > 1 else { continue }
                    for (i, p) in group.enumerated() {
                        var best = Double.infinity
                        for (j, q) in group.enumerated() where j != i {
                            best = min(best, (p - q).dot(p - q))
                        }
                        direct.append(1 / best.squareRoot())
                    }
                }
            }
        }
        guard direct.count > 10 else { throw .tooFewSpots(direct.count) }
        direct = direct.filter { $0 > 1 }.sorted()
        direct = Array(direct.prefix(Int((0.99 * Double(direct.count)).rounded(.down))))
        let bins = direct.count / neighboursPerBin
        guard bins > 0, let first = direct.first, let last = direct.last, last > first else { throw .tooFewSpots(direct.count) }
        // Histogram of log10(direct) over its range, as scitbx `flex.histogram` bins it.
        let lo = log10(first), hi = log10(last)
        let width = (hi - lo) / Double(bins)
        var counts = [Int](repeating: 0, count: bins)
        for d in direct { counts[min(bins - 1, Int((log10(d) - lo) / width))] += 1 }
        let starts = (0..<bins).map { pow(10, lo + Double($0) * width) }
        let ends = (0..<bins).map { pow(10, lo + Double($0 + 1) * width) }
        let frequency = (0..<bins).map { Double(counts[$0]) / (ends[$0] - starts[$0]) }
        let tallest = frequency.max()!
        let highest = frequency.indices.last { frequency[$0] > maxHeightFraction * tallest }!
        return multiplier * ends[highest]
    }

    /// Which spots have bounding boxes (x0, x1, y0, y1, z0, z1, half-open) overlapping another
    /// spot's on the same panel.
    public static func overlapping(boxes: [(panel: Int, box: [Int])]) -> [Bool] {
        var flags = [Bool](repeating: false, count: boxes.count)
        let order = boxes.indices.sorted { boxes[$0].box[0] < boxes[$1].box[0] }
        for (k, i) in order.enumerated() {
            let a = boxes[i]
            for j in order[(k + 1)...] {
                let b = boxes[j]
                if b.box[0] >= a.box[1] { break }
                guard a.panel == b.panel else { continue }
                if b.box[2] < a.box[3] && a.box[2] < b.box[3] && b.box[4] < a.box[5] && a.box[4] < b.box[5] {
                    flags[i] = true
                    flags[j] = true
                }
            }
        }
        return flags
    }
}
