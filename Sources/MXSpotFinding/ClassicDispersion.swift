/// DIALS's classic `dispersion` threshold (`DispersionThreshold` in `local.h`): one pass in
/// which a valid pixel is strong when its window holds at least `min_local` counted pixels with
/// a non-negative sum, the pixel exceeds the global threshold, and both the background
/// (variance) and strong (count) tests pass.
struct ClassicDispersion {
    let formula: DispersionFormula
    let minLocal: Int64
    let globalThreshold: Double
    let windows: DispersionWindows

    func run(pixels: UnsafePointer<Int32>, classifier: RowClassifier, workspace: ThresholdWorkspace,
             into strong: inout [Int32]) {
        let formula = self.formula, minLocal = self.minLocal, threshold = globalThreshold
        windows.scan(pixels: pixels, classifier: classifier, workspace: workspace, visit: { k, v, m, x, y in
            if m >= minLocal && x >= 0 && Double(v) > threshold
                && formula.isStrong(value: v, count: m, sum: x, sumSq: y) {
                strong.append(Int32(truncatingIfNeeded: k))
            }
        }, rowDone: { _ in })
    }
}
