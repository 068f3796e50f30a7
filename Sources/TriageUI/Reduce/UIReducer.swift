import TriageEngine

/// Folds one ``UIAction`` into ``UIState`` and says what the outside world should do. Pure: no
/// I/O, no clock reads, no threads; selection and view changes are state only, and anything
/// that changes the science (exclusions, joint refinement, re-clustering) is an effect the
/// engine must carry out and confirm with an event.
public enum UIReducer {
    public static func reduce(_ state: inout UIState, _ action: UIAction) -> [UIEffect] {
        switch action {
        case .key(let key):
            return handle(key: key, in: &state)
        case .engine(let event):
            apply(event, to: &state)
            return []
        case .resize(let width, let height):
            state.width = max(0, width)
            state.height = max(0, height)
            state.keepSelectionVisible()
            return []
        case .clock(let elapsed):
            state.elapsedSeconds = elapsed
            if let status = state.status, elapsed - status.shownAt >= StatusMessage.lifetimeSeconds {
                state.status = nil
            }
            return []
        }
    }
}

extension UIState {
    var layout: Layout { Layout(width: width, height: height, detailShown: detailShown) }

    /// Shows a message in the view-tab row.
    mutating func say(_ text: String, _ kind: StatusMessage.Kind = .info) {
        status = StatusMessage(text, kind: kind, shownAt: elapsedSeconds)
    }

    /// Moves the selection to `index`, clamped, and scrolls the list to show it.
    mutating func select(_ index: Int) {
        selection = sequences.isEmpty ? 0 : min(max(0, index), sequences.count - 1)
        keepSelectionVisible()
    }

    /// Scrolls the sequence list so the selected row is on screen and no rows are wasted below the last.
    mutating func keepSelectionVisible() {
        listTop = ListWindow.top(current: listTop, selection: selection, count: sequences.count,
                                 rows: layout.listRows)
    }
}

/// Scrolling arithmetic shared by the reducer and the renderer (which re-checks it, so a stale
/// state still draws the selection).
enum ListWindow {
    /// The first row to show so that `selection` is visible, moving as little as possible from `current`.
    static func top(current: Int, selection: Int, count: Int, rows: Int) -> Int {
        guard count > rows, rows > 0 else { return 0 }
        var top = min(max(0, current), count - rows)
        if selection < top { top = selection }
        if selection >= top + rows { top = selection - rows + 1 }
        return top
    }
}
