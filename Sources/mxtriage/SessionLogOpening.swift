import Foundation
import TriageEngine

/// The session log as the commands open and close it, with the design's exit statuses: a
/// `--log` path that is not a session log is refused as bad input (2) and left untouched; a
/// log that cannot be written — at the start or in the middle of the run — is a write
/// failure (1): the run stops, since a session it cannot record could not be replayed.
enum SessionLogOpening {
    /// Refuses a path that exists and is not a session log, before any work.
    static func check(_ url: URL) throws {
        do { try SessionLogDestination.check(url) } catch { throw CommandFailure.badInput("\(error)") }
    }

    static func open(_ url: URL, header: SessionLogHeader) throws -> SessionLog {
        do { return try SessionLog(url: url, header: header) } catch let refusal as SessionLogDestination.Refusal {
            throw CommandFailure.badInput(refusal.description)
        } catch {
            throw CommandFailure.processing("\(error)")
        }
    }

    /// Closes the log; throws if any write failed, so the run ends with exit 1 and the reason.
    static func close(_ log: SessionLog) throws {
        log.close()
        if let failure = log.failure { throw CommandFailure.processing("\(failure); the run was stopped") }
    }
}
