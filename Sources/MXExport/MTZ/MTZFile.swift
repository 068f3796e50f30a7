import MXSymmetry
import CCCP4
import Foundation
import MXGeometry

/// An MTZ file's header as CCP4's cmtzlib reads it (`MtzGet`): what BLEND-style clustering and
/// the tests need — title, symmetry, cells, wavelengths, columns, reflection and batch counts,
/// and each batch's own cell.
public struct MTZFile: Sendable, Equatable {
    public struct Column: Sendable, Equatable {
        public var label: String
        /// One-letter MTZ type (H, J, Q, R, B, Y, …).
        public var type: String
        /// The dataset the column belongs to (its MTZ set id).
        public var datasetID: Int
    }

    public struct Dataset: Sendable, Equatable {
        public var id: Int
        public var project: String
        public var crystal: String
        public var name: String
        public var cell: UnitCell
        public var wavelength: Double
    }

    public struct Batch: Sendable, Equatable {
        public var number: Int
        public var title: String
        /// The cell stored in the batch header (scan-static crystals: the crystal's cell).
        public var cell: UnitCell
        public var datasetID: Int
        public var phiStart: Double
        public var phiEnd: Double
        /// Mosflm U, column-major as stored.
        public var umat: [Double]
    }

    public var title: String
    public var history: [String]
    public var spaceGroupName: String
    public var spaceGroupNumber: Int
    public var pointGroupName: String
    public var symmetryOperatorCount: Int
    /// The global cell: that of the first crystal with a cell, as CCP4 writes the CELL record.
    public var cell: UnitCell
    public var datasets: [Dataset]
    public var columns: [Column]
    public var reflectionCount: Int
    public var batches: [Batch]
    /// Column values (one array per entry of ``columns``), when read with `values: true`.
    public var values: [[Float]]

    public var columnLabels: [String] { columns.map(\.label) }
    public var batchCount: Int { batches.count }
    /// The wavelength of the first dataset with one.
    public var wavelength: Double? { datasets.first(where: { $0.wavelength > 0 })?.wavelength }

    /// The values of the column with this label (M/ISYM or M_ISYM for the symmetry column).
    public func values(of label: String) -> [Float]? {
        columns.firstIndex { $0.label == label || ($0.label == "M/ISYM" && label == "M_ISYM") }.flatMap { values.indices.contains($0) ? values[$0] : nil }
    }

    /// Reads the header of the MTZ file at `path`, and the reflection values if `values`.
    public static func read(path: String, values: Bool = false) throws(MTZExportError) -> MTZFile {
        guard FileManager.default.isReadableFile(atPath: path) else { throw .readFailed(path: path, reason: "no such readable file") }
        try MTZPreflight.check(path: path)
        let result: MTZFile? = CCP4Library.withLock {
            guard let mtz = MtzGet(path, values ? 1 : 0) else { return nil }
            defer { MtzFree(mtz) }
            return MTZFile(mtz, values: values)
        }
        guard let result else { throw .readFailed(path: path, reason: "cmtzlib's MtzGet rejected it") }
        return result
    }

    private init(_ mtz: UnsafeMutablePointer<MTZ>, values readValues: Bool) {
        func text(_ p: UnsafePointer<CChar>) -> String { String(cString: p).trimmingCharacters(in: .whitespaces) }
        title = text(mxt_mtz_title(mtz))
        history = (0..<Int(mtz.pointee.histlines)).map { i in
            String(decoding: UnsafeRawBufferPointer(start: mxt_mtz_history_line(mtz, Int32(i)), count: Int(MTZRECORDLENGTH))
                .prefix { $0 != 0 }, as: UTF8.self).trimmingCharacters(in: .whitespaces)
        }
        spaceGroupName = text(mxt_mtz_spacegroup_name(mtz))
        spaceGroupNumber = Int(mtz.pointee.mtzsymm.spcgrp)
        pointGroupName = text(mxt_mtz_pointgroup_name(mtz))
        symmetryOperatorCount = Int(mtz.pointee.mtzsymm.nsym)
        reflectionCount = Int(MtzNref(mtz))
        var datasets: [Dataset] = [], columns: [Column] = [], values: [[Float]] = []
        var globalCell: UnitCell?
        for x in 0..<Int(MtzNxtal(mtz)) {
            guard let xtal = MtzIxtal(mtz, Int32(x)) else { continue }
            let c = xtal.pointee.cell
            let cell = UnitCell(Double(c.0), Double(c.1), Double(c.2), Double(c.3), Double(c.4), Double(c.5))
            if globalCell == nil, text(mxt_xtal_name(xtal)) != "HKL_base", c.0 > 0.001 { globalCell = cell }
            for s in 0..<Int(MtzNsetsInXtal(xtal)) {
                guard let set = MtzIsetInXtal(xtal, Int32(s)) else { continue }
                // cmtzlib adds an empty HKL_base dataset when reading files that have none.
                if text(mxt_xtal_name(xtal)) == "HKL_base", MtzNcolsInSet(set) == 0 { continue }
                let id = Int(set.pointee.setid)
                datasets.append(Dataset(id: id, project: text(mxt_xtal_project(xtal)), crystal: text(mxt_xtal_name(xtal)),
                                        name: text(mxt_set_name(set)), cell: cell, wavelength: Double(set.pointee.wavelength)))
                for k in 0..<Int(MtzNcolsInSet(set)) {
                    guard let col = MtzIcolInSet(set, Int32(k)) else { continue }
                    var label = text(mxt_column_label(col))
                    if label == "M_ISYM" { label = "M/ISYM" }
                    columns.append(Column(label: label, type: text(mxt_column_type(col)), datasetID: id))
                    if readValues, let ref = col.pointee.ref {
                        values.append(Array(UnsafeBufferPointer(start: ref, count: reflectionCount)))
                    }
                }
            }
        }
        self.datasets = datasets
        self.columns = columns
        self.values = values
        cell = globalCell ?? datasets.first?.cell ?? UnitCell(0, 0, 0, 0, 0, 0)
        var batches: [Batch] = []
        var b = mtz.pointee.batch
        while let batch = b {
            let p = batch.pointee
            let c = p.cell, u = p.umat
            batches.append(Batch(
                number: Int(p.num), title: text(mxt_batch_title(batch)),
                cell: UnitCell(Double(c.0), Double(c.1), Double(c.2), Double(c.3), Double(c.4), Double(c.5)),
                datasetID: Int(p.nbsetid), phiStart: Double(p.phistt), phiEnd: Double(p.phiend),
                umat: [u.0, u.1, u.2, u.3, u.4, u.5, u.6, u.7, u.8].map(Double.init)))
            b = p.next
        }
        self.batches = batches
    }
}
