import Foundation
import MXGeometry
import MXReflections

/// The unmerged MTZ file `dials.export` writes for summation-integrated data.
///
/// Columns (all in one dataset, project DIALS / crystal XTAL / dataset FROMDIALS by default):
/// H K L (H) in CCP4's asymmetric unit, M/ISYM (Y), BATCH (B), I (J), SIGI (Q), BG and SIGBG (R,
/// when the table has background.sum columns), FRACTIONCALC (R, the partiality), XDET YDET (R,
/// xyzobs.px), ROT (R, degrees at xyzcal.px z), LP (R, when present), QE (R; 1 when absent).
/// One batch header per image of every experiment; rows in experiment order. Which reflections
/// are written and how I and σ are corrected is described at ``ExportReflections``.
public enum UnmergedMTZ {
    /// The columns written, in order, for a table with or without background and lp columns.
    static func columns(background: Bool, lp: Bool) -> [(label: String, type: String)] {
        var c: [(String, String)] = [("H", "H"), ("K", "H"), ("L", "H"), ("M_ISYM", "Y"), ("BATCH", "B"), ("I", "J"), ("SIGI", "Q")]
        if background { c += [("BG", "R"), ("SIGBG", "R")] }
        c += [("FRACTIONCALC", "R"), ("XDET", "R"), ("YDET", "R"), ("ROT", "R")]
        if lp { c.append(("LP", "R")) }
        c.append(("QE", "R"))
        return c.map { (label: $0.0, type: $0.1) }
    }

    /// Writes `reflections` (integrated, of `experiments`) to `url`, atomically.
    @discardableResult
    public static func write(experiments: ExperimentList, reflections table: ReflectionTable, to url: URL,
                             options: MTZExportOptions = MTZExportOptions()) throws(MTZExportError) -> MTZExportSummary {
        let models = try ExportModels(experiments)
        let index = try experimentIndex(table: table, experiments: experiments)
        let data = try ExportReflections(table: table, experimentIndex: index, experimentCount: experiments.count, options: options)

        let xyzobs = try column(table, "xyzobs.px.value", Vec3.self)
        let xyzcal = try column(table, "xyzcal.px", Vec3.self)
        let hkl = data.miller.map { models.spaceGroup.asymmetricUnit($0) }
        let bg = table.doubles("background.sum.value")
        let bgVariance = table.doubles("background.sum.variance")
        let hasBackground = bg != nil && bgVariance != nil
        let lp = table.doubles("lp")
        let qe = table.doubles("qe") ?? table.doubles("dqe")
        let columns = columns(background: hasBackground, lp: lp != nil)

        var rows: [Float] = []
        rows.reserveCapacity(data.count * columns.count)
        for k in 0..<data.count {
            let r = data.row[k], e = data.experiment[k]
            let (h, isym) = hkl[k]
            // A NaN or huge frame (a damaged table) is refused rather than trapped on.
            guard let frame = WholeNumbers.floor(xyzobs[r].z, in: -Scan.maximumImageNumber...Scan.maximumImageNumber) else {
                throw .badReflections("reflection \(r) has xyzobs.px.value z = \(xyzobs[r].z), not a frame number")
            }
            let batch = frame + 1 + models.batchOffsets[e]
            rows += [Float(h.h), Float(h.k), Float(h.l), Float(isym), Float(batch),
                     Float(data.intensity[k]), Float(data.variance[k].squareRoot())]
            if hasBackground { rows += [Float(bg![r]), Float(bgVariance![r].squareRoot())] }
            rows += [Float(data.fraction[k]), Float(xyzobs[r].x), Float(xyzobs[r].y),
                     Float(models.scans[e].angle(arrayIndex: xyzcal[r].z))]
            if let lp { rows.append(Float(lp[r])) }
            rows.append(Float(qe?[r] ?? 1))
        }

        return try models.write(columns: columns, rows: rows, count: data.count, options: options, to: url)
    }

    /// Table id → experiment index, through the identifier map when the table has one.
    public static func experimentIndex(table: ReflectionTable, experiments: ExperimentList) throws(MTZExportError) -> [Int32: Int] {
        if table.identifiers.isEmpty {
            return Dictionary(uniqueKeysWithValues: experiments.experiments.indices.map { (Int32($0), $0) })
        }
        var byIdentifier: [String: Int] = [:]
        for (i, e) in experiments.experiments.enumerated() { byIdentifier[e.identifier] = i }
        var map: [Int32: Int] = [:]
        for (id, identifier) in table.identifiers {
            guard let e = byIdentifier[identifier] else {
                throw .badReflections("experiment identifier \(identifier) (id \(id)) is not in the experiment list")
            }
            map[Int32(id)] = e
        }
        return map
    }

    private static func column<T: ReflectionColumnElement>(_ table: ReflectionTable, _ name: String, _ type: T.Type) throws(MTZExportError) -> [T] {
        guard let values = table[name, as: T.self] else {
            if table.contains(name) { throw .badReflections("column \"\(name)\" has type \(table.columnType(name)!.dialsName)") }
            throw .missingColumn(name)
        }
        return values
    }
}
