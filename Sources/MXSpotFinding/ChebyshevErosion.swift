/// The erosion step of `dispersion_extended`: a dispersed pixel stays in the spot core only
/// when its Chebyshev (chessboard) distance to the nearest undispersed pixel is at least the
/// erosion distance e = min(k_x, k_y).
///
/// DIALS computes the distance map with a two-pass 8-neighbour chamfer over the whole image,
/// treating the space beyond the edges as infinitely far (`chebyshev_distance` in
/// `filter/distance.h`); that chamfer is exact for the chessboard metric. "Distance ≥ e" is the
/// same as "no undispersed pixel in the (2e − 1)² box around the pixel, clipped at the image
/// edges", which is what is tested here: a row pass marks pixels whose ±(e − 1) run along the
/// row is all dispersed, then each such pixel checks the same column in the e − 1 rows above
/// and below. Only rows that contain dispersed pixels are visited.
struct ChebyshevErosion {
    let fast: Int
    let slow: Int
    /// The erosion distance e; e ≤ 1 keeps every dispersed pixel.
    let distance: Int

    /// Marks the core pixels (`PixelBits.core`) and returns their row-major indices in order.
    func cores(bits: UnsafeMutablePointer<UInt8>, dispersedPerRow: UnsafePointer<Int32>) -> [Int32] {
        let r = max(distance - 1, 0)
        var out: [Int32] = []
        // Row pass: `rowClear` where no undispersed pixel lies within ±r along the row.
        var j = 0
        while j < slow {
            if dispersedPerRow[j] > 0 { markRowClear(row: j, radius: r, bits: bits) }
            j &+= 1
        }
        // Column check, only where every row within ±r (inside the image) has dispersed pixels.
        j = 0
        while j < slow {
            defer { j &+= 1 }
            let lo = max(0, j &- r), hi = min(slow &- 1, j &+ r)
            var possible = true
            var row = lo
            while row <= hi {
                if dispersedPerRow[row] == 0 { possible = false; break }
                row &+= 1
            }
            guard possible else { continue }
            let base = j &* fast
            var i = 0
            while i < fast {
                defer { i &+= 1 }
                guard bits[base &+ i] & PixelBits.rowClear != 0 else { continue }
                var clear = true
                var row = lo
                while row <= hi {
                    if bits[row &* fast &+ i] & PixelBits.rowClear == 0 { clear = false; break }
                    row &+= 1
                }
                if clear {
                    bits[base &+ i] |= PixelBits.core
                    out.append(Int32(truncatingIfNeeded: base &+ i))
                }
            }
        }
        return out
    }

    /// Sets `rowClear` on the pixels of row `j` with no undispersed pixel within ±radius.
    private func markRowClear(row j: Int, radius: Int, bits: UnsafeMutablePointer<UInt8>) {
        let base = j &* fast
        // Distance back to the last undispersed pixel, capped (the image edge counts as far).
        var sinceUndispersed = radius &+ 1
        // First the distance on the left, stored temporarily as `rowClear` on pixels that are
        // far enough from any undispersed pixel on their left; then a right-to-left pass clears
        // those too close on their right.
        var i = 0
        while i < fast {
            let b = bits[base &+ i]
            if b & PixelBits.dispersed == 0 {
                sinceUndispersed = 0
            } else {
                sinceUndispersed = min(sinceUndispersed &+ 1, radius &+ 1)
                if sinceUndispersed > radius { bits[base &+ i] = b | PixelBits.rowClear }
            }
            i &+= 1
        }
        var untilUndispersed = radius &+ 1
        i = fast &- 1
        while i >= 0 {
            let b = bits[base &+ i]
            if b & PixelBits.dispersed == 0 {
                untilUndispersed = 0
            } else {
                untilUndispersed = min(untilUndispersed &+ 1, radius &+ 1)
                if untilUndispersed <= radius { bits[base &+ i] = b & ~PixelBits.rowClear }
            }
            i &-= 1
        }
    }
}
