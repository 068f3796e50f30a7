extension Panel {
    /// The trusted range as integer bounds on raw pixel values: dxtbx 3.11 trusts v with
    /// lower < v < upper (strictly), which for integers is ⌊lower⌋ + 1 ≤ v ≤ ⌈upper⌉ − 1.
    /// `lowest > highest` when nothing can be trusted (a NaN bound).
    public var trustedIntegerValues: (lowest: Int64, highest: Int64) {
        let (lo, hi) = trustedRange
        guard !lo.isNaN, !hi.isNaN else { return (1, 0) }
        func clamp(_ x: Double) -> Int64 { Int64(min(max(x, -9e18), 9e18)) }
        return (clamp(lo.rounded(.down)) + 1, clamp(hi.rounded(.up)) - 1)
    }
}
