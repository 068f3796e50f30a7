/// What a key does on the main screen. The keys themselves are data (``KeyBindings``): the
/// reducer acts on these, and the help box is drawn from the same table.
public enum KeyAction: Hashable, Sendable {
    case quit
    case help
    case selectPrevious, selectNext
    case pageUp, pageDown, selectFirst, selectLast
    case nextView, previousView
    case show(TriageView)
    case toggleDetail, closeDetail
    case toggleExclusion, excludeCluster
    case cutFewer, cutMore
    case toggleJoint
    case runJoint
    case recluster
    case toggleHeatmapSelection, scrollLeft, scrollRight
    case chooseLattice
}
