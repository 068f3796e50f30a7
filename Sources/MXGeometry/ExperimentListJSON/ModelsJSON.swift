/// Beam, goniometer, scan and crystal to and from the dictionaries dxtbx writes.
extension Beam {
    public var json: JSONValue {
        .object([
            ("direction", .vector(direction)),
            ("wavelength", .number(wavelength)),
            ("divergence", .number(divergence)),
            ("sigma_divergence", .number(sigmaDivergence)),
            ("polarization_normal", .vector(polarizationNormal)),
            ("polarization_fraction", .number(polarizationFraction)),
            ("flux", .number(flux)),
            ("transmission", .number(transmission)),
        ])
    }

    public init(json: JSONValue) throws(ExptFormatError) {
        let r = try FieldReader(json, context: "beam")
        self.init(direction: try r.vector("direction"), wavelength: try r.double("wavelength"))
        divergence = try r.double("divergence", default: 0)
        sigmaDivergence = try r.double("sigma_divergence", default: 0)
        if r.has("polarization_normal") { polarizationNormal = try r.vector("polarization_normal") }
        polarizationFraction = try r.double("polarization_fraction", default: 0.999)
        flux = try r.double("flux", default: 0)
        transmission = try r.double("transmission", default: 1)
        sampleToSourceDistance = try r.double("sample_to_source_distance", default: 0)
        if let why = problem { throw ExptFormatError(why) }
    }
}

extension Goniometer {
    public var json: JSONValue {
        if let m = multiAxis {
            return .object([
                ("axes", .array(m.axes.map(JSONValue.vector))),
                ("angles", .numbers(m.angles)),
                ("names", .array(m.names.map(JSONValue.string))),
                ("scan_axis", .number(Double(m.scanAxis))),
            ])
        }
        return .object([
            ("rotation_axis", .vector(rotationAxisDatum)),
            ("fixed_rotation", .numbers(fixedRotation.rowMajor)),
            ("setting_rotation", .numbers(settingRotation.rowMajor)),
        ])
    }

    public init(json: JSONValue) throws(ExptFormatError) {
        let r = try FieldReader(json, context: "goniometer")
        if r.has("axes") {
            guard let axesJSON = try r.value("axes").arrayValue else { throw ExptFormatError("goniometer: \"axes\" is not an array") }
            var axes: [Vec3] = []
            for a in axesJSON {
                guard let xs = a.doubleArray, xs.count == 3 else { throw ExptFormatError("goniometer: an axis is not 3 numbers") }
                axes.append(Vec3(xs[0], xs[1], xs[2]))
            }
            let angles = try r.doubles("angles", count: axes.count)
            let names = try r.value("names").arrayValue?.compactMap(\.stringValue) ?? []
            let scanAxis = try r.int("scan_axis")
            guard names.count == axes.count, (0..<axes.count).contains(scanAxis) else {
                throw ExptFormatError("goniometer: names or scan_axis inconsistent with \(axes.count) axes")
            }
            self.init(multiAxis: MultiAxis(axes: axes, angles: angles, names: names, scanAxis: scanAxis))
        } else {
            self.init(rotationAxis: try r.vector("rotation_axis"),
                      fixedRotation: r.has("fixed_rotation") ? try r.matrix("fixed_rotation") : .identity,
                      settingRotation: r.has("setting_rotation") ? try r.matrix("setting_rotation") : .identity)
        }
        if let why = problem { throw ExptFormatError(why) }
    }
}

extension Scan {
    /// The legacy layout (top-level "oscillation", "exposure_time", "epochs"), which the
    /// DIALS 3.12 / dxtbx 3.11 we compare against reads and writes.
    public var json: JSONValue {
        .object([
            ("image_range", .numbers([imageRange.first, imageRange.last])),
            ("batch_offset", .number(Double(batchOffset))),
            ("oscillation", .numbers([oscillation.start, oscillation.width])),
            ("exposure_time", .numbers(exposureTimes)),
            ("epochs", .numbers(epochs)),
            ("valid_image_ranges", .object([])),
        ])
    }

    /// Reads both the legacy layout and the newer one that keeps per-image arrays under
    /// "properties" (image-start angles in "oscillation").
    public init(json: JSONValue) throws(ExptFormatError) {
        let r = try FieldReader(json, context: "scan")
        let range = try r.wholeNumbers("image_range", count: 2, in: -Scan.maximumImageNumber...Scan.maximumImageNumber)
        let n = range[1] - range[0] + 1
        guard n >= 1 else { throw ExptFormatError("scan: empty image_range \(range)") }
        guard n <= Scan.maximumImageCount else {
            throw ExptFormatError("scan: image_range \(range) holds \(n) images, more than \(Scan.maximumImageCount)")
        }
        if r.has("properties") {
            let p = try FieldReader(try r.value("properties"), context: "scan properties")
            let starts = try p.doubles("oscillation")
            guard starts.count == n else { throw ExptFormatError("scan: \(starts.count) oscillation values for \(n) images") }
            // The width: an explicit "oscillation_width" (one value or one per image), else the
            // step between image starts.
            var width = n > 1 ? starts[1] - starts[0] : 0
            if p.has("oscillation_width") {
                let w = try p.value("oscillation_width")
                if let x = w.doubleValue { width = x } else if let xs = w.doubleArray, let x = xs.first { width = x }
            }
            self.init(imageRange: (range[0], range[1]), oscillation: (starts[0], width),
                      exposureTimes: p.has("exposure_time") ? try p.doubles("exposure_time", count: n) : nil,
                      epochs: p.has("epochs") ? try p.doubles("epochs", count: n) : nil)
        } else {
            let osc = try r.doubles("oscillation", count: 2)
            self.init(imageRange: (range[0], range[1]), oscillation: (osc[0], osc[1]),
                      exposureTimes: r.has("exposure_time") ? try Self.perImage(r.doubles("exposure_time"), n) : nil,
                      epochs: r.has("epochs") ? try Self.perImage(r.doubles("epochs"), n) : nil)
        }
        batchOffset = r.has("batch_offset") ? try r.int("batch_offset") : 0
        if let why = problem { throw ExptFormatError(why) }
    }

    /// Old files may store a single exposure time for all images.
    private static func perImage(_ xs: [Double], _ n: Int) throws(ExptFormatError) -> [Double] {
        if xs.count == n { return xs }
        if xs.count == 1 { return Array(repeating: xs[0], count: n) }
        throw ExptFormatError("scan: \(xs.count) per-image values for \(n) images")
    }
}

extension Crystal {
    public var json: JSONValue {
        let v = realSpaceVectors
        var members: [(String, JSONValue)] = [
            ("__id__", .string("crystal")),
            ("real_space_a", .vector(v.a)),
            ("real_space_b", .vector(v.b)),
            ("real_space_c", .vector(v.c)),
            ("space_group_hall_symbol", .string(spaceGroupHall)),
        ]
        if let cov = bCovariance { members.append(("B_covariance", .numbers(cov))) }
        return .object(members)
    }

    public init(json: JSONValue) throws(ExptFormatError) {
        let r = try FieldReader(json, context: "crystal")
        let a = try r.vector("real_space_a"), b = try r.vector("real_space_b"), c = try r.vector("real_space_c")
        guard abs(a.cross(b).dot(c)) > 0 else { throw ExptFormatError("crystal: real-space vectors are coplanar") }
        self.init(realSpaceA: a, b: b, c: c, spaceGroupHall: try r.string("space_group_hall_symbol", default: " P 1"))
        if r.has("B_covariance") { bCovariance = try r.doubles("B_covariance", count: 81) }
        if let why = problem { throw ExptFormatError(why) }
    }
}
