import MXGeometry

/// The lower-triangular B matrix of a crystal as a function of its reciprocal metric
/// g = (a*·a*, b*·b*, c*·c*, a*·b*, a*·c*, b*·c*) — the closed form rstbx's `AGconvert` uses, with
/// c* along z and b* in the yz plane, which is exactly dxtbx's B = (fractionalisation)ᵀ:
///
///     c*_z = √g2,  b*_z = g5/c*_z,  a*_z = g4/c*_z,  b*_y = √(g1 − b*_z²),
///     a*_y = (g3 − a*_z b*_z)/b*_y,  a*_x = √(g0 − a*_y² − a*_z²)
///
/// The derivatives ∂B/∂gᵢ are those of these expressions, carried along by forward-mode
/// differentiation so they cannot drift from the values.
public enum ReciprocalMetric {
    /// g = BᵀB read from a B whose columns are a*, b*, c*.
    public static func metric(of b: Mat3) -> [Double] {
        let a = b.column0, bb = b.column1, c = b.column2
        return [a.dot(a), bb.dot(bb), c.dot(c), a.dot(bb), a.dot(c), bb.dot(c)]
    }

    /// B and ∂B/∂gᵢ (i = 0…5) at metric g. Fails when g is not a positive-definite metric.
    public static func matrixAndDerivatives(_ g: [Double]) throws(RefinementError) -> (b: Mat3, derivatives: [Mat3]) {
        precondition(g.count == 6, "the reciprocal metric has six elements")
        let v = (0..<6).map { Dual(g[$0], seed: $0) }
        let cz = try v[2].squareRoot()
        let bz = v[5] / cz
        let az = v[4] / cz
        let by = try (v[1] - bz * bz).squareRoot()
        let ay = (v[3] - az * bz) / by
        let ax = try (v[0] - ay * ay - az * az).squareRoot()
        let b = Mat3((ax.value, 0, 0, ay.value, by.value, 0, az.value, bz.value, cz.value))
        let derivatives = (0..<6).map { i in
            Mat3((ax.d[i], 0, 0, ay.d[i], by.d[i], 0, az.d[i], bz.d[i], cz.d[i]))
        }
        return (b, derivatives)
    }

    /// A value and its gradient with respect to the six metric elements.
    struct Dual {
        var value: Double
        var d: SIMD8<Double>

        init(_ value: Double, d: SIMD8<Double>) {
            self.value = value
            self.d = d
        }

        init(_ value: Double, seed: Int) {
            var d = SIMD8<Double>(repeating: 0)
            d[seed] = 1
            self.init(value, d: d)
        }

        static func + (a: Dual, b: Dual) -> Dual { Dual(a.value + b.value, d: a.d + b.d) }
        static func - (a: Dual, b: Dual) -> Dual { Dual(a.value - b.value, d: a.d - b.d) }
        static func * (a: Dual, b: Dual) -> Dual { Dual(a.value * b.value, d: a.d * b.value + b.d * a.value) }
        static func / (a: Dual, b: Dual) -> Dual {
            Dual(a.value / b.value, d: (a.d * b.value - b.d * a.value) / (b.value * b.value))
        }

        func squareRoot() throws(RefinementError) -> Dual {
            guard value > 0 else {
                throw .badInput("the unit cell has become impossible (reciprocal metric not positive definite)")
            }
            let s = value.squareRoot()
            return Dual(s, d: d / (2 * s))
        }
    }
}
