import Foundation
import MXGeometry
import MXReflections

/// What `dials.refine` writes to refined.refl: every input row in input order, with new
/// predictions for the indexed rows observed within their scan (DIALS's
/// `predict_for_indexed`) and the refinement flags reset from this run.
enum ReflectionUpdate {
    struct Flags {
        /// Per input row.
        var excluded: [Bool]
        var outlier: [Bool]
        var used: [Bool]
    }

    static func apply(to input: ReflectionTable, experiments: ExperimentList, frames: [ExperimentFrame],
                      selection: ReflectionSelection, flags: Flags) throws(RefinementError) -> ReflectionTable {
        var table = input
        let n = table.nrows
        let ids = table.ints("id") ?? []
        let miller = table.millerIndices("miller_index") ?? []
        let panels = table.sizes("panel") ?? []
        let xyz = table.vec3s("xyzobs.mm.value") ?? []
        var s1 = table.vec3s("s1") ?? Array(repeating: .zero, count: n)
        var mm = table.vec3s("xyzcal.mm") ?? Array(repeating: .zero, count: n)
        var px = table.vec3s("xyzcal.px") ?? Array(repeating: .zero, count: n)
        var raw = table.sizes(ReflectionTable.flagsColumn) ?? Array(repeating: 0, count: n)
        let entering = selection.entering

        for i in 0..<n {
            let id = Int(ids[i])
            guard id >= 0, id < frames.count else { continue }
            let f = frames[id]
            let range = f.scan.oscillationRange
            let lo = min(range.start, range.end) * .pi / 180, hi = max(range.start, range.end) * .pi / 180
            guard xyz[i].z >= lo, xyz[i].z <= hi else { continue }
            // Rows refinement did not select (overloaded, h = 0) were never checked against the
            // detector: one on a panel it lacks (or ≥ 2⁶³) keeps its old prediction.
            let detector = experiments.detectors[experiments.experiments[id].detector!]
            guard panels[i] < UInt64(detector.panels.count) else { continue }
            let m = miller[i]
            let panel = Int(panels[i])
            let p = f.predict(h: Vec3(Double(m.h), Double(m.k), Double(m.l)), entering: entering[i],
                              panel: panel, phiObserved: xyz[i].z)
            s1[i] = p.s1
            mm[i] = p.xyz
            let z = f.scan.arrayIndex(angle: p.xyz.z * 180 / .pi)
            if p.isPredicted {
                let pixel = detector[panel].millimeterToPixel(SIMD2(p.xyz.x, p.xyz.y))
                px[i] = Vec3(pixel.x, pixel.y, z)
                raw[i] |= ReflectionFlags.predicted.rawValue
            } else {
                px[i] = Vec3(0, 0, z)
                raw[i] &= ~ReflectionFlags.predicted.rawValue
            }
        }
        let reset: ReflectionFlags = [.excludedForRefinement, .usedInRefinement, .centroidOutlier]
        for i in 0..<n {
            var f = raw[i] & ~reset.rawValue
            if flags.excluded[i] { f |= ReflectionFlags.excludedForRefinement.rawValue }
            if flags.outlier[i] { f |= ReflectionFlags.centroidOutlier.rawValue }
            if flags.used[i] { f |= ReflectionFlags.usedInRefinement.rawValue }
            raw[i] = f
        }
        do {
            try table.setColumn("s1", s1)
            try table.setColumn("xyzcal.mm", mm)
            try table.setColumn("xyzcal.px", px)
            try table.setColumn("entering", entering)
            try table.setColumn(ReflectionTable.flagsColumn, raw)
        } catch {
            throw .badInput("cannot update the reflection table: \(error)")
        }
        return table
    }
}
