import Foundation
import MXExport
import MXGeometry
import MXReflections

/// One crystal's integrated reflections as scaling takes them: selected and corrected as
/// `dials.export`/`dials.scale` select summation intensities (integrated_sum, σ² > 0, Lorentz,
/// polarisation, detector efficiency and partiality applied, partials combined, partiality
/// ≥ 0.4, I/σ ≥ −5), with what the scaled MTZ carries beside them.
struct CrystalObservations: Sendable {
    var hkl: [SIMD3<Int>] = []
    var intensity: [Double] = []
    var variance: [Double] = []
    var dSpacing: [Double] = []
    var rotationDegrees: [Double] = []
    var xyzobsPx: [Vec3] = []
    var partiality: [Double] = []
    /// The sweep's rotation range (degrees), which sets the scale model's parameters.
    var rotationRange: ClosedRange<Double>

    var count: Int { hkl.count }

    init(experiments: ExperimentList, reflections table: ReflectionTable) throws {
        guard experiments.count == 1, let crystal = experiments.crystals.first, let scan = experiments.scans.first else {
            throw StageFailure("integrated_full.expt: one rotation experiment with a crystal expected, found \(experiments.count)")
        }
        let range = scan.oscillationRange
        rotationRange = min(range.start, range.end)...max(range.start, range.end)
        let selected: ExportReflections
        do {
            let index = try UnmergedMTZ.experimentIndex(table: table, experiments: experiments)
            selected = try ExportReflections(table: table, experimentIndex: index, experimentCount: 1, options: MTZExportOptions())
        } catch {
            throw StageFailure("integrated_full.refl: \(error)")
        }
        guard let xyzobs = table["xyzobs.px.value", as: Vec3.self], let xyzcal = table["xyzcal.px", as: Vec3.self] else {
            throw StageFailure("integrated_full.refl: no xyzobs.px.value or xyzcal.px column")
        }
        let cell = crystal.unitCell
        for k in 0..<selected.count {
            let m = selected.miller[k], r = selected.row[k]
            let h = SIMD3(Int(m.h), Int(m.k), Int(m.l))
            hkl.append(h)
            intensity.append(selected.intensity[k])
            variance.append(selected.variance[k])
            dSpacing.append(cell.dSpacing(SIMD3(Double(h.x), Double(h.y), Double(h.z))))
            rotationDegrees.append(scan.angle(arrayIndex: xyzcal[r].z))
            xyzobsPx.append(xyzobs[r])
            partiality.append(selected.fraction[k])
        }
        guard count > 0 else { throw StageFailure("integrated_full.refl: no reflection survives the selection for scaling") }
    }
}
