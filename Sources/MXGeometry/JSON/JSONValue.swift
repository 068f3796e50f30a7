/// A JSON document as a value. We write our own rather than use JSONSerialization so that
/// numbers round-trip exactly (shortest representation that parses back to the same Double),
/// object keys keep the order the writer chose, and output bytes are deterministic.
public enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    /// Keys in insertion order; duplicate keys keep the last value on lookup.
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.number(x), .number(y)): return x == y
        case let (.string(x), .string(y)): return x == y
        case let (.array(x), .array(y)): return x == y
        case let (.object(x), .object(y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    public subscript(key: String) -> JSONValue? {
        guard case let .object(members) = self else { return nil }
        return members.last { $0.0 == key }?.1
    }

    public var doubleValue: Double? {
        if case let .number(x) = self { return x }
        return nil
    }

    public var intValue: Int? {
        guard case let .number(x) = self, x == x.rounded(), abs(x) < 9.0e15 else { return nil }
        return Int(x)
    }

    public var stringValue: String? {
        if case let .string(s) = self { return s }
        return nil
    }

    public var boolValue: Bool? {
        if case let .bool(b) = self { return b }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case let .array(a) = self { return a }
        return nil
    }

    public var objectValue: [(String, JSONValue)]? {
        if case let .object(o) = self { return o }
        return nil
    }

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// An array of numbers as doubles, or nil if any element is not a number.
    public var doubleArray: [Double]? {
        guard let a = arrayValue else { return nil }
        let d = a.compactMap(\.doubleValue)
        return d.count == a.count ? d : nil
    }

    public static func numbers(_ xs: [Double]) -> JSONValue { .array(xs.map { .number($0) }) }
    public static func numbers(_ xs: [Int]) -> JSONValue { .array(xs.map { .number(Double($0)) }) }
    public static func vector(_ v: Vec3) -> JSONValue { numbers(v.array) }
}
