/// Checked Double → Int conversion for numbers read from files. `Int(x)` traps on NaN, ±∞
/// and anything beyond ±2⁶³, so every count, index or size that arrives as a JSON or header
/// number goes through here and comes back nil (for the reader to word as an error) instead.
public enum WholeNumbers {
    /// `x` as an Int when it is a whole number inside `range`, else nil.
    public static func exact(_ x: Double, in range: ClosedRange<Int>) -> Int? {
        guard let i = Int(exactly: x), range.contains(i) else { return nil }
        return i
    }

    /// Every element converted by `exact(_:in:)`, or nil when any one fails.
    public static func exact(_ xs: [Double], in range: ClosedRange<Int>) -> [Int]? {
        var out: [Int] = []
        out.reserveCapacity(xs.count)
        for x in xs {
            guard let i = exact(x, in: range) else { return nil }
            out.append(i)
        }
        return out
    }

    /// `x` rounded toward −∞ (a pixel or frame index from a position) when the result lies in
    /// `range`, else nil: NaN and out-of-range positions are refused rather than trapping.
    public static func floor(_ x: Double, in range: ClosedRange<Int>) -> Int? {
        guard x.isFinite else { return nil }
        return exact(x.rounded(.down), in: range)
    }
}
