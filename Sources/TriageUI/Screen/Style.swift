/// What a cell on screen *means*. Rendering chooses styles; only the terminal backend turns them
/// into colours and attributes, through a theme file (`themes/*.toml`).
public enum Style: Hashable, Sendable, Codable {
    case normal
    /// Frame lines and their titles.
    case border
    case title
    /// Table column headings.
    case heading
    /// The selected row.
    case selected
    /// Secondary text: units, hints, queued stages.
    case dim
    /// A stage that finished, a good number.
    case ok
    /// A stage in progress.
    case running
    /// A stage that failed, an error line.
    case failed
    /// A warning: an outlier, a stage skipped.
    case warning
    /// A sequence the user excluded.
    case excluded
    /// Key names in the status bar and help.
    case key
    /// A correlation heatmap cell: `level` from −4 (−1) through 0 to +4 (+1).
    case heat(level: Int)
}

/// One character cell: a grapheme that occupies one terminal column, and its style.
public struct Cell: Equatable, Sendable {
    public var character: Character
    public var style: Style

    public init(_ character: Character = " ", _ style: Style = .normal) {
        self.character = character
        self.style = style
    }
}
