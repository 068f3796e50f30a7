import MXGeometry

/// The Pilatus layouts the simulator writes: modules of 487 × 195 pixels of 0.172 mm, with gaps
/// of 7 pixels between module columns and 17 between module rows (written as −1).
public enum SimulatedDetector: String, Sendable, CaseIterable {
    /// Pilatus 6M: 5 × 12 modules, 2463 × 2527 pixels, at ≈300 mm as in the TehA tutorial.
    case pilatus6m
    /// 2 × 3 modules (981 × 619 pixels) closer to the sample: the same physics with a tenth of
    /// the pixels, for fast tests.
    case small

    public static let moduleSize = (fast: 487, slow: 195)
    public static let gap = (fast: 7, slow: 17)
    public static let pixelSize = 0.172

    public var modules: (fast: Int, slow: Int) {
        switch self {
        case .pilatus6m: return (5, 12)
        case .small: return (2, 3)
        }
    }

    /// Image size in pixels, fast × slow.
    public var imageSize: (fast: Int, slow: Int) {
        let m = modules
        return (m.fast * Self.moduleSize.fast + (m.fast - 1) * Self.gap.fast,
                m.slow * Self.moduleSize.slow + (m.slow - 1) * Self.gap.slow)
    }

    /// True sample–detector distance (mm).
    public var distance: Double {
        switch self {
        case .pilatus6m: return 300
        case .small: return 190
        }
    }

    /// The detector serial number written to the header, naming the layout.
    public var serial: String {
        switch self {
        case .pilatus6m: return "PILATUS3 6M, S/N 60-0000 (mxtriage simulator)"
        case .small: return "PILATUS 2x3 modules, S/N 00-0000 (mxtriage simulator)"
        }
    }

    /// Whether pixel (fast, slow) lies in a gap between modules.
    public func isGap(fast f: Int, slow s: Int) -> Bool {
        let pf = Self.moduleSize.fast + Self.gap.fast, ps = Self.moduleSize.slow + Self.gap.slow
        return f % pf >= Self.moduleSize.fast || s % ps >= Self.moduleSize.slow
    }
}
