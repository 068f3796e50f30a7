import MXSymmetry
import CCCP4
import Foundation

/// Everything one unmerged MTZ file holds, ready for cmtzlib: header records, one crystal with
/// its datasets (the columns belong to the last), the rows and the batch headers.
struct MTZContent {
    var title: String
    var history: [String]
    var spaceGroup: MTZSpaceGroup
    var projectName: String
    var crystalName: String
    var cell: [Float]
    var datasets: [(name: String, wavelength: Float)]
    var columns: [(label: String, type: String)]
    /// Row-major: `rows.count == nrows × columns.count`.
    var rows: [Float]
    var batches: [BatchHeader]

    var nrows: Int { columns.isEmpty ? 0 : rows.count / columns.count }
}

/// Writes ``MTZContent`` through cmtzlib (`MtzMalloc`, `MtzAddXtal`, `MtzAddDataset`,
/// `MtzAddColumn`, `ccp4_lwrefl`, `ccp4_lwbat`, `MtzPut`) to a temporary file beside the target,
/// then renames it into place. Column sources are fixed strings rather than cmtzlib's creation
/// date, so the bytes depend on the content alone.
enum CMTZWriter {
    static let columnSource = "CREATED_BY_MXTRIAGE"

    static func write(_ content: MTZContent, to url: URL) throws(MTZExportError) {
        let path = url.path
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UUID().uuidString.prefix(8)).tmp")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .writeFailed(path: path, reason: "no directory \(directory.path)")
        }
        let failure: String? = CCP4Library.withLock { build(content, temporaryPath: temporary.path) }
        if let failure {
            try? FileManager.default.removeItem(at: temporary)
            throw .writeFailed(path: path, reason: failure)
        }
        if rename(temporary.path, path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw .writeFailed(path: path, reason: reason)
        }
    }

    /// Builds the in-memory MTZ and writes it; returns why it failed, or nil.
    private static func build(_ c: MTZContent, temporaryPath: String) -> String? {
        guard let mtz = MtzMalloc(0, nil) else { return "MtzMalloc failed" }
        defer { MtzFree(mtz) }
        mtz.pointee.refs_in_memory = 1
        guard ccp4_lwtitl(mtz, c.title, 0) == 1 else { return "cannot set the title" }
        if !c.history.isEmpty {
            let width = Int(MTZRECORDLENGTH)
            var lines = [CChar](repeating: 0, count: c.history.count * width)
            for (i, line) in c.history.enumerated() {
                for (j, byte) in line.utf8.prefix(width - 1).enumerated() { lines[i * width + j] = CChar(bitPattern: byte) }
            }
            let ok = lines.withUnsafeBufferPointer { mxt_add_history(mtz, $0.baseAddress, Int32(c.history.count)) }
            guard ok == 1 else { return "cannot add the history" }
        }
        let sg = c.spaceGroup
        let ops = sg.operators.flatMap { $0 }
        guard ops.withUnsafeBufferPointer({
            mxt_write_symmetry(mtz, Int32(sg.operators.count), Int32(sg.primitiveCount), $0.baseAddress,
                               CChar(sg.lattice.asciiValue ?? 80), Int32(sg.ccp4Number), sg.name, sg.pointGroup)
        }) == 1 else { return "cannot write the symmetry records" }

        guard let xtal = c.cell.withUnsafeBufferPointer({ MtzAddXtal(mtz, c.crystalName, c.projectName, $0.baseAddress) }) else {
            return "cannot add crystal \(c.crystalName)"
        }
        var set: UnsafeMutablePointer<MTZSET>?
        for d in c.datasets {
            set = MtzAddDataset(mtz, xtal, d.name, d.wavelength)
            if set == nil { return "cannot add dataset \(d.name)" }
        }
        guard let dataSet = set else { return "no dataset" }

        mtz.pointee.nref = Int32(c.nrows)
        var lookup: [UnsafeMutablePointer<MTZCOL>?] = []
        for (k, column) in c.columns.enumerated() {
            guard let col = MtzAddColumn(mtz, dataSet, column.label, column.type) else { return "cannot add column \(column.label)" }
            mxt_column_set_source(col, columnSource, UInt32(k + 1))
            lookup.append(col)
        }
        let ncol = c.columns.count
        let rowsOK = c.rows.withUnsafeBufferPointer { rows in
            lookup.withUnsafeMutableBufferPointer { cols in
                for r in 0..<c.nrows where ccp4_lwrefl(mtz, rows.baseAddress! + r * ncol, cols.baseAddress, Int32(ncol), Int32(r + 1)) != 1 {
                    return false
                }
                return true
            }
        }
        guard rowsOK else { return "cannot store the reflections" }

        var zeros = [Float](repeating: 0, count: Int(NBATCHWORDS))
        for header in c.batches {
            guard ccp4_lwbat(mtz, nil, Int32(header.number), &zeros, "") == 1, let b = mxt_last_batch(mtz) else {
                return "cannot add batch \(header.number)"
            }
            fill(b, header)
        }
        guard MtzPut(mtz, temporaryPath) == 1 else { return "MtzPut failed" }
        return nil
    }

    /// The batch fields `dials.export` sets; everything else stays zero.
    private static func fill(_ b: UnsafeMutablePointer<MTZBAT>, _ h: BatchHeader) {
        mxt_batch_set_title(b, "Batch \(h.number)")
        mxt_batch_set_axis_label(b, 0, "AXIS")
        b.pointee.nbsetid = Int32(h.datasetID)
        b.pointee.ncryst = 1
        b.pointee.ndet = 1
        b.pointee.lbcell = (-1, -1, -1, -1, -1, -1)
        b.pointee.jsaxs = 1
        b.pointee.ngonax = 1
        b.pointee.ldtype = 2
        b.pointee.bscale = 1
        let c = h.cell, u = h.umat, a = h.axis, s = h.source
        b.pointee.cell = (c[0], c[1], c[2], c[3], c[4], c[5])
        b.pointee.umat = (u[0], u[1], u[2], u[3], u[4], u[5], u[6], u[7], u[8])
        b.pointee.phistt = h.phiStart
        b.pointee.phirange = h.phiRange
        b.pointee.phiend = h.phiStart + h.phiRange
        b.pointee.scanax = (a[0], a[1], a[2])
        b.pointee.e1 = (a[0], a[1], a[2])
        b.pointee.so = (s[0], s[1], s[2])
        // The idealised source: −1 along the axis where the real source is most negative.
        var ideal: (Float, Float, Float) = (0, 0, 0)
        switch s.indices.min(by: { s[$0] < s[$1] })! {
        case 0: ideal.0 = -1
        case 1: ideal.1 = -1
        default: ideal.2 = -1
        }
        b.pointee.source = ideal
        b.pointee.alambd = h.wavelength
        b.pointee.dx = (h.distance, 0)
        b.pointee.detlm = (((0, h.detectorSize.fast), (0, h.detectorSize.slow)), ((0, 0), (0, 0)))
    }
}
