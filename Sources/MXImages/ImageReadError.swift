/// Why an image file could not be read: one line that names the file and the problem, fit to
/// print as it is ("xtal_0001.cbf: truncated binary section (expected 6224001 bytes, found 1024)").
public struct ImageReadError: Error, CustomStringConvertible, Sendable, Equatable {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
}
