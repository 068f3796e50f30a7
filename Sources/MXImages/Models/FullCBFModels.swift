import MXGeometry

/// Full imgCIF Pilatus CBF → models, following dxtbx's `FormatCBFFullPilatus`: the geometry
/// from the CBF categories through libcbf (`LibCBFImgCIF`), the polarization fraction set to
/// 0.999, Pilatus module gaps masked, and the sensor (`# Silicon sensor, thickness …`) and
/// detector identifier (`# Detector: …`) taken from the embedded Pilatus header text.
struct FullCBFModels {
    let cbf: LibCBFHandle
    let header: HeaderText
    let format: CBFFormatClass
    let imageIndex: Int

    func build() throws(CBFProblem) -> ImageModels {
        var beam = try cbf.imgCIFBeam()
        beam.polarizationFraction = 0.999
        var panel = try cbf.imgCIFPanel(type: "SENSOR_PAD")
        panel.mask = try ModuleGapMask.pilatus(fast: panel.imageSize.fast, slow: panel.imageSize.slow)
        if let (material, thickness) = sensor() {
            panel.thickness = thickness
            panel.material = material
            let mu = try SensorAttenuation.mu(material: material, wavelength: beam.wavelength)
            panel.pxMmStrategy = .parallaxCorrected(mu: mu, thickness: thickness)
            panel.mu = mu
        }
        if let identifier = detectorIdentifier() { panel.identifier = identifier }
        return ImageModels(beam: beam, detector: Detector(panels: [panel]), goniometer: try cbf.imgCIFGoniometer(),
                           scan: try cbf.imgCIFScan(imageIndex: imageIndex), formatClass: format.rawValue, warnings: [])
    }

    /// dxtbx's `^#\s*(\S+)\ssensor, thickness\s*([0-9.]+)\s*m\s*$` (first match): material
    /// ("Silicon" → "Si") and thickness in mm.
    func sensor() -> (String, Double)? {
        for line in header.lines where line.hasPrefix("#") {
            let rest = line.dropFirst().drop { $0.isASCIIWhitespace }
            guard let space = rest.firstIndex(where: { $0.isASCIIWhitespace }) else { continue }
            let material = String(rest[..<space])
            var tail = rest[rest.index(after: space)...]
            guard !material.isEmpty, tail.hasPrefix("sensor, thickness") else { continue }
            tail = tail.dropFirst("sensor, thickness".count).drop { $0.isASCIIWhitespace }
            let number = tail.prefix { $0.isNumber && $0.isASCII || $0 == "." }
            tail = tail.dropFirst(number.count).drop { $0.isASCIIWhitespace }
            guard let metres = Double(number), tail.hasPrefix("m"),
                  tail.dropFirst().allSatisfy({ $0.isASCIIWhitespace }) else { continue }
            return (material == "Silicon" ? "Si" : material, metres * 1000)
        }
        return nil
    }

    /// dxtbx's `^#\s*Detector:\s+(.*?)\s*$` (first match), when non-empty.
    func detectorIdentifier() -> String? {
        for line in header.lines where line.hasPrefix("#") {
            let rest = line.dropFirst().drop { $0.isASCIIWhitespace }
            guard rest.hasPrefix("Detector:") else { continue }
            let value = rest.dropFirst("Detector:".count)
            guard value.first?.isASCIIWhitespace == true else { continue }
            let trimmed = value.trimmingWhitespace
            return trimmed.isEmpty ? nil : String(trimmed)
        }
        return nil
    }
}
