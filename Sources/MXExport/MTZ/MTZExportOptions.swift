/// The choices `dials.export format=mtz` offers for integrated (unscaled, summation) data, with
/// its defaults.
public struct MTZExportOptions: Sendable, Equatable {
    /// Reflections whose (combined) partiality is below this are dropped (`partiality_threshold`).
    public var partialityThreshold = 0.4
    /// Sum partials that share a `partial_id` into one reflection (`combine_partials`).
    public var combinePartials = true
    /// Drop reflections with I/σ(I) below this after corrections; nil keeps all (`min_isigi`).
    public var minISigI: Double? = -5
    public var projectName = "DIALS"
    public var crystalName = "XTAL"
    public var datasetName = "FROMDIALS"
    /// The MTZ title record.
    public var title = "From mxtriage export"
    /// History lines (no dates, so the same inputs give the same bytes).
    public var history = ["From mxtriage export (DIALS-compatible unmerged MTZ)"]

    public init() {}
}
