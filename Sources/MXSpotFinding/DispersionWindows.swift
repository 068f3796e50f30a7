/// Visits every valid pixel with the sums of its local window — the (2k_x + 1) × (2k_y + 1)
/// box clipped at the image edges, over the pixels DIALS counts (valid and below 2²⁴) — and
/// classifies each row just before it enters the window.
///
/// Both dispersion algorithms start with this pass; they differ only in what they decide at
/// each pixel, which `visit` receives as (row-major index, value, window count, Σv, Σv²).
/// `rowDone` is told, after each row, the row's index.
///
/// This is the hot loop of spot finding (every pixel of every image), so it is fused: for row
/// j one sweep along the row moves each column's sums down by one row (adding row j + k_y,
/// removing row j − k_y − 1, as `ColumnWindow` explains), slides the horizontal sums along,
/// and tests the pixel. Rows beyond the image edges read a row of zeros instead of branching.
struct DispersionWindows {
    let fast: Int
    let slow: Int
    let halfWidth: Int
    let halfHeight: Int

    @inline(__always)
    func scan(pixels: UnsafePointer<Int32>, classifier: RowClassifier, workspace: ThresholdWorkspace,
              visit: (Int, Int32, Int64, Int64, Int64) -> Void, rowDone: (Int) -> Void) {
        let count = workspace.columnCount, sum = workspace.columnSum, sumSq = workspace.columnSumSq
        workspace.clearColumns(fast)
        let bits = UnsafePointer(workspace.bits)
        let zeroBits = workspace.zeroBits, zeroPixels = workspace.zeroPixels
        let kx = halfWidth, ky = halfHeight, w = fast
        // Rows 0 ..< k_y enter the window before row 0's own step adds row k_y.
        var r = 0
        while r < min(ky, slow) {
            classifier.classify(row: r)
            var i = 0
            while i < w {
                let on = Int64(bits[r &* w &+ i] & PixelBits.counted) >> 1
                let v = Int64(pixels[r &* w &+ i]) &* on
                count[i] &+= Int32(truncatingIfNeeded: on)
                sum[i] &+= v
                sumSq[i] &+= v &* v
                i &+= 1
            }
            r &+= 1
        }
        var j = 0
        while j < slow {
            let entering = j &+ ky, leaving = j &- ky &- 1
            if entering < slow { classifier.classify(row: entering) }
            // The rows whose pixels enter and leave each column's sums (zeros beyond the edges).
            let inBits = entering < slow ? bits + entering &* w : zeroBits
            let inPixels = entering < slow ? pixels + entering &* w : zeroPixels
            let outBits = leaving >= 0 ? bits + leaving &* w : zeroBits
            let outPixels = leaving >= 0 ? pixels + leaving &* w : zeroPixels

            @inline(__always) func moveDown(_ c: Int) {
                let onIn = Int64(inBits[c] & PixelBits.counted) >> 1
                let onOut = Int64(outBits[c] & PixelBits.counted) >> 1
                let vIn = Int64(inPixels[c]) &* onIn, vOut = Int64(outPixels[c]) &* onOut
                count[c] &+= Int32(truncatingIfNeeded: onIn &- onOut)
                sum[c] &+= vIn &- vOut
                sumSq[c] &+= vIn &* vIn &- vOut &* vOut
            }

            var m: Int64 = 0, x: Int64 = 0, y: Int64 = 0
            var c = 0
            while c < min(kx, w) {
                moveDown(c)
                m &+= Int64(count[c]); x &+= sum[c]; y &+= sumSq[c]
                c &+= 1
            }
            let base = j &* w
            var i = 0
            while i < w {
                let add = i &+ kx
                if add < w {
                    moveDown(add)
                    m &+= Int64(count[add]); x &+= sum[add]; y &+= sumSq[add]
                }
                let drop = i &- kx &- 1
                if drop >= 0 {
                    m &-= Int64(count[drop]); x &-= sum[drop]; y &-= sumSq[drop]
                }
                if bits[base &+ i] & PixelBits.valid != 0 {
                    visit(base &+ i, pixels[base &+ i], m, x, y)
                }
                i &+= 1
            }
            rowDone(j)
            j &+= 1
        }
    }
}
