/// DIALS's default `dispersion_extended` threshold (`DispersionExtendedThreshold` in
/// `local.h`), in three steps:
///
/// 1. the background (variance) test alone on the (2k + 1)² window marks pixels as *dispersed*
///    — too variable to be background (masked pixels, and windows with fewer than `min_local`
///    counted pixels or a negative sum, are not dispersed);
/// 2. the dispersed region is eroded (`ChebyshevErosion`): only pixels with no undispersed
///    pixel within the erosion distance survive as the spot *core*;
/// 3. every valid pixel outside the core is background; a core pixel is strong when it exceeds
///    the global threshold and v ≥ mean + nσ_s·√(g·mean), where mean is the background mean
///    over the wider (2k + 5)² window.
///
/// Steps 2 and 3 only look at the few dispersed pixels, so after step 1 the work is
/// proportional to the spots, not the image.
struct ExtendedDispersion {
    let formula: DispersionFormula
    let minLocal: Int64
    let globalThreshold: Double
    let windows: DispersionWindows
    /// DIALS's erosion distance, min(k_x, k_y).
    let erosionDistance: Int

    func run(pixels: UnsafePointer<Int32>, classifier: RowClassifier, workspace: ThresholdWorkspace,
             into strong: inout [Int32]) {
        let fast = windows.fast, slow = windows.slow
        let bits = workspace.bits, rowCount = workspace.rowCount
        let formula = self.formula, minLocal = self.minLocal
        var dispersedInRow: Int32 = 0
        windows.scan(pixels: pixels, classifier: classifier, workspace: workspace, visit: { k, _, m, x, y in
            if m >= minLocal && x >= 0 && formula.isDispersed(count: m, sum: x, sumSq: y) {
                bits[k] |= PixelBits.dispersed
                dispersedInRow &+= 1
            }
        }, rowDone: { j in
            rowCount[j] = dispersedInRow
            dispersedInRow = 0
        })

        let erosion = ChebyshevErosion(fast: fast, slow: slow, distance: erosionDistance)
        let cores = erosion.cores(bits: bits, dispersedPerRow: UnsafePointer(rowCount))
        guard !cores.isEmpty else { return }

        // Background: valid (and counted) pixels outside the core.
        var window = ColumnWindow(workspace: workspace, pixels: pixels, fast: fast, slow: slow,
                                  half: windows.halfHeight + 2, required: PixelBits.counted,
                                  excluded: PixelBits.core)
        let halfWidth = windows.halfWidth + 2
        for k32 in cores {
            let k = Int(k32)
            let j = k / fast
            let v = pixels[k]
            guard Double(v) > globalThreshold else { continue }
            window.move(to: j)
            let (m, x) = window.sums(around: k &- j &* fast, halfWidth: halfWidth)
            if m >= 0 && x >= 0 && formula.isAboveBackground(value: v, count: m, sum: x) {
                strong.append(k32)
            }
        }
    }
}
