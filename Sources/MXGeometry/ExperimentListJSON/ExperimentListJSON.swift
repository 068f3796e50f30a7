import Foundation

/// The `.expt` file: DIALS's ExperimentList JSON layout, models de-duplicated and referenced by
/// index. Reading accepts what DIALS 3.x writes; writing produces what DIALS 3.12 loads.
extension ExperimentList {
    public var json: JSONValue {
        let experimentsJSON: [JSONValue] = experiments.map { e in
            var m: [(String, JSONValue)] = [("__id__", .string("Experiment")), ("identifier", .string(e.identifier))]
            let refs: [(String, Int?)] = [("beam", e.beam), ("detector", e.detector), ("goniometer", e.goniometer),
                                          ("scan", e.scan), ("crystal", e.crystal), ("profile", e.profile),
                                          ("imageset", e.imageset)]
            for (k, v) in refs { if let v { m.append((k, .number(Double(v)))) } }
            return .object(m)
        }
        return .object([
            ("__id__", .string("ExperimentList")),
            ("experiment", .array(experimentsJSON)),
            ("imageset", .array(imagesets.map(\.json))),
            ("beam", .array(beams.map(\.json))),
            ("detector", .array(detectors.map(\.json))),
            ("goniometer", .array(goniometers.map(\.json))),
            ("scan", .array(scans.map(\.json))),
            ("crystal", .array(crystals.map(\.json))),
            ("profile", .array(profiles)),
            ("scaling_model", .array([])),
        ])
    }

    /// Reads an experiment list, refusing what DIALS would refuse or what would mislead later
    /// stages: a document without an "experiment" array (`{}`), and two experiments with one
    /// identifier (reflection tables name their experiment by identifier).
    public init(json: JSONValue) throws(ExptFormatError) {
        self.init()
        let r = try FieldReader(json, context: "experiment list")
        func list(_ key: String) throws(ExptFormatError) -> [JSONValue] {
            guard r.has(key) else { return [] }
            guard let a = try r.value(key).arrayValue else { throw ExptFormatError("experiment list: \"\(key)\" is not an array") }
            return a
        }
        for j in try list("beam") { beams.append(try Beam(json: j)) }
        for j in try list("detector") { detectors.append(try Detector(json: j)) }
        for j in try list("goniometer") { goniometers.append(try Goniometer(json: j)) }
        for j in try list("scan") { scans.append(try Scan(json: j)) }
        for j in try list("crystal") { crystals.append(try Crystal(json: j)) }
        for j in try list("imageset") { imagesets.append(try ImageSetModel(json: j)) }
        profiles = try list("profile")
        let counts = ["beam": beams.count, "detector": detectors.count, "goniometer": goniometers.count,
                      "scan": scans.count, "crystal": crystals.count, "imageset": imagesets.count,
                      "profile": profiles.count]
        guard r.has("experiment") else { throw ExptFormatError("not an experiment list: no \"experiment\" array") }
        var seen: [String: Int] = [:]
        for (n, ej) in try list("experiment").enumerated() {
            let e = try FieldReader(ej, context: "experiment \(n)")
            func ref(_ key: String) throws(ExptFormatError) -> Int? {
                guard e.has(key) else { return nil }
                let i = try e.int(key)
                guard i >= 0, i < counts[key, default: 0] else {
                    throw ExptFormatError("experiment \(n): \(key) \(i) does not exist")
                }
                return i
            }
            let identifier = try e.string("identifier")
            if !identifier.isEmpty, let first = seen.updateValue(n, forKey: identifier) {
                throw ExptFormatError("experiments \(first) and \(n) share the identifier \"\(identifier)\"")
            }
            experiments.append(Experiment(
                identifier: identifier, beam: try ref("beam"), detector: try ref("detector"),
                goniometer: try ref("goniometer"), scan: try ref("scan"), crystal: try ref("crystal"),
                imageset: try ref("imageset"), profile: try ref("profile")))
        }
    }

    /// Reads an `.expt` file.
    public init(contentsOf url: URL) throws(ExptFormatError) {
        let data: Data
        guard FileManager.default.fileExists(atPath: url.path) else { throw ExptFormatError("\(url.path): no such file") }
        do { data = try Data(contentsOf: url) } catch {
            throw ExptFormatError("\(url.path): cannot be read (permission denied or not a regular file)")
        }
        do {
            try self.init(json: try JSONParser.parse(bytes: [UInt8](data)))
        } catch let e as JSONParseError {
            throw ExptFormatError("\(url.path): \(e)")
        } catch let e as ExptFormatError {
            throw ExptFormatError("\(url.path): \(e.reason)")
        } catch {
            throw ExptFormatError("\(url.path): \(error)")
        }
    }

    /// Writes an `.expt` file atomically (temporary file, then rename).
    public func write(to url: URL) throws {
        try Data(JSONWriter.string(json).utf8).write(to: url, options: .atomic)
    }
}

extension ImageSetModel {
    public var json: JSONValue {
        var m: [(String, JSONValue)] = [("__id__", .string(dxtbxName))]
        switch self {
        case let .sequence(template):
            m.append(("template", .string(template)))
        case let .imageSet(paths, indices):
            m.append(("images", .array(paths.map(JSONValue.string))))
            if let indices { m.append(("single_file_indices", .numbers(indices))) }
        }
        m += [("mask", .null), ("gain", .null), ("pedestal", .null), ("dx", .null), ("dy", .null), ("params", .object([]))]
        return .object(m)
    }

    public init(json: JSONValue) throws(ExptFormatError) {
        let r = try FieldReader(json, context: "imageset")
        switch try r.string("__id__") {
        case "ImageSequence", "ImageSweep":
            self = .sequence(template: try r.string("template"))
        case "ImageSet", "ImageGrid":
            let paths = (try r.value("images").arrayValue ?? []).compactMap(\.stringValue)
            var indices: [Int]?
            if r.has("single_file_indices") {
                let xs = try r.doubles("single_file_indices")
                guard let i = WholeNumbers.exact(xs, in: 0...Scan.maximumImageNumber) else {
                    throw ExptFormatError("imageset: \"single_file_indices\" are not whole numbers in 0…\(Scan.maximumImageNumber)")
                }
                indices = i
            }
            self = .imageSet(paths: paths, singleFileIndices: indices)
        case let other:
            throw ExptFormatError("imageset: unsupported kind \"\(other)\"")
        }
    }
}
