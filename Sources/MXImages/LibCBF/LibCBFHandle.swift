internal import CCBF
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A libcbf handle over CIF text held in memory — libcbf is the parser of record for CBF
/// headers and imgCIF categories.
///
/// libcbf reads from a `FILE*`; `fmemopen` gives it one over a private copy of the text that
/// this object owns, because libcbf keeps the stream (and closes it itself in
/// `cbf_free_handle`). Its error log is switched off before reading: libcbf otherwise prints
/// "CBFlib: error …" lines on stderr, and errors here travel as values.
package final class LibCBFHandle {
    let handle: cbf_handle
    private let storage: UnsafeMutableRawBufferPointer

    /// Parses `text` (a copy is kept for libcbf's lazy reads).
    ///
    /// - Parameter checkDigests: whether libcbf verifies Content-MD5 when it later reads a
    ///   binary section (`MSG_DIGEST`) or not (`MSG_NODIGEST`).
    package init(text: UnsafeRawBufferPointer, checkDigests: Bool = true) throws(CBFProblem) {
        var h: cbf_handle?
        guard cbf_make_handle(&h) == 0, let h else { throw CBFProblem("libcbf could not make a handle") }
        storage = .allocate(byteCount: max(text.count, 1), alignment: 16)
        if let base = text.baseAddress { storage.baseAddress!.copyMemory(from: base, byteCount: text.count) }
        handle = h
        cbf_set_cbf_logfile(h, nil)
        guard let stream = fmemopen(storage.baseAddress, max(text.count, 1), "rb") else {
            throw CBFProblem("could not open the header text as a stream")
        }
        let status = cbf_read_widefile(h, stream, Int32(checkDigests ? MSG_DIGEST : MSG_NODIGEST))
        guard status == 0 else {
            throw CBFProblem("libcbf cannot parse the CIF text (\(LibCBFStatus.describe(status)))")
        }
    }

    deinit {
        cbf_free_handle(handle)
        storage.deallocate()
    }

    // MARK: categories, columns, rows

    /// Makes `name` the current category (row 0); false when absent.
    @discardableResult
    func findCategory(_ name: String) -> Bool { cbf_find_category(handle, name) == 0 }

    @discardableResult
    func findColumn(_ name: String) -> Bool { cbf_find_column(handle, name) == 0 }

    @discardableResult
    func findRow(_ value: String) -> Bool { cbf_find_row(handle, value) == 0 }

    @discardableResult
    func selectRow(_ row: Int) -> Bool { cbf_select_row(handle, UInt32(row)) == 0 }

    var rowCount: Int {
        var rows: UInt32 = 0
        return cbf_count_rows(handle, &rows) == 0 ? Int(rows) : 0
    }

    /// The text of the current entry; nil when absent or when the entry is binary.
    var value: String? {
        var p: UnsafePointer<CChar>?
        guard cbf_get_value(handle, &p) == 0, let p else { return nil }
        return String(cString: p)
    }

    /// The current entry as a number, as libcbf parses it (`cbf_get_doublevalue`).
    var doubleValue: Double? {
        var x = 0.0
        return cbf_get_doublevalue(handle, &x) == 0 ? x : nil
    }

    /// The entry at (category, column) in the current or first row.
    func value(category: String, column: String) -> String? {
        guard findCategory(category), findColumn(column) else { return nil }
        return value
    }
}

/// libcbf's error bits as words.
enum LibCBFStatus {
    static func describe(_ status: Int32) -> String {
        let names: [(Int32, String)] = [
            (0x1, "CBF_FORMAT"), (0x2, "CBF_ALLOC"), (0x4, "CBF_ARGUMENT"), (0x8, "CBF_ASCII"),
            (0x10, "CBF_BINARY"), (0x20, "CBF_BITCOUNT"), (0x40, "CBF_ENDOFDATA"), (0x200, "CBF_FILEREAD"),
            (0x400, "CBF_FILESEEK"), (0x4000, "CBF_NOTFOUND"), (0x8000, "CBF_OVERFLOW"),
            (0x10000, "CBF_UNDEFINED"), (0x20000, "CBF_NOTIMPLEMENTED"),
        ]
        let set = names.filter { status & $0.0 != 0 }.map(\.1)
        return set.isEmpty ? "status \(status)" : set.joined(separator: "|")
    }

    static let notFound: Int32 = 0x4000
}
