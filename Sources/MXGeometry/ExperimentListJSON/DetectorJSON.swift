/// Detector dictionaries as dxtbx writes them: a "panels" list with each panel's frame local
/// to its parent group, and a "hierarchy" tree of groups whose frames compose.
extension Panel {
    public var json: JSONValue {
        .object([
            ("name", .string(name)),
            ("type", .string(type)),
            ("fast_axis", .vector(fastAxis)),
            ("slow_axis", .vector(slowAxis)),
            ("origin", .vector(origin)),
            ("raw_image_offset", .numbers([rawImageOffset.0, rawImageOffset.1])),
            ("image_size", .numbers([imageSize.fast, imageSize.slow])),
            ("pixel_size", .numbers([pixelSize.fast, pixelSize.slow])),
            ("trusted_range", .numbers([trustedRange.lower, trustedRange.upper])),
            ("thickness", .number(thickness)),
            ("material", .string(material)),
            ("mu", .number(mu)),
            ("identifier", .string(identifier)),
            ("mask", .array(mask.map { .numbers([$0.fast0, $0.slow0, $0.fast1, $0.slow1]) })),
            ("gain", .number(gain)),
            ("pedestal", .number(pedestal)),
            ("px_mm_strategy", .object([("type", .string(pxMmStrategy.dxtbxName))])),
        ])
    }

    /// Reads one panel; its axes and origin are in the frame of its parent group.
    public init(json: JSONValue) throws(ExptFormatError) {
        let r = try FieldReader(json, context: "panel")
        let size = try r.wholeNumbers("image_size", count: 2, in: 1...Panel.maximumEdgePixels)
        let pixel = try r.doubles("pixel_size", count: 2)
        let trusted = try r.doubles("trusted_range", count: 2)
        self.init(fastAxis: try r.vector("fast_axis"), slowAxis: try r.vector("slow_axis"),
                  origin: try r.vector("origin"), imageSize: (size[0], size[1]),
                  pixelSize: (pixel[0], pixel[1]), trustedRange: (trusted[0], trusted[1]))
        name = try r.string("name")
        type = try r.string("type", default: "SENSOR_PAD")
        identifier = try r.string("identifier")
        thickness = try r.double("thickness", default: 0)
        material = try r.string("material")
        mu = try r.double("mu", default: 0)
        gain = try r.double("gain", default: 1)
        pedestal = try r.double("pedestal", default: 0)
        if r.has("raw_image_offset") {
            let o = try r.wholeNumbers("raw_image_offset", count: 2, in: -Panel.maximumEdgePixels...Panel.maximumEdgePixels)
            rawImageOffset = (o[0], o[1])
        }
        if r.has("mask") {
            for m in try r.value("mask").arrayValue ?? [] {
                guard let xs = m.doubleArray, xs.count == 4,
                      let i = WholeNumbers.exact(xs, in: 0...Panel.maximumEdgePixels) else {
                    throw ExptFormatError("panel: mask entry \(m.doubleArray ?? []) is not 4 whole numbers in 0…\(Panel.maximumEdgePixels)")
                }
                mask.append(MaskRect(fast0: i[0], slow0: i[1], fast1: i[2], slow1: i[3]))
            }
        }
        let strategy = r.has("px_mm_strategy") ? try FieldReader(r.value("px_mm_strategy"), context: "px_mm_strategy").string("type") : ""
        pxMmStrategy = strategy == "ParallaxCorrectedPxMmStrategy" ? .parallaxCorrected(mu: mu, thickness: thickness) : .simple
        if let why = problem { throw ExptFormatError(why) }
    }

    /// This panel's frame, given in the frame of a parent group, expressed in the lab frame:
    /// axes rotate by the parent's [f | s | n]; the origin is also offset by the parent origin.
    func inParentFrame(fast pf: Vec3, slow ps: Vec3, origin po: Vec3) -> Panel {
        let r = Mat3(columns: pf, ps, pf.cross(ps))
        var p = self
        p.fastAxis = r * fastAxis
        p.slowAxis = r * slowAxis
        p.origin = po + r * origin
        return p
    }
}

extension Detector {
    public var json: JSONValue {
        let root: JSONValue = .object([
            ("name", .string("")), ("type", .string("")),
            ("fast_axis", .numbers([1.0, 0, 0])), ("slow_axis", .numbers([0, 1.0, 0])),
            ("origin", .numbers([0.0, 0, 0])), ("raw_image_offset", .numbers([0, 0])),
            ("image_size", .numbers([0, 0])), ("pixel_size", .numbers([0.0, 0])),
            ("trusted_range", .numbers([0.0, 0])), ("thickness", .number(0)), ("material", .string("")),
            ("mu", .number(0)), ("identifier", .string("")), ("mask", .array([])), ("gain", .number(1)),
            ("pedestal", .number(0)), ("px_mm_strategy", .object([("type", .string("SimplePxMmStrategy"))])),
            ("children", .array(panels.indices.map { .object([("panel", .number(Double($0)))]) })),
        ])
        return .object([("panels", .array(panels.map(\.json))), ("hierarchy", root)])
    }

    /// Reads the panels and composes each with the frames of the groups above it, so that every
    /// `Panel` here is in the lab frame.
    public init(json: JSONValue) throws(ExptFormatError) {
        let r = try FieldReader(json, context: "detector")
        guard let list = try r.value("panels").arrayValue, !list.isEmpty else {
            throw ExptFormatError("detector: no panels")
        }
        var local: [Panel] = []
        for p in list { local.append(try Panel(json: p)) }
        guard r.has("hierarchy") else {
            self.init(panels: local)
            return
        }
        var placed = [Panel?](repeating: nil, count: local.count)
        func walk(_ group: JSONValue, fast: Vec3, slow: Vec3, origin: Vec3, depth: Int) throws(ExptFormatError) {
            guard depth < 32 else { throw ExptFormatError("detector: hierarchy too deep") }
            let g = try FieldReader(group, context: "detector group")
            // The group's own frame, in its parent's frame, then in the lab frame.
            let frame = Panel(fastAxis: try g.vector("fast_axis"), slowAxis: try g.vector("slow_axis"),
                              origin: try g.vector("origin"), imageSize: (0, 0), pixelSize: (0, 0), trustedRange: (0, 0))
                .inParentFrame(fast: fast, slow: slow, origin: origin)
            for child in (try g.value("children").arrayValue) ?? [] {
                if let index = child["panel"]?.intValue {
                    guard local.indices.contains(index) else { throw ExptFormatError("detector: hierarchy names panel \(index)") }
                    placed[index] = local[index].inParentFrame(fast: frame.fastAxis, slow: frame.slowAxis, origin: frame.origin)
                } else {
                    try walk(child, fast: frame.fastAxis, slow: frame.slowAxis, origin: frame.origin, depth: depth + 1)
                }
            }
        }
        try walk(try r.value("hierarchy"), fast: Vec3(1, 0, 0), slow: Vec3(0, 1, 0), origin: Vec3(0, 0, 0), depth: 0)
        self.init(panels: placed.enumerated().map { $0.element ?? local[$0.offset] })
        // The hierarchy can move a panel onto the sample, or into non-finite space.
        if let why = problem { throw ExptFormatError(why) }
    }
}
