import MXGeometry
import MXReflections
import MXRefinement

/// What indexing one sweep produced.
public struct IndexingResult: Sendable {
    /// The sweep's experiment with its crystal (P 1, or the target symmetry).
    public var experiments: ExperimentList
    /// Every strong spot of the sweep: indexed ones with `miller_index` and `id` 0, the rest with
    /// id −1; `entering`, `rlp`, `xyzobs.mm.*`, `xyzcal.*`, `s1` and flags as dials.index writes.
    public var reflections: ReflectionTable
    /// The basis-vector search that found the lattice ("fft3d", "fft1d", or "known orientation").
    public var method: String
    /// One line per stage, as the command prints it.
    public var log: [String]
    /// The final macro-cycle's refinement.
    public var refinement: RefinementResult
    public var indexedCount: Int
    public var unindexedCount: Int
}
