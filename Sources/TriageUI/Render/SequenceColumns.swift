/// Where each column of the sequence list goes at a given width. The stage columns always show;
/// the template takes what is left, and the cell, RMSD and exclusion-tag groups appear when
/// there is room for them, in that order.
struct SequenceColumns {
    /// Selection mark, number, exclusion mark: "▶07×".
    let number = 0
    let template: Int
    let templateWidth: Int
    let images: Int
    let spots: Int
    let indexP1: Int
    let indexTarget: Int
    let refine: Int
    let integrate: Int
    let export: Int
    /// Start of the results: cell, RMSDs, or a failure reason.
    let results: Int
    let showsCell: Bool
    let showsRMSD: Bool
    let showsTag: Bool
    let cellA: Int, cellC: Int
    let rmsdX: Int, rmsdY: Int, rmsdZ: Int
    let tag: Int
    let width: Int

    static let numberWidth = 5
    static let stageWidth = 4 + 7 + 4 + 4 + 7 + 7 + 5
    static let cellWidth = 2 + 7 + 8
    static let rmsdWidth = 8 + 6 + 7
    static let tagWidth = 6
    static let minimumTemplate = 10

    init(width: Int, longestTemplate: Int) {
        self.width = width
        let base = SequenceColumns.numberWidth + SequenceColumns.stageWidth + 1
        var free = width - base
        let wantTemplate = max(SequenceColumns.minimumTemplate, min(longestTemplate, 28))
        showsCell = free - SequenceColumns.cellWidth >= SequenceColumns.minimumTemplate
        if showsCell { free -= SequenceColumns.cellWidth }
        showsRMSD = showsCell && free - SequenceColumns.rmsdWidth >= min(wantTemplate, 16)
        if showsRMSD { free -= SequenceColumns.rmsdWidth }
        showsTag = showsRMSD && free - SequenceColumns.tagWidth >= wantTemplate
        if showsTag { free -= SequenceColumns.tagWidth }
        templateWidth = max(SequenceColumns.minimumTemplate, min(free, wantTemplate))
        template = SequenceColumns.numberWidth
        images = template + templateWidth + 1
        spots = images + 4
        indexP1 = spots + 7
        indexTarget = indexP1 + 4
        refine = indexTarget + 4
        integrate = refine + 7
        export = integrate + 7
        results = export + 5
        cellA = results + 2
        cellC = cellA + 7
        rmsdX = cellC + 8
        rmsdY = rmsdX + 8
        rmsdZ = rmsdY + 6
        tag = rmsdZ + 7
    }
}
