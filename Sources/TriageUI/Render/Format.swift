/// Number and text formatting for the screen: deterministic (no locale, no `String(format:)`)
/// and cheap enough to run for every cell of every frame.
enum Format {
    /// `x` with exactly `decimals` digits after the point, rounded half away from zero.
    static func fixed(_ x: Double, _ decimals: Int) -> String {
        guard x.isFinite else { return x.isNaN ? "nan" : (x > 0 ? "inf" : "-inf") }
        var scale: Int64 = 1
        for _ in 0..<max(0, decimals) { scale *= 10 }
        let scaled = (abs(x) * Double(scale)).rounded()
        guard scaled < 9.0e15 else { return String(Int64(x.rounded())) }
        let n = Int64(scaled)
        var text = (x < 0 && n != 0 ? "-" : "") + String(n / scale)
        if decimals > 0 {
            let fraction = String(n % scale)
            text += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        return text
    }

    /// `x` to `digits` significant figures, as dials.refine prints RMSDs (1.6408, 0.79118).
    static func significant(_ x: Double, _ digits: Int) -> String {
        guard x.isFinite, x != 0 else { return fixed(x, max(0, digits - 1)) }
        var magnitude = 0
        var a = abs(x)
        while a >= 10 { a /= 10; magnitude += 1 }
        while a < 1 { a *= 10; magnitude -= 1 }
        return fixed(x, max(0, digits - 1 - magnitude))
    }

    /// `x` as C's `%.<digits>g` prints it for ordinary magnitudes: `digits` significant
    /// figures without trailing zeros (0.0981, 1.6408), as dials.refine's tables show RMSDs.
    static func general(_ x: Double, _ digits: Int) -> String {
        var text = significant(x, digits)
        guard text.contains(".") else { return text }
        while text.last == "0" { text.removeLast() }
        if text.last == "." { text.removeLast() }
        return text
    }

    /// A sequence number as the tutorial's directories spell it: 00, 07, 58, 112.
    static func sequence(_ n: Int) -> String { n >= 0 && n < 10 ? "0" + String(n) : String(n) }

    /// Sequence numbers separated by spaces, with "… (+N)" past `limit`.
    static func sequenceList(_ numbers: [Int], limit: Int) -> String {
        let shown = numbers.prefix(limit).map(sequence).joined(separator: " ")
        return numbers.count > limit ? shown + " … (+\(numbers.count - limit))" : shown
    }

    /// Elapsed time as mm:ss, or h:mm:ss from an hour on.
    static func elapsed(_ seconds: Double) -> String {
        let total = max(0, Int(seconds.isFinite ? seconds : 0))
        let (h, m, s) = (total / 3600, total / 60 % 60, total % 60)
        let mmss = two(m) + ":" + two(s)
        return h > 0 ? String(h) + ":" + mmss : mmss
    }

    /// Seconds of a stage: 0.4 s, 12 s, 3:05.
    static func duration(_ seconds: Double) -> String {
        if seconds < 10 { return fixed(seconds, 1) + " s" }
        if seconds < 100 { return fixed(seconds, 0) + " s" }
        return elapsed(seconds)
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0" + String(n) : String(n) }

    /// `text` right-aligned in `width` columns (cut from the left if longer).
    static func right(_ text: String, _ width: Int) -> String {
        let count = text.count
        if count >= width { return String(text.suffix(width)) }
        return String(repeating: " ", count: width - count) + text
    }

    /// `text` left-aligned in `width` columns, cut with "…" if longer.
    static func left(_ text: String, _ width: Int) -> String {
        let cut = truncate(text, width)
        return cut + String(repeating: " ", count: width - cut.count)
    }

    /// `text` cut to `width` columns, ending in "…" when cut.
    static func truncate(_ text: String, _ width: Int) -> String {
        guard width > 0 else { return "" }
        guard text.count > width else { return text }
        return String(text.prefix(width - 1)) + "…"
    }

    /// `text` cut to `width` columns from the left, starting with "…" when cut (for paths).
    static func truncateLeading(_ text: String, _ width: Int) -> String {
        guard width > 0 else { return "" }
        guard text.count > width else { return text }
        return "…" + String(text.suffix(width - 1))
    }

    /// Text from outside (file names, log lines, failure reasons) made safe for a grid of
    /// one-column cells: control characters become spaces, wide or zero-width characters "?".
    static func narrow(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            let scalars = character.unicodeScalars
            let first = scalars.first!.value
            if first < 0x20 || (first >= 0x7F && first < 0xA0) {
                out.append(" ")
            } else if scalars.count > 1 && !scalars.dropFirst().allSatisfy(isCombining) {
                out.append("?")
            } else if isWide(first) || isCombining(scalars.first!) {
                out.append("?")
            } else {
                out.append(character)
            }
        }
        return out
    }

    private static func isCombining(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F: return true
        default: return false
        }
    }

    private static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF,
             0x20000...0x2FFFD, 0x30000...0x3FFFD, 0x200B...0x200F, 0xFEFF:
            return true
        default: return false
        }
    }
}
