/// A monochromatic X-ray beam in dxtbx's convention: `direction` is the unit vector from the
/// sample towards the source, so the incident wave vector is s0 = −direction/λ (|s0| = 1/λ, Å⁻¹).
public struct Beam: Equatable, Sendable {
    /// Unit vector sample → source (lab frame). Pilatus default (0, 0, 1).
    public var direction: Vec3
    /// Wavelength λ in Å.
    public var wavelength: Double
    /// Divergence and its standard deviation, in degrees as dxtbx stores them in JSON.
    public var divergence: Double = 0
    public var sigmaDivergence: Double = 0
    /// Normal to the polarisation plane and the fraction polarised in that plane.
    public var polarizationNormal: Vec3 = Vec3(0, 1, 0)
    public var polarizationFraction: Double = 0.999
    public var flux: Double = 0
    public var transmission: Double = 1
    public var sampleToSourceDistance: Double = 0

    public init(direction: Vec3, wavelength: Double) {
        self.direction = direction.normalized
        self.wavelength = wavelength
    }

    /// Incident beam wave vector s0 = −direction/λ in Å⁻¹.
    public var s0: Vec3 { -direction.normalized / wavelength }

    /// Unit vector along the beam's travel, −direction.
    public var unitS0: Vec3 { -direction.normalized }

    /// Sets direction and wavelength from a wave vector s0 (as refinement of the beam does).
    public mutating func setS0(_ s0: Vec3) {
        wavelength = 1 / s0.length
        direction = -s0.normalized
    }
}
