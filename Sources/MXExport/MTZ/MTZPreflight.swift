import Foundation

/// Checks an MTZ file against its own header before cmtzlib opens it.
///
/// `MtzGet` trusts the file: given one cut short, it reads past the end for the header records
/// and batch headers it expects and never returns (`cluster` spun at 100 % CPU on a truncated
/// `integrated.mtz`). The layout is simple enough to check first: the 20-word preamble starts
/// "MTZ " and gives the word where the header begins (a 64-bit byte-word position when the
/// 32-bit one is −1); the reflection data (NCOL × NREF 4-byte values) lie between the preamble
/// and the header; the header is 80-byte records up to "END", and when there are batches or
/// history, "MTZENDOFHEADERS" closes what follows.
public enum MTZPreflight {
    /// Throws a one-line reason when the file cannot be a whole MTZ file.
    public static func check(path: String) throws(MTZExportError) {
        func fail(_ why: String) -> MTZExportError { .readFailed(path: path, reason: why) }
        guard let data = FileManager.default.contents(atPath: path) else { throw fail("no such readable file") }
        let bytes = [UInt8](data)
        guard bytes.count >= 80 else { throw fail("\(bytes.count) bytes is too short for an MTZ file") }
        guard bytes[0..<4].elementsEqual("MTZ ".utf8) else { throw fail("it does not start with \"MTZ \"") }
        // Machine stamp: a high nibble of 1 in its first byte is big-endian (IEEE), else little.
        let bigEndian = bytes[8] >> 4 == 1
        func word(_ at: Int, _ width: Int) -> Int64 {
            var v: UInt64 = 0
            for k in 0..<width { v |= UInt64(bytes[at + k]) << (8 * UInt64(bigEndian ? width - 1 - k : k)) }
            return width == 4 ? Int64(Int32(truncatingIfNeeded: v)) : Int64(bitPattern: v)
        }
        let headerWord = word(4, 4) == -1 ? word(12, 8) : word(4, 4)
        guard headerWord >= 21, headerWord <= Int64(bytes.count / 4) else {
            throw fail("its header should start at byte \((headerWord - 1) * 4) but the file has \(bytes.count) bytes (truncated?)")
        }
        let headerStart = Int(headerWord - 1) * 4
        let records = headerRecords(bytes, from: headerStart)
        guard let endIndex = records.firstIndex(where: { $0 == "END" }) else {
            throw fail("its header from byte \(headerStart) has no END record (truncated?)")
        }
        guard let ncolRecord = records[..<endIndex].first(where: { $0.hasPrefix("NCOL") }) else {
            throw fail("its header has no NCOL record")
        }
        let counts = ncolRecord.split(separator: " ").dropFirst().compactMap { Int64($0) }
        guard counts.count >= 2, counts[0] >= 0, counts[1] >= 0 else { throw fail("its NCOL record \"\(ncolRecord)\" is not readable") }
        let (values, overflow) = counts[0].multipliedReportingOverflow(by: counts[1])
        guard !overflow, values <= Int64(headerStart - 80) / 4 else {
            throw fail("\(counts[0]) columns × \(counts[1]) reflections do not fit before its header at byte \(headerStart)")
        }
        let batches = counts.count > 2 ? counts[2] : 0
        let tailStart = headerStart + (endIndex + 1) * 80
        let tail = bytes[tailStart...]
        if batches > 0 || tail.starts(with: "MTZHIST".utf8) || tail.starts(with: "MTZBATS".utf8) {
            // The whole 80-byte record: cmtzlib reads records whole.
            guard let end = data.range(of: Data("MTZENDOFHEADERS".utf8), in: tailStart..<data.count), end.lowerBound + 80 <= data.count else {
                throw fail("its \(batches) batch header(s) end without MTZENDOFHEADERS (truncated?)")
            }
        }
    }

    /// The 80-byte header records from `start`, trimmed, up to and including "END" (or the end
    /// of the file).
    static func headerRecords(_ bytes: [UInt8], from start: Int) -> [String] {
        var records: [String] = []
        var at = start
        while at + 80 <= bytes.count {
            let record = String(decoding: bytes[at..<(at + 80)], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            records.append(record)
            if record == "END" { break }
            at += 80
        }
        return records
    }
}
