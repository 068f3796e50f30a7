/// The raw counts of one detector panel, row-major (slow index outer), as Int32 — the same
/// values dxtbx's `get_raw_data()` returns. Pilatus marks module gaps −1 and bad pixels −2.
public struct PixelImage: Sendable, Equatable {
    /// Width (fast) and height (slow) in pixels.
    public let fast: Int
    public let slow: Int
    public var pixels: [Int32]

    public init(fast: Int, slow: Int, pixels: [Int32]) {
        precondition(pixels.count == fast * slow, "\(pixels.count) pixels for \(fast)×\(slow)")
        self.fast = fast
        self.slow = slow
        self.pixels = pixels
    }

    @inlinable public subscript(slow s: Int, fast f: Int) -> Int32 { pixels[s * fast + f] }
}
