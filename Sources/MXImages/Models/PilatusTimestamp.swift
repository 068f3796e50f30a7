/// The Pilatus header's date line → seconds since 1970 UTC, as dxtbx's
/// `get_pilatus_timestamp` computes it: the part before a `.` is matched against
/// `%Y-%b-%dT%H:%M:%S`, `%Y-%m-%dT%H:%M:%S` and `%Y/%b/%d %H:%M:%S` (month names
/// case-insensitive), read as UTC, and `float("0." + fraction)` is added — so
/// "2007/Oct/22 15:32:16.289" gives 1193067136 + 0.289 in exactly dxtbx's arithmetic.
enum PilatusTimestamp {
    static func epoch(_ text: String) throws(CBFProblem) -> Double {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { throw CBFProblem("timestamp \"\(text)\" not recognised") }
        let fraction = parts.count == 2 ? String(parts[1]) : "000"
        guard let seconds = parse(Array(parts[0].utf8)), let frac = Double("0." + fraction) else {
            throw CBFProblem("timestamp \"\(text)\" not recognised")
        }
        return Double(seconds) + frac
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// Whole seconds since the epoch, or nil unless the text matches one of the three forms.
    private static func parse(_ c: [UInt8]) -> Int? {
        var i = 0
        func digits(max: Int) -> Int? {
            var n = 0, count = 0
            while i < c.count, count < max, (0x30...0x39).contains(c[i]) {
                n = n * 10 + Int(c[i] - 0x30)
                i += 1
                count += 1
            }
            return count > 0 ? n : nil
        }
        func literal(_ ch: UInt8) -> Bool {
            guard i < c.count, c[i] == ch else { return false }
            i += 1
            return true
        }
        func monthName() -> Int? {
            guard i + 3 <= c.count else { return nil }
            let name = String(decoding: c[i..<(i + 3)], as: UTF8.self).lowercased()
            guard let m = months.firstIndex(of: name) else { return nil }
            i += 3
            return m + 1
        }
        guard c.count >= 4, c[0..<4].allSatisfy({ (0x30...0x39).contains($0) }), let year = digits(max: 4) else { return nil }
        let slashForm = i < c.count && c[i] == UInt8(ascii: "/")
        guard literal(slashForm ? UInt8(ascii: "/") : UInt8(ascii: "-")) else { return nil }
        let start = i
        var month = monthName()
        if month == nil && !slashForm {
            i = start
            month = digits(max: 2)
        }
        guard let month, (1...12).contains(month), literal(slashForm ? UInt8(ascii: "/") : UInt8(ascii: "-")),
              let day = digits(max: 2) else { return nil }
        if slashForm {
            // `%d %H` in a strptime format: the space matches one or more whitespace characters.
            var spaces = 0
            while i < c.count, c[i] == 0x20 || c[i] == 0x09 { i += 1; spaces += 1 }
            guard spaces > 0 else { return nil }
        } else {
            guard literal(UInt8(ascii: "T")) else { return nil }
        }
        guard let hour = digits(max: 2), literal(UInt8(ascii: ":")), let minute = digits(max: 2),
              literal(UInt8(ascii: ":")), let second = digits(max: 2), i == c.count,
              hour < 24, minute < 60, second <= 61, day >= 1, day <= daysIn(month: month, year: year) else {
            return nil
        }
        return daysFromCivil(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days from 1970-01-01 to the given proleptic Gregorian date (H. Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
