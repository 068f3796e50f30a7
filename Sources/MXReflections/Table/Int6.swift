/// Six `Int32`, DIALS's `int6` (`scitbx::af::tiny<int, 6>`).
///
/// Its one use in reflection tables is the shoebox bounding box, so the fields are named for it:
/// half-open pixel ranges x0..<x1 (fast), y0..<y1 (slow) and frame range z0..<z1.
public struct Int6: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var x0: Int32
    public var x1: Int32
    public var y0: Int32
    public var y1: Int32
    public var z0: Int32
    public var z1: Int32

    @inlinable
    public init(_ x0: Int32, _ x1: Int32, _ y0: Int32, _ y1: Int32, _ z0: Int32, _ z1: Int32) {
        self.x0 = x0
        self.x1 = x1
        self.y0 = y0
        self.y1 = y1
        self.z0 = z0
        self.z1 = z1
    }

    /// The six values in storage order.
    public var values: [Int32] { [x0, x1, y0, y1, z0, z1] }

    /// Lexicographic in storage order, as Python compares DIALS's int6 tuples.
    public static func < (a: Int6, b: Int6) -> Bool {
        if a.x0 != b.x0 { return a.x0 < b.x0 }
        if a.x1 != b.x1 { return a.x1 < b.x1 }
        if a.y0 != b.y0 { return a.y0 < b.y0 }
        if a.y1 != b.y1 { return a.y1 < b.y1 }
        if a.z0 != b.z0 { return a.z0 < b.z0 }
        return a.z1 < b.z1
    }

    public var description: String { "(\(x0), \(x1), \(y0), \(y1), \(z0), \(z1))" }
}
