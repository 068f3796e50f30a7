import Foundation
import Testing
import TriageEngine

@testable import TriageTerminal

@Suite struct EventInboxTests {
    @Test func drainReturnsEverythingOnceInOrder() {
        let inbox = EventInbox()
        inbox.post(.log(sequence: 1, line: "a"))
        inbox.post(contentsOf: [.log(sequence: 1, line: "b"), .individualFinished])
        #expect(inbox.drain() == [.log(sequence: 1, line: "a"), .log(sequence: 1, line: "b"), .individualFinished])
        #expect(inbox.drain().isEmpty)
    }

    @Test func postsFromManyThreadsAreNeitherLostNorReordered() async {
        let inbox = EventInbox()
        let threads = 4, perThread = 2_000
        var drained: [EngineEvent] = []
        await withTaskGroup(of: Void.self) { group in
            for thread in 0..<threads {
                group.addTask {
                    for index in 0..<perThread { inbox.post(.log(sequence: thread, line: "\(index)")) }
                }
            }
            // Drain while the producers run, as the UI loop does.
            for _ in 0..<50 {
                drained += inbox.drain()
                await Task.yield()
            }
            await group.waitForAll()
        }
        drained += inbox.drain()
        #expect(drained.count == threads * perThread)
        for thread in 0..<threads {
            let lines = drained.compactMap { event -> Int? in
                if case .log(let sequence, let line) = event, sequence == thread { return Int(line) }
                return nil
            }
            #expect(lines == Array(0..<perThread))
        }
    }
}
