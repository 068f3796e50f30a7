import MXSymmetry
import Foundation
import MXGeometry

/// The per-file facts an unmerged export derives from the experiment list: one space group,
/// the median cell, the datasets (one per wavelength, matched within 10⁻⁴ Å as DIALS matches
/// them), batch offsets and every batch header.
struct ExportModels {
    var spaceGroup: MTZSpaceGroup
    var bestCell: UnitCell
    /// Dataset wavelengths: the first experiment's wavelength of each group.
    var wavelengths: [Double]
    var scans: [Scan]
    var batchOffsets: [Int]
    var batchRanges: [ClosedRange<Int>]
    var batchHeaders: [BatchHeader]

    static let wavelengthTolerance = 1e-4

    init(_ list: ExperimentList) throws(MTZExportError) {
        guard list.count > 0 else { throw .badExperiments("the experiment list is empty") }
        var crystals: [Crystal] = [], beams: [Beam] = [], detectors: [Detector] = [], scans: [Scan] = []
        for (i, e) in list.experiments.enumerated() {
            guard let c = list.crystal(of: e) else { throw .badExperiments("experiment \(i) has no crystal") }
            guard let b = list.beam(of: e) else { throw .badExperiments("experiment \(i) has no beam") }
            guard let d = list.detector(of: e), !d.panels.isEmpty else { throw .badExperiments("experiment \(i) has no detector") }
            guard let s = list.scan(of: e) else { throw .badExperiments("experiment \(i) has no scan (only rotation data can be exported)") }
            crystals.append(c); beams.append(b); detectors.append(d); scans.append(s)
        }
        let halls = Set(crystals.map { SymInfoTable.normalised($0.spaceGroupHall) })
        guard halls.count == 1 else {
            throw .unsupportedSpaceGroup("the experiments do not share one space group (\(halls.sorted().joined(separator: ", ")))")
        }
        spaceGroup = try MTZSpaceGroup(hall: crystals[0].spaceGroupHall)
        bestCell = Self.medianCell(crystals.map(\.unitCell))

        var groups: [(wavelength: Double, members: [Int])] = []
        for (i, b) in beams.enumerated() {
            if let g = groups.firstIndex(where: { abs($0.wavelength - b.wavelength) <= Self.wavelengthTolerance }) {
                groups[g].members.append(i)
            } else {
                groups.append((b.wavelength, [i]))
            }
        }
        wavelengths = groups.map(\.wavelength)
        self.scans = scans
        batchOffsets = try BatchNumbering.offsets(scans: scans)
        batchRanges = zip(scans, batchOffsets).map { ($0.imageRange.first + $1)...($0.imageRange.last + $1) }
        var headers: [BatchHeader] = []
        for (i, e) in list.experiments.enumerated() {
            let group = groups.firstIndex { $0.members.contains(i) }!
            headers += BatchHeader.headers(
                crystal: crystals[i], beam: beams[i], detector: detectors[i], goniometer: list.goniometer(of: e),
                scan: scans[i], batchOffset: batchOffsets[i], datasetID: group + 1, datasetWavelength: groups[group].wavelength)
        }
        batchHeaders = headers
    }

    /// Writes an unmerged file of these experiments — one dataset per wavelength, every batch
    /// header — with `columns` and row-major `rows` (`count` reflections), and says what it wrote.
    func write(columns: [(label: String, type: String)], rows: [Float], count: Int, options: MTZExportOptions,
               to url: URL) throws(MTZExportError) -> MTZExportSummary {
        let content = MTZContent(
            title: options.title, history: options.history, spaceGroup: spaceGroup,
            projectName: options.projectName, crystalName: options.crystalName,
            cell: bestCell.parameters.map(Float.init),
            datasets: wavelengths.map { (options.datasetName, Float($0)) },
            columns: columns, rows: rows, batches: batchHeaders)
        try CMTZWriter.write(content, to: url)
        return MTZExportSummary(
            reflections: count, batches: batchHeaders.count, batchRanges: batchRanges,
            unitCell: bestCell, spaceGroupName: spaceGroup.name, spaceGroupNumber: spaceGroup.number,
            wavelengths: wavelengths)
    }

    /// The median of each cell parameter separately (the mean of the middle two for an even count).
    static func medianCell(_ cells: [UnitCell]) -> UnitCell {
        UnitCell(parameters: (0..<6).map { p in
            let v = cells.map { $0.parameters[p] }.sorted()
            let n = v.count
            return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2
        })
    }
}
