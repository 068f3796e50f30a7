import MXGeometry

/// The header of a Pilatus miniCBF as the simulator writes it: the `# Key value` lines
/// PILATUS detectors write, holding exactly what dxtbx's `FormatCBFMiniPilatus` reads back into
/// models. Lengths here are in mm and angles in degrees, like the models; the writer converts
/// to the header's metres.
public struct MiniCBFHeader: Sendable, Equatable {
    /// The `# Detector:` value. Its serial number picks dxtbx's format class, so the default is
    /// one no beamline class claims (S/N 60-0000 → plain `FormatCBFMiniPilatus`).
    public var detector = "PILATUS3 6M, S/N 60-0000"
    /// Seconds since 1970 UTC, written to the millisecond.
    public var epoch: Double = 0
    public var pixelSize: (fast: Double, slow: Double) = (0.172, 0.172)
    /// Silicon sensor thickness in mm; 0 writes "unknown sensor", which dxtbx reads as a panel
    /// without parallax correction.
    public var sensorThickness = 0.45
    public var exposureTime = 0.1
    public var exposurePeriod = 0.1
    public var countCutoff = 1_048_575
    public var wavelength = 1.0
    /// Sample-to-detector distance along the beam, mm.
    public var distance = 200.0
    /// Where the beam meets the detector, in pixels (fast, slow).
    public var beamCentre: (fast: Double, slow: Double) = (1231.5, 1263.5)
    public var flux = 0.0
    public var transmission = 1.0
    public var startAngle = 0.0
    public var angleIncrement = 0.1
    public var polarization = 0.99

    public init() {}

    public static func == (a: MiniCBFHeader, b: MiniCBFHeader) -> Bool {
        a.detector == b.detector && a.epoch == b.epoch && a.pixelSize == b.pixelSize
            && a.sensorThickness == b.sensorThickness && a.exposureTime == b.exposureTime
            && a.exposurePeriod == b.exposurePeriod && a.countCutoff == b.countCutoff && a.wavelength == b.wavelength
            && a.distance == b.distance && a.beamCentre == b.beamCentre && a.flux == b.flux
            && a.transmission == b.transmission && a.startAngle == b.startAngle
            && a.angleIncrement == b.angleIncrement && a.polarization == b.polarization
    }

    /// The header that makes dxtbx rebuild these models: the beam along −z, one panel with fast
    /// +x and slow −y facing the beam (the only geometry a miniCBF header can express), and
    /// the scan's first image (no scan: a still, `Angle_increment 0`).
    public init(beam: Beam, panel: Panel, scan: Scan?) throws(MiniCBFHeader.Unrepresentable) {
        func near(_ a: Vec3, _ b: Vec3) -> Bool { max(abs(a.x - b.x), abs(a.y - b.y), abs(a.z - b.z)) < 1e-9 }
        guard near(beam.direction, Vec3(0, 0, 1)) else {
            throw Unrepresentable(reason: "the beam direction \(beam.direction) is not (0, 0, 1)")
        }
        guard near(panel.fastAxis, Vec3(1, 0, 0)), near(panel.slowAxis, Vec3(0, -1, 0)), panel.origin.z < 0 else {
            throw Unrepresentable(reason: "the panel is not fast +x, slow −y, facing the beam")
        }
        guard beam.wavelength > 0, beam.wavelength.isFinite, panel.trustedRange.upper.isFinite,
              abs(panel.trustedRange.upper) < 9e18 else {
            throw Unrepresentable(reason: "the wavelength or trusted range is not a finite positive number")
        }
        self.init()
        pixelSize = panel.pixelSize
        sensorThickness = panel.material == "Si" ? panel.thickness : 0
        countCutoff = Int(panel.trustedRange.upper)
        wavelength = beam.wavelength
        flux = beam.flux
        distance = -panel.origin.z
        beamCentre = (-panel.origin.x / panel.pixelSize.fast, panel.origin.y / panel.pixelSize.slow)
        if let scan {
            startAngle = scan.oscillation.start
            angleIncrement = scan.oscillation.width
            exposureTime = scan.exposureTimes.first ?? exposureTime
            exposurePeriod = exposureTime
            epoch = scan.epochs.first ?? 0
        } else {
            angleIncrement = 0
        }
    }

    /// Models a miniCBF header cannot express.
    public struct Unrepresentable: Error, Sendable, Equatable, CustomStringConvertible {
        public var reason: String
        public var description: String { "cannot write as a Pilatus miniCBF: \(reason)" }
    }

    /// Half the photon energy, the usual Pilatus threshold (informational; dxtbx ignores it).
    var thresholdEV: Int {
        let e = SensorAttenuation.factorEvAngstrom / wavelength / 2
        return e.isFinite && abs(e) < 1e15 ? Int(e.rounded()) : 0
    }

    /// The `# …` lines, in the order PILATUS detectors write them. Numbers are written in
    /// Swift's shortest round-trip form so that dxtbx reads back exactly these values.
    func lines() -> [String] {
        func n(_ x: Double) -> String { x.description }
        let metresX = pixelSize.fast / 1000, metresY = pixelSize.slow / 1000
        return [
            "# Detector: \(detector)",
            "# \(MiniCBFTimestamp.format(epoch))",
            "# Pixel_size \(n(metresX)) m x \(n(metresY)) m",
            sensorThickness > 0 ? "# Silicon sensor, thickness \(n(sensorThickness / 1000)) m" : "# unknown sensor, thickness 0.000000 m",
            "# Exposure_time \(n(exposureTime)) s",
            "# Exposure_period \(n(exposurePeriod)) s",
            "# Tau = 0 s",
            "# Count_cutoff \(countCutoff) counts",
            "# Threshold_setting: \(thresholdEV) eV",
            "# Gain_setting: autog (vrf = 1.000)",
            "# N_excluded_pixels = 0",
            "# Excluded_pixels: badpixel_mask.tif",
            "# Flat_field: (nil)",
            "# Trim_file: (nil)",
            "# Image_path: /mxtriage/simulated/",
            "# Wavelength \(n(wavelength)) A",
            "# Detector_distance \(n(distance / 1000)) m",
            "# Beam_xy (\(n(beamCentre.fast)), \(n(beamCentre.slow))) pixels",
            "# Flux \(n(flux))",
            "# Filter_transmission \(n(transmission))",
            "# Start_angle \(n(startAngle)) deg.",
            "# Angle_increment \(n(angleIncrement)) deg.",
            "# Detector_2theta 0.0000 deg.",
            "# Polarization \(n(polarization))",
            "# Alpha 0.0000 deg.",
            "# Kappa 0.0000 deg.",
            "# Phi \(n(startAngle)) deg.",
            "# Phi_increment \(n(angleIncrement)) deg.",
            "# Omega 0.0000 deg.",
            "# Omega_increment 0.0000 deg.",
            "# Chi 0.0000 deg.",
            "# Chi_increment 0.0000 deg.",
            "# Oscillation_axis X.CW",
            "# N_oscillations 1",
        ]
    }
}

/// Epoch seconds → the Pilatus date line `2019-09-11T13:20:28.989` (UTC, milliseconds).
enum MiniCBFTimestamp {
    static func format(_ epoch: Double) -> String {
        let ms = (epoch * 1000).rounded()
        guard ms.isFinite, abs(ms) < 1e17 else { return format(0) }
        let (q, r) = Int(ms).quotientAndRemainder(dividingBy: 1000)
        let seconds = r < 0 ? q - 1 : q
        let millis = r < 0 ? r + 1000 : r
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (y, m, d) = civil(fromDays: days)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let fraction = millis < 10 ? "00\(millis)" : millis < 100 ? "0\(millis)" : "\(millis)"
        return "\(y)-\(two(m))-\(two(d))T\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60)).\(fraction)"
    }

    /// (year, month, day) of a day count from 1970-01-01 (H. Hinnant's algorithm).
    static func civil(fromDays z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
