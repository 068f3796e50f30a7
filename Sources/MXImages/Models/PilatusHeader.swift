import Foundation

/// The `# Key value` lines of a CBF header, read exactly as dxtbx's `FormatCBFMini._start` does:
/// for each line starting with `#`, a line of at most two words with two colons is the
/// timestamp; any other has `=` and `:` removed, and its second word is the key and the rest
/// (single-spaced) the value. The MIME header's `X-` fields are merged in by name.
public struct PilatusHeader: Sendable, Equatable {
    /// dxtbx's `_cif_header_dictionary` (the timestamp under the key "timestamp").
    public let values: [String: String]

    init(textLines: [String], mimeLines: [String]) {
        var values: [String: String] = [:]
        for record in textLines where record.hasPrefix("#") {
            let body = record.dropFirst()
            if body.pythonSplit.count <= 2 && record.filter({ $0 == ":" }).count == 2 {
                values["timestamp"] = String(body.trimmingWhitespace)
                continue
            }
            let tokens = record.replacingOccurrences(of: "=", with: "").replacingOccurrences(of: ":", with: "").pythonSplit
            guard tokens.count >= 2 else { continue }
            values[tokens[1]] = tokens.dropFirst(2).joined(separator: " ")
        }
        for record in mimeLines where record.hasPrefix("X") {
            guard let colon = record.firstIndex(of: ":") else { continue }
            values[String(record[..<colon].trimmingWhitespace)] = String(record[record.index(after: colon)...].trimmingWhitespace)
        }
        self.values = values
    }

    public subscript(key: String) -> String? { values[key] }

    /// The value's text, or a one-line complaint naming the missing header line.
    func text(_ key: String) throws(CBFProblem) -> String {
        guard let v = values[key] else { throw CBFProblem("missing \"# \(key)\" line in the miniCBF header") }
        return v
    }

    /// `float(value.split()[0])`, the way dxtbx reads every number in these headers.
    func number(_ key: String) throws(CBFProblem) -> Double {
        let v = try text(key)
        guard let first = v.pythonSplit.first, let x = Double(first) else {
            throw CBFProblem("\"# \(key) \(v)\": no number where one is expected")
        }
        // Python's float() reads "nan" and "inf" as dxtbx does, but no header quantity is either.
        guard x.isFinite else { throw CBFProblem("\"# \(key) \(v)\": \(x) is not a finite number") }
        return x
    }

    /// `number(key)` when the line is there, nil when it is not.
    func optionalNumber(_ key: String) throws(CBFProblem) -> Double? {
        values[key] == nil ? nil : try number(key)
    }
}
