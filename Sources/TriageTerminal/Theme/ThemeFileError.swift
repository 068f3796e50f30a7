/// A problem in a theme file, printed as one line an editor can jump to: `file:line: reason`.
public struct ThemeFileError: Error, Equatable, CustomStringConvertible, Sendable {
    public var file: String
    /// 1-based; 0 when the problem is not on one line (the file cannot be read).
    public var line: Int
    public var reason: String

    public init(file: String, line: Int, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    public var description: String { line > 0 ? "\(file):\(line): \(reason)" : "\(file): \(reason)" }
}
