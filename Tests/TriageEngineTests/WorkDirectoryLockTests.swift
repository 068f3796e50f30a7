import Foundation
import MXTestSupport
import TriageEngine
import XCTest

/// One session per work directory: a second lock on a held directory fails at once naming the
/// holder, and the directory is free again when the holder lets go.
final class WorkDirectoryLockTests: XCTestCase {
    func testASecondSessionOnABusyDirectoryIsRefusedUntilTheFirstReleasesIt() throws {
        let dir = try CommandRunner.temporaryDirectory("workdir-lock")
        let first = try WorkDirectoryLock(directory: dir, holder: "4242 mxtriage process")
        XCTAssertThrowsError(try WorkDirectoryLock(directory: dir, holder: "1 other")) { error in
            let busy = error as? WorkDirectoryLock.Busy
            XCTAssertEqual(busy?.holder, "4242 mxtriage process")
            XCTAssertTrue("\(error)".contains("in use by another mxtriage run (pid 4242 mxtriage process)"), "\(error)")
            XCTAssertFalse("\(error)".contains("\n"))
        }
        first.release()
        let second = try WorkDirectoryLock(directory: dir, holder: "7 mxtriage joint")
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent(WorkDirectoryLock.fileName), encoding: .utf8),
                       "7 mxtriage joint\n", "the holder's line replaces the previous one")
        second.release()
    }

    func testADirectoryThatCannotHoldALockIsAFailureNotBusy() throws {
        XCTAssertThrowsError(try WorkDirectoryLock(directory: URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)"))) { error in
            XCTAssertTrue(error is WorkDirectoryLock.Failure, "\(error)")
        }
    }
}
