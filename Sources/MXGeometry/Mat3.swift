import Foundation

/// A 3×3 matrix of doubles stored row-major, as scitbx `mat3` and the `.expt` JSON store it
/// (`fixed_rotation`, `setting_rotation`, …).
public struct Mat3: Equatable, Sendable, CustomStringConvertible {
    /// Elements in row-major order: m[3*row + column].
    public var m: (Double, Double, Double, Double, Double, Double, Double, Double, Double)

    @inlinable public init(_ e: (Double, Double, Double, Double, Double, Double, Double, Double, Double)) {
        m = e
    }

    /// From nine row-major elements. Traps unless exactly nine are given.
    public init(rowMajor e: [Double]) {
        precondition(e.count == 9, "Mat3 needs 9 elements, got \(e.count)")
        m = (e[0], e[1], e[2], e[3], e[4], e[5], e[6], e[7], e[8])
    }

    /// The matrix whose rows are the given vectors.
    @inlinable public init(rows r0: Vec3, _ r1: Vec3, _ r2: Vec3) {
        m = (r0.x, r0.y, r0.z, r1.x, r1.y, r1.z, r2.x, r2.y, r2.z)
    }

    /// The matrix whose columns are the given vectors.
    @inlinable public init(columns c0: Vec3, _ c1: Vec3, _ c2: Vec3) {
        m = (c0.x, c1.x, c2.x, c0.y, c1.y, c2.y, c0.z, c1.z, c2.z)
    }

    public static let identity = Mat3((1, 0, 0, 0, 1, 0, 0, 0, 1))
    public static let zero = Mat3((0, 0, 0, 0, 0, 0, 0, 0, 0))

    /// Elements in row-major order.
    public var rowMajor: [Double] { [m.0, m.1, m.2, m.3, m.4, m.5, m.6, m.7, m.8] }

    @inlinable public subscript(row: Int, column: Int) -> Double {
        get {
            switch 3 * row + column {
            case 0: return m.0
            case 1: return m.1
            case 2: return m.2
            case 3: return m.3
            case 4: return m.4
            case 5: return m.5
            case 6: return m.6
            case 7: return m.7
            default: return m.8
            }
        }
        set {
            switch 3 * row + column {
            case 0: m.0 = newValue
            case 1: m.1 = newValue
            case 2: m.2 = newValue
            case 3: m.3 = newValue
            case 4: m.4 = newValue
            case 5: m.5 = newValue
            case 6: m.6 = newValue
            case 7: m.7 = newValue
            default: m.8 = newValue
            }
        }
    }

    @inlinable public var row0: Vec3 { Vec3(m.0, m.1, m.2) }
    @inlinable public var row1: Vec3 { Vec3(m.3, m.4, m.5) }
    @inlinable public var row2: Vec3 { Vec3(m.6, m.7, m.8) }
    @inlinable public var column0: Vec3 { Vec3(m.0, m.3, m.6) }
    @inlinable public var column1: Vec3 { Vec3(m.1, m.4, m.7) }
    @inlinable public var column2: Vec3 { Vec3(m.2, m.5, m.8) }

    @inlinable public var transpose: Mat3 {
        Mat3((m.0, m.3, m.6, m.1, m.4, m.7, m.2, m.5, m.8))
    }

    @inlinable public var determinant: Double {
        m.0 * (m.4 * m.8 - m.5 * m.7) - m.1 * (m.3 * m.8 - m.5 * m.6) + m.2 * (m.3 * m.7 - m.4 * m.6)
    }

    /// The inverse by the adjugate. A singular matrix gives non-finite elements; callers that
    /// can meet one check `determinant` first.
    public var inverse: Mat3 {
        let d = determinant
        return Mat3((
            (m.4 * m.8 - m.5 * m.7) / d, (m.2 * m.7 - m.1 * m.8) / d, (m.1 * m.5 - m.2 * m.4) / d,
            (m.5 * m.6 - m.3 * m.8) / d, (m.0 * m.8 - m.2 * m.6) / d, (m.2 * m.3 - m.0 * m.5) / d,
            (m.3 * m.7 - m.4 * m.6) / d, (m.1 * m.6 - m.0 * m.7) / d, (m.0 * m.4 - m.1 * m.3) / d))
    }

    @inlinable public static func * (a: Mat3, v: Vec3) -> Vec3 {
        Vec3(a.m.0 * v.x + a.m.1 * v.y + a.m.2 * v.z,
             a.m.3 * v.x + a.m.4 * v.y + a.m.5 * v.z,
             a.m.6 * v.x + a.m.7 * v.y + a.m.8 * v.z)
    }

    @inlinable public static func * (a: Mat3, b: Mat3) -> Mat3 {
        Mat3(columns: a * b.column0, a * b.column1, a * b.column2)
    }

    @inlinable public static func * (a: Mat3, s: Double) -> Mat3 {
        Mat3((a.m.0 * s, a.m.1 * s, a.m.2 * s, a.m.3 * s, a.m.4 * s, a.m.5 * s, a.m.6 * s, a.m.7 * s, a.m.8 * s))
    }

    @inlinable public static func + (a: Mat3, b: Mat3) -> Mat3 {
        Mat3((a.m.0 + b.m.0, a.m.1 + b.m.1, a.m.2 + b.m.2, a.m.3 + b.m.3, a.m.4 + b.m.4,
              a.m.5 + b.m.5, a.m.6 + b.m.6, a.m.7 + b.m.7, a.m.8 + b.m.8))
    }

    @inlinable public static func - (a: Mat3, b: Mat3) -> Mat3 { a + b * -1 }

    public static func == (a: Mat3, b: Mat3) -> Bool { a.rowMajor == b.rowMajor }

    /// Largest absolute element-wise difference, for comparisons with a tolerance.
    public func maxAbsDifference(_ other: Mat3) -> Double {
        zip(rowMajor, other.rowMajor).map { abs($0 - $1) }.max() ?? 0
    }

    /// The skew-symmetric matrix [v]× such that [v]× w = v × w.
    public static func crossProductMatrix(_ v: Vec3) -> Mat3 {
        Mat3((0, -v.z, v.y, v.z, 0, -v.x, -v.y, v.x, 0))
    }

    /// The outer product u vᵀ.
    public static func outer(_ u: Vec3, _ v: Vec3) -> Mat3 {
        Mat3(rows: v * u.x, v * u.y, v * u.z)
    }

    /// Right-handed rotation by `angle` radians about the unit `axis` (Rodrigues):
    /// R = cosθ I + sinθ [e]× + (1 − cosθ) e eᵀ.
    public static func rotation(axis: Vec3, angle: Double) -> Mat3 {
        let e = axis.normalized
        let c = cos(angle), s = sin(angle)
        return identity * c + crossProductMatrix(e) * s + outer(e, e) * (1 - c)
    }

    /// dR/dθ of `rotation(axis:angle:)`: −sinθ I + cosθ [e]× + sinθ e eᵀ.
    public static func rotationDerivative(axis: Vec3, angle: Double) -> Mat3 {
        let e = axis.normalized
        let c = cos(angle), s = sin(angle)
        return identity * -s + crossProductMatrix(e) * c + outer(e, e) * s
    }

    public var description: String {
        "[\(rowMajor.map { String($0) }.joined(separator: ", "))]"
    }
}
