import TriageEngine

/// A rectangle of the screen a view draws into.
struct Rect: Equatable {
    var x: Int, y: Int, width: Int, height: Int
    var maxX: Int { x + width }
    var maxY: Int { y + height }
}

/// Draws a ``UIState`` into a ``ScreenBuffer`` of the given size. Pure and deterministic: the
/// same state and size give the same cells; time enters only through the state's clock.
public enum UIRenderer {
    public static func render(_ state: UIState, width: Int, height: Int) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: width, height: height)
        let layout = Layout(width: width, height: height, detailShown: state.detailShown)
        if layout.isTooSmall {
            Frame.drawTooSmall(into: &buffer)
            return buffer
        }
        Frame.draw(state, into: &buffer)
        let area = Rect(x: layout.contentX, y: layout.contentY, width: layout.contentWidth, height: layout.viewHeight)
        switch state.view {
        case .sequences: MainScreen.draw(state, in: area, into: &buffer)
        case .refinement: RefinementScreen.draw(state, in: area, into: &buffer)
        case .correlation: HeatmapScreen.draw(state, in: area, into: &buffer)
        case .dendrogram: DendrogramScreen.draw(state, in: area, into: &buffer)
        case .comparison: ComparisonScreen.draw(state, in: area, into: &buffer)
        }
        if layout.detailShown {
            DetailPane.draw(state, in: Rect(x: 0, y: layout.detailY, width: width, height: layout.detailHeight), into: &buffer)
        }
        if state.helpShown { HelpOverlay.draw(state.keys, into: &buffer) }
        return buffer
    }
}
