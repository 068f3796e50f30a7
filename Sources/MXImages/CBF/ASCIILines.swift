/// Bytes → text lines the way dxtbx reads CBF headers: `decode("ascii", "ignore")` (bytes
/// above 0x7F dropped) then `split("\n")`. The trailing CR of CRLF lines is removed here, because
/// Swift treats "\r\n" as one Character and every later use (whitespace splitting, `$` in
/// dxtbx's regular expressions) ignores it anyway.
enum ASCIILines {
    static func split(_ bytes: UnsafeRawBufferPointer) -> [String] {
        var lines: [String] = []
        var current: [UInt8] = []
        current.reserveCapacity(128)
        func flush() {
            if current.last == 0x0D { current.removeLast() }
            lines.append(String(decoding: current, as: UTF8.self))
            current.removeAll(keepingCapacity: true)
        }
        for byte in bytes {
            if byte == 0x0A {
                flush()
            } else if byte < 0x80 {
                current.append(byte)
            }
        }
        flush()
        return lines
    }
}

extension StringProtocol {
    /// Python's `str.split()`: runs of whitespace separate, no empty fields.
    var pythonSplit: [String] {
        self.split(omittingEmptySubsequences: true, whereSeparator: { (c: Character) in c.isASCIIWhitespace }).map { String($0) }
    }
}
