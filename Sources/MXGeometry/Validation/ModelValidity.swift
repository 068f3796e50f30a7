/// Physical sanity of the models read from a file (`.expt` or an image header), checked once at
/// the edge so that nothing downstream divides by a zero wavelength, places spots at a
/// detector distance of NaN, or converts an infinite pixel count to an `Int` and traps.
///
/// Each `problem` is nil for a usable model, else one line saying which value is wrong and why,
/// in dxtbx's words ("wavelength", "distance", "pixel_size"), to be prefixed with the file.
extension Beam {
    public var problem: String? {
        guard wavelength.isFinite, wavelength > 0 else { return "beam wavelength \(wavelength) Å is not a positive number" }
        guard direction.isFiniteNonZero else { return "beam direction \(direction.array) is not a finite non-zero vector" }
        guard polarizationNormal.isFinite, polarizationFraction.isFinite, divergence.isFinite, sigmaDivergence.isFinite,
              flux.isFinite, transmission.isFinite, sampleToSourceDistance.isFinite else {
            return "beam has a non-finite polarization, divergence, flux or transmission"
        }
        return nil
    }
}

extension Panel {
    /// The largest panel edge accepted, in pixels: far beyond any detector module, small enough
    /// that width × height × frames cannot overflow an `Int`.
    public static let maximumEdgePixels = 1 << 20

    public var problem: String? {
        let edge = 1...Self.maximumEdgePixels
        guard edge.contains(imageSize.fast), edge.contains(imageSize.slow) else {
            return "panel image_size \(imageSize.fast) × \(imageSize.slow) is not 1…\(Self.maximumEdgePixels) pixels"
        }
        guard pixelSize.fast.isFinite, pixelSize.slow.isFinite, pixelSize.fast > 0, pixelSize.slow > 0 else {
            return "panel pixel_size \(pixelSize.fast) × \(pixelSize.slow) mm is not positive"
        }
        guard fastAxis.isFiniteNonZero, slowAxis.isFiniteNonZero, origin.isFinite,
              fastAxis.cross(slowAxis).length > 1e-6 * fastAxis.length * slowAxis.length else {
            return "panel axes or origin are not finite, or fast and slow axes are parallel"
        }
        guard directedDistance.isFinite, distance > 1e-6 else {
            return "detector distance \(directedDistance) mm: the sample lies in the panel plane"
        }
        guard !trustedRange.lower.isNaN, !trustedRange.upper.isNaN, thickness.isFinite, thickness >= 0,
              mu.isFinite, mu >= 0, gain.isFinite, pedestal.isFinite else {
            return "panel trusted_range, thickness, mu, gain or pedestal is not a number"
        }
        for m in mask {
            guard 0 <= m.fast0, m.fast0 <= m.fast1, m.fast1 <= imageSize.fast,
                  0 <= m.slow0, m.slow0 <= m.slow1, m.slow1 <= imageSize.slow else {
                return "panel mask [\(m.fast0), \(m.slow0), \(m.fast1), \(m.slow1)] lies outside its \(imageSize.fast) × \(imageSize.slow) pixels"
            }
        }
        return nil
    }
}

extension Detector {
    public var problem: String? {
        guard !panels.isEmpty else { return "detector has no panels" }
        for (i, p) in panels.enumerated() {
            if let why = p.problem { return panels.count == 1 ? why : "panel \(i): \(why)" }
        }
        return nil
    }
}

extension Goniometer {
    public var problem: String? {
        guard rotationAxisDatum.isFiniteNonZero, fixedRotation.rowMajor.allSatisfy(\.isFinite),
              settingRotation.rowMajor.allSatisfy(\.isFinite) else {
            return "goniometer rotation axis or matrices are not finite (or the axis is zero)"
        }
        if let m = multiAxis, !(m.axes.allSatisfy(\.isFiniteNonZero) && m.angles.allSatisfy(\.isFinite)) {
            return "goniometer axes or angles are not finite"
        }
        return nil
    }
}

extension Scan {
    /// The largest image number accepted: keeps `last − first + 1` and per-image arrays sane.
    public static let maximumImageNumber = 1 << 30
    /// The most images one scan may hold; its per-image arrays are allocated from this count.
    public static let maximumImageCount = 1 << 20

    public var problem: String? {
        let numbers = (-Self.maximumImageNumber)...Self.maximumImageNumber
        guard numbers.contains(imageRange.first), numbers.contains(imageRange.last), imageRange.first <= imageRange.last else {
            return "scan image_range \(imageRange.first)…\(imageRange.last) is empty or out of range"
        }
        guard oscillation.start.isFinite, oscillation.width.isFinite, abs(oscillation.width) <= 360 else {
            return "scan oscillation (\(oscillation.start)°, \(oscillation.width)°) is not finite or wider than 360°"
        }
        guard exposureTimes.allSatisfy(\.isFinite), epochs.allSatisfy(\.isFinite) else {
            return "scan exposure_time or epochs are not finite"
        }
        return nil
    }
}

extension Crystal {
    public var problem: String? {
        guard A.rowMajor.allSatisfy(\.isFinite), A.determinant != 0 else {
            return "crystal orientation matrix is not finite or is singular"
        }
        return nil
    }
}

extension SIMD3 where Scalar == Double {
    var isFinite: Bool { x.isFinite && y.isFinite && z.isFinite }
    var isFiniteNonZero: Bool { isFinite && (x != 0 || y != 0 || z != 0) }
}
