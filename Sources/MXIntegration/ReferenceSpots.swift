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
                (entering.map { ray.entering == $0[row] } ?? true) && (panels.map { ray.panel == Int($0[row]) } ?? true)
            }
            guard let ray = candidates.min(by: { abs($0.z - zObs[row]) < abs($1.z - zObs[row]) }),
                  abs(ray.z - zObs[row]) < 5 else { continue }
            let predicted = PredictedReflection(
                h: hkl[row], experiment: e, panel: ray.panel, entering: ray.entering, s1: ray.s1, phi: ray.phi,
                mm: ray.mm, px: ray.px, z: ray.z, d: 1 / (crystal.A * SIMD3<Double>(h)).length,
                zeta: KabschFrame.zeta(m2: m2, s0: beam.s0, s1: ray.s1))
            // Without the spot finder's box, a few pixels and a frame either side of the spot.
            let centre = pxObs?[row] ?? Vec3(ray.px.x, ray.px.y, zObs[row])
            let box = boxes?[row] ?? Int6(Int32(centre.x) - 3, Int32(centre.x) + 4, Int32(centre.y) - 3, Int32(centre.y) + 4,
                                          Int32(centre.z.rounded(.down)) - 1, Int32(centre.z.rounded(.down)) + 2)
            out.append(ReferenceSpot(row: row, predicted: predicted, bbox: box, flags: f))
        }
        return out
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
