import MXGeometry
import Foundation

/// Locates the shared real-data folder (`../shared/data/real` beside the checkout) and the
/// committed fixtures, so tests can skip with a visible message where the data is absent.
public enum TestData {
    /// The repository root, found from this file's path.
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Tests/Fixtures` inside the repository.
    public static let fixtures: URL = repositoryRoot.appendingPathComponent("Tests/Fixtures")

    /// `../shared/data/real`, or nil when it is not there (a user's clone).
    public static var realData: URL? {
        let url = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/data/real")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }
}
