/// A Miller index (h, k, l), stored as three `Int32` exactly like `cctbx::miller::index<>`.
///
/// Comparable lexicographically (h, then k, then l) so reflection tables can be sorted by it,
/// as DIALS's Python `sort` does with tuples.
public struct MillerIndex: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var h: Int32
    public var k: Int32
    public var l: Int32

    @inlinable public init(_ h: Int32, _ k: Int32, _ l: Int32) {
        self.h = h
        self.k = k
        self.l = l
    }

    /// (0, 0, 0): DIALS's marker for "not indexed".
    public static let zero = MillerIndex(0, 0, 0)

    @inlinable public var isZero: Bool { h == 0 && k == 0 && l == 0 }

    public static func < (a: MillerIndex, b: MillerIndex) -> Bool {
        (a.h, a.k, a.l) < (b.h, b.k, b.l)
    }

    public var description: String { "(\(h), \(k), \(l))" }
}
