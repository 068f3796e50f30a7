import MXGeometry

/// The beamline's models: the true ones that generate the images, and the header ones that a
/// reader of the files will build (distance and beam centre a little wrong).
public struct Instrument: Sendable {
    public var beam: Beam
    public var trueDetector: Detector
    public var headerDetector: Detector
    public var goniometer: Goniometer

    /// Sensor: 450 µm silicon, as a Pilatus3 6M; μ for the wavelength from the caller (the
    /// same table dxtbx uses, so the parallax model matches what DIALS will assume).
    public static let sensorThickness = 0.45

    public init(plan: DataSetPlan, siliconMu mu: Double) {
        beam = Beam(direction: Vec3(0, 0, 1), wavelength: plan.wavelength)
        func detector(centre: SIMD2<Double>, distance: Double) -> Detector {
            let p = SimulatedDetector.pixelSize
            let size = plan.detector.imageSize
            // dxtbx's Pilatus convention: fast +x, slow −y, origin (−bx, +by, −D).
            var panel = Panel(fastAxis: Vec3(1, 0, 0), slowAxis: Vec3(0, -1, 0),
                              origin: Vec3(-centre.x * p, centre.y * p, -distance),
                              imageSize: size, pixelSize: (p, p), trustedRange: (-1, Double(plan.countCutoff)))
            panel.thickness = Self.sensorThickness
            panel.material = "Si"
            panel.mu = mu
            panel.pxMmStrategy = .parallaxCorrected(mu: mu, thickness: Self.sensorThickness)
            return Detector(panels: [panel])
        }
        trueDetector = detector(centre: plan.trueBeamCentre, distance: plan.trueDistance)
        headerDetector = detector(centre: plan.headerBeamCentre, distance: plan.headerDistance)
        goniometer = Goniometer()
    }

    public func scan(for sweep: SweepPlan, exposureTime: Double) -> Scan {
        Scan(imageRange: (1, sweep.numImages), oscillation: (sweep.startAngle, sweep.oscillation),
             exposureTimes: Array(repeating: exposureTime, count: sweep.numImages))
    }
}
