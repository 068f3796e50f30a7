import MXGeometry

/// Analytic derivatives of the predicted (X, Y, φ) of one reflection with respect to the free
/// parameters of its experiment (DIALS's `XYPhiPredictionParameterisation`).
///
/// With r = S·R(φ)·F·U·B·h, s1 = s0 + r, e = S·e_datum, pv = D·s1 = (u, v, w), X = u/w, Y = v/w:
/// the Ewald condition f = 2 s0·r + r·r = 0 differentiated at fixed h gives
/// ∂φ = −(∂r·s1)/c for a crystal parameter and ∂φ = −(r·∂s0)/c for a beam parameter, with the
/// common denominator c = (e × r)·s0; then ∂pv = D·(∂r + (e × r)∂φ) (crystal),
/// D·((e × r)∂φ + ∂s0) (beam) or −D·∂d·pv (detector, ∂φ = 0), and
/// ∂X = (∂u − X∂w)/w, ∂Y = (∂v − Y∂w)/w.
struct PositionGradients {
    var dX: [Double]
    var dY: [Double]
    var dPhi: [Double]

    init(count: Int) {
        dX = Array(repeating: 0, count: count)
        dY = Array(repeating: 0, count: count)
        dPhi = Array(repeating: 0, count: count)
    }
}

extension ExperimentFrame {
    /// Fills `g` with the derivatives for a reflection of index h on `panel`, predicted at
    /// (X, Y, φ) = `xyz` with diffracted beam `s1`. Returns false when the reflection is so
    /// close to the spindle–beam plane that |c| ≤ 10⁻⁶, where DIALS refuses to go on.
    @inline(__always)
    func gradients(h: Vec3, panel: Int, xyz: Vec3, s1: Vec3, into g: inout PositionGradients) -> Bool {
        let d = panelD[panel]
        let r = s1 - s0
        let eXr = axisLab.cross(r)
        let c = eXr.dot(s0)
        guard abs(c) > 1e-6 else { return false }
        let pv = d * s1
        let wInv = 1 / pv.z
        let x = pv.x * wInv, y = pv.y * wInv
        var k = 0
        @inline(__always) func store(_ dpv: Vec3, _ dphi: Double) {
            g.dX[k] = wInv * (dpv.x - dpv.z * x)
            g.dY[k] = wInv * (dpv.y - dpv.z * y)
            g.dPhi[k] = dphi
            k += 1
        }
        for dd in detectorDerivatives {
            store(-(d * (dd * pv)), 0)
        }
        for ds0 in beamDerivatives {
            let dphi = -ds0.dot(r) / c
            store(d * (eXr * dphi + ds0), dphi)
        }
        if !orientationDerivatives.isEmpty || !cellDerivatives.isEmpty {
            // M = S·R(φ)·F carries a change of U·B·h in the crystal frame into the lab at φ.
            let m = setting * Mat3.rotation(axis: axisDatum, angle: xyz.z) * fixed
            let bh = b * h
            for du in orientationDerivatives {
                let dr = m * (du * bh)
                let dphi = -dr.dot(s1) / c
                store(d * (dr + eXr * dphi), dphi)
            }
            for db in cellDerivatives {
                let dr = m * (u * (db * h))
                let dphi = -dr.dot(s1) / c
                store(d * (dr + eXr * dphi), dphi)
            }
        }
        return true
    }
}
