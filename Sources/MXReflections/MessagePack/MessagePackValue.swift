/// One MessagePack value, as a tree.
///
/// The `.refl` codec does not build trees for column data (it reads binary blobs in place with
/// ``MessagePackReader``), but a tree is the easiest way to test the encoder and decoder and to
/// inspect small documents. Only the subset DIALS writes is modelled: no extension types.
public enum MessagePackValue: Sendable {
    case `nil`
    case bool(Bool)
    /// A signed integer. The decoder produces this only for negative numbers.
    case int(Int64)
    /// An unsigned integer. The decoder produces this for every non-negative number,
    /// whatever width it was written with (msgpack-c writes non-negative ints unsigned).
    case uint(UInt64)
    case float(Float)
    case double(Double)
    case string(String)
    case binary([UInt8])
    case array([MessagePackValue])
    /// Key/value pairs in file order. MessagePack maps are ordered on the wire, and keeping the
    /// order is what makes encoding deterministic.
    case map([MessagePackPair])
}

/// One key/value entry of a ``MessagePackValue/map(_:)``.
public struct MessagePackPair: Sendable, Equatable {
    public var key: MessagePackValue
    public var value: MessagePackValue

    public init(_ key: MessagePackValue, _ value: MessagePackValue) {
        self.key = key
        self.value = value
    }
}

extension MessagePackValue: Equatable {
    /// Structural equality, except that integers compare by numeric value: `.int(5)` equals
    /// `.uint(5)`, because the wire format does not preserve the Swift case for non-negative
    /// numbers. Floats compare as IEEE values (so NaN ≠ NaN), and `.float` never equals `.double`.
    public static func == (a: MessagePackValue, b: MessagePackValue) -> Bool {
        switch (a, b) {
        case (.nil, .nil): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.int(x), .int(y)): return x == y
        case let (.uint(x), .uint(y)): return x == y
        case let (.int(x), .uint(y)), let (.uint(y), .int(x)): return x >= 0 && UInt64(x) == y
        case let (.float(x), .float(y)): return x == y
        case let (.double(x), .double(y)): return x == y
        case let (.string(x), .string(y)): return x == y
        case let (.binary(x), .binary(y)): return x == y
        case let (.array(x), .array(y)): return x == y
        case let (.map(x), .map(y)): return x == y
        default: return false
        }
    }
}

extension MessagePackValue {
    /// The value as a signed integer, if it is an integer that fits.
    public var int64Value: Int64? {
        switch self {
        case .int(let v): return v
        case .uint(let v): return v <= UInt64(Int64.max) ? Int64(v) : nil
        default: return nil
        }
    }

    /// The value as an unsigned integer, if it is a non-negative integer.
    public var uint64Value: UInt64? {
        switch self {
        case .int(let v): return v >= 0 ? UInt64(v) : nil
        case .uint(let v): return v
        default: return nil
        }
    }

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public var arrayValue: [MessagePackValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    public var mapValue: [MessagePackPair]? {
        if case .map(let m) = self { return m }
        return nil
    }

    /// The first value stored under a string key of a map.
    public subscript(key: String) -> MessagePackValue? {
        mapValue?.first(where: { $0.key == .string(key) })?.value
    }
}
