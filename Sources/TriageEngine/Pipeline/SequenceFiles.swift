import Foundation
import MXGeometry
import MXReflections

/// The files one sequence's stages read and write, loaded on first use so a resumed sequence
/// reads only what its remaining stages need.
///
/// What a stage saves is read back from the file by the next stage, not handed over in
/// memory: a crystal written as real-space vectors and read back differs from the one in
/// memory in the last bit, so passing the in-memory one would make a fresh run and a resumed
/// run (and the same steps run as subcommands) differ in the last digits.
struct SequenceFiles: Sendable {
    let directory: URL
    private var experimentCache: [String: ExperimentList] = [:]
    private var reflectionCache: [String: ReflectionTable] = [:]

    init(directory: URL) { self.directory = directory }

    func url(_ name: String) -> URL { directory.appendingPathComponent(name) }

    func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: url(name).path) }

    mutating func experiments(_ name: String) throws -> ExperimentList {
        if let cached = experimentCache[name] { return cached }
        do {
            let list = try ExperimentList(contentsOf: url(name))
            experimentCache[name] = list
            return list
        } catch {
            throw StageFailure("\(name): \(error)")
        }
    }

    mutating func reflections(_ name: String) throws -> ReflectionTable {
        if let cached = reflectionCache[name] { return cached }
        do {
            let table = try ReflectionTable(contentsOf: url(name))
            reflectionCache[name] = table
            return table
        } catch {
            throw StageFailure("\(name): \(error)")
        }
    }

    mutating func save(_ list: ExperimentList, as name: String) throws {
        do { try list.write(to: url(name)) } catch { throw StageFailure("\(name) cannot be written: \(error)") }
        experimentCache[name] = nil
    }

    func save(text: String, as name: String) throws {
        do { try Data(text.utf8).write(to: url(name), options: .atomic) } catch {
            throw StageFailure("\(name) cannot be written: \(error.localizedDescription)")
        }
    }

    mutating func save(_ table: ReflectionTable, as name: String) throws {
        do { try table.write(to: url(name)) } catch { throw StageFailure("\(name) cannot be written: \(error)") }
        reflectionCache[name] = nil
    }
}
