import Foundation
import MXGeometry
import MXMerging
import MXReflections

/// The merged MTZ `dials.merge` writes (its `merged.mtz`, before French–Wilson amplitudes):
/// H K L (H) in CCP4's asymmetric unit, IMEAN (J) and SIGIMEAN (Q) over all equivalents,
/// I(+) SIGI(+) I(-) SIGI(-) (K, M) per Friedel hand, N(+) N(-) (I) the observations in each;
/// a hand that was not measured is missing (NaN, cmtzlib's missing-number flag). No batches.
public enum MergedMTZ {
    static let columns: [(label: String, type: String)] = [
        ("H", "H"), ("K", "H"), ("L", "H"), ("IMEAN", "J"), ("SIGIMEAN", "Q"),
        ("I(+)", "K"), ("SIGI(+)", "M"), ("I(-)", "K"), ("SIGI(-)", "M"), ("N(+)", "I"), ("N(-)", "I"),
    ]

    /// Writes `merged` in the space group given by its Hall symbol, with `cell` and `wavelength` (Å).
    @discardableResult
    public static func write(_ merged: MergedIntensities, spaceGroupHall: String, cell: UnitCell, wavelength: Double,
                             to url: URL, options: MTZExportOptions = MTZExportOptions()) throws(MTZExportError) -> MTZExportSummary {
        guard !merged.reflections.isEmpty else { throw .noIntegratedReflections("no merged reflection to write") }
        let spaceGroup = try MTZSpaceGroup(hall: spaceGroupHall)
        var rows: [(MillerIndex, [Float])] = []
        rows.reserveCapacity(merged.reflections.count)
        for r in merged.reflections {
            // cctbx's ASU representative to CCP4's; the hands swap when CCP4's is the Friedel mate.
            let (h, isym) = spaceGroup.asymmetricUnit(MillerIndex(Int32(r.hkl.x), Int32(r.hkl.y), Int32(r.hkl.z)))
            let (plus, minus) = isym % 2 == 1 || r.isCentric ? (r.plus, r.minus) : (r.minus, r.plus)
            rows.append((h, [Float(h.h), Float(h.k), Float(h.l), Float(r.mean), Float(r.meanSigma),
                             Float(plus?.mean ?? .nan), Float(plus?.sigma ?? .nan),
                             Float(minus?.mean ?? .nan), Float(minus?.sigma ?? .nan),
                             Float(plus?.count ?? 0), Float(minus?.count ?? 0)]))
        }
        rows.sort { $0.0 < $1.0 }
        let content = MTZContent(
            title: options.title, history: options.history, spaceGroup: spaceGroup,
            projectName: options.projectName, crystalName: options.crystalName,
            cell: cell.parameters.map(Float.init), datasets: [(options.datasetName, Float(wavelength))],
            columns: columns, rows: rows.flatMap(\.1), batches: [])
        try CMTZWriter.write(content, to: url)
        return MTZExportSummary(reflections: rows.count, batches: 0, batchRanges: [], unitCell: cell,
                                spaceGroupName: spaceGroup.name, spaceGroupNumber: spaceGroup.number,
                                wavelengths: [wavelength])
    }
}
