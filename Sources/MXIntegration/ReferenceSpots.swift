import Foundation
import MXGeometry
import MXReflections

/// An indexed strong spot of one experiment, matched to its prediction with the current models.
struct ReferenceSpot: Sendable {
    var row: Int
    var predicted: PredictedReflection
    /// The spot finder's box around its strong pixels.
    var bbox: Int6
    var flags: ReflectionFlags
}

/// Chooses the reference spots as dials.integrate does (indexed, not bad for refinement,
/// h ≠ 0, this experiment) and predicts each with the experiment's models: the crossing with
/// the spot's entering flag nearest its observed frame. The tables our refinement writes carry
/// no xyzobs.px column, so the observed frame comes from xyzobs.mm (φ) when it is missing.
enum ReferenceSpots {
    static func select(from table: ReflectionTable, experiment e: Int, beam: Beam, detector: Detector,
                       goniometer: Goniometer, scan: Scan, crystal: Crystal,
                       paddingDegrees: Double) throws(IntegrationError) -> [ReferenceSpot] {
        // No spots at all is allowed here (a fixed profile needs none); too few is the
        // profile model's error to raise.
        guard table.nrows > 0 else { return [] }
        guard let hkl = table.millerIndices("miller_index"), let ids = table.ints("id") else {
            throw .badInput("the reflections have no miller_index and id columns: index them first")
        }
        let flags = table.flags
        let entering = table.bools("entering")
        let panels = table.sizes("panel")
        let boxes = table.int6s("bbox")
        let zObs: [Double]
        if let px = table.vec3s("xyzobs.px.value") {
            zObs = px.map(\.z)
        } else if let mm = table.vec3s("xyzobs.mm.value") {
            zObs = mm.map { scan.arrayIndex(angle: $0.z * 180 / .pi) }
        } else {
            throw .badInput("the reflections have neither xyzobs.px.value nor xyzobs.mm.value")
        }
        let pxObs = table.vec3s("xyzobs.px.value")
        let predictor = RotationPredictor(beam: beam, detector: detector, goniometer: goniometer, scan: scan, A: crystal.A)
        let m2 = goniometer.rotationAxis.normalized
        var out: [ReferenceSpot] = []
        for row in 0..<table.nrows where Int(ids[row]) == e && !hkl[row].isZero {
            let f = flags?[row] ?? [.indexed]
            guard f.contains(.indexed), f.isDisjoint(with: .badForRefinement) else { continue }
            let h = SIMD3<Int32>(hkl[row].h, hkl[row].k, hkl[row].l)
            let candidates = predictor.predict(h, paddingDegrees: paddingDegrees).filter { ray in
                (entering.map { ray.entering == $0[row] } ?? true) && (panels.map { UInt64(ray.panel) == $0[row] } ?? true)
            }
            guard let ray = candidates.min(by: { abs($0.z - zObs[row]) < abs($1.z - zObs[row]) }),
                  abs(ray.z - zObs[row]) < 5 else { continue }
            let predicted = PredictedReflection(
                h: hkl[row], experiment: e, panel: ray.panel, entering: ray.entering, s1: ray.s1, phi: ray.phi,
                mm: ray.mm, px: ray.px, z: ray.z, d: 1 / (crystal.A * SIMD3<Double>(h)).length,
                zeta: KabschFrame.zeta(m2: m2, s0: beam.s0, s1: ray.s1))
            // Without the spot finder's box, a few pixels and a frame either side of the spot.
            let centre = pxObs?[row] ?? Vec3(ray.px.x, ray.px.y, zObs[row])
            if let why = Self.problem(box: boxes?[row], centre: centre, panel: detector[ray.panel], scan: scan) {
                throw .badInput("reflection \(row): \(why)")
            }
            let box = boxes?[row] ?? Int6(Int32(centre.x) - 3, Int32(centre.x) + 4, Int32(centre.y) - 3, Int32(centre.y) + 4,
                                          Int32(centre.z.rounded(.down)) - 1, Int32(centre.z.rounded(.down)) + 2)
            out.append(ReferenceSpot(row: row, predicted: predicted, bbox: box, flags: f))
        }
        return out
    }

    /// Why a reference spot's box (or, without one, its centre) cannot be read from the images:
    /// a box from a damaged table as wide as Int32 allows would overflow the shoebox arithmetic
    /// and ask for more pixels than exist; a NaN centre traps converting to a pixel. A box must
    /// overlap the panel and the scan and be no larger than they are; the spot finder's boxes
    /// may run past an edge (they are clipped when read), never further than that.
    static func problem(box: Int6?, centre: Vec3, panel: Panel, scan: Scan) -> String? {
        guard let b = box else {
            let finite = centre.x.isFinite && centre.y.isFinite && centre.z.isFinite
            let inside = finite && abs(centre.x) < 1e9 && abs(centre.y) < 1e9 && abs(centre.z) < 1e9
            return inside ? nil : "xyzobs.px.value \(centre.array) is not a position on the images"
        }
        let (lo, hi) = scan.arrayRange
        let (nx, ny) = (panel.imageSize.fast, panel.imageSize.slow)
        let (x0, x1, y0, y1, z0, z1) = (Int(b.x0), Int(b.x1), Int(b.y0), Int(b.y1), Int(b.z0), Int(b.z1))
        guard x0 < x1, x1 > 0, x0 < nx, x1 - x0 <= nx, y0 < y1, y1 > 0, y0 < ny, y1 - y0 <= ny,
              z0 < z1, z1 > lo, z0 < hi, z1 - z0 <= hi - lo else {
            return "bbox [\(x0), \(x1), \(y0), \(y1), \(z0), \(z1)] is not a box on the \(nx) × \(ny) panel within images \(lo + 1)…\(hi)"
        }
        return nil
    }

    /// DIALS uses every suitable spot unless there are 10 000 or more; then the ones used in
    /// refinement, topped up with every n-th other one.
    static func sampleForProfile(_ spots: [ReferenceSpot], minimum: Int = 10_000) -> [ReferenceSpot] {
        guard spots.count >= minimum else { return spots }
        let used = spots.filter { $0.flags.contains(.usedInRefinement) }
        if used.count >= minimum { return used }
        let others = spots.filter { !$0.flags.contains(.usedInRefinement) }
        let step = max(1, others.count / (minimum - used.count))
        return used + stride(from: 0, to: others.count, by: step).map { others[$0] }
    }
}
