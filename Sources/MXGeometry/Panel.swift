/// One flat detector module in dxtbx's model: a plane spanned by unit fast and slow axes with
/// `origin` the lab vector (mm) to the outer corner of pixel (0, 0). Pixel i spans [i, i+1), so
/// its centre is at i + 0.5.
public struct Panel: Equatable, Sendable {
    /// A half-open pixel rectangle [fast0, fast1) × [slow0, slow1) that is never trusted.
    public struct MaskRect: Equatable, Sendable {
        public var fast0, slow0, fast1, slow1: Int
        public init(fast0: Int, slow0: Int, fast1: Int, slow1: Int) {
            (self.fast0, self.slow0, self.fast1, self.slow1) = (fast0, slow0, fast1, slow1)
        }
        public func contains(fast: Int, slow: Int) -> Bool {
            fast >= fast0 && fast < fast1 && slow >= slow0 && slow < slow1
        }
    }

    public var name: String = "Panel"
    public var type: String = "SENSOR_PAD"
    public var identifier: String = ""
    public var fastAxis: Vec3
    public var slowAxis: Vec3
    public var origin: Vec3
    /// Size in pixels, fast then slow (Pilatus 6M: 2463 × 2527).
    public var imageSize: (fast: Int, slow: Int)
    /// Pixel edge in mm, fast then slow.
    public var pixelSize: (fast: Double, slow: Double)
    /// Pixel values v are trusted when lower ≤ v ≤ upper (dxtbx 3.11: (−1, Count_cutoff)).
    public var trustedRange: (lower: Double, upper: Double)
    /// Sensor thickness in mm and its material and linear attenuation coefficient μ in mm⁻¹.
    public var thickness: Double = 0
    public var material: String = ""
    public var mu: Double = 0
    public var gain: Double = 1
    public var pedestal: Double = 0
    public var rawImageOffset: (Int, Int) = (0, 0)
    public var mask: [MaskRect] = []
    public var pxMmStrategy: PxMmStrategy = .simple

    public init(fastAxis: Vec3, slowAxis: Vec3, origin: Vec3, imageSize: (fast: Int, slow: Int),
                pixelSize: (fast: Double, slow: Double), trustedRange: (lower: Double, upper: Double)) {
        self.fastAxis = fastAxis
        self.slowAxis = slowAxis
        self.origin = origin
        self.imageSize = imageSize
        self.pixelSize = pixelSize
        self.trustedRange = trustedRange
    }

    public static func == (a: Panel, b: Panel) -> Bool {
        a.name == b.name && a.type == b.type && a.identifier == b.identifier
            && a.fastAxis == b.fastAxis && a.slowAxis == b.slowAxis && a.origin == b.origin
            && a.imageSize == b.imageSize && a.pixelSize == b.pixelSize
            && a.trustedRange == b.trustedRange && a.thickness == b.thickness
            && a.material == b.material && a.mu == b.mu && a.gain == b.gain
            && a.pedestal == b.pedestal && a.rawImageOffset == b.rawImageOffset
            && a.mask == b.mask && a.pxMmStrategy == b.pxMmStrategy
    }

    /// Unit normal f × s.
    public var normal: Vec3 { fastAxis.cross(slowAxis).normalized }

    /// The normal oriented away from the sample (o·n̂ > 0), as the parallax correction needs.
    var outwardNormal: Vec3 { origin.dot(normal) < 0 ? -normal : normal }

    /// Directed distance from the sample to the panel plane along the normal (o·n), mm.
    public var directedDistance: Double { origin.dot(normal) }

    /// |o·n|, what dxtbx calls the panel distance, mm.
    public var distance: Double { abs(directedDistance) }

    /// The d matrix [f | s | o]: maps plane coordinates (x_mm, y_mm, 1) to lab vectors.
    public var dMatrix: Mat3 { Mat3(columns: fastAxis, slowAxis, origin) }

    /// Size of the panel in mm, fast then slow.
    public var sizeMM: SIMD2<Double> {
        SIMD2(Double(imageSize.fast) * pixelSize.fast, Double(imageSize.slow) * pixelSize.slow)
    }

    /// The lab point (mm) of plane coordinates (x, y) mm.
    public func labCoordinate(mm: SIMD2<Double>) -> Vec3 { origin + fastAxis * mm.x + slowAxis * mm.y }

    /// Where a ray from the sample along `s1` meets the panel plane, in plane mm, or nil when
    /// the ray points away from the plane.
    public func rayIntersection(_ s1: Vec3) -> SIMD2<Double>? {
        let w = dMatrix.inverse * s1
        guard w.z > 0 else { return nil }
        return SIMD2(w.x / w.z, w.y / w.z)
    }

    /// Whether plane coordinates (mm) lie on the panel.
    public func isOnPanel(mm: SIMD2<Double>) -> Bool {
        let size = sizeMM
        return mm.x >= 0 && mm.y >= 0 && mm.x <= size.x && mm.y <= size.y
    }

    /// Whether pixel (fast, slow) is inside a static mask rectangle.
    public func isMasked(fast: Int, slow: Int) -> Bool {
        mask.contains { $0.contains(fast: fast, slow: slow) }
    }
}
