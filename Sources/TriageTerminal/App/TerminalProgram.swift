import TriageUI

/// The pure part of an app that ``TerminalApp`` runs: how actions change the state, and how the
/// state looks at a given size. The triage UI's reducer and renderer are plugged in by
/// ``TerminalProgram/triage``; tests can plug in a small program of their own.
public struct TerminalProgram<State> {
    public var reduce: (inout State, UIAction) -> [UIEffect]
    public var render: (State, _ width: Int, _ height: Int) -> ScreenBuffer
    /// Whether the state after an action differs from the state before it; when it reports
    /// no change the loop skips rendering. Nil: every action re-renders (the frame is still
    /// compared before it is presented).
    public var changed: ((_ before: State, _ after: State) -> Bool)?

    public init(
        reduce: @escaping (inout State, UIAction) -> [UIEffect],
        render: @escaping (State, _ width: Int, _ height: Int) -> ScreenBuffer
    ) {
        self.reduce = reduce
        self.render = render
        changed = nil
    }
}

extension TerminalProgram where State: Equatable {
    /// A program whose state is compared with `==`, so actions that change nothing (a key
    /// with no binding, a clock tick the screen does not show) cost no render.
    public init(
        reduce: @escaping (inout State, UIAction) -> [UIEffect],
        render: @escaping (State, _ width: Int, _ height: Int) -> ScreenBuffer
    ) {
        self.reduce = reduce
        self.render = render
        changed = { $0 != $1 }
    }
}
