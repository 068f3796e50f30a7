import TriageUI

/// The name of a semantic ``Style`` in a theme file's `[styles]` table. Heat levels −4…4 become
/// `heat_neg4` … `heat_0` … `heat_pos4`.
public enum StyleKey: String, CaseIterable, Hashable, Sendable {
    case normal, border, title, heading, selected, dim, ok, running, failed, warning, excluded, key
    case heatNeg4 = "heat_neg4", heatNeg3 = "heat_neg3", heatNeg2 = "heat_neg2", heatNeg1 = "heat_neg1"
    case heat0 = "heat_0"
    case heatPos1 = "heat_pos1", heatPos2 = "heat_pos2", heatPos3 = "heat_pos3", heatPos4 = "heat_pos4"

    private static let heatKeys: [StyleKey] = [
        .heatNeg4, .heatNeg3, .heatNeg2, .heatNeg1, .heat0, .heatPos1, .heatPos2, .heatPos3, .heatPos4,
    ]

    /// The key for `style`; heat levels outside −4…4 are clamped, since a renderer rounding
    /// a correlation of exactly ±1 must not crash the backend.
    public init(_ style: Style) {
        switch style {
        case .normal: self = .normal
        case .border: self = .border
        case .title: self = .title
        case .heading: self = .heading
        case .selected: self = .selected
        case .dim: self = .dim
        case .ok: self = .ok
        case .running: self = .running
        case .failed: self = .failed
        case .warning: self = .warning
        case .excluded: self = .excluded
        case .key: self = .key
        case .heat(let level): self = Self.heatKeys[min(4, max(-4, level)) + 4]
        }
    }

    /// The heat level for a heat key, nil for the others.
    public var heatLevel: Int? { Self.heatKeys.firstIndex(of: self).map { $0 - 4 } }
}
