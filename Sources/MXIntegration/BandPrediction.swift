import Foundation
import MXGeometry
import MXReflections

/// One predicted reflection of one experiment, with what integration derives from it.
struct PredictedReflection: Sendable {
    var h: MillerIndex
    var experiment: Int
    var panel: Int
    var entering: Bool
    var s1: Vec3
    /// Rotation angle (radians) in the scan's turn.
    var phi: Double
    /// Impact in panel millimetres and pixels, and the frame (array index).
    var mm: SIMD2<Double>
    var px: SIMD2<Double>
    var z: Double
    var d: Double
    var zeta: Double
    var bbox: Int6 = Int6(0, 0, 0, 0, 0, 0)

    var xyzcalPx: Vec3 { Vec3(px.x, px.y, z) }
}

/// Every reflection of an experiment in a resolution band over its scan: the index generator
/// over the d_min sphere, lattice-centring absences, and the shared `RotationPredictor` for each
/// crossing (both solutions, every turn inside the padded scan, every panel).
enum BandPrediction {
    static func predict(experiment e: Int, beam: Beam, detector: Detector, goniometer: Goniometer, scan: Scan,
                        crystal: Crystal, dMin: Double, dMax: Double?, paddingDegrees: Double) -> [PredictedReflection] {
        let predictor = RotationPredictor(beam: beam, detector: detector, goniometer: goniometer, scan: scan, A: crystal.A)
        let centring = LatticeCentring(hallSymbol: crystal.spaceGroupHall)
        let real = crystal.realSpaceVectors
        // |h| ≤ |a|/d_min bounds every index of a point inside the d_min sphere.
        func limit(_ v: Vec3) -> Int32 { Int32((v.length / dMin).rounded(.down)) + 1 }
        let (hMax, kMax, lMax) = (limit(real.a), limit(real.b), limit(real.c))
        let s0 = beam.s0
        let m2 = goniometer.rotationAxis.normalized
        let A = crystal.A
        var out: [PredictedReflection] = []
        for h in -hMax...hMax {
            for k in -kMax...kMax {
                for l in -lMax...lMax {
                    let hkl = SIMD3<Int32>(h, k, l)
                    guard hkl != .zero, centring.isAllowed(hkl) else { continue }
                    let d = 1 / (A * SIMD3<Double>(hkl)).length
                    guard d >= dMin, dMax.map({ d <= $0 }) ?? true else { continue }
                    for ray in predictor.predict(hkl, paddingDegrees: paddingDegrees) {
                        out.append(PredictedReflection(
                            h: MillerIndex(h, k, l), experiment: e, panel: ray.panel, entering: ray.entering,
                            s1: ray.s1, phi: ray.phi, mm: ray.mm, px: ray.px, z: ray.z, d: d,
                            zeta: KabschFrame.zeta(m2: m2, s0: s0, s1: ray.s1)))
                    }
                }
            }
        }
        return out
    }
}
