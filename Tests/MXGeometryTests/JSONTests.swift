import XCTest
@testable import MXGeometry

final class JSONTests: XCTestCase {
    func testNumbersRoundTripExactly() throws {
        let xs: [Double] = [0.1, 1e-6, 0.17200000000000001, -216.99692, 1457168505.6129858, 3, -0.0, 1e300]
        let text = JSONWriter.string(.numbers(xs))
        XCTAssertEqual(try JSONParser.parse(text).doubleArray, xs)
    }

    func testStringsAndNesting() throws {
        let v: JSONValue = .object([("a\"b", .string("tab\there é ☃")), ("n", .null), ("l", .array([.bool(true), .object([])]))])
        XCTAssertEqual(try JSONParser.parse(JSONWriter.string(v)), v)
        XCTAssertEqual(try JSONParser.parse(#""\u00e9\ud83d\ude00""#).stringValue, "é😀")
    }

    func testErrorsSayWhere() {
        XCTAssertThrowsError(try JSONParser.parse("{\"a\": [1, 2}")) { error in
            XCTAssertTrue("\(error)".contains("byte 11"), "\(error)")
        }
        XCTAssertThrowsError(try JSONParser.parse("[1] x"))
        XCTAssertThrowsError(try JSONParser.parse("\"open"))
    }
}
