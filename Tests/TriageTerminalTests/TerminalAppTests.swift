import Testing
import TriageEngine
import TriageUI

@testable import TriageTerminal

/// Drives the main loop through ``HeadlessBackend`` with a small program: `j` counts, `r` asks
/// the engine for a joint refinement, `n` changes nothing, `q` quits; engine log lines are kept.
@Suite struct TerminalAppTests {
    struct Counter: Equatable {
        var count = 0
        var lines: [String] = []
        var size = (width: 0, height: 0)
        var ticks = 0

        static func == (a: Counter, b: Counter) -> Bool {
            a.count == b.count && a.lines == b.lines && a.size == b.size && a.ticks == b.ticks
        }
    }

    static var program: TerminalProgram<Counter> {
        TerminalProgram<Counter>(
        reduce: { state, action in
            switch action {
            case .key(.character("j")): state.count += 1
            case .key(.character("r")): return [.engine(.runJoint)]
            case .key(.character("q")), .key(.interrupt): return [.quit]
            case .engine(.log(_, let line)): state.lines.append(line)
            case .resize(let width, let height): state.size = (width, height)
            case .clock: state.ticks += 1
            default: break
            }
            return []
        },
        render: { state, width, height in
            var buffer = ScreenBuffer(width: width, height: height)
            buffer.put("count \(state.count)", x: 0, y: 0, style: .title)
            buffer.put(state.lines.last ?? "-", x: 0, y: 1)
            return buffer
        })
    }

    @Test func keysReachTheScreenAndQuitEndsTheLoop() {
        var state = Counter()
        let (backend, statistics) = TerminalApp.runHeadless(
            state: &state, program: Self.program, width: 12, height: 3,
            script: HeadlessBackend.typing("jj") + [.key(.character("q")), .key(.character("j"))])
        #expect(state.count == 2)
        #expect(statistics.endReason == .quit)
        #expect(backend.remainingSteps == 1)  // the loop stopped at q
        #expect(backend.screen?.lines == ["count 2     ", "-           ", "            "])
        #expect(statistics.framesPresented == 3)  // the first frame, then one per j
        #expect(backend.cellsWritten == [36, 1, 1])  // only the digit changes
        #expect(statistics.keys == 3)
        #expect(statistics.keyToScreen.count == 2)  // q quits before any frame
        #expect(statistics.keyToScreen.maximum < .milliseconds(100))
        #expect(backend.restoreCount == 1)
    }

    @Test func commandsGoToPerformAndUnchangedStatesAreNotRedrawn() {
        var state = Counter()
        var performed: [UserCommand] = []
        let (backend, statistics) = TerminalApp.runHeadless(
            state: &state, program: Self.program, width: 10, height: 2,
            script: HeadlessBackend.typing("rnn") + [.key(.escape)], perform: { performed.append($0) })
        #expect(performed == [.runJoint])
        #expect(statistics.commandsSent == 1)
        #expect(statistics.framesPresented == 1)
        #expect(backend.frames.count == 1)
        #expect(statistics.keyToScreen.count == 4)  // measured even when nothing needed drawing
        #expect(statistics.endReason == .endOfInput)
    }

    @Test func engineEventsAreReducedBeforeTheFirstFrameAndOnIdlePolls() {
        var state = Counter()
        let inbox = EventInbox()
        inbox.post(.log(sequence: nil, line: "found 3"))
        let backend = HeadlessBackend(width: 10, height: 2, script: [.idle, .idle])
        var recorded: [String] = []
        let statistics = TerminalApp.run(
            state: &state, program: Self.program, backend: backend, inbox: inbox,
            options: .init(clockInterval: nil), perform: { _ in },
            record: { action in
                recorded.append("\(action)".prefix { $0 != "(" }.description)
                // The engine posts while the loop runs; the next turn picks it up.
                if case .engine = action, recorded.count == 2 { inbox.post(.log(sequence: nil, line: "indexed")) }
            })
        #expect(state.lines == ["found 3", "indexed"])
        #expect(backend.frames.map { $0.lines[1] } == ["found 3   ", "indexed   "])
        #expect(recorded == ["resize", "engine", "engine"])
        #expect(statistics.engineEvents == 2)
    }

    @Test func resizeRepaintsAtTheNewSize() {
        var state = Counter()
        let (backend, _) = TerminalApp.runHeadless(
            state: &state, program: Self.program, width: 10, height: 2,
            script: [.resize(width: 8, height: 3), .key(.character("j")), .resize(width: 8, height: 3)])
        #expect(state.size == (8, 3))
        // A resize to the same size still repaints: the emulator may have reflowed the screen.
        #expect(backend.frames.map { [$0.width, $0.height] } == [[10, 2], [8, 3], [8, 3], [8, 3]])
        #expect(backend.cellsWritten == [20, 24, 1, 24])
    }

    @Test func anInterruptQuitsAndRestores() {
        var state = Counter()
        let (backend, statistics) = TerminalApp.runHeadless(
            state: &state, program: Self.program, width: 10, height: 2,
            script: [.key(.character("j")), .interrupt, .key(.character("j"))])
        #expect(statistics.endReason == .interrupted)
        #expect(state.count == 1)
        #expect(backend.restoreCount == 1)
    }

    @Test func clockTicksArriveWhileIdle() {
        var state = Counter()
        let backend = HeadlessBackend(width: 10, height: 2, script: Array(repeating: .idle, count: 200))
        final class SlowBackend: TerminalBackend {
            let inner: HeadlessBackend
            init(_ inner: HeadlessBackend) { self.inner = inner }
            var size: (width: Int, height: Int) { inner.size }
            func nextKey(timeout: Duration) -> TerminalInput? {
                Thread.sleep(forTimeInterval: timeout.seconds)  // a real poll waits out its timeout
                return inner.nextKey(timeout: timeout)
            }
            func present(_ buffer: ScreenBuffer) { inner.present(buffer) }
            func restore() { inner.restore() }
        }
        let elapsed = ContinuousClock().measure {
            TerminalApp.run(
                state: &state, program: Self.program, backend: SlowBackend(backend), inbox: EventInbox(),
                options: .init(pollInterval: .milliseconds(2), clockInterval: .milliseconds(50)), perform: { _ in })
        }
        // 200 polls of up to 2 ms each take at least ~0.3 s: several ticks, never more than one per 50 ms.
        #expect(state.ticks >= 2)
        #expect(state.ticks <= Int(elapsed / .milliseconds(50)))
        #expect(backend.frames.count == 1)  // ticks change the state but not the frame, so nothing is presented
    }

    @Test func latencyHistogram() {
        var latency = LatencyStatistics()
        for milliseconds in [0.5, 0.7, 3, 150] { latency.record(.microseconds(Int(milliseconds * 1000))) }
        #expect(latency.count == 4)
        #expect(latency.maximum == .milliseconds(150))
        #expect(latency.buckets == [2, 0, 1, 0, 0, 0, 0, 1])
        #expect(latency.description == "key-to-screen: 4 keys, mean 38.5 ms, max 150.0 ms; <1 ms 2, <5 ms 1, ≥100 ms 1")
    }
}

import Foundation

extension Duration {
    fileprivate var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
