import MXGeometry
import MXReflections

/// DIALS's shoebox mask codes (`mask_code.h`), bit for bit.
struct MaskCode: OptionSet, Sendable {
    let rawValue: UInt8
    static let valid = MaskCode(rawValue: 1 << 0)
    static let background = MaskCode(rawValue: 1 << 1)
    static let foreground = MaskCode(rawValue: 1 << 2)
    static let strong = MaskCode(rawValue: 1 << 3)
    static let backgroundUsed = MaskCode(rawValue: 1 << 4)
    static let overlapped = MaskCode(rawValue: 1 << 5)

    // The combinations the per-pixel loops test, built once: an array literal in those loops
    // went through the standard library's unspecialised generic `SetAlgebra` initialiser for
    // every pixel, most of the integrator's time at full resolution.
    static let validBackground = MaskCode(rawValue: valid.rawValue | background.rawValue)
    static let validBackgroundUsed = MaskCode(rawValue: valid.rawValue | background.rawValue | backgroundUsed.rawValue)
    static let validForeground = MaskCode(rawValue: valid.rawValue | foreground.rawValue)

    /// Every bit of `codes` is set: `isSuperset(of:)` on the raw value, which the per-pixel
    /// loops would otherwise reach through the generic `SetAlgebra` witness.
    @inline(__always) func has(_ codes: MaskCode) -> Bool { rawValue & codes.rawValue == codes.rawValue }
}

/// The pixels of one reflection's bounding box on every frame it spans, and their mask.
/// Arrays are z-major then y then x, as DIALS lays shoeboxes out.
struct Shoebox: Sendable {
    let panel: Int
    let bbox: Int6
    /// Raw counts; `Shoebox.offPanel` where the box hangs over the panel's edge.
    var data: [Int32]
    var mask: [MaskCode]

    static let offPanel = Int32.min

    var nx: Int { Int(bbox.x1 - bbox.x0) }
    var ny: Int { Int(bbox.y1 - bbox.y0) }
    var nz: Int { Int(bbox.z1 - bbox.z0) }

    init(panel: Int, bbox: Int6, data: [Int32]) {
        self.panel = panel
        self.bbox = bbox
        self.data = data
        mask = Array(repeating: [], count: data.count)
    }

    @inline(__always) func index(x: Int, y: Int, z: Int) -> Int { (z * ny + y) * nx + x }
}

/// Which raw pixel values of a panel are usable: strictly inside the trusted range and outside
/// every static mask rectangle (dxtbx 3.11's rule, the one spot finding applies too), and
/// which are overloaded (above the trusted maximum).
struct PixelTrust: Sendable {
    let lowest: Int64
    let highest: Int64
    let upper: Double
    let maskRects: [Panel.MaskRect]

    init(panel: Panel) {
        upper = panel.trustedRange.upper
        (lowest, highest) = panel.trustedIntegerValues
        maskRects = panel.mask
    }

    @inline(__always) func isValid(_ v: Int32, fast: Int, slow: Int) -> Bool {
        guard v != Shoebox.offPanel else { return false }
        let w = Int64(v)
        guard w >= lowest && w <= highest else { return false }
        return !maskRects.contains { $0.contains(fast: fast, slow: slow) }
    }

    @inline(__always) func isOverloaded(_ v: Int32) -> Bool { v != Shoebox.offPanel && Double(v) > upper }
}
