import Foundation
import MXGeometry
import MXReflections

/// One scaled observation as the scaled unmerged MTZ carries it.
public struct ScaledObservationRow: Sendable, Equatable {
    /// Index into the experiment list the file is written for.
    public var experiment: Int
    /// The Miller index in the consistent setting (any symmetry equivalent).
    public var hkl: SIMD3<Int>
    /// The scaled intensity I/g and its σ (after the error model).
    public var intensity: Double
    public var sigma: Double
    /// The inverse scale factor g that was applied.
    public var inverseScale: Double
    /// The observed centroid (px, px, array index of the image), the calculated rotation
    /// angle (degrees) and the partiality.
    public var xyzobsPx: Vec3
    public var rotationDegrees: Double
    public var partiality: Double

    public init(experiment: Int, hkl: SIMD3<Int>, intensity: Double, sigma: Double, inverseScale: Double,
                xyzobsPx: Vec3, rotationDegrees: Double, partiality: Double) {
        self.experiment = experiment
        self.hkl = hkl
        self.intensity = intensity
        self.sigma = sigma
        self.inverseScale = inverseScale
        self.xyzobsPx = xyzobsPx
        self.rotationDegrees = rotationDegrees
        self.partiality = partiality
    }
}

/// The scaled unmerged MTZ `dials.export` writes after `dials.scale` (its `scaled.mtz`): one
/// dataset, H K L (H) in CCP4's asymmetric unit, M/ISYM (Y), BATCH (B), I (J) and SIGI (Q)
/// scaled, SCALEUSED (R, the inverse scale g), FRACTIONCALC (R), XDET YDET (R), ROT (R); one
/// batch per image of every experiment, numbered as in ``UnmergedMTZ``.
public enum ScaledMTZ {
    static let columns: [(label: String, type: String)] = [
        ("H", "H"), ("K", "H"), ("L", "H"), ("M_ISYM", "Y"), ("BATCH", "B"), ("I", "J"), ("SIGI", "Q"),
        ("SCALEUSED", "R"), ("FRACTIONCALC", "R"), ("XDET", "R"), ("YDET", "R"), ("ROT", "R"),
    ]

    @discardableResult
    public static func write(experiments: ExperimentList, rows: [ScaledObservationRow], to url: URL,
                             options: MTZExportOptions = MTZExportOptions()) throws(MTZExportError) -> MTZExportSummary {
        let models = try ExportModels(experiments)
        guard !rows.isEmpty else { throw .noIntegratedReflections("no scaled observation to write") }
        var data: [Float] = []
        data.reserveCapacity(rows.count * columns.count)
        for (k, r) in rows.enumerated() {
            guard experiments.experiments.indices.contains(r.experiment) else {
                throw .badReflections("scaled observation \(k) names experiment \(r.experiment) of \(experiments.count)")
            }
            guard let frame = WholeNumbers.floor(r.xyzobsPx.z, in: -Scan.maximumImageNumber...Scan.maximumImageNumber) else {
                throw .badReflections("scaled observation \(k) has xyzobs.px.value z = \(r.xyzobsPx.z), not a frame number")
            }
            let (h, isym) = models.spaceGroup.asymmetricUnit(MillerIndex(Int32(r.hkl.x), Int32(r.hkl.y), Int32(r.hkl.z)))
            data += [Float(h.h), Float(h.k), Float(h.l), Float(isym), Float(frame + 1 + models.batchOffsets[r.experiment]),
                     Float(r.intensity), Float(r.sigma), Float(r.inverseScale), Float(r.partiality),
                     Float(r.xyzobsPx.x), Float(r.xyzobsPx.y), Float(r.rotationDegrees)]
        }
        return try models.write(columns: columns, rows: data, count: rows.count, options: options, to: url)
    }
}
