import MXGeometry
import MXReflections

/// One row of integrated.refl before it is laid out in columns.
struct IntegratedRow: Sendable {
    var predicted: PredictedReflection
    var flags: ReflectionFlags
    var partiality: Double
    var sum: SummationResult
    var lp: Double
    var qe: Double
}

/// Lays rows out as DIALS's integrated.refl columns.
enum IntegratedTable {
    static func make(_ rows: [IntegratedRow], detectors: [Int: Detector], scans: [Int: Scan],
                     identifiers: [Int: String]) -> ReflectionTable {
        var t = ReflectionTable(nrows: rows.count, identifiers: identifiers)
        func mmObs(_ r: IntegratedRow) -> (Vec3, Vec3) {
            guard let c = r.sum.centroid, let panel = detectors[r.predicted.experiment]?[r.predicted.panel],
                  let scan = scans[r.predicted.experiment] else { return (.zero, .zero) }
            let mm = panel.pixelToMillimeter(SIMD2(c.value.x, c.value.y))
            let phi = scan.angle(arrayIndex: c.value.z) * .pi / 180
            let width = scan.oscillation.width * .pi / 180
            return (Vec3(mm.x, mm.y, phi), Vec3(c.variance.x * panel.pixelSize.fast * panel.pixelSize.fast,
                                                c.variance.y * panel.pixelSize.slow * panel.pixelSize.slow,
                                                c.variance.z * width * width))
        }
        let obsMM = rows.map(mmObs)
        // Every column has nrows elements of a supported type, so setting cannot fail.
        do {
            try t.setColumn("miller_index", rows.map(\.predicted.h))
            try t.setColumn("id", rows.map { Int32($0.predicted.experiment) })
            try t.setColumn("panel", rows.map { UInt64($0.predicted.panel) })
            try t.setColumn("flags", rows.map(\.flags.rawValue))
            try t.setColumn("entering", rows.map(\.predicted.entering))
            try t.setColumn("s1", rows.map(\.predicted.s1))
            try t.setColumn("d", rows.map(\.predicted.d))
            try t.setColumn("zeta", rows.map(\.predicted.zeta))
            try t.setColumn("bbox", rows.map(\.predicted.bbox))
            try t.setColumn("partiality", rows.map(\.partiality))
            try t.setColumn("partial_id", (0..<rows.count).map { UInt64($0) })
            try t.setColumn("xyzcal.px", rows.map(\.predicted.xyzcalPx))
            try t.setColumn("xyzcal.mm", rows.map { Vec3($0.predicted.mm.x, $0.predicted.mm.y, $0.predicted.phi) })
            try t.setColumn("xyzobs.px.value", rows.map { $0.sum.centroid?.value ?? .zero })
            try t.setColumn("xyzobs.px.variance", rows.map { $0.sum.centroid?.variance ?? .zero })
            try t.setColumn("xyzobs.mm.value", obsMM.map(\.0))
            try t.setColumn("xyzobs.mm.variance", obsMM.map(\.1))
            try t.setColumn("intensity.sum.value", rows.map(\.sum.intensity))
            try t.setColumn("intensity.sum.variance", rows.map(\.sum.variance))
            try t.setColumn("background.mean", rows.map(\.sum.backgroundMean))
            try t.setColumn("background.sum.value", rows.map(\.sum.backgroundSum))
            try t.setColumn("background.sum.variance", rows.map(\.sum.backgroundSumVariance))
            try t.setColumn("lp", rows.map(\.lp))
            try t.setColumn("qe", rows.map(\.qe))
            try t.setColumn("num_pixels.valid", rows.map(\.sum.numValid))
            try t.setColumn("num_pixels.background", rows.map(\.sum.numBackground))
            try t.setColumn("num_pixels.background_used", rows.map(\.sum.numBackgroundUsed))
            try t.setColumn("num_pixels.foreground", rows.map(\.sum.numForeground))
        } catch {
            preconditionFailure("integrated columns: \(error)")
        }
        return t
    }
}
