import MXGeometry
import MXReflections

/// An indexed reflection table in DIALS's layout made from spot centroids with known Miller
/// indices — what dials.index hands to dials.refine — for simulated data and benchmarks:
/// `xyzobs.px` and its variance from the centroid and its error, `xyzobs.mm` from the panel's
/// pixel-to-millimetre conversion and the scan's angle of z, the observed s1 (the lab
/// direction of the spot, length 1/λ; dials.refine requires the column), flags indexed|strong.
public enum IndexedSpotTable {
    public struct Spot: Sendable {
        public var h: MillerIndex
        public var entering: Bool
        /// Centroid in pixels (fast, slow) and array index z.
        public var pixel: SIMD2<Double>
        public var z: Double
        public init(h: MillerIndex, entering: Bool, pixel: SIMD2<Double>, z: Double) {
            self.h = h
            self.entering = entering
            self.pixel = pixel
            self.z = z
        }
    }

    /// Rows for experiment `id` on panel 0 of `panel`, with centroid errors σ in pixels and images.
    public static func make(id: Int, identifier: String, panel: Panel, beam: Beam, scan: Scan, spots: [Spot],
                            sigmaPixels: Double, sigmaImages: Double) throws -> ReflectionTable {
        let n = spots.count
        let width = scan.oscillation.width * .pi / 180
        let p = panel.pixelSize
        var t = ReflectionTable(nrows: n, identifiers: [id: identifier])
        try t.setColumn("miller_index", spots.map(\.h))
        try t.setColumn("id", [Int32](repeating: Int32(id), count: n))
        try t.setColumn("panel", [UInt64](repeating: 0, count: n))
        try t.setColumn("entering", spots.map(\.entering))
        try t.setColumn("flags", [UInt64](repeating: ReflectionFlags([.indexed, .strong]).rawValue, count: n))
        try t.setColumn("xyzobs.px.value", spots.map { Vec3($0.pixel.x, $0.pixel.y, $0.z) })
        let vpx = sigmaPixels * sigmaPixels, vz = sigmaImages * sigmaImages
        try t.setColumn("xyzobs.px.variance", [Vec3](repeating: Vec3(vpx, vpx, vz), count: n))
        let mm = spots.map { panel.pixelToMillimeter($0.pixel) }
        try t.setColumn("xyzobs.mm.value", zip(spots, mm).map { s, xy in
            Vec3(xy.x, xy.y, scan.angle(arrayIndex: s.z) * .pi / 180)
        })
        try t.setColumn("s1", mm.map { panel.labCoordinate(mm: $0).normalized / beam.wavelength })
        try t.setColumn("xyzobs.mm.variance", [Vec3](repeating: Vec3(vpx * p.fast * p.fast, vpx * p.slow * p.slow, vz * width * width),
                                                     count: n))
        return t
    }
}
