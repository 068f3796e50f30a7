import MXGeometry

/// The observations refinement works on, one entry per reflection, as parallel arrays grouped
/// by experiment (DIALS's reflection manager keeps its table sorted by id the same way).
struct Observations: Sendable {
    /// Row of the reflection in the input table (DIALS's "iobs").
    var row: [Int] = []
    var experiment: [Int] = []
    var h: [Vec3] = []
    var panel: [Int] = []
    var entering: [Bool] = []
    /// xyzobs.mm.value: X, Y in mm and φ in radians.
    var observed: [Vec3] = []
    /// 1/xyzobs.mm.variance (0 where the variance is not positive).
    var weights: [Vec3] = []

    var count: Int { row.count }

    /// The observations at `indices`, in that order.
    func subset(_ indices: [Int]) -> Observations {
        var o = Observations()
        o.row = indices.map { row[$0] }
        o.experiment = indices.map { experiment[$0] }
        o.h = indices.map { h[$0] }
        o.panel = indices.map { panel[$0] }
        o.entering = indices.map { entering[$0] }
        o.observed = indices.map { observed[$0] }
        o.weights = indices.map { weights[$0] }
        return o
    }

    /// Index ranges of each experiment's observations (observations are sorted by experiment).
    func experimentRanges(count experiments: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        for e in 0..<experiments {
            var end = start
            while end < count && experiment[end] == e { end += 1 }
            ranges.append(start..<end)
            start = end
        }
        return ranges
    }
}
