import Foundation

/// A 3-vector of doubles in whatever frame the caller names (lab frame in mm, reciprocal
/// lattice in Å⁻¹, …). SIMD3 gives element-wise arithmetic and scalar scaling for free.
public typealias Vec3 = SIMD3<Double>

extension SIMD3 where Scalar == Double {
    /// Scalar product a·b.
    @inlinable public func dot(_ other: Vec3) -> Double {
        x * other.x + y * other.y + z * other.z
    }

    /// Right-handed vector product a × b.
    @inlinable public func cross(_ other: Vec3) -> Vec3 {
        Vec3(y * other.z - z * other.y, z * other.x - x * other.z, x * other.y - y * other.x)
    }

    /// Euclidean length |a|.
    @inlinable public var length: Double { dot(self).squareRoot() }

    /// a / |a|. The zero vector stays zero rather than becoming NaN.
    @inlinable public var normalized: Vec3 {
        let l = length
        return l > 0 ? self / l : self
    }

    /// Angle between two vectors in radians, in [0, π].
    public func angle(to other: Vec3) -> Double {
        let c = dot(other) / (length * other.length)
        return Foundation.acos(Swift.min(1, Swift.max(-1, c)))
    }

    /// The components as an array, in x, y, z order (for JSON).
    public var array: [Double] { [x, y, z] }
}
