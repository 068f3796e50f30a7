/// Scratch memory for thresholding one panel image after another.
///
/// A full Pilatus 6M image is 6.2 Mpixel; allocating its per-pixel state afresh for every
/// image would cost more than the arithmetic. One workspace per worker thread is reused for
/// every image that worker handles, growing only when a larger panel arrives. It is a class
/// holding raw buffers so the passes can address them without copy-on-write or exclusivity
/// checks; it is deliberately not `Sendable` — a workspace belongs to one thread.
public final class ThresholdWorkspace {
    /// Per-pixel bit set (see `PixelBits`).
    private(set) var bits: UnsafeMutablePointer<UInt8>
    /// Per-column running sums over the rows of the current window: valid-pixel count, Σv, Σv².
    private(set) var columnCount: UnsafeMutablePointer<Int32>
    private(set) var columnSum: UnsafeMutablePointer<Int64>
    private(set) var columnSumSq: UnsafeMutablePointer<Int64>
    /// Per-row counts of pixels carrying a bit, to skip rows with nothing to do.
    private(set) var rowCount: UnsafeMutablePointer<Int32>
    /// A row of zero bits and zero pixels: what the rows beyond the image edges contribute.
    private(set) var zeroBits: UnsafePointer<UInt8>
    private(set) var zeroPixels: UnsafePointer<Int32>
    private var pixelCapacity = 0
    private var widthCapacity = 0
    private var heightCapacity = 0

    public init() {
        bits = .allocate(capacity: 1)
        columnCount = .allocate(capacity: 1)
        columnSum = .allocate(capacity: 1)
        columnSumSq = .allocate(capacity: 1)
        rowCount = .allocate(capacity: 1)
        zeroBits = Self.zeros(1)
        zeroPixels = Self.zeros(1)
    }

    private static func zeros<T: FixedWidthInteger>(_ n: Int) -> UnsafePointer<T> {
        let p = UnsafeMutablePointer<T>.allocate(capacity: n)
        p.initialize(repeating: 0, count: n)
        return UnsafePointer(p)
    }

    deinit {
        bits.deallocate()
        columnCount.deallocate()
        columnSum.deallocate()
        columnSumSq.deallocate()
        rowCount.deallocate()
        zeroBits.deallocate()
        zeroPixels.deallocate()
    }

    /// Makes room for a `fast` × `slow` panel.
    func reserve(fast: Int, slow: Int) {
        if fast * slow > pixelCapacity {
            bits.deallocate()
            pixelCapacity = fast * slow
            bits = .allocate(capacity: pixelCapacity)
        }
        if fast > widthCapacity {
            columnCount.deallocate()
            columnSum.deallocate()
            columnSumSq.deallocate()
            zeroBits.deallocate()
            zeroPixels.deallocate()
            widthCapacity = fast
            columnCount = .allocate(capacity: fast)
            columnSum = .allocate(capacity: fast)
            columnSumSq = .allocate(capacity: fast)
            zeroBits = Self.zeros(fast)
            zeroPixels = Self.zeros(fast)
        }
        if slow > heightCapacity {
            rowCount.deallocate()
            heightCapacity = slow
            rowCount = .allocate(capacity: slow)
        }
    }

    /// Zeroes the column sums of the first `fast` columns.
    func clearColumns(_ fast: Int) {
        columnCount.update(repeating: 0, count: fast)
        columnSum.update(repeating: 0, count: fast)
        columnSumSq.update(repeating: 0, count: fast)
    }
}

/// The meaning of each bit in `ThresholdWorkspace.bits`.
enum PixelBits {
    /// Valid: outside the static mask and inside the trusted range.
    static let valid: UInt8 = 1
    /// Counted in window sums: valid and below 2²⁴ counts (DIALS's `BIG`).
    static let counted: UInt8 = 2
    /// Above the dispersion (variance) threshold: not background.
    static let dispersed: UInt8 = 4
    /// Every pixel within the erosion radius along the row is `dispersed`.
    static let rowClear: UInt8 = 8
    /// Survives erosion: `dispersed` with no background pixel within the erosion radius.
    static let core: UInt8 = 16
}
