import Foundation
import MXGeometry

/// The goniometer each miniCBF format class makes. miniCBF headers do not describe the
/// goniometer, so dxtbx hard-codes it per beamline (keyed by detector serial number); these
/// are those choices, one per class.
enum BeamlineGoniometer {
    static func make(_ format: CBFFormatClass, _ header: PilatusHeader) throws(CBFProblem) -> Goniometer {
        switch format {
        case .mini, .miniPilatus, .miniEiger:
            return Goniometer(rotationAxis: Vec3(1, 0, 0))
        case .miniPilatusAPS19ID6MSN132, .miniPilatusCHESS6MSN127, .miniPilatusSPring86MSN125, .miniPilatusXXX:
            return Goniometer(rotationAxis: Vec3(-1, 0, 0))
        case .miniPilatusDESY6MSN115, .miniPilatusDLS6MSN114, .miniEigerMaxIVBio, .miniEigerPetraP14:
            return Goniometer(rotationAxis: Vec3(0, 1, 0))
        case .miniPilatusDLS6MSN119:
            // I24: horizontal plate mode when the oscillation axis is along FAST, else vertical.
            let axis = header["Oscillation_axis"] ?? ""
            return Goniometer(rotationAxis: axis.contains("+FAST") || axis.contains("-FAST") ? Vec3(-1, 0, 0) : Vec3(0, 1, 0))
        case .miniPilatusDLS6MSN126:
            // I03 mini-kappa as a fixed rotation: F = R(kappa axis, κ) · R(φ axis, φ).
            let phi = try header.optionalNumber("Phi") ?? 0
            let kappa = try header.optionalNumber("Kappa") ?? 0
            let fixed = Mat3.rotation(axis: Vec3(0.914, 0.279, -0.297), angle: kappa * .pi / 180)
                * Mat3.rotation(axis: Vec3(1, 0, 0), angle: phi * .pi / 180)
            return Goniometer(rotationAxis: Vec3(1, 0, 0), fixedRotation: fixed)
        case .miniPilatusDLS6MSN100:
            return try multiAxis(header, axes: [Vec3(1, 0, 0), Vec3(0.914, 0.279, -0.297), Vec3(1, 0, 0)],
                                 names: ["GON_PHI", "GON_KAPPA", "GON_OMEGA"], angleKeys: ["Phi", "Kappa", "Omega"])
        case .miniEigerDLS16MSN160:
            return try multiAxis(header, axes: [Vec3(1, 0, 0), Vec3(0, 0, -1), Vec3(1, 0, 0)],
                                 names: ["GON_PHI", "GON_CHI", "GON_OMEGA"], angleKeys: ["Phi", "Chi", "Omega"])
        case .miniPilatusDLS12M:
            return try dls12M(header)
        case .fullPilatus, .fullPilatusDLS6MSN100, .fullPilatusDLS6MSN126, .fullPilatusDLS300KSN104:
            throw CBFProblem("internal: full imgCIF goniometers come from the CBF categories")
        }
    }

    /// A three-axis goniometer scanning its last (omega) axis, angles from the header
    /// (0 where a line is missing).
    private static func multiAxis(_ header: PilatusHeader, axes: [Vec3], names: [String], angleKeys: [String]) throws(CBFProblem) -> Goniometer {
        var angles: [Double] = []
        for key in angleKeys { angles.append(try header.optionalNumber(key) ?? 0) }
        return Goniometer(multiAxis: .init(axes: axes, angles: angles, names: names, scanAxis: 2))
    }

    /// DLS I23: a reversed single axis before 1 April 2016, then the kappa goniometer
    /// (α = 50°, arm towards −y, omega scanning) of `GoniometerFactory.make_kappa_goniometer`.
    private static func dls12M(_ header: PilatusHeader) throws(CBFProblem) -> Goniometer {
        let timestamp = try PilatusTimestamp.epoch(try header.text("timestamp"))
        if timestamp < 1_459_468_800 { return Goniometer(rotationAxis: Vec3(-1, 0, 0)) }
        let alpha = 50.0 * .pi / 180
        let kappaAxis = Vec3(cos(alpha), -sin(alpha), 0)
        return try multiAxis(header, axes: [Vec3(1, 0, 0), kappaAxis, Vec3(1, 0, 0)],
                             names: ["PHI", "KAPPA", "OMEGA"], angleKeys: ["Phi", "Kappa", "Omega"])
    }
}
