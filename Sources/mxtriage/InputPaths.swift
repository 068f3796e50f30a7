import Foundation

/// The image arguments checked before any work: a path that names nothing is the user's
/// mistake and deserves its own one-line reason ("no such file or directory"), not the
/// "no rotation sweeps found" that reading nothing would end in.
enum InputPaths {
    /// Throws bad input for the first argument that is neither an existing path nor a glob
    /// pattern matching something.
    static func check(_ inputs: [String]) throws {
        for input in inputs where !FileManager.default.fileExists(atPath: input) {
            guard input.contains(where: { "*?[".contains($0) }) else {
                throw CommandFailure.badInput("\(input): no such file or directory")
            }
            if matches(input) == 0 { throw CommandFailure.badInput("\(input): matches no files") }
        }
    }

    private static func matches(_ pattern: String) -> Int {
        var g = glob_t()
        defer { globfree(&g) }
        guard glob(pattern, 0, nil, &g) == 0 else { return 0 }
        return Int(g.gl_pathc)
    }
}
