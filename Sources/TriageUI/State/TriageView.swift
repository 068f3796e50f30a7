/// The five screens of the UI, one keypress apart (Tab, Shift-Tab, or the number keys 1–5).
public enum TriageView: Int, CaseIterable, Sendable, Equatable {
    /// The sequence list with per-stage status: what `dials.import` … `dials.export` did to each sweep.
    case sequences = 1
    /// dials.refine's step table, growing live, and its per-experiment RMSD table.
    case refinement
    /// The correlation matrix of the refined parameters, drawn as shade blocks.
    case correlation
    /// BLEND's Ward dendrogram of the cells with LCV and aLCV.
    case dendrogram
    /// Individual against joint refinement: cells, RMSDs, LCV/aLCV side by side.
    case comparison

    /// The name shown in the view tabs and the frame.
    public var title: String {
        switch self {
        case .sequences: return "sequences"
        case .refinement: return "refinement"
        case .correlation: return "correlation"
        case .dendrogram: return "dendrogram"
        case .comparison: return "comparison"
        }
    }

    /// The view after this one, wrapping round (Tab).
    public var next: TriageView { TriageView(rawValue: rawValue % TriageView.allCases.count + 1)! }

    /// The view before this one, wrapping round (Shift-Tab).
    public var previous: TriageView {
        TriageView(rawValue: (rawValue + TriageView.allCases.count - 2) % TriageView.allCases.count + 1)!
    }
}
