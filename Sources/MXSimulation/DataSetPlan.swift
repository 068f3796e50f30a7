import MXGeometry
import MXSymmetry

/// One simulated crystal and what is true about it.
public struct CrystalTruth: Sendable, Equatable {
    /// Which population the crystal belongs to: "main" (isomorphous), "long-c" (the second,
    /// non-isomorphous group), "outlier", or "blank" (almost no diffraction; cannot index).
    public var group: String
    public var cell: UnitCell
    /// Orientation U; the true A = U·B in DIALS's convention (lab frame at φ = 0).
    public var U: Mat3
    /// Multiplies every intensity: crystal volume and exposure.
    public var scale: Double
    /// Overall isotropic displacement parameter (Å²) of the Wilson fall-off.
    public var bFactor: Double
    /// Mosaic spread σ_m in degrees: the width of each reflection's rotation profile.
    public var mosaicity: Double
    /// Mean background counts per pixel near the beam (air and solvent scatter).
    public var background: Double
    /// Which set of structure-factor amplitudes the crystal has: isomorphous crystals share one.
    public var structure: UInt64

    public var A: Mat3 { U * cell.fractionalization.transpose }
}

/// One sweep: its file-name template, its crystal and its rotation.
public struct SweepPlan: Sendable, Equatable {
    public var index: Int
    /// File-name template without directory, e.g. "xtal7_1_####.cbf".
    public var template: String
    public var crystalID: Int
    public var crystal: CrystalTruth
    public var numImages: Int
    /// Start angle and width of the first image, degrees.
    public var startAngle: Double
    public var oscillation: Double
}

/// Everything that defines a simulated data set; rendering is a pure function of it.
public struct DataSetPlan: Sendable, Equatable {
    /// The ``CrystalForm`` the crystals are of, by name, and its space group: absences and
    /// the symmetry the intensities obey.
    public var preset: String
    public var spaceGroup: SpaceGroup
    public var seed: UInt64
    public var detector: SimulatedDetector
    public var wavelength: Double
    /// The true beam centre (pixels, fast/slow) and distance (mm), and the slightly wrong values
    /// the headers record, as real headers are a little wrong.
    public var trueBeamCentre: SIMD2<Double>
    public var trueDistance: Double
    public var headerBeamCentre: SIMD2<Double>
    public var headerDistance: Double
    /// Angular spread of the incident beam σ_b (degrees): sets the spot size on the detector.
    public var beamDivergence: Double
    /// Resolution limit of the simulated diffraction (Å).
    public var dMin: Double
    /// Mean intensity at zero resolution for scale 1, in counts.
    public var intensityAtOrigin: Double
    /// Count_cutoff: pixels above it are overloaded.
    public var countCutoff: Int
    /// Rms of the random displacement of each spot from its ideal position: in pixels on the
    /// detector and in images in rotation — what makes refinement RMSDs look like real data.
    public var centroidErrorPixels: Double
    public var centroidErrorImages: Double
    public var exposureTime: Double
    public var sweeps: [SweepPlan]
}
