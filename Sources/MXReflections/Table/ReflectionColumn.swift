import MXGeometry

/// One column of a ``ReflectionTable``: a contiguous Swift array of one element type.
///
/// An enum rather than an existential so every operation is a switch over concrete arrays the
/// optimiser can see through, and so the table stays a plain `Sendable` value.
public enum ReflectionColumn: Sendable, Equatable {
    case int([Int32])
    case size([UInt64])
    case double([Double])
    case bool([Bool])
    case vec3([Vec3])
    case int6([Int6])
    case miller([MillerIndex])

    public var type: ReflectionColumnType {
        switch self {
        case .int: return .int
        case .size: return .size
        case .double: return .double
        case .bool: return .bool
        case .vec3: return .vec3
        case .int6: return .int6
        case .miller: return .miller
        }
    }

    public var count: Int {
        switch self {
        case .int(let a): return a.count
        case .size(let a): return a.count
        case .double(let a): return a.count
        case .bool(let a): return a.count
        case .vec3(let a): return a.count
        case .int6(let a): return a.count
        case .miller(let a): return a.count
        }
    }

    /// `count` default (zero) values, which is what DIALS fills new rows with.
    public static func zeros(_ type: ReflectionColumnType, count: Int) -> ReflectionColumn {
        switch type {
        case .int: return .int(Array(repeating: 0, count: count))
        case .size: return .size(Array(repeating: 0, count: count))
        case .double: return .double(Array(repeating: 0, count: count))
        case .bool: return .bool(Array(repeating: false, count: count))
        case .vec3: return .vec3(Array(repeating: .zero, count: count))
        case .int6: return .int6(Array(repeating: Int6(0, 0, 0, 0, 0, 0), count: count))
        case .miller: return .miller(Array(repeating: .zero, count: count))
        }
    }

    /// The rows at `indices`, in that order. Indices must be valid (the table checks them).
    func gathering(_ indices: [Int]) -> ReflectionColumn {
        func g<T>(_ a: [T]) -> [T] { indices.map { a[$0] } }
        switch self {
        case .int(let a): return .int(g(a))
        case .size(let a): return .size(g(a))
        case .double(let a): return .double(g(a))
        case .bool(let a): return .bool(g(a))
        case .vec3(let a): return .vec3(g(a))
        case .int6(let a): return .int6(g(a))
        case .miller(let a): return .miller(g(a))
        }
    }

    /// This column followed by `other`, or nil if the element types differ.
    func appending(_ other: ReflectionColumn) -> ReflectionColumn? {
        switch (self, other) {
        case let (.int(a), .int(b)): return .int(a + b)
        case let (.size(a), .size(b)): return .size(a + b)
        case let (.double(a), .double(b)): return .double(a + b)
        case let (.bool(a), .bool(b)): return .bool(a + b)
        case let (.vec3(a), .vec3(b)): return .vec3(a + b)
        case let (.int6(a), .int6(b)): return .int6(a + b)
        case let (.miller(a), .miller(b)): return .miller(a + b)
        default: return nil
        }
    }
}
