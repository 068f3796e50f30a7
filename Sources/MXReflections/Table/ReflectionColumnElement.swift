import MXGeometry

/// A Swift type that is the element type of exactly one ``ReflectionColumnType``.
///
/// This is what makes typed access generic: `table["xyzobs.px.value", as: Vec3.self]` finds the
/// column and unwraps it only if its stored type is `Vec3`; no conversions happen silently.
public protocol ReflectionColumnElement: Sendable {
    static var columnType: ReflectionColumnType { get }
    /// The column's array if it holds this element type.
    static func values(in column: ReflectionColumn) -> [Self]?
    /// Wraps an array as a column.
    static func column(_ values: [Self]) -> ReflectionColumn
    /// A strict weak order used by ``ReflectionTable/sortPermutation(by:descending:)``.
    /// Floating-point NaN sorts after every number so sorting is well defined.
    static func sortsBefore(_ a: Self, _ b: Self) -> Bool
}

@inline(__always)
private func nanLast(_ a: Double, _ b: Double) -> Bool {
    if a.isNaN { return false }
    if b.isNaN { return true }
    return a < b
}

extension Int32: ReflectionColumnElement {
    public static var columnType: ReflectionColumnType { .int }
    public static func values(in c: ReflectionColumn) -> [Int32]? {
        if case .int(let a) = c { return a }
        return nil
    }
    public static func column(_ v: [Int32]) -> ReflectionColumn { .int(v) }
    public static func sortsBefore(_ a: Int32, _ b: Int32) -> Bool { a < b }
}

extension UInt64: ReflectionColumnElement {
    public static var columnType: ReflectionColumnType { .size }
    public static func values(in c: ReflectionColumn) -> [UInt64]? {
        if case .size(let a) = c { return a }
        return nil
    }
    public static func column(_ v: [UInt64]) -> ReflectionColumn { .size(v) }
    public static func sortsBefore(_ a: UInt64, _ b: UInt64) -> Bool { a < b }
}

extension Double: ReflectionColumnElement {
    public static var columnType: ReflectionColumnType { .double }
    public static func values(in c: ReflectionColumn) -> [Double]? {
        if case .double(let a) = c { return a }
        return nil
    }
    public static func column(_ v: [Double]) -> ReflectionColumn { .double(v) }
    public static func sortsBefore(_ a: Double, _ b: Double) -> Bool { nanLast(a, b) }
}

extension Bool: ReflectionColumnElement {
    public static var columnType: ReflectionColumnType { .bool }
    public static func values(in c: ReflectionColumn) -> [Bool]? {
        if case .bool(let a) = c { return a }
        return nil
    }
    public static func column(_ v: [Bool]) -> ReflectionColumn { .bool(v) }
    public static func sortsBefore(_ a: Bool, _ b: Bool) -> Bool { !a && b }
}

extension SIMD3: ReflectionColumnElement where Scalar == Double {
    public static var columnType: ReflectionColumnType { .vec3 }
    public static func values(in c: ReflectionColumn) -> [Vec3]? {
        if case .vec3(let a) = c { return a }
        return nil
    }
    public static func column(_ v: [Vec3]) -> ReflectionColumn { .vec3(v) }
    /// Lexicographic (x, then y, then z), like Python tuple comparison in DIALS's `sort`.
    public static func sortsBefore(_ a: Vec3, _ b: Vec3) -> Bool {
        if nanLast(a.x, b.x) { return true }
        if nanLast(b.x, a.x) { return false }
        if nanLast(a.y, b.y) { return true }
        if nanLast(b.y, a.y) { return false }
        return nanLast(a.z, b.z)
    }
}

extension Int6: ReflectionColumnElement {
    public static var columnType: ReflectionColumnType { .int6 }
    public static func values(in c: ReflectionColumn) -> [Int6]? {
        if case .int6(let a) = c { return a }
        return nil
    }
    public static func column(_ v: [Int6]) -> ReflectionColumn { .int6(v) }
    public static func sortsBefore(_ a: Int6, _ b: Int6) -> Bool { a < b }
}

extension MillerIndex: ReflectionColumnElement {
    public static var columnType: ReflectionColumnType { .miller }
    public static func values(in c: ReflectionColumn) -> [MillerIndex]? {
        if case .miller(let a) = c { return a }
        return nil
    }
    public static func column(_ v: [MillerIndex]) -> ReflectionColumn { .miller(v) }
    public static func sortsBefore(_ a: MillerIndex, _ b: MillerIndex) -> Bool { a < b }
}
