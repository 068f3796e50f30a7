import Foundation
import TriageEngine

/// How every command that writes a work directory (`process`, `ui`, `joint`, `demo`,
/// `replay --workdir`) claims it: created if needed, then locked for the rest of the process,
/// so a second run on it stops at once with one line naming the first, before it reads an
/// image or touches a file there.
enum WorkDirectoryClaim {
    static func take(_ directory: URL) throws {
        do { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) } catch {
            throw CommandFailure.processing("\(directory.path): cannot be created (\(error.localizedDescription))")
        }
        let holder = "\(getpid()) " + (["mxtriage"] + CommandLine.arguments.dropFirst().prefix(1)).joined(separator: " ")
        do {
            try WorkDirectoryLock(directory: directory, holder: holder).holdUntilExit()
        } catch let busy as WorkDirectoryLock.Busy {
            throw CommandFailure.badInput(busy.description)
        } catch {
            throw CommandFailure.processing("\(error)")
        }
    }
}
