import MXGeometry

/// The dead rows and columns between detector modules, which dxtbx puts in each panel's static
/// mask (`FormatPilatusHelpers.determine_pilatus_mask` / `determine_eiger_mask`).
///
/// dxtbx lists each gap as a 1-based inclusive rectangle (f0, f1, s0, s1) and stores it with
/// `add_mask(f0 − 1, s0 − 1, f1, s1)`, which is the half-open rectangle kept here.
enum ModuleGapMask {
    struct Layout {
        let moduleFast, moduleSlow, gapFast, gapSlow: Int
        let modulesAcross: [Int]
        var widths: [Int] { modulesAcross.map { moduleFast * $0 + gapFast * ($0 - 1) } }
    }

    /// dxtbx's `_DetectorDatabase`, in its order (the lookup takes the first match).
    static let pilatus = Layout(moduleFast: 487, moduleSlow: 195, gapFast: 7, gapSlow: 17, modulesAcross: [1, 3, 5])
    static let eigerX = Layout(moduleFast: 1030, moduleSlow: 514, gapFast: 10, gapSlow: 37, modulesAcross: [1, 2, 3, 4])
    static let eiger2X = Layout(moduleFast: 1028, moduleSlow: 512, gapFast: 12, gapSlow: 38, modulesAcross: [1, 2, 3, 4])

    /// Gaps of a Pilatus of the given size; fails (as dxtbx's assertion does) when the size is
    /// not a whole number of Pilatus modules with their gaps.
    static func pilatus(fast: Int, slow: Int) throws(CBFProblem) -> [Panel.MaskRect] {
        guard let rects = gaps(pilatus, fast: fast, slow: slow) else {
            throw CBFProblem("image size \(fast)×\(slow) is not a Pilatus module layout (487×195 modules, gaps 7 and 17)")
        }
        return rects
    }

    /// Gaps of an Eiger (either generation) of the given size, found as dxtbx finds the layout:
    /// the first database entry one of whose widths is the fast size, else the same with the
    /// size transposed (and the transposed size then used for the gaps, as dxtbx does).
    static func eiger(fast: Int, slow: Int) throws(CBFProblem) -> [Panel.MaskRect] {
        let database = [pilatus, eigerX, eiger2X]
        var size = (fast, slow)
        var layout = database.first { $0.widths.contains(size.0) }
        if layout == nil {
            size = (slow, fast)
            layout = database.first { $0.widths.contains(size.0) }
        }
        guard let layout, let rects = gaps(layout, fast: size.0, slow: size.1) else {
            throw CBFProblem("image size \(fast)×\(slow) is not a known Eiger module layout")
        }
        return rects
    }

    private static func gaps(_ d: Layout, fast: Int, slow: Int) -> [Panel.MaskRect]? {
        let nFast = fast / d.moduleFast, nSlow = slow / d.moduleSlow
        guard nFast >= 1, nSlow >= 1, (nFast - 1) * d.gapFast == fast % d.moduleFast,
              (nSlow - 1) * d.gapSlow == slow % d.moduleSlow else { return nil }
        var rects: [Panel.MaskRect] = []
        for i in 0..<(nFast - 1) {
            let f0 = (i + 1) * d.moduleFast + i * d.gapFast + 1
            rects.append(.init(fast0: f0 - 1, slow0: 0, fast1: f0 - 1 + d.gapFast, slow1: slow))
        }
        for i in 0..<(nSlow - 1) {
            let s0 = (i + 1) * d.moduleSlow + i * d.gapSlow + 1
            rects.append(.init(fast0: 0, slow0: s0 - 1, fast1: fast, slow1: s0 - 1 + d.gapSlow))
        }
        return rects
    }
}
