import CCCP4
import Foundation

/// Serialises calls into CCP4's C library and points csymlib at its symmetry table.
///
/// cmtzlib and csymlib keep process-wide state (the error state, csymlib's table of loaded
/// space groups), so every call into them goes through ``withLock(_:)``. csymlib finds
/// `syminfo.lib` through the `SYMINFO` (or `CLIBD`) environment variable; when neither is set we
/// set `SYMINFO` to the file Debian's libccp4-data installs, once, before the first call.
public enum CCP4Library {
    /// Where syminfo.lib is looked for when the environment names none.
    public static let defaultSymInfoPaths = ["/usr/share/ccp4/syminfo.lib", "/usr/local/share/ccp4/syminfo.lib"]

    private static let lock = NSLock()
    nonisolated(unsafe) private static var configuredPath: String?

    /// The syminfo.lib in use, or nil if there is none (csymlib then cannot load space groups).
    public static var symInfoPath: String? {
        withLock { configuredPath }
    }

    /// Runs `body` holding the library lock, with SYMINFO configured.
    public static func withLock<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        if configuredPath == nil { configuredPath = configure() }
        return try body()
    }

    private static func configure() -> String {
        let env = ProcessInfo.processInfo.environment
        if let path = env["SYMINFO"], FileManager.default.fileExists(atPath: path) { return path }
        if let clibd = env["CLIBD"] {
            let path = (clibd as NSString).appendingPathComponent("syminfo.lib")
            if FileManager.default.fileExists(atPath: path) { return path }
        }
        guard let path = defaultSymInfoPaths.first(where: { FileManager.default.fileExists(atPath: $0) }) else { return "" }
        setenv("SYMINFO", path, 1)
        return path
    }
}
