import Foundation
import MXGeometry

/// The prediction for one observed reflection, as DIALS's scan-static reflection predictor
/// makes it during refinement: the Ewald crossing of h whose entering flag matches the
/// observation's, intersected with the observed panel, its φ moved by whole turns to the one
/// nearest the observed φ.
struct ObservationPrediction: Sendable {
    /// Predicted (X mm, Y mm, φ rad); φ matched to the observation's turn.
    var xyz: Vec3
    /// The predicted diffracted beam (zero when h never crosses with that entering flag).
    var s1: Vec3
    /// True when a ray with the observed entering flag exists and meets the panel's plane.
    var isPredicted: Bool
}

extension ExperimentFrame {
    /// Predicts observation (h, entering, panel) observed at angle φ_obs (radians).
    @inline(__always)
    func predict(h: Vec3, entering: Bool, panel: Int, phiObserved: Double) -> ObservationPrediction {
        let p0 = fixedUB * h
        let noRay = ObservationPrediction(xyz: Vec3(0, 0, Self.matchFullTurns(calculated: 0, observed: phiObserved)),
                                          s1: .zero, isPredicted: false)
        guard let (a, b) = angles.angles(p0) else { return noRay }
        for k in 0..<2 {
            let phi = k == 0 ? a : b
            let s1 = s0 + setting * Self.rotate(p0, about: axisDatum, cos: cos(phi), sin: sin(phi))
            guard (s1.dot(enteringNormal) < 0) == entering else { continue }
            let phiMatched = Self.matchFullTurns(calculated: phi, observed: phiObserved)
            let w = panelD[panel] * s1
            guard w.z > 0 else {
                return ObservationPrediction(xyz: Vec3(0, 0, phiMatched), s1: s1, isPredicted: false)
            }
            return ObservationPrediction(xyz: Vec3(w.x / w.z, w.y / w.z, phiMatched), s1: s1, isPredicted: true)
        }
        return noRay
    }

    /// v rotated right-handedly about the unit axis e (Rodrigues):
    /// v cosφ + (e × v) sinφ + e (e·v)(1 − cosφ).
    @inline(__always)
    static func rotate(_ v: Vec3, about e: Vec3, cos c: Double, sin s: Double) -> Vec3 {
        v * c + e.cross(v) * s + e * (e.dot(v) * (1 - c))
    }

    /// φ_calc moved by whole turns to lie within half a turn of φ_obs (DIALS's
    /// `_match_full_turns`).
    @inline(__always)
    static func matchFullTurns(calculated: Double, observed: Double) -> Double {
        let twoPi = 2 * Double.pi
        let resid = calculated - fmodPositive(observed, twoPi)
        return observed + (fmodPositive(resid + .pi, twoPi) - .pi)
    }

    /// x mod y in [0, y), as scitbx's `fmod_positive`.
    @inline(__always)
    static func fmodPositive(_ x: Double, _ y: Double) -> Double {
        let r = fmod(x, y)
        return r < 0 ? r + y : r
    }
}
