import MXGeometry
import MXReflections

/// One spot as DIALS's strong.refl describes it: the connected strong pixels of one panel,
/// their bounding box, summed counts and centroid.
public struct StrongSpot: Sendable, Equatable {
    public var panel: Int
    /// Half-open pixel and frame ranges: x0 ..< x1, y0 ..< y1, z0 ..< z1.
    public var bbox: Int6
    /// Number of strong pixels (`n_signal`).
    public var pixelCount: Int
    /// Σ counts (`intensity.sum.value`; no background is subtracted) and its variance.
    public var intensity: Double
    public var intensityVariance: Double
    /// Count-weighted centroid in pixels and frames (`xyzobs.px.value`) and the squared
    /// standard error of that mean (`xyzobs.px.variance`).
    public var centroid: Vec3
    public var centroidVariance: Vec3
    /// Centre of the brightest pixel (the first in z, y, x order if several tie).
    public var peak: Vec3

    public init(panel: Int, bbox: Int6, pixelCount: Int, intensity: Double, intensityVariance: Double,
                centroid: Vec3, centroidVariance: Vec3, peak: Vec3) {
        self.panel = panel
        self.bbox = bbox
        self.pixelCount = pixelCount
        self.intensity = intensity
        self.intensityVariance = intensityVariance
        self.centroid = centroid
        self.centroidVariance = centroidVariance
        self.peak = peak
    }

    /// Distance from the peak pixel's centre to the centroid, in pixels and frames.
    public var peakCentroidSeparation: Double { (peak - centroid).length }
}
