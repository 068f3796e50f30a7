/// Which parameters the correlation view shows when there are more than fit on screen.
public struct HeatmapWindow: Sendable, Equatable {
    /// How the shown parameters are chosen.
    public enum Selection: Sendable, Equatable {
        /// A contiguous window of parameters in DIALS's order, starting at ``HeatmapWindow/offset``.
        case window
        /// The parameters whose largest off-diagonal |r| is greatest, in DIALS's order.
        case mostCorrelated
    }

    public var selection: Selection = .mostCorrelated
    /// First parameter of the window (0-based); clamped when drawn.
    public var offset: Int = 0

    public init(selection: Selection = .mostCorrelated, offset: Int = 0) {
        self.selection = selection; self.offset = offset
    }
}
