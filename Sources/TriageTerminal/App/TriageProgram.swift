import TriageUI

extension TerminalProgram where State == UIState {
    /// The triage UI: ``UIReducer`` and ``UIRenderer``, with state comparison so unchanged
    /// states are not re-rendered.
    public static var triage: TerminalProgram<UIState> {
        TerminalProgram(reduce: UIReducer.reduce, render: { UIRenderer.render($0, width: $1, height: $2) })
    }
}
