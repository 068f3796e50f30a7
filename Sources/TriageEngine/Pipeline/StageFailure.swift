/// Why a stage produced no result: one line a user can act on. The pipeline turns it into the
/// stage's `.failed(reason:)` and the sequence's `failure`.
struct StageFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// The session was cancelled; the remaining stages are skipped.
struct Cancelled: Error {}
