/// Per-column sums over the rows of a window centred on one image row.
///
/// DIALS evaluates its local windows from summed-area tables (SATs): four corner look-ups per
/// pixel in tables of the whole image. For a window centred on row j with half-height k the
/// sums cover rows max(0, j − k) … min(H − 1, j + k) — the tables' corner convention clips the
/// window at the image edges. Keeping one running sum per column for those rows, and adding
/// neighbouring columns for the horizontal extent, gives the same window sums with a few small
/// arrays that stay in cache instead of three image-sized tables. On integer counts both are
/// exact (DIALS's double-precision tables are exact while their entries stay below 2⁵³, i.e.
/// for any real detector image; our 64-bit integers are exact for any window of up to 2¹⁵
/// pixels), so the results are identical.
///
/// This form serves `dispersion_extended`'s final test, which needs the count and sum of the
/// background pixels (counted, outside the spot cores) only at the few core pixels: the window
/// jumps from one row with core pixels to the next (`move(to:)`). The first pass, which needs
/// every pixel, is `DispersionWindows`.
struct ColumnWindow {
    let fast: Int
    let slow: Int
    /// Half-height of the window in rows.
    let half: Int
    let pixels: UnsafePointer<Int32>
    let bits: UnsafePointer<UInt8>
    /// A pixel enters the sums when its bits contain `required` and none of `excluded`.
    let required: UInt8
    let excluded: UInt8
    let count: UnsafeMutablePointer<Int32>
    let sum: UnsafeMutablePointer<Int64>
    /// The row the window is centred on; −1 before the first `move`.
    private(set) var centre = -1

    init(workspace: ThresholdWorkspace, pixels: UnsafePointer<Int32>, fast: Int, slow: Int, half: Int,
         required: UInt8, excluded: UInt8) {
        self.fast = fast
        self.slow = slow
        self.half = half
        self.pixels = pixels
        self.bits = UnsafePointer(workspace.bits)
        self.required = required
        self.excluded = excluded
        count = workspace.columnCount
        sum = workspace.columnSum
    }

    /// Centres the window on row `j`: slides it down from the current row when that is
    /// cheaper than refilling it, refills it otherwise. The sums depend only on the rows inside
    /// the window, so either way they are the same.
    @inline(__always)
    mutating func move(to j: Int) {
        if centre >= 0, j > centre, (j &- centre) &* 2 <= 2 &* half &+ 1 {
            var r = centre &+ 1
            while r <= j {
                if r &+ half < slow { accumulate(row: r &+ half, sign: 1) }
                if r &- half &- 1 >= 0 { accumulate(row: r &- half &- 1, sign: -1) }
                r &+= 1
            }
        } else if centre != j {
            count.update(repeating: 0, count: fast)
            sum.update(repeating: 0, count: fast)
            var r = max(0, j &- half)
            while r <= min(slow &- 1, j &+ half) {
                accumulate(row: r, sign: 1)
                r &+= 1
            }
        }
        centre = j
    }

    /// Adds (sign 1) or removes (sign −1) one row's qualifying pixels, branch-free.
    @inline(__always)
    private func accumulate(row: Int, sign: Int64) {
        let base = row &* fast
        let need = required, skip = excluded
        var i = 0
        while i < fast {
            let b = bits[base &+ i]
            let on: Int64 = (b & need) != 0 && (b & skip) == 0 ? sign : 0
            count[i] &+= Int32(truncatingIfNeeded: on)
            sum[i] &+= Int64(pixels[base &+ i]) &* on
            i &+= 1
        }
    }

    /// Window sums for pixel column `i` with half-width `halfWidth`: the columns
    /// max(0, i − w) … min(W − 1, i + w).
    @inline(__always)
    func sums(around i: Int, halfWidth: Int) -> (count: Int64, sum: Int64) {
        let lo = max(0, i &- halfWidth), hi = min(fast &- 1, i &+ halfWidth)
        var m: Int64 = 0, x: Int64 = 0
        var c = lo
        while c <= hi {
            m &+= Int64(count[c])
            x &+= sum[c]
            c &+= 1
        }
        return (m, x)
    }
}
