import MXGeometry
import MXReflections

/// Strong spots → the reflection table dials.find_spots writes as strong.refl (without the
/// shoebox column): bbox, flags (strong), id, intensity.sum.value/variance, n_signal, panel,
/// xyzobs.px.value/variance, and the experiment identifiers.
enum StrongSpotTable {
    static func make(spots: [StrongSpot], experimentIDs: [Int], identifiers: [Int: String]) -> ReflectionTable {
        precondition(spots.count == experimentIDs.count, "one experiment id per spot")
        var table = ReflectionTable(nrows: spots.count, identifiers: identifiers)
        // Every column has nrows elements and a supported type, so these cannot fail.
        do {
            try table.setColumn("bbox", spots.map(\.bbox))
            try table.setColumn("flags", [UInt64](repeating: ReflectionFlags.strong.rawValue, count: spots.count))
            try table.setColumn("id", experimentIDs.map { Int32(truncatingIfNeeded: $0) })
            try table.setColumn("intensity.sum.value", spots.map(\.intensity))
            try table.setColumn("intensity.sum.variance", spots.map(\.intensityVariance))
            try table.setColumn("n_signal", spots.map { Int32(truncatingIfNeeded: $0.pixelCount) })
            try table.setColumn("panel", spots.map { UInt64($0.panel) })
            try table.setColumn("xyzobs.px.value", spots.map(\.centroid))
            try table.setColumn("xyzobs.px.variance", spots.map(\.centroidVariance))
        } catch {
            preconditionFailure("strong-spot columns: \(error)")
        }
        return table
    }
}
