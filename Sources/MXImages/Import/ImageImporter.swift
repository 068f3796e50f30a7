import Foundation
import MXGeometry

/// What an import found: the experiments, the files it could not use (each with its reason)
/// and warnings about images it read approximately.
public struct ImportReport: Sendable {
    public var experiments: ExperimentList
    public var skipped: [ImageReadError]
    public var warnings: [String]
}

/// Files, directories and globs → experiments, as dials.import does it: directories expand one
/// level, headers are read on all cores, files that are not images are skipped with a note, and
/// the rest are grouped into sweeps (`SweepGrouping`).
public enum ImageImporter {
    /// Reads one file's header into models; warnings note approximations (e.g. a curved
    /// multi-panel detector read as one flat panel).
    public typealias HeaderReader = @Sendable (String) throws(ImageReadError) -> (ImageMetadata, [String])

    public static func importImages(_ arguments: [String], tolerances: ModelTolerances = ModelTolerances(),
                                    readHeader: HeaderReader = cbfHeaderReader) -> ImportReport {
        let (paths, missing) = expand(arguments)
        let results: [Result<(ImageMetadata, [String]), ImageReadError>] = paths.parallelMap { path in
            Result { () throws(ImageReadError) in try readHeader(path) }
        }
        var records: [ImageMetadata] = []
        var skipped = missing
        var warnings: [String] = []
        for r in results {
            switch r {
            case let .success((record, notes)):
                records.append(record)
                warnings += notes.map { "\(record.path): \($0)" }
            case let .failure(e):
                skipped.append(e)
            }
        }
        var list = SweepGrouping.group(records, tolerances: tolerances)
        for i in list.experiments.indices {
            let e = list.experiments[i]
            var name = ""
            switch list.imageset(of: e) {
            case let .sequence(template)?: name = template
            case let .imageSet(paths, _)?: name = paths.joined(separator: "\n")
            case nil: break
            }
            if let s = list.scan(of: e) { name += "#\(s.imageRange.first)-\(s.imageRange.last)" }
            list.experiments[i].identifier = StableIdentifier.make(from: "\(name)#\(i)")
        }
        return ImportReport(experiments: list, skipped: skipped, warnings: warnings)
    }

    /// Expands arguments into absolute file paths in dxtbx's order (sorted by name):
    /// directories contribute their files one level down; an argument that is not an existing
    /// path but contains glob characters is expanded as a glob. Arguments that name nothing
    /// come back as problems.
    public static func expand(_ arguments: [String]) -> (paths: [String], problems: [ImageReadError]) {
        let fm = FileManager.default
        var files: [String] = []
        var problems: [ImageReadError] = []
        for argument in arguments {
            let path = absolute(argument)
            var isDirectory: ObjCBool = false
            if fm.fileExists(atPath: path, isDirectory: &isDirectory) {
                if isDirectory.boolValue {
                    guard let entries = try? fm.contentsOfDirectory(atPath: path) else {
                        problems.append(ImageReadError(path: path, reason: "directory cannot be read"))
                        continue
                    }
                    for entry in entries where !entry.hasPrefix(".") {
                        let child = path + "/" + entry
                        var childIsDirectory: ObjCBool = false
                        if fm.fileExists(atPath: child, isDirectory: &childIsDirectory), !childIsDirectory.boolValue {
                            files.append(child)
                        }
                    }
                } else {
                    files.append(path)
                }
            } else if argument.contains(where: { "*?[".contains($0) }) {
                let matches = glob(path)
                if matches.isEmpty { problems.append(ImageReadError(path: argument, reason: "no files match")) }
                files += matches
            } else {
                problems.append(ImageReadError(path: argument, reason: "no such file or directory"))
            }
        }
        return (Array(Set(files)).sorted(), problems)
    }

    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    static func glob(_ pattern: String) -> [String] {
        var g = glob_t()
        defer { globfree(&g) }
        guard Foundation.glob(pattern, 0, nil, &g) == 0 else { return [] }
        return (0..<Int(g.gl_pathc)).compactMap { g.gl_pathv[$0].map { String(cString: $0) } }
            .filter { var d: ObjCBool = false; return FileManager.default.fileExists(atPath: $0, isDirectory: &d) && !d.boolValue }
    }
}
