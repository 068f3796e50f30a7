import Foundation
import MXGeometry
import MXReflections

/// Foreground and background of a shoebox (DIALS `MaskCalculator3D`): a pixel is foreground
/// when the nearest of its four corners lies inside the ellipse (c1² + c2²)/Δb² ≤ 1 in the
/// reflection's e1/e2 angles, Δb = n_σ·σ_b — on every frame of the box, so the foreground is a
/// cylinder in rotation; all other pixels are background. `valid` comes from the pixel values.
///
/// DIALS maps a corner to the lab with the parallax attenuation length of the spot centre;
/// we use each corner's own (`Panel.pixelToMillimeter`), which differs by far less than the
/// precision of the ellipse test.
struct ShoeboxMasker: Sendable {
    let s0: Vec3
    let m2: Vec3
    let detector: Detector
    let trust: [PixelTrust]
    let deltaB: Double

    init(beam: Beam, detector: Detector, goniometer: Goniometer, profile: GaussianRSProfile) {
        s0 = beam.s0
        m2 = goniometer.rotationAxis.normalized
        self.detector = detector
        trust = detector.panels.map(PixelTrust.init(panel:))
        deltaB = profile.deltaB
    }

    func mask(_ box: inout Shoebox, reflection r: PredictedReflection) {
        let frame = KabschFrame(m2: m2, s0: s0, s1: r.s1, phi: r.phi)
        let panel = detector[box.panel]
        let (nx, ny, nz) = (box.nx, box.ny, box.nz)
        let (x0, y0) = (Int(box.bbox.x0), Int(box.bbox.y0))
        let inverseSq = 1 / (deltaB * deltaB)
        let radius = s0.length
        var corner = [Double](repeating: 0, count: (nx + 1) * (ny + 1))
        for j in 0...ny {
            for i in 0...nx {
                let mm = panel.pixelToMillimeter(SIMD2(Double(x0 + i), Double(y0 + j)))
                let c = frame.coordinates(ofBeamVector: panel.labCoordinate(mm: mm).normalized * radius)
                corner[j * (nx + 1) + i] = (c.x * c.x + c.y * c.y) * inverseSq
            }
        }
        let trust = self.trust[box.panel]
        for j in 0..<ny {
            for i in 0..<nx {
                let a = corner[j * (nx + 1) + i], b = corner[(j + 1) * (nx + 1) + i]
                let c = corner[j * (nx + 1) + i + 1], d = corner[(j + 1) * (nx + 1) + i + 1]
                let role: MaskCode = min(min(a, b), min(c, d)) <= 1 ? .foreground : .background
                for k in 0..<nz {
                    let p = box.index(x: i, y: j, z: k)
                    var m = role
                    if trust.isValid(box.data[p], fast: x0 + i, slow: y0 + j) { m.insert(.valid) }
                    box.mask[p] = m
                }
            }
        }
    }
}
