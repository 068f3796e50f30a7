import MXGeometry
import XCTest
@testable import MXReflections

final class ReflectionTableTests: XCTestCase {
    func testTypedAccess() throws {
        let t = try sampleTable()
        XCTAssertEqual(t.nrows, 5)
        XCTAssertEqual(t.ncols, 7)
        XCTAssertEqual(t.columnNames, ["bbox", "entering", "flags", "id", "intensity.sum.value", "miller_index", "xyzobs.px.value"])
        XCTAssertEqual(t.doubles("intensity.sum.value")?.first, 1744)
        XCTAssertEqual(t["xyzobs.px.value", as: Vec3.self]?[1], Vec3(1, 2, 3))
        XCTAssertEqual(t.ints("id")?[1], 1)
        XCTAssertEqual(t.sizes("flags")?[1], 36)
        XCTAssertEqual(t.bools("entering")?[1], false)
        XCTAssertEqual(t.int6s("bbox")?[0], Int6(403, 412, 186, 193, 0, 15))
        XCTAssertEqual(t.millerIndices("miller_index")?[1], MillerIndex(-1, 0, 5))
        XCTAssertEqual(t.columnType("bbox"), .int6)
        // Wrong type or missing: nil from the subscript, a reason from values(_:as:).
        XCTAssertNil(t.doubles("id"))
        XCTAssertNil(t.doubles("nope"))
        XCTAssertThrowsError(try t.values("id", as: Double.self)) {
            XCTAssertEqual($0 as? ReflectionTableError, .typeMismatch(column: "id", expected: .double, actual: .int))
        }
        XCTAssertThrowsError(try t.values("nope", as: Double.self)) {
            XCTAssertEqual($0 as? ReflectionTableError, .missingColumn("nope"))
        }
    }

    func testSetColumnChecksLength() throws {
        var t = ReflectionTable()
        try t.setColumn("a", [1.0, 2.0, 3.0])  // first column fixes nrows
        XCTAssertEqual(t.nrows, 3)
        XCTAssertThrowsError(try t.setColumn("b", [Int32(1)])) {
            XCTAssertEqual($0 as? ReflectionTableError, .lengthMismatch(column: "b", expected: 3, actual: 1))
            XCTAssertEqual(($0 as? ReflectionTableError)?.description, "column 'b' has 1 values but the table has 3 rows")
        }
        // Replacing the only column still has to keep the length (DIALS's rule: ncols == 0 or equal).
        XCTAssertThrowsError(try t.setColumn("a", [1.0]))
        try t.setColumn("a", [Int32(7), 8, 9])  // replacing with another type is fine
        XCTAssertEqual(t.columnType("a"), .int)
        XCTAssertThrowsError(try ReflectionTable(columns: ["x": .double([1]), "y": .bool([true, false])]))
    }

    func testModifyColumnInPlace() throws {
        var t = try sampleTable()
        let sum = try t.modifyColumn("intensity.sum.value", as: Double.self) { v -> Double in
            v[0] = 2
            return v[0] + v[4]
        }
        XCTAssertEqual(sum, -1.25)
        XCTAssertEqual(t.doubles("intensity.sum.value")?[0], 2)
        XCTAssertThrowsError(try t.modifyColumn("id", as: Double.self) { _ in })
        XCTAssertThrowsError(try t.modifyColumn("nope", as: Double.self) { _ in })
        XCTAssertEqual(t.ints("id")?.count, 5, "a failed modify leaves the column in place")
    }

    func testRemoveColumns() throws {
        var t = try sampleTable()
        XCTAssertEqual(t.removeColumn("bbox")?.type, .int6)
        XCTAssertNil(t.removeColumn("bbox"))
        t.removeColumns(["id", "flags"])
        XCTAssertEqual(t.columnNames, ["entering", "intensity.sum.value", "miller_index", "xyzobs.px.value"])
        XCTAssertEqual(t.nrows, 5)
    }

    func testSelectByMaskAndRows() throws {
        let t = try sampleTable()
        let s = try t.select([true, false, true, false, false])
        XCTAssertEqual(s.nrows, 2)
        XCTAssertEqual(s.ints("id"), [0, 1])
        XCTAssertEqual(s.millerIndices("miller_index"), [MillerIndex(1, 2, 3), .zero])
        XCTAssertEqual(s.identifiers, t.identifiers)
        XCTAssertEqual(s.ncols, t.ncols)

        let r = try t.select(rows: [4, 0, 0])
        XCTAssertEqual(r.nrows, 3)
        XCTAssertEqual(r.doubles("intensity.sum.value"), [-3.25, 1744, 1744])
        XCTAssertEqual(r.int6s("bbox")?[1], Int6(403, 412, 186, 193, 0, 15))
        XCTAssertEqual(try t.select(rows: []).nrows, 0)

        XCTAssertThrowsError(try t.select([true])) {
            XCTAssertEqual($0 as? ReflectionTableError, .maskLengthMismatch(expected: 5, actual: 1))
        }
        XCTAssertThrowsError(try t.select(rows: [5])) {
            XCTAssertEqual($0 as? ReflectionTableError, .rowOutOfRange(row: 5, nrows: 5))
        }
        XCTAssertThrowsError(try t.select(rows: [-1]))
    }

    func testExtendFollowsDIALS() throws {
        var a = try ReflectionTable(columns: ["x": .double([1, 2]), "id": .int([0, 0])], identifiers: [0: "A"])
        let b = try ReflectionTable(columns: ["x": .double([3]), "h": .miller([MillerIndex(1, 1, 1)])], identifiers: [0: "A", 1: "B"])
        try a.extend(b)
        XCTAssertEqual(a.nrows, 3)
        XCTAssertEqual(a.doubles("x"), [1, 2, 3])
        XCTAssertEqual(a.ints("id"), [0, 0, 0], "a column only on the left is zero-filled")
        XCTAssertEqual(a.millerIndices("h"), [.zero, .zero, MillerIndex(1, 1, 1)], "and only on the right too")
        XCTAssertEqual(a.identifiers, [0: "A", 1: "B"])

        var c = a
        let clash = try ReflectionTable(columns: ["x": .int([1])])
        XCTAssertThrowsError(try c.extend(clash)) {
            XCTAssertEqual($0 as? ReflectionTableError, .typeMismatch(column: "x", expected: .double, actual: .int))
        }
        XCTAssertEqual(c, a, "a failed extend leaves the table unchanged")
        var conflicting = ReflectionTable(identifiers: [1: "not-B"])
        conflicting.skippedColumns = ["shoebox"]
        XCTAssertThrowsError(try c.extend(conflicting)) {
            XCTAssertEqual($0 as? ReflectionTableError, .identifierConflict(id: 1, existing: "B", incoming: "not-B"))
        }
        var empty = ReflectionTable()
        try empty.extend(a)
        XCTAssertEqual(empty, a)
    }

    func testSortIsStableAndLexicographic() throws {
        let t = try sampleTable()
        // Miller indices: (1,2,3) twice (rows 0 and 3) must keep their order.
        XCTAssertEqual(try t.sortPermutation(by: "miller_index"), [4, 1, 2, 0, 3])
        XCTAssertEqual(try t.sortPermutation(by: "miller_index", descending: true), [0, 3, 2, 1, 4])
        XCTAssertEqual(try t.sortPermutation(by: "id"), [4, 0, 3, 1, 2])
        XCTAssertEqual(try t.sortPermutation(by: "entering"), [1, 4, 0, 2, 3])
        XCTAssertEqual(try t.sortPermutation(by: "xyzobs.px.value"), [2, 3, 1, 0, 4])
        XCTAssertEqual(try t.sortPermutation(by: "bbox"), [2, 4, 1, 0, 3])

        var u = try ReflectionTable(columns: ["v": .double([3, .nan, -1, 3, 2])])
        XCTAssertEqual(try u.sortPermutation(by: "v"), [2, 4, 0, 3, 1], "NaN last")
        XCTAssertEqual(try u.sortPermutation(by: "v", descending: true), [1, 0, 3, 4, 2])
        try u.setColumn("k", [UInt64(10), 20, 30, 40, 50])
        try u.sort(by: "v")
        XCTAssertEqual(u.sizes("k"), [30, 50, 10, 40, 20])
        XCTAssertThrowsError(try u.sort(by: "missing"))
    }

    func testTableIsSendableValue() async throws {
        let t = try sampleTable()
        let n = await Task.detached { t.nrows }.value
        XCTAssertEqual(n, 5)
        var copy = t
        try copy.setColumn("id", [Int32](repeating: 9, count: 5))
        XCTAssertEqual(t.ints("id")?[0], 0, "copies are independent")
        XCTAssertTrue(t.description.hasPrefix("ReflectionTable(5 rows; bbox int6, entering bool"))
    }
}
