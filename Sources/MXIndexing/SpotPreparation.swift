import MXGeometry
import MXReflections

/// The strong spots of one experiment in the forms indexing needs: `xyzobs.mm.value/variance`
/// (parallax-corrected plane millimetres and φ in radians, as DIALS's
/// `centroid_px_to_mm` makes them), the reciprocal-lattice point and the entering flag.
struct PreparedSpots: Sendable {
    /// Rows of the input table these spots came from.
    var rows: [Int]
    var panel: [Int]
    var mm: [Vec3]
    var mmVariance: [Vec3]
    var rlp: [Vec3]
    var entering: [Bool]
    var bbox: [Int6]

    var count: Int { rows.count }

    init(table: ReflectionTable, experiment: Int, models: RotationModels) throws(IndexingFailure) {
        guard let px = table.vec3s("xyzobs.px.value"), let pxVariance = table.vec3s("xyzobs.px.variance") else {
            throw .badInput("the spot table has no xyzobs.px.value/variance columns")
        }
        let ids = table.ints("id") ?? Array(repeating: 0, count: table.nrows)
        let panels = table.sizes("panel") ?? Array(repeating: 0, count: table.nrows)
        let boxes = table.int6s("bbox") ?? Array(repeating: Int6(0, 0, 0, 0, 0, 0), count: table.nrows)
        let width = models.scan.oscillation.width * .pi / 180
        (rows, panel, mm, mmVariance, rlp, entering, bbox) = ([], [], [], [], [], [], [])
        for i in 0..<table.nrows where ids[i] == Int32(experiment) || (ids[i] < 0 && experiment == 0) {
            guard panels[i] < UInt64(models.detector.panels.count) else { continue }
            let p = Int(panels[i])
            // A NaN or infinite centroid (a damaged table) would become a NaN reciprocal-lattice
            // point and trap where the FFT grid converts it to a cell index: refused, by row.
            func finite(_ v: Vec3) -> Bool { v.x.isFinite && v.y.isFinite && v.z.isFinite }
            guard finite(px[i]), finite(pxVariance[i]) else {
                throw .badInput("spot \(i) has xyzobs.px.value \(px[i].array) and xyzobs.px.variance \(pxVariance[i].array), not finite numbers")
            }
            let panelModel = models.detector[p]
            let xy = panelModel.pixelToMillimeter(SIMD2(px[i].x, px[i].y))
            let phi = models.scan.angle(arrayIndex: px[i].z) * .pi / 180
            let point = ReciprocalSpaceMapping.rlp(mm: xy, phi: phi, panel: panelModel, beam: models.beam, goniometer: models.goniometer)
            // Finite but far off the images (a frame of 1e308) can still overflow on the way.
            guard finite(point) else {
                throw .badInput("spot \(i) at xyzobs.px.value \(px[i].array) maps to no reciprocal-lattice point")
            }
            rows.append(i)
            panel.append(p)
            mm.append(Vec3(xy.x, xy.y, phi))
            mmVariance.append(Vec3(pxVariance[i].x * panelModel.pixelSize.fast * panelModel.pixelSize.fast,
                                   pxVariance[i].y * panelModel.pixelSize.slow * panelModel.pixelSize.slow,
                                   pxVariance[i].z * width * width))
            rlp.append(point)
            entering.append(ReciprocalSpaceMapping.isEntering(mm: xy, panel: panelModel, beam: models.beam, goniometer: models.goniometer))
            bbox.append(boxes[i])
        }
    }

    /// Recomputes the reciprocal-lattice points from (refined) models.
    mutating func remap(_ models: RotationModels) {
        for i in 0..<count {
            rlp[i] = ReciprocalSpaceMapping.rlp(mm: SIMD2(mm[i].x, mm[i].y), phi: mm[i].z, panel: models.detector[panel[i]],
                                                beam: models.beam, goniometer: models.goniometer)
        }
    }
}

/// The beam, detector, goniometer and scan of one rotation experiment: what indexing needs
/// (no crystal yet, no images). Integration's counterpart, with both, is `IntegrableExperiment`.
struct RotationModels: Sendable {
    var beam: Beam
    var detector: Detector
    var goniometer: Goniometer
    var scan: Scan

    init(_ list: ExperimentList, experiment e: Int) throws(IndexingFailure) {
        let x = list.experiments[e]
        guard let beam = list.beam(of: x), let detector = list.detector(of: x), let goniometer = list.goniometer(of: x),
              let scan = list.scan(of: x) else {
            throw .badInput("experiment \(e) lacks a beam, detector, goniometer or scan")
        }
        guard scan.oscillation.width != 0 else { throw .badInput("experiment \(e) is a still; rotation indexing needs a scan") }
        (self.beam, self.detector, self.goniometer, self.scan) = (beam, detector, goniometer, scan)
    }
}
