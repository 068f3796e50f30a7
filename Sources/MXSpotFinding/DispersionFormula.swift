/// The index-of-dispersion tests of DIALS's `local.h`, written as DIALS writes them.
///
/// For a window of m valid pixels with sum x and sum of squares y, the background test asks
/// whether the variance-to-mean ratio exceeds what Poisson noise allows,
/// var/mean > 1 + nσ_b·√(2/(m − 1)), and the strong test whether the pixel stands above the
/// local mean, v > mean + nσ_s·√mean. DIALS multiplies both sides out to avoid divisions:
///
///     a = m·y − x² − x·(m − 1)    c = x·nσ_b·√(2(m − 1))    (background test: a > c)
///     b = m·v − x                 d = nσ_s·√(x·m)           (strong test: b > d)
///
/// and with an explicit gain g: a = m·y − x², c = g·x·(m − 1 + nσ_b·√(2(m − 1))),
/// d = nσ_s·√(g·x·m). The gain-free forms are *not* the gain forms with g = 1 in floating point,
/// which is why `gain` stays optional. Every expression here is evaluated in double precision in
/// DIALS's operation order, so borderline pixels fall on the same side as in DIALS. √(2(m − 1))
/// depends only on the integer m, so it is tabulated once — the table holds exactly the values
/// `sqrt` returns.
struct DispersionFormula: Sendable {
    let sigmaBackground: Double
    let sigmaStrong: Double
    let gain: Double?
    /// √(2(m − 1)) for m = 0 … maxCount (NaN at m = 0, as sqrt(−2) is).
    private let rootTable: [Double]
    /// m − 1 + nσ_b·√(2(m − 1)), the gain form's bracket.
    private let gainBracket: [Double]
    /// An integer a little below nσ_b·√(2(m − 1)), for the exact integer pre-test.
    private let rejectBelow: [Int64]

    init(parameters p: SpotFindingParameters, maxCount: Int) {
        sigmaBackground = p.sigmaBackground
        sigmaStrong = p.sigmaStrong
        gain = p.gain
        let n = max(maxCount, 1)
        rootTable = (0...n).map { (2 * (Double($0) - 1)).squareRoot() }
        gainBracket = (0...n).map { Double($0) - 1 + p.sigmaBackground * (2 * (Double($0) - 1)).squareRoot() }
        rejectBelow = (0...n).map { m in
            let bound = p.sigmaBackground * (2 * (Double(m) - 1)).squareRoot() * (1 - 1e-9)
            return bound.isFinite && bound >= 0 ? Int64(bound.rounded(.down)) : -1
        }
    }

    /// The background (variance) test: true when the window is too dispersed to be background.
    ///
    /// Most pixels are plainly background, and for them the test is settled in integers first:
    /// while y < 2⁴⁴ and 0 ≤ x < 2²⁶ every product in `a` is below 2⁵³, so DIALS's
    /// double-precision `a` equals the exact integer a; and if a ≤ x·⌊nσ_b·√(2(m − 1))·(1 − 10⁻⁹)⌋
    /// it lies below DIALS's rounded `c` by far more than any rounding, so a > c is false in
    /// DIALS too. Only the remaining pixels take the double-precision test.
    @inline(__always)
    func isDispersed(count m: Int64, sum x: Int64, sumSq y: Int64) -> Bool {
        if gain == nil, y < 1 << 44, x >= 0, x < 1 << 26 {
            let q = rejectBelow[Int(m)]
            if q >= 0 && m &* y &- x &* x &- x &* (m &- 1) <= x &* q { return false }
        }
        let md = Double(m), xd = Double(x), yd = Double(y)
        if let g = gain {
            let a = md * yd - xd * xd
            let c = g * xd * gainBracket[Int(m)]
            return a > c
        }
        let a = md * yd - xd * xd - xd * (md - 1)
        let c = xd * sigmaBackground * rootTable[Int(m)]
        return a > c
    }

    /// The classic `dispersion` decision: both tests.
    @inline(__always)
    func isStrong(value v: Int32, count m: Int64, sum x: Int64, sumSq y: Int64) -> Bool {
        guard isDispersed(count: m, sum: x, sumSq: y) else { return false }
        let md = Double(m), xd = Double(x)
        let b = md * Double(v) - xd
        let d: Double
        if let g = gain {
            d = sigmaStrong * (g * xd * md).squareRoot()
        } else {
            d = sigmaStrong * (xd * md).squareRoot()
        }
        return b > d
    }

    /// `dispersion_extended`'s final test against the mean of the surrounding background:
    /// v ≥ mean + nσ_s·√(g·mean), with mean = x/m when m ≥ 2 and 0 otherwise.
    @inline(__always)
    func isAboveBackground(value v: Int32, count m: Int64, sum x: Int64) -> Bool {
        let md = Double(m), xd = Double(x)
        let mean = md >= 2 ? xd / md : 0
        if let g = gain {
            return Double(v) >= mean + sigmaStrong * (g * mean).squareRoot()
        }
        return Double(v) >= mean + sigmaStrong * mean.squareRoot()
    }
}
