/// The main screen's keys, written once: the reducer looks keys up here and the help box
/// lists these lines, so a key cannot do one thing and be documented as another.
public struct KeyBindings: Sendable, Equatable {
    /// Keys that do one action.
    public struct Binding: Sendable, Equatable {
        public var keys: [KeyPress]
        public var action: KeyAction
    }

    /// One line of help: related bindings and what they do.
    public struct Line: Sendable, Equatable {
        public var bindings: [Binding]
        public var what: String

        /// The keys as the help shows them: the first key of every binding, then the second
        /// (`↑ ↓  k j`).
        public var label: String {
            let depth = bindings.map(\.keys.count).max() ?? 0
            return (0..<depth).map { i in
                bindings.compactMap { i < $0.keys.count ? KeyBindings.name($0.keys[i]) : nil }.joined(separator: " ")
            }.joined(separator: "  ")
        }
    }

    public var lines: [Line]

    /// The action of `key`, if it has one.
    public func action(for key: KeyPress) -> KeyAction? {
        for line in lines {
            for binding in line.bindings where binding.keys.contains(key) { return binding.action }
        }
        return nil
    }

    /// The first key that does `action`, as the help names it: for messages that point at a
    /// key ("J runs it").
    public func key(for action: KeyAction) -> String {
        lines.lazy.flatMap(\.bindings).first { $0.action == action }.flatMap(\.keys.first).map(Self.name) ?? "?"
    }

    static func name(_ key: KeyPress) -> String {
        switch key {
        case let .character(c): return String(c)
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .tab: return "tab"
        case .backTab: return "shift-tab"
        case .enter: return "enter"
        case .escape: return "esc"
        case .backspace: return "backspace"
        case .interrupt: return "ctrl-c"
        }
    }

    private static func bind(_ keys: KeyPress..., to action: KeyAction) -> Binding { Binding(keys: keys, action: action) }

    /// mxtriage's keys: vi-style movement beside the arrows, DIALS's words in the help.
    public static let standard = KeyBindings(lines: [
        Line(bindings: [bind(.up, .character("k"), to: .selectPrevious), bind(.down, .character("j"), to: .selectNext)],
             what: "move the selection"),
        Line(bindings: [bind(.pageUp, to: .pageUp), bind(.pageDown, to: .pageDown), bind(.home, to: .selectFirst), bind(.end, to: .selectLast)],
             what: "move by a page, to the first or last"),
        Line(bindings: [bind(.tab, to: .nextView), bind(.backTab, to: .previousView)], what: "next or previous view"),
        Line(bindings: TriageView.allCases.map { bind(.character(Character(String($0.rawValue))), to: .show($0)) },
             what: TriageView.allCases.map(\.title).joined(separator: " · ")),
        Line(bindings: [bind(.enter, to: .toggleDetail), bind(.escape, to: .closeDetail)], what: "open or close the detail pane"),
        Line(bindings: [bind(.character("x"), to: .toggleExclusion)], what: "exclude the selected sequence, or include it again"),
        Line(bindings: [bind(.character("X"), to: .excludeCluster)], what: "exclude the cluster holding it at the dendrogram cut"),
        Line(bindings: [bind(.character("["), to: .cutFewer), bind(.character("]"), to: .cutMore)],
             what: "cut the dendrogram into one cluster fewer or more"),
        Line(bindings: [bind(.character("t"), to: .toggleJoint)], what: "show the joint refinement and cells, or the individual"),
        Line(bindings: [bind(.character("J"), .character("r"), to: .runJoint)], what: "run joint refinement of the included sequences"),
        Line(bindings: [bind(.character("c"), to: .recluster)], what: "re-cluster the included cells (BLEND)"),
        Line(bindings: [bind(.character("m"), to: .toggleHeatmapSelection), bind(.left, to: .scrollLeft), bind(.right, to: .scrollRight)],
             what: "correlation: most-correlated parameters, or a window"),
        Line(bindings: [bind(.character("L"), to: .chooseLattice)], what: "index every crystal in another lattice or space group"),
        Line(bindings: [bind(.character("?"), to: .help)], what: "this help"),
        Line(bindings: [bind(.character("q"), .interrupt, to: .quit)], what: "quit"),
    ])
}
