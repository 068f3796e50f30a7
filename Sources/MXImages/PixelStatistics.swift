import MXGeometry

/// Counts over one panel's raw pixels, for `mxtriage show --image`: which pixels a DIALS
/// program may use and what they hold.
///
/// A pixel is *valid* when it is outside the panel's static mask (module gaps, dead modules)
/// and its value lies strictly inside the trusted range, lower < v < upper, as dxtbx 3.11's
/// `get_mask` decides (with Pilatus's (−1, Count_cutoff) that rejects the −1 gaps, the −2 bad
/// pixels and overloads; on the I23 12M, whose row panels carry −1 gaps without a static mask,
/// the strict rule is what excludes them).
public struct PixelStatistics: Sendable, Equatable {
    public struct Position: Sendable, Equatable {
        public var slow: Int
        public var fast: Int
    }

    public var pixelCount = 0
    public var validCount = 0
    public var validSum: Int64 = 0
    /// The largest valid value and where it first occurs (row-major), nil when none is valid.
    public var validMax: Int32?
    public var validMaxAt: Position?
    /// Pixels inside static mask rectangles.
    public var maskedCount = 0
    /// Pixels above the trusted maximum (counted whether masked or not).
    public var overloadedCount = 0
    /// Pilatus marks module gaps −1 and bad pixels −2.
    public var minusOneCount = 0
    public var minusTwoCount = 0

    public init(image: PixelImage, panel: Panel) {
        precondition(image.fast == panel.imageSize.fast && image.slow == panel.imageSize.slow,
                     "image \(image.fast)×\(image.slow) does not match panel \(panel.imageSize)")
        pixelCount = image.pixels.count
        // Integer bounds equivalent to lo < v < hi for Int32 v (a NaN bound trusts nothing).
        func bound(_ x: Double) -> Int64 { x.isNaN ? 0 : Int64(min(max(x, -9e18), 9e18)) }
        let (lo, hi) = panel.trustedRange
        let lower = lo.isNaN || hi.isNaN ? 1 : bound(lo.rounded(.down)) + 1
        let upper = lo.isNaN || hi.isNaN ? 0 : bound(hi.rounded(.up)) - 1
        let overloadAbove = bound(hi)
        var rowMask = [Bool](repeating: false, count: image.fast)
        var maxValue = Int64.min
        var maxIndex = -1
        image.pixels.withUnsafeBufferPointer { px in
            for s in 0..<image.slow {
                let rects = panel.mask.filter { s >= $0.slow0 && s < $0.slow1 }
                if !rects.isEmpty {
                    for i in rowMask.indices { rowMask[i] = false }
                    for r in rects {
                        let (lo, hi) = (max(r.fast0, 0), min(r.fast1, image.fast))
                        if lo < hi { for f in lo..<hi { rowMask[f] = true } }
                    }
                }
                let rowStart = s * image.fast
                let masked = !rects.isEmpty
                // `while`, not `for … in`: unoptimised builds (tests) do not specialise ranges.
                var f = 0
                while f < image.fast {
                    defer { f &+= 1 }
                    let v = Int64(px[rowStart &+ f])
                    if v == -1 { minusOneCount &+= 1 } else if v == -2 { minusTwoCount &+= 1 }
                    if v > overloadAbove { overloadedCount &+= 1 }
                    if masked && rowMask[f] {
                        maskedCount &+= 1
                        continue
                    }
                    guard v >= lower && v <= upper else { continue }
                    validCount &+= 1
                    validSum &+= v
                    if v > maxValue {
                        maxValue = v
                        maxIndex = rowStart &+ f
                    }
                }
            }
        }
        if maxIndex >= 0 {
            validMax = Int32(maxValue)
            validMaxAt = Position(slow: maxIndex / image.fast, fast: maxIndex % image.fast)
        }
    }
}
