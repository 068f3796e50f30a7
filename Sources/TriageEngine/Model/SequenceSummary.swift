/// Everything the session knows about one sequence (one sweep, one crystal): what the UI shows
/// in its row and detail pane, and what `summary.json` records.
public struct SequenceSummary: Codable, Equatable, Sendable {
    /// 0-based; the work directory is `sequence_NN` with this number.
    public var number: Int
    /// The image filename template, e.g. `xtal14_1_####.cbf`.
    public var template: String
    /// Directory of the images.
    public var directory: String
    public var imageCount: Int
    /// One status per ``PipelineStage``, in `PipelineStage.allCases` order.
    public var stages: [StageStatus]
    /// Strong spots found.
    public var spotCount: Int?
    /// Reflections indexed in the target space group.
    public var indexedCount: Int?
    /// Basis-vector search that indexed it (`fft3d`, or `fft1d` after the automatic retry).
    public var indexingMethod: String?
    /// Refined cell a, b, c (Å), α, β, γ (°).
    public var cell: [Double]?
    /// The space group index_target was asked to index in, as DIALS spells it: the session's
    /// (``SessionLattice``), or this crystal's own lattice when it is of another form.
    public var targetSpaceGroup: String?
    /// Space group of the indexed and refined crystal, as DIALS spells it.
    public var spaceGroup: String?
    /// Final scan-static refinement RMSDs.
    public var rmsd: RMSD?
    /// Reflections integrated (flag integrated_sum) in the resolution band.
    public var integratedCount: Int?
    /// Without `--space-group`: the lattices refine_bravais_settings recommends for the P 1
    /// crystal ("oP", "hR", as DIALS names them), highest symmetry first, with their metric
    /// fits δ (degrees) and lowest-symmetry space groups.
    public var lattice: LatticeSuggestion?
    /// The first failure, as "stage: reason".
    public var failure: String?
    /// Wall-clock seconds per finished stage, by `PipelineStage.rawValue`. Not part of the
    /// replay comparison: timings are the one thing that may differ between identical runs.
    public var seconds: [String: Double]

    /// RMSDs in the units users read in dials.refine's table.
    public struct RMSD: Codable, Equatable, Sendable {
        public var xPixels: Double
        public var yPixels: Double
        public var zImages: Double
        public var nref: Int
        public init(xPixels: Double, yPixels: Double, zImages: Double, nref: Int) {
            self.xPixels = xPixels; self.yPixels = yPixels; self.zImages = zImages; self.nref = nref
        }
    }

    public init(number: Int, template: String, directory: String, imageCount: Int) {
        self.number = number
        self.template = template
        self.directory = directory
        self.imageCount = imageCount
        stages = Array(repeating: .queued, count: PipelineStage.allCases.count)
        seconds = [:]
    }

    /// `sequence_00`, `sequence_01`, …: the tutorial's directory names.
    public var name: String { SequenceSummary.directoryName(number) }

    public static func directoryName(_ number: Int) -> String {
        "sequence_" + (number < 10 ? "0" : "") + String(number)
    }

    public subscript(stage: PipelineStage) -> StageStatus {
        get { stages[PipelineStage.allCases.firstIndex(of: stage)!] }
        set { stages[PipelineStage.allCases.firstIndex(of: stage)!] = newValue }
    }

    /// True once every stage has finished, successfully or not.
    public var isFinished: Bool { stages.allSatisfy(\.isFinished) }

    /// True when the sequence reached an MTZ — as in the tutorial, only those take part in
    /// clustering and joint refinement (a sweep that cannot be integrated in the band would
    /// also fail the joint integration).
    public var isUsable: Bool { self[.export] == .done && cell != nil }
}
