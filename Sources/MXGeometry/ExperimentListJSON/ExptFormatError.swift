/// Why an `.expt` document could not be read, in words a user can act on.
public struct ExptFormatError: Error, CustomStringConvertible, Sendable {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}

/// Typed field access on a JSON object with errors naming the model and field.
struct FieldReader {
    let object: JSONValue
    let context: String

    init(_ object: JSONValue, context: String) throws(ExptFormatError) {
        guard object.objectValue != nil else { throw ExptFormatError("\(context) is not a JSON object") }
        self.object = object
        self.context = context
    }

    func has(_ key: String) -> Bool {
        guard let v = object[key] else { return false }
        return !v.isNull
    }

    func value(_ key: String) throws(ExptFormatError) -> JSONValue {
        guard let v = object[key], !v.isNull else { throw ExptFormatError("\(context): missing \"\(key)\"") }
        return v
    }

    /// A finite number: NaN and ±Infinity (which Python's JSON writes) never reach a model.
    func double(_ key: String) throws(ExptFormatError) -> Double {
        guard let x = try value(key).doubleValue else { throw ExptFormatError("\(context): \"\(key)\" is not a number") }
        guard x.isFinite else { throw ExptFormatError("\(context): \"\(key)\" is \(x), not a finite number") }
        return x
    }

    func double(_ key: String, default d: Double) throws(ExptFormatError) -> Double {
        has(key) ? try double(key) : d
    }

    func int(_ key: String) throws(ExptFormatError) -> Int {
        guard let x = try value(key).intValue else { throw ExptFormatError("\(context): \"\(key)\" is not an integer") }
        return x
    }

    func string(_ key: String, default d: String = "") throws(ExptFormatError) -> String {
        guard has(key) else { return d }
        guard let s = try value(key).stringValue else { throw ExptFormatError("\(context): \"\(key)\" is not a string") }
        return s
    }

    func doubles(_ key: String, count: Int? = nil) throws(ExptFormatError) -> [Double] {
        guard let xs = try value(key).doubleArray, count == nil || xs.count == count else {
            throw ExptFormatError("\(context): \"\(key)\" is not an array of \(count.map(String.init) ?? "") numbers")
        }
        guard xs.allSatisfy(\.isFinite) else {
            throw ExptFormatError("\(context): \"\(key)\" \(xs.prefix(9)) holds a value that is not a finite number")
        }
        return xs
    }

    /// Whole numbers in `range` (image sizes, image ranges, offsets): the checked Double → Int
    /// conversion, so 1e308, NaN or 2.5 is a one-line error rather than a trap.
    func wholeNumbers(_ key: String, count: Int, in range: ClosedRange<Int>) throws(ExptFormatError) -> [Int] {
        let xs = try doubles(key, count: count)
        guard let ints = WholeNumbers.exact(xs, in: range) else {
            throw ExptFormatError("\(context): \"\(key)\" \(xs) is not \(count) whole numbers in \(range.lowerBound)…\(range.upperBound)")
        }
        return ints
    }

    func vector(_ key: String) throws(ExptFormatError) -> Vec3 {
        let xs = try doubles(key, count: 3)
        return Vec3(xs[0], xs[1], xs[2])
    }

    func matrix(_ key: String) throws(ExptFormatError) -> Mat3 {
        Mat3(rowMajor: try doubles(key, count: 9))
    }
}
