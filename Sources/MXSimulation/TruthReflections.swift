import MXGeometry
import MXReflections

extension SweepSimulator {
    /// The per-reflection truth of the sweep as a DIALS reflection table: `miller_index`,
    /// ideal `xyzcal.px.value` / `xyzcal.mm.value` (what a perfect predictor gives), the centre
    /// actually drawn as `xyzobs.px.value`, `intensity.sum.value` = expected counts recorded
    /// within the scan (before noise), `partiality` = the recorded fraction, `entering`, `d`.
    /// Only reflections that put counts on at least one image are listed.
    public func truthTable() throws -> ReflectionTable {
        let panel = instrument.trueDetector[0]
        var fractions = [Double](repeating: 0, count: self.reflections.count)
        for image in imageContents { for (r, f) in image { fractions[r] += f } }
        let onImages = fractions.indices.filter { fractions[$0] > 0 }
        let reflections = onImages.map { self.reflections[$0] }
        let recorded = onImages.map { fractions[$0] }
        var table = ReflectionTable(nrows: reflections.count, identifiers: [0: identifier])
        try table.setColumn("miller_index", reflections.map { MillerIndex($0.h.x, $0.h.y, $0.h.z) })
        try table.setColumn("id", [Int32](repeating: 0, count: reflections.count))
        try table.setColumn("panel", [UInt64](repeating: 0, count: reflections.count))
        try table.setColumn("entering", reflections.map(\.entering))
        try table.setColumn("d", reflections.map(\.d))
        try table.setColumn("xyzcal.px.value", reflections.map { Vec3($0.idealPx.x, $0.idealPx.y, $0.idealZ) })
        try table.setColumn("xyzcal.mm.value", reflections.map { r -> Vec3 in
            let mm = panel.pixelToMillimeter(r.idealPx)
            return Vec3(mm.x, mm.y, r.phi)
        })
        try table.setColumn("xyzobs.px.value", reflections.map { Vec3($0.centrePx.x, $0.centrePx.y, $0.centreZ) })
        try table.setColumn("intensity.sum.value", zip(reflections, recorded).map { $0.fullCounts * $1 })
        try table.setColumn("partiality", recorded)
        return table
    }

    /// A stable experiment identifier for the sweep's truth.
    public var identifier: String { StableIdentifier.make(from: "mxtriage-simulate#\(plan.seed)#\(sweep.template)") }
}
