import Foundation
import MXGeometry
import MXImages

/// What `mxtriage show --image` reports: the header's geometry and, per panel, which pixels
/// a DIALS program may use and what they hold.
struct ImageSummary {
    let path: String
    let models: ImageModels
    let statistics: [PixelStatistics]

    init(path: String) throws {
        do {
            let image = try CBFImage.read(path: path, imageIndex: FilenameTemplate.parse(path)?.index ?? 0)
            let panels = try image.pixels()
            models = image.models
            statistics = zip(panels, image.models.detector.panels).map { PixelStatistics(image: $0, panel: $1) }
        } catch {
            throw CommandFailure.badInput(error.description)
        }
        self.path = path
    }

    var beamCentre: (panel: Int, px: SIMD2<Double>)? {
        guard let hit = models.detector.rayIntersection(models.beam.s0) else { return nil }
        return (hit.panel, models.detector[hit.panel].millimeterToPixel(hit.mm))
    }

    var text: String {
        let d = models.detector, p = d[0]
        var lines = [
            "Image: \(path)",
            "Format: \(models.formatClass)" + (p.identifier.isEmpty ? "" : " (\(p.identifier))"),
            "Panels: \(d.panels.count) × \(p.imageSize.fast)×\(p.imageSize.slow) pixels of \(String(format: "%.4g", p.pixelSize.fast)) mm",
            String(format: "Wavelength: %.5f Å", models.beam.wavelength),
            String(format: "Distance: %.2f mm", p.distance),
            "Trusted range: \(ExperimentReport.g(p.trustedRange.lower)) < counts < \(ExperimentReport.g(p.trustedRange.upper))",
        ]
        if let c = beamCentre { lines.append(String(format: "Beam centre: %.2f, %.2f px", c.px.x, c.px.y) + (d.panels.count > 1 ? " on panel \(c.panel)" : "")) }
        if let s = models.scan {
            lines.append(s.oscillation.width == 0 ? "Oscillation: still" :
                String(format: "Oscillation: %.4f° + %.4f°, exposure %.4g s", s.oscillation.start, s.oscillation.width, s.exposureTimes.first ?? 0))
        }
        if let g = models.goniometer { lines.append("Rotation axis: \(ExperimentReport.vec(g.rotationAxis))") }
        lines += models.warnings.map { "Warning: \($0)" }
        let total = statistics.reduce(into: (count: 0, valid: 0, sum: Int64(0), masked: 0, over: 0, m1: 0, m2: 0)) {
            $0.count += $1.pixelCount; $0.valid += $1.validCount; $0.sum += $1.validSum; $0.masked += $1.maskedCount
            $0.over += $1.overloadedCount; $0.m1 += $1.minusOneCount; $0.m2 += $1.minusTwoCount
        }
        let maxValue = statistics.compactMap(\.validMax).max()
        lines += [
            "Pixels: \(total.count)",
            "Valid pixels: \(total.valid), sum \(total.sum), maximum \(maxValue.map(String.init) ?? "none")",
            "Masked (static mask): \(total.masked)",
            "Overloaded (> trusted maximum): \(total.over)",
            "Marked −1 (gaps): \(total.m1), −2 (bad): \(total.m2)",
        ]
        return lines.joined(separator: "\n")
    }

    var json: JSONValue {
        let p = models.detector[0]
        var members: [(String, JSONValue)] = [
            ("image", .string(path)),
            ("format_class", .string(models.formatClass)),
            ("wavelength", .number(models.beam.wavelength)),
            ("distance_mm", .number(p.distance)),
            ("panels", .number(Double(models.detector.panels.count))),
            ("image_size", .numbers([p.imageSize.fast, p.imageSize.slow])),
            ("pixel_size_mm", .numbers([p.pixelSize.fast, p.pixelSize.slow])),
            ("trusted_range", .numbers([p.trustedRange.lower, p.trustedRange.upper])),
        ]
        if let c = beamCentre { members.append(("beam_centre_px", .numbers([c.px.x, c.px.y]))) }
        if let s = models.scan { members.append(("oscillation_deg", .numbers([s.oscillation.start, s.oscillation.width]))) }
        members.append(("warnings", .array(models.warnings.map(JSONValue.string))))
        members.append(("pixel_statistics", .array(statistics.map { s in
            .object([
                ("pixels", .number(Double(s.pixelCount))),
                ("valid", .number(Double(s.validCount))),
                ("valid_sum", .number(Double(s.validSum))),
                ("valid_max", s.validMax.map { .number(Double($0)) } ?? .null),
                ("masked", .number(Double(s.maskedCount))),
                ("overloaded", .number(Double(s.overloadedCount))),
                ("minus_one", .number(Double(s.minusOneCount))),
                ("minus_two", .number(Double(s.minusTwoCount))),
            ])
        })))
        return .object(members)
    }
}
