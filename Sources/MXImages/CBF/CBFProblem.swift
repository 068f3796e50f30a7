/// Why a CBF's content cannot be used, before the path is attached. Internal code throws this
/// one type so every failure reaches the public API as one `ImageReadError` line.
struct CBFProblem: Error, Equatable {
    let reason: String
    init(_ reason: String) { self.reason = reason }
}
