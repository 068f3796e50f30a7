import Testing
import TriageUI

@testable import TriageTerminal

@Suite struct FramePresenterTests {
    private func frame(_ rows: [String], width: Int) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: width, height: rows.count)
        for (y, row) in rows.enumerated() { buffer.put(row, x: 0, y: y) }
        return buffer
    }

    @Test func writesOnlyChangedCells() {
        var presenter = FramePresenter()
        var writes: [(Int, Int, Cell)] = []
        let first = frame(["┌──┐", "│░▒│", "└──┘"], width: 4)
        #expect(presenter.present(first) { writes.append(($0, $1, $2)) } == 12)
        #expect(writes.count == 12)

        writes = []
        #expect(presenter.present(first) { writes.append(($0, $1, $2)) } == 0)
        #expect(writes.isEmpty)

        var second = first
        second[2, 1] = Cell("█", .heat(level: 4))  // new glyph and style
        second[0, 0] = Cell("┌", .title)  // same glyph, new style
        #expect(presenter.present(second) { writes.append(($0, $1, $2)) } == 2)
        #expect(writes.map { [$0.0, $0.1] } == [[0, 0], [2, 1]])
        #expect(writes.map(\.2) == [Cell("┌", .title), Cell("█", .heat(level: 4))])
    }

    @Test func aNewSizeOrInvalidateRepaintsEverything() {
        var presenter = FramePresenter()
        let small = frame(["ab", "cd"], width: 2)
        presenter.present(small) { _, _, _ in }
        #expect(presenter.present(frame(["ab", "cd"], width: 3)) { _, _, _ in } == 6)
        presenter.invalidate()
        #expect(presenter.previous == nil)
        #expect(presenter.present(small) { _, _, _ in } == 4)
    }
}
