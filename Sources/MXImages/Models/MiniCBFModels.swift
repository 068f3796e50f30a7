import Foundation
import MXGeometry

/// miniCBF header → models, following dxtbx's `FormatCBFMini`, `FormatCBFMiniPilatus` and
/// `FormatCBFMiniEiger` line by line (which header line each number comes from, its units and
/// its arithmetic order), with the beamline classes' goniometers from `BeamlineGoniometer`.
struct MiniCBFModels {
    let header: PilatusHeader
    let format: CBFFormatClass
    let binary: BinarySection
    let imageIndex: Int

    func build() throws(CBFProblem) -> ImageModels {
        let detector = format == .miniPilatusDLS12M
            ? try DLS12MDetector(header: header).build()
            : try flatDetector()
        return ImageModels(beam: try beam(), detector: detector, goniometer: try BeamlineGoniometer.make(format, header),
                           scan: try scan(), formatClass: format.rawValue, warnings: [])
    }

    /// `BeamFactory.simple(λ)` plus `Flux` and `Transmission` when the header has them.
    func beam() throws(CBFProblem) -> Beam {
        var beam = Beam(direction: Vec3(0, 0, 1), wavelength: try header.number("Wavelength"))
        if let flux = try header.optionalNumber("Flux") { beam.flux = flux }
        if let transmission = try header.optionalNumber("Transmission") { beam.transmission = transmission }
        return beam
    }

    /// The one-image scan: `Start_angle`, `Angle_increment` (a width below −180° gets 360°
    /// added, dxtbx's fix for omega wrapping), `Exposure_period` as the exposure time, and the
    /// header timestamp as the epoch (required by the Pilatus classes, else 0).
    func scan() throws(CBFProblem) -> Scan {
        let exposure = try header.number("Exposure_period")
        let start = try header.number("Start_angle")
        var width = try header.number("Angle_increment")
        if width < -180 { width += 360 }
        let epoch: Double
        if let stamp = header["timestamp"] {
            epoch = try PilatusTimestamp.epoch(stamp)
        } else if format.isEiger || format == .mini {
            epoch = 0
        } else {
            throw CBFProblem("missing timestamp line (e.g. \"# 2019-09-11T13:20:28.989\") in the miniCBF header")
        }
        return Scan(imageRange: (imageIndex, imageIndex), oscillation: (start, width),
                    exposureTimes: [exposure], epochs: [epoch])
    }

    /// One flat panel from `DetectorFactory.simple`: fast +x, slow −y, origin so that the beam
    /// (along −z) meets the panel at `Beam_xy` pixels, at `Detector_distance`.
    func flatDetector() throws(CBFProblem) -> Detector {
        let distance = try header.number("Detector_distance")
        let beamXY = try header.text("Beam_xy")
            .replacingOccurrences(of: "(", with: "").replacingOccurrences(of: ")", with: "")
            .replacingOccurrences(of: ",", with: "").pythonSplit.prefix(2).compactMap(Double.init)
        guard beamXY.count == 2 else { throw CBFProblem("\"# Beam_xy\" does not hold two numbers") }
        let wavelength = try header.number("Wavelength")
        let pixelXY = try header.text("Pixel_size")
            .replacingOccurrences(of: "m", with: "").replacingOccurrences(of: "x", with: "").pythonSplit
        guard pixelXY.count == 2, let pixelX = Double(pixelXY[0]), let pixelY = Double(pixelXY[1]) else {
            throw CBFProblem("\"# Pixel_size\" does not hold two numbers")
        }

        var material: String?
        var thickness = 0.0
        var type = "SENSOR_UNKNOWN"
        if let silicon = header["Silicon"] {
            thickness = try sensorThickness(silicon, line: "Silicon")
            material = "Si"
            type = "SENSOR_PAD"
        } else if let cdte = header["CdTe"] {
            thickness = try sensorThickness(cdte, line: "CdTe")
            material = "CdTe"
            type = "SENSOR_PAD"
        } else if header["CCD"] != nil {
            type = "SENSOR_CCD"
        }
        if format.isEiger {
            // FormatCBFMiniEiger: a 450 µm silicon sensor unless the header says otherwise.
            if material == nil {
                thickness = 0.450
                material = "Si"
            }
            type = "SENSOR_PAD"
        }

        let overload: Double
        if let cutoff = header["Count_cutoff"] {
            guard let first = cutoff.pythonSplit.first, let n = Int(first) else {
                throw CBFProblem("\"# Count_cutoff \(cutoff)\" is not a whole number")
            }
            overload = Double(n)
        } else if format.isEiger {
            overload = 100_000_000  // missing from GPhL-converted Eiger data (dials#376)
        } else {
            throw CBFProblem("missing \"# Count_cutoff\" line in the miniCBF header")
        }

        let beamCentre = (beamXY[0] * pixelX * 1000.0, beamXY[1] * pixelY * 1000.0)
        let fast = Vec3(1, 0, 0), slow = Vec3(0, -1, 0)
        let origin = Vec3(0, 0, -1) * (distance * 1000.0) - fast * beamCentre.0 - slow * beamCentre.1
        var panel = Panel(fastAxis: fast, slowAxis: slow, origin: origin, imageSize: (binary.fast, binary.slow),
                          pixelSize: (1000 * pixelX, 1000 * pixelY), trustedRange: (-1, overload))
        panel.type = type
        if let material {
            let mu = try SensorAttenuation.mu(material: material, wavelength: wavelength)
            panel.pxMmStrategy = .parallaxCorrected(mu: mu, thickness: thickness)
            panel.thickness = thickness
            panel.material = material
            panel.mu = mu
        }
        switch format {
        case .mini:
            break
        case .miniEiger, .miniEigerDLS16MSN160, .miniEigerMaxIVBio, .miniEigerPetraP14:
            panel.mask = try ModuleGapMask.eiger(fast: binary.fast, slow: binary.slow)
            panel.identifier = header["Detector"] ?? "Unknown Eiger"
        default:
            panel.mask = try ModuleGapMask.pilatus(fast: binary.fast, slow: binary.slow)
        }
        return Detector(panels: [panel])
    }

    /// Thickness in mm from "sensor, thickness 0.000450 m" (the third word, in metres).
    private func sensorThickness(_ value: String, line: String) throws(CBFProblem) -> Double {
        let words = value.pythonSplit
        guard words.count > 2, let metres = Double(words[2]) else {
            throw CBFProblem("\"# \(line) \(value)\" gives no sensor thickness")
        }
        return metres * 1000.0
    }
}
