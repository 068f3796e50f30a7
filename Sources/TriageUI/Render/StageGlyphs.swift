import TriageEngine

/// How a stage status looks in a one-to-seven-column cell: `·` queued, a spinner (and a
/// percentage when there is room) running, `✓` done, `✗` failed, `–` skipped.
enum StageGlyph {
    /// Quarter-circle spinner frames, advanced by the clock four times a second.
    static let spinner: [Character] = ["◐", "◓", "◑", "◒"]

    static func spinnerFrame(_ elapsed: Double) -> Character {
        let tick = elapsed.isFinite ? Int(max(0, elapsed) * 4) : 0
        return spinner[tick % spinner.count]
    }

    /// The glyph and, for a running stage with a known fraction and `width ≥ 5`, its percentage.
    static func span(_ status: StageStatus, elapsed: Double, width: Int) -> Span {
        switch status {
        case .queued: return Span("·", .dim)
        case .running(let fraction):
            let spin = String(spinnerFrame(elapsed))
            if let fraction, width >= 5, fraction.isFinite {
                let percent = Int((min(max(fraction, 0), 1) * 100).rounded(.down))
                return Span(spin + " " + String(percent) + "%", .running)
            }
            return Span(spin, .running)
        case .done: return Span("✓", .ok)
        case .failed: return Span("✗", .failed)
        case .skipped: return Span("–", .dim)
        }
    }

    /// One word for the detail pane.
    static func word(_ status: StageStatus) -> String {
        switch status {
        case .queued: return "queued"
        case .running(let fraction):
            if let fraction, fraction.isFinite { return "running " + String(Int((min(max(fraction, 0), 1) * 100).rounded(.down))) + "%" }
            return "running"
        case .done: return "done"
        case .failed: return "failed"
        case .skipped: return "skipped"
        }
    }

    /// The DIALS program a stage stands for, for the detail pane.
    static func program(_ stage: PipelineStage) -> String {
        switch stage {
        case .importImages: return "import"
        case .spots: return "spots"
        case .indexP1: return "index P1"
        case .indexTarget: return "index SG"
        case .refine: return "refine"
        case .integrate: return "integrate"
        case .export: return "export"
        }
    }
}
