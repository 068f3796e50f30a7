/// Where the joint refinement of the included sequences stands.
public struct JointStatus: Codable, Equatable, Sendable {
    public enum Phase: Codable, Equatable, Sendable {
        case idle
        /// `stage` is one of combine, refine, integrate, split, export, cluster.
        case running(stage: String)
        case done
        case failed(reason: String)
    }

    public var phase: Phase
    /// The sequences taking part in the last (or current) run, ascending.
    public var sequences: [Int]
    /// Per sequence in `sequences`: the jointly refined cell (a b c α β γ).
    public var cells: [[Double]]
    /// The shared detector distance (mm) and beam centre (px) after joint refinement.
    public var distanceMM: Double?
    public var beamCentrePixels: [Double]?
    /// How many times joint refinement has been run in this session.
    public var runs: Int
    /// LCV (%) and aLCV (Å) of all the run's crystals together, from their individually refined
    /// cells and from the jointly refined ones — the tutorial's comparison.
    public var individualVariation: CellVariation?
    public var jointVariation: CellVariation?

    public struct CellVariation: Codable, Equatable, Sendable {
        public var lcv: Double
        public var alcv: Double
        public init(lcv: Double, alcv: Double) { self.lcv = lcv; self.alcv = alcv }
    }

    public init(phase: Phase = .idle, sequences: [Int] = [], cells: [[Double]] = [], distanceMM: Double? = nil,
                beamCentrePixels: [Double]? = nil, runs: Int = 0) {
        self.phase = phase; self.sequences = sequences; self.cells = cells
        self.distanceMM = distanceMM; self.beamCentrePixels = beamCentrePixels; self.runs = runs
    }
}
