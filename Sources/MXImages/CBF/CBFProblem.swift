/// Why a CBF's content cannot be used, before the path is attached. Internal code throws this
/// one type so every failure reaches the public API as one `ImageReadError` line.
package struct CBFProblem: Error, Equatable {
    package let reason: String
    init(_ reason: String) { self.reason = reason }
}
