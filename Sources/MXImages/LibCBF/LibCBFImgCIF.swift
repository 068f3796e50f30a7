internal import CCBF
import Foundation
import MXGeometry

/// dxtbx's imgCIF model factories (`BeamFactory.imgCIF_H`, `DetectorFactory.imgCIF_H`,
/// `GoniometerFactory.imgCIF_H`, `ScanFactory.imgCIF_H`), reading the same categories through
/// the same libcbf calls so that full-CBF models agree with dxtbx's to rounding.
extension LibCBFHandle {
    /// The beam: source direction from the `axis` row whose equipment is `source`
    /// (default (0, 0, 1)), wavelength, polarization ratio and plane, flux.
    func imgCIFBeam() throws(CBFProblem) -> Beam {
        var direction = Vec3(0, 0, 1)
        if findCategory("axis"), findColumn("equipment"), findRow("source") {
            var v: [Double] = []
            for j in 1...3 {
                guard findColumn("vector[\(j)]"), let x = doubleValue else { break }
                v.append(x)
            }
            if v.count == 3 { direction = Vec3(v[0], v[1], v[2]) }
        }
        var wavelength = 0.0
        guard cbf_get_wavelength(handle, &wavelength) == 0, wavelength > 0 else {
            throw CBFProblem("no wavelength (diffrn_radiation_wavelength) in the imgCIF header")
        }
        var ratio = 0.0, norm = 0.0
        if cbf_get_polarization(handle, &ratio, &norm) != 0 {
            ratio = 0.999
            norm = 0
        }
        var beam = Beam(direction: direction, wavelength: wavelength)
        let angle = norm * .pi / 180
        beam.polarizationNormal = Vec3(sin(angle), cos(angle), 0)
        beam.polarizationFraction = ratio
        if let flux = value(category: "diffrn_radiation", column: "beam_flux") {
            guard let f = Double(flux) else { throw CBFProblem("diffrn_radiation.beam_flux \"\(flux)\" is not a number") }
            beam.flux = f
        }
        return beam
    }

    /// The panel of detector element 0 as libcbf's `cbf_construct_detector` places it.
    func imgCIFPanel(type: String) throws(CBFProblem) -> Panel {
        var detector: cbf_detector?
        let status = cbf_construct_detector(handle, &detector, 0)
        guard status == 0, let detector else {
            throw CBFProblem("libcbf cannot construct the detector from the imgCIF axes (\(LibCBFStatus.describe(status)))")
        }
        defer { cbf_free_detector(detector) }
        // dxtbx asks for axis 1 then 2 (libcbf's slow-first numbering) as (fast, slow); the
        // pixels of every CBF detector we read are square, and the order is kept for parity.
        var p1 = 0.0, p2 = 0.0
        var o = (0.0, 0.0, 0.0), f = (0.0, 0.0, 0.0), s = (0.0, 0.0, 0.0)
        var nSlow = 0, nFast = 0
        guard cbf_get_inferred_pixel_size(detector, 1, &p1) == 0, cbf_get_inferred_pixel_size(detector, 2, &p2) == 0,
              cbf_get_pixel_coordinates(detector, 0, 0, &o.0, &o.1, &o.2) == 0,
              cbf_get_detector_axis_fast(detector, &f.0, &f.1, &f.2) == 0,
              cbf_get_detector_axis_slow(detector, &s.0, &s.1, &s.2) == 0,
              cbf_get_image_size(handle, 0, 0, &nSlow, &nFast) == 0 else {
            throw CBFProblem("libcbf cannot read the detector geometry (pixel size, axes or image size)")
        }
        var trusted = (lower: 0.0, upper: 1.0e6)
        var overload = 0.0
        if findCategory("array_intensities"), findColumn("undefined_value"), let under = doubleValue,
           cbf_get_overload(handle, 0, &overload) == 0 {
            trusted = (under, overload)
        }
        var panel = Panel(fastAxis: Vec3(f.0, f.1, f.2).normalized, slowAxis: Vec3(s.0, s.1, s.2).normalized,
                          origin: Vec3(o.0, o.1, o.2), imageSize: (nFast, nSlow), pixelSize: (p1, p2),
                          trustedRange: trusted)
        panel.type = type
        if findCategory("array_intensities"), findColumn("gain") {
            guard let gain = doubleValue else { throw CBFProblem("array_intensities.gain is not a number") }
            panel.gain = gain
        }
        return panel
    }

    /// The goniometer from the `axis` and `diffrn_scan_axis` categories: goniometer axes
    /// ordered crystal → base by their `depends_on` chain; the scan axis is the one with a
    /// non-zero angle increment (axis 0 when none has, i.e. a still).
    func imgCIFGoniometer() throws(CBFProblem) -> Goniometer {
        var dependants: [String: String] = [:]
        var vectors: [String: Vec3] = [:]
        if findCategory("axis") {
            for row in 0..<rowCount {
                selectRow(row)
                guard findColumn("equipment"), value == "goniometer" else { continue }
                guard findColumn("id"), let name = value else { continue }
                var v: [Double] = []
                for j in 1...3 {
                    guard findColumn("vector[\(j)]"), let text = value, let x = Double(text) else {
                        throw CBFProblem("goniometer axis \(name) has no numeric vector[\(j)]")
                    }
                    v.append(x)
                }
                vectors[name] = Vec3(v[0], v[1], v[2])
                if findColumn("depends_on"), let parent = value { dependants[parent] = name }
            }
        }
        var angles: [String: Double] = [:]
        var scanAxis: String?
        if findCategory("diffrn_scan_axis") {
            for row in 0..<rowCount {
                selectRow(row)
                guard findColumn("axis_id"), let name = value, vectors[name] != nil else { continue }
                guard findColumn("angle_start"), let startText = value, let start = Double(startText),
                      findColumn("angle_increment"), let incText = value, let increment = Double(incText) else {
                    throw CBFProblem("diffrn_scan_axis row for \(name) has no numeric angle_start/angle_increment")
                }
                angles[name] = start
                if increment != 0 {
                    if scanAxis != nil { throw CBFProblem("more than one scan axis is defined (not supported)") }
                    scanAxis = name
                }
            }
        }
        guard !vectors.isEmpty else { throw CBFProblem("no goniometer axes in the imgCIF axis category") }
        guard vectors.count == angles.count else {
            throw CBFProblem("the axis category lists \(vectors.count) goniometer axes but diffrn_scan_axis gives \(angles.count)")
        }
        var ordered: [String] = []
        var axis = "."
        while let next = dependants[axis], !next.isEmpty, !ordered.contains(next) {
            ordered.append(next)
            axis = next
        }
        ordered.reverse()
        let scanIndex: Int
        if let scanAxis {
            guard let i = ordered.firstIndex(of: scanAxis) else {
                throw CBFProblem("scan axis \(scanAxis) is not in the goniometer's depends_on chain")
            }
            scanIndex = i
        } else {
            scanIndex = 0
        }
        guard !ordered.isEmpty else { throw CBFProblem("goniometer axes form no depends_on chain from \".\"") }
        return Goniometer(multiAxis: .init(axes: ordered.map { vectors[$0]! }, angles: ordered.map { angles[$0]! },
                                           names: ordered, scanAxis: scanIndex))
    }

    /// The one-image scan: libcbf's rotation range of the scan axis, integration time and
    /// timestamp; nil when libcbf finds no rotation (a still). A negative increment is turned
    /// round, as dxtbx does for reverse-turning goniometers.
    func imgCIFScan(imageIndex: Int) throws(CBFProblem) -> Scan? {
        var exposure = 0.0
        guard cbf_get_integration_time(handle, 0, &exposure) == 0 else {
            throw CBFProblem("no integration time (diffrn_scan_frame) in the imgCIF header")
        }
        var epoch = 0.0
        var zone: Int32 = 0
        guard cbf_get_timestamp(handle, 0, &epoch, &zone) == 0 else {
            throw CBFProblem("no timestamp (diffrn_scan_frame.date) in the imgCIF header")
        }
        var goniometer: cbf_goniometer?
        let status = cbf_construct_goniometer(handle, &goniometer)
        guard status == 0, let goniometer else {
            throw CBFProblem("libcbf cannot construct the goniometer (\(LibCBFStatus.describe(status)))")
        }
        defer { cbf_free_goniometer(goniometer) }
        var start = 0.0, increment = 0.0
        let range = cbf_get_rotation_range(goniometer, 0, &start, &increment)
        if range == LibCBFStatus.notFound { return nil }
        guard range == 0 else {
            throw CBFProblem("libcbf cannot read the rotation range (\(LibCBFStatus.describe(range)))")
        }
        if increment < 0 {
            start = -start
            increment = -increment
        }
        return Scan(imageRange: (imageIndex, imageIndex), oscillation: (start, increment),
                    exposureTimes: [exposure], epochs: [epoch])
    }
}
