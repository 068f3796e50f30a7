/// A filename template in dxtbx's sense: the path with the image number replaced by '#'s
/// (`/data/xtal12_1_00001.cbf` → `/data/xtal12_1_#####.cbf`, index 1).
public struct FilenameTemplate: Hashable, Sendable, CustomStringConvertible {
    /// The text before and after the run of '#'.
    public var prefix: String
    public var suffix: String
    /// Number of digits in the image number.
    public var digits: Int

    public var description: String { prefix + String(repeating: "#", count: digits) + suffix }

    /// The file name of image `index`, zero-padded to `digits`.
    public func path(forIndex index: Int) -> String {
        let n = String(index)
        return prefix + String(repeating: "0", count: max(0, digits - n.count)) + n + suffix
    }

    /// Parses a template string containing one run of '#'.
    public init?(_ template: String) {
        guard let first = template.firstIndex(of: "#"), let last = template.lastIndex(of: "#") else { return nil }
        let run = template[first...last]
        guard run.allSatisfy({ $0 == "#" }) else { return nil }
        prefix = String(template[..<first])
        suffix = String(template[template.index(after: last)...])
        digits = run.count
    }

    init(prefix: String, digits: Int, suffix: String) {
        self.prefix = prefix
        self.digits = digits
        self.suffix = suffix
    }

    /// The template and image index of a file name, by dxtbx's rules (`template_regex`): the
    /// image number is the last run of digits that stands, in order of preference,
    /// 1. at the very end after a '.' (`img.0815`),
    /// 2. between '.'s before a purely alphabetic extension (`img.0815.cbf`),
    /// 3. between '_' and the nearest '.' that a digit run follows (`xtal_1_0001.cbf.bz2`),
    /// 4. right before a '.' (`image-00001.cbf`),
    /// 5. at the very end (`img0815`).
    /// Returns nil for a name with no digits where these rules look.
    public static func parse(_ path: String) -> (template: FilenameTemplate, index: Int)? {
        let c = Array(path.utf8)
        let n = c.count
        func isDigit(_ i: Int) -> Bool { i >= 0 && i < n && c[i] >= 0x30 && c[i] <= 0x39 }
        func isDot(_ i: Int) -> Bool { i >= 0 && i < n && c[i] == 0x2E }
        /// The digit run ending at (and including) position `end`, as (start, end+1).
        func digitRun(endingAt end: Int) -> Range<Int>? {
            guard isDigit(end) else { return nil }
            var s = end
            while isDigit(s - 1) { s -= 1 }
            return s..<(end + 1)
        }
        func result(_ run: Range<Int>) -> (FilenameTemplate, Int)? {
            let digits = String(decoding: c[run], as: UTF8.self)
            guard let index = Int(digits) else { return nil }
            let t = FilenameTemplate(prefix: String(decoding: c[..<run.lowerBound], as: UTF8.self),
                                     digits: run.count,
                                     suffix: String(decoding: c[run.upperBound...], as: UTF8.self))
            return (t, index)
        }
        // 1. "<prefix>.<digits>" at the end.
        if let run = digitRun(endingAt: n - 1), isDot(run.lowerBound - 1) { return result(run) }
        // 2. "<prefix>.<digits>.<letters or ->" at the end.
        var j = n - 1
        while j >= 0, (c[j] >= 0x41 && c[j] <= 0x5A) || (c[j] >= 0x61 && c[j] <= 0x7A) || c[j] == 0x2D { j -= 1 }
        if j < n - 1, isDot(j), let run = digitRun(endingAt: j - 1), isDot(run.lowerBound - 1) { return result(run) }
        // 3. and 4.: scanning '.'s from the end, the first with a digit run before it that is
        // preceded by '_' (rule 3), else the first with any digit run before it (rule 4).
        var dots: [Int] = []
        for i in stride(from: n - 1, through: 0, by: -1) where c[i] == 0x2E { dots.append(i) }
        for d in dots {
            if let run = digitRun(endingAt: d - 1), run.lowerBound > 0, c[run.lowerBound - 1] == 0x5F { return result(run) }
        }
        for d in dots {
            if let run = digitRun(endingAt: d - 1) { return result(run) }
        }
        // 5. digits at the very end.
        if let run = digitRun(endingAt: n - 1) { return result(run) }
        return nil
    }
}
