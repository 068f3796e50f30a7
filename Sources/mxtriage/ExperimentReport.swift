import Foundation
import MXGeometry
import MXSymmetry

/// The text `mxtriage show FILE.expt` prints: the models of every experiment, laid out as
/// dials.show lays them out so that DIALS users find each number where they expect it.
enum ExperimentReport {
    static func text(_ list: ExperimentList) -> String {
        var out = ""
        for (i, e) in list.experiments.enumerated() {
            out += "Experiment \(i):\n"
            out += "Experiment identifier: \(e.identifier)\n"
            switch list.imageset(of: e) {
            case let .sequence(template)?: out += "Image template: \(template)\n"
            case let .imageSet(paths, _)?: out += "Images: \(paths.count) (\(paths.first ?? "") …)\n"
            case nil: break
            }
            if let d = list.detector(of: e) { out += detector(d, beam: list.beam(of: e)) }
            if let b = list.beam(of: e) { out += beam(b, detector: list.detector(of: e)) }
            if let s = list.scan(of: e) { out += scan(s) }
            if let g = list.goniometer(of: e) { out += goniometer(g) }
            if let c = list.crystal(of: e) { out += crystal(c) }
            out += "\n"
        }
        return out
    }

    /// C++ stream formatting, 6 significant digits, as scitbx vectors print in dials.show.
    static func g(_ x: Double) -> String { String(format: "%g", x) }
    static func vec(_ v: Vec3) -> String { "{\(g(v.x)),\(g(v.y)),\(g(v.z))}" }
    static func mat(_ m: Mat3) -> String { "{" + m.rowMajor.map(g).joined(separator: ",") + "}" }

    static func detector(_ d: Detector, beam: Beam?) -> String {
        var out = "Detector:\n"
        for p in d.panels {
            out += """
            Panel:
              name: \(p.name)
              type: \(p.type)
              identifier: \(p.identifier)
              pixel_size:{\(g(p.pixelSize.fast)),\(g(p.pixelSize.slow))}
              image_size: {\(p.imageSize.fast),\(p.imageSize.slow)}
              trusted_range: {\(g(p.trustedRange.lower)),\(g(p.trustedRange.upper))}
              thickness: \(g(p.thickness))
              material: \(p.material)
              mu: \(g(p.mu))
              gain: \(g(p.gain))
              pedestal: \(g(p.pedestal))
              fast_axis: \(vec(p.fastAxis))
              slow_axis: \(vec(p.slowAxis))
              origin: \(vec(p.origin))
              distance: \(g(p.distance))
              pixel to millimeter strategy: \(p.pxMmStrategy.dxtbxName)

            """
            if case let .parallaxCorrected(mu, t0) = p.pxMmStrategy {
                out += "    mu: \(g(mu))\n    t0: \(g(t0))\n"
            }
        }
        if let beam {
            out += "\nMax resolution (at corners): \(String(format: "%.6f", d.maxResolutionAtCorners(s0: beam.s0)))\n"
        }
        return out + "\n"
    }

    static func beam(_ b: Beam, detector: Detector?) -> String {
        var out = """
        Beam:
            wavelength: \(g(b.wavelength))
            sample to source direction : \(vec(b.direction))
            divergence: \(g(b.divergence))
            sigma divergence: \(g(b.sigmaDivergence))
            polarization normal: \(vec(b.polarizationNormal))
            polarization fraction: \(g(b.polarizationFraction))
            flux: \(g(b.flux))
            transmission: \(g(b.transmission))

        """
        if let d = detector, let hit = d.rayIntersection(b.s0) {
            let px = d[hit.panel].millimeterToPixel(hit.mm)
            out += "\nBeam centre: \n"
            out += String(format: "    mm: (%.2f,%.2f)\n    px: (%.2f,%.2f)\n", hit.mm.x, hit.mm.y, px.x, px.y)
        }
        return out + "\n"
    }

    static func scan(_ s: Scan) -> String {
        """
        Scan:
            number of images:   \(s.numImages)
            image range:   {\(s.imageRange.first),\(s.imageRange.last)}
            oscillation:   {\(g(s.oscillation.start)),\(g(s.oscillation.width))}
            exposure time: \(g(s.exposureTimes.first ?? 0))


        """
    }

    static func goniometer(_ gon: Goniometer) -> String {
        var out = """
        Goniometer:
            Rotation axis:   \(vec(gon.rotationAxisDatum))
            Fixed rotation:  \(mat(gon.fixedRotation))
            Setting rotation:\(mat(gon.settingRotation))

        """
        if let m = gon.multiAxis {
            for (i, (axis, name)) in zip(m.axes, m.names).enumerated() {
                out += "    Axis #\(i) (\(name)):  \(vec(axis))\n"
            }
            out += "    Angles: \(m.angles.map(g).joined(separator: ","))\n"
            out += "    scan axis: #\(m.scanAxis) (\(m.names[m.scanAxis]))\n"
        }
        return out + "\n"
    }

    static func crystal(_ c: Crystal) -> String {
        let uc = c.unitCell
        return """
        Crystal:
            Unit cell: \(String(format: "%.3f, %.3f, %.3f, %.3f, %.3f, %.3f", uc.a, uc.b, uc.c, uc.alpha, uc.beta, uc.gamma))
            Space group: \(SpaceGroup.symbol(hall: c.spaceGroupHall))
            U matrix:  \(mat(c.U))
            B matrix:  \(mat(c.B))
            A = UB:    \(mat(c.A))

        """
    }
}
