/// A one-line message in the view-tab row: why a key was refused, what was asked of the
/// engine. It is transient: the next key clears it, and so does the clock after
/// ``StatusMessage/lifetimeSeconds``.
public struct StatusMessage: Sendable, Equatable {
    /// How a message is drawn.
    public enum Kind: Sendable, Equatable {
        /// Something was done or asked for.
        case info
        /// A key was refused; the text says why.
        case refusal
    }

    public var text: String
    public var kind: Kind
    /// Session time when it was shown, from the last ``UIAction/clock(elapsedSeconds:)``.
    public var shownAt: Double

    /// Seconds a message stays up when no key is pressed.
    public static let lifetimeSeconds = 8.0

    public init(_ text: String, kind: Kind = .info, shownAt: Double) {
        self.text = text; self.kind = kind; self.shownAt = shownAt
    }
}
