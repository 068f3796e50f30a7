import Foundation
import MXGeometry

/// The Diamond I23 PILATUS 12M as dxtbx's `FormatCBFMiniPilatusDLS12M` models it: 24 flat
/// rows of five modules (2463 × 195 pixels each, 17 dead rows between them in the image) set
/// on a cylinder of radius 250 mm around the beam, tilted 7.903° + 0.441° apart. The rows'
/// frames are local to a root frame that carries the distance and the beam-centre shift from
/// the design centre (1075, 2594); here they are composed into lab-frame panels, which is what
/// dxtbx reports per panel.
struct DLS12MDetector {
    let header: PilatusHeader

    static let rows = 24
    static let rowHeight = 195
    static let rowPitch = 195 + 17
    static let width = 2463

    func build() throws(CBFProblem) -> Detector {
        let beamXY = try header.text("Beam_xy")
            .replacingOccurrences(of: "(", with: "").replacingOccurrences(of: ")", with: "")
            .replacingOccurrences(of: ",", with: "").pythonSplit.prefix(2).compactMap(Double.init)
        guard beamXY.count == 2 else { throw CBFProblem("\"# Beam_xy\" does not hold two numbers") }
        let shiftX = 0.172 * (1075 - beamXY[0])
        let shiftY = 0.172 * (2594 - beamXY[1])
        let distance = try header.number("Detector_distance") * 1000.0
        let wavelength = try header.number("Wavelength")
        guard let silicon = header["Silicon"], silicon.pythonSplit.count > 2, let metres = Double(silicon.pythonSplit[2]) else {
            throw CBFProblem("missing \"# Silicon sensor, thickness …\" line in the PILATUS 12M header")
        }
        let thickness = metres * 1000.0
        let mu = try SensorAttenuation.mu(material: "Si", wavelength: wavelength)

        // Root frame: fast −x, slow +y, origin −distance·z + shifts along its own axes.
        let x = Vec3(-1, 0, 0), y = Vec3(0, 1, 0), z = Vec3(0, 0, 1)
        let rootOrigin = -distance * z + shiftX * x + shiftY * y
        let rootNormal = x.cross(y)
        let rootOrientation = Mat3(columns: x, y, rootNormal)

        var panels: [Panel] = []
        for j in 0..<Self.rows {
            let angle = Double.pi * (-12.2 + 0.5 * 7.903 + Double(j) * (7.903 + 0.441)) / 180.0
            let fast = Vec3(1, 0, 0)
            let slow = Vec3(0, sin(angle), cos(angle))
            let normal = fast.cross(slow)
            let rowOrigin = 250.0 * normal - 184.9 * fast - 16.8 * slow
            // dxtbx: d = parent_orientation · [f s o]_local, then the parent origin added.
            var panel = Panel(fastAxis: rootOrientation * fast.normalized, slowAxis: rootOrientation * slow.normalized,
                              origin: rootOrientation * rowOrigin + rootOrigin,
                              imageSize: (Self.width, Self.rowHeight), pixelSize: (0.172, 0.172),
                              trustedRange: (-1, 1_000_000))
            panel.name = String(format: "row-%02d", j)
            panel.rawImageOffset = (0, j * Self.rowPitch)
            panel.thickness = thickness
            panel.material = "Si"
            panel.mu = mu
            panel.pxMmStrategy = .parallaxCorrected(mu: mu, thickness: thickness)
            panels.append(panel)
        }
        var detector = Detector(panels: panels)
        try maskBadModules(&detector)
        return detector
    }

    /// Modules dxtbx masks as dead for the run the image's timestamp falls in.
    private func maskBadModules(_ detector: inout Detector) throws(CBFProblem) {
        let timestamp = try PilatusTimestamp.epoch(try header.text("timestamp"))
        let nx = 487, ny = 195, cx = 60, cy = 97, dx = 7
        func utc(_ y: Int, _ m: Int, _ d: Int) -> Double {
            Double(PilatusTimestamp.daysFromCivil(year: y, month: m, day: d) * 86_400)
        }
        func module(_ row: Int, _ column: Int) {
            detector[row].mask.append(.init(fast0: (nx + dx) * column, slow0: 0, fast1: (nx + dx) * column + nx, slow1: ny))
        }
        if timestamp > utc(2022, 7, 1) {
            return
        } else if timestamp > utc(2022, 1, 24) {
            module(10, 3)
        } else if timestamp > utc(2020, 9, 8) {
            return
        } else if timestamp > utc(2020, 2, 21) {
            module(1, 4)
            module(17, 0)
            module(17, 4)
            detector[15].mask.append(.init(fast0: (nx + dx) * 4 + cx, slow0: 0, fast1: (nx + dx) * 4 + cx * 2, slow1: cy))
        } else if timestamp > utc(2019, 11, 26) {
            module(17, 0)
            module(17, 4)
        } else if timestamp > utc(2019, 9, 3) {
            module(15, 2)
            module(17, 0)
        }
    }
}
