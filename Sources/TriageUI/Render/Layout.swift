/// The screen's geometry for a terminal size: where the frame, the content and the detail pane
/// go. The reducer uses it too, to page and scroll the sequence list by what is visible.
struct Layout: Equatable {
    /// Smallest terminal the UI draws into; below it, a "terminal too small" notice.
    static let minimumWidth = 60
    static let minimumHeight = 16

    let width: Int
    let height: Int
    let detailShown: Bool

    var isTooSmall: Bool { width < Layout.minimumWidth || height < Layout.minimumHeight }

    /// Inside the frame, below the title bar and the view-tab row, above the key bar.
    var contentX: Int { 1 }
    var contentWidth: Int { max(0, width - 2) }
    var contentY: Int { 2 }
    var contentHeight: Int { max(0, height - 3) }

    /// Rows given to the detail pane, its separator line included; 0 when closed.
    var detailHeight: Int {
        guard detailShown else { return 0 }
        return min(16, max(8, contentHeight * 2 / 5))
    }

    /// Rows left for the view above the detail pane.
    var viewHeight: Int { max(0, contentHeight - detailHeight) }
    var detailY: Int { contentY + viewHeight }

    /// Sequence rows visible in the list (one row is its heading).
    var listRows: Int { max(1, viewHeight - 1) }
}
