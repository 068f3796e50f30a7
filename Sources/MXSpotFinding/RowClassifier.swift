import MXGeometry

/// Sets the `valid` and `counted` bits of one image row, just before the threshold passes first
/// need it.
///
/// DIALS's summed-area tables count a pixel when it is valid and below `BIG` = 2²⁴ counts
/// ("about 16m counts"), while its tests are made at every valid pixel. Classifying a row on
/// demand, rather than the whole image up front, saves one pass over the pixels.
struct RowClassifier {
    let fast: Int
    let pixels: UnsafePointer<Int32>
    let bits: UnsafeMutablePointer<UInt8>
    let lowest: Int64
    let highest: Int64
    let maskRects: [Panel.MaskRect]

    static let big: Int64 = 1 << 24

    @inline(__always)
    func classify(row: Int) {
        let base = row &* fast
        let lo = lowest, hi = highest
        var i = 0
        while i < fast {
            let v = Int64(pixels[base &+ i])
            let valid = v >= lo && v <= hi
            bits[base &+ i] = valid ? (v < Self.big ? PixelBits.valid | PixelBits.counted : PixelBits.valid) : 0
            i &+= 1
        }
        for r in maskRects where row >= r.slow0 && row < r.slow1 {
            var f = r.fast0
            while f < r.fast1 {
                bits[base &+ f] = 0
                f &+= 1
            }
        }
    }
}
