import XCTest
@testable import MXImages

/// Expected templates from dxtbx's own `template_regex` (Debian python3-dxtbx), run on the
/// same names.
final class FilenameTemplateTests: XCTestCase {
    func testTemplatesMatchDxtbx() {
        let cases: [(String, String?, Int)] = [
            ("/data/xtal12_1_00001.cbf", "/data/xtal12_1_#####.cbf", 1),
            ("/data/xta3_1_0042.cbf", "/data/xta3_1_####.cbf", 42),
            ("img.0815", "img.####", 815),
            ("img.0815.cbf", "img.####.cbf", 815),
            ("NO2_0100.sequence.18keV", "NO2_####.sequence.18keV", 100),
            ("image-00001.cbf", "image-#####.cbf", 1),
            ("img0815", "img####", 815),
            ("/d/l-cyst_01_00015.cbf.bz2", "/d/l-cyst_01_#####.cbf.bz2", 15),
            ("/d/thau_3_2_0001.cbf.gz", "/d/thau_3_2_####.cbf.gz", 1),
            ("noDigits.cbf", nil, 0),
            ("run2_1_00148.cbf.bz2", "run2_1_#####.cbf.bz2", 148),
            ("a1b2.c3", "a1b#.c3", 2),
            ("x_12.3.cbf", "x_12.#.cbf", 3),
            ("x_1.tar.gz", "x_#.tar.gz", 1),
        ]
        for (name, template, index) in cases {
            let parsed = FilenameTemplate.parse(name)
            XCTAssertEqual(parsed?.template.description, template, name)
            if template != nil { XCTAssertEqual(parsed?.index, index, name) }
        }
    }

    func testPathForIndexPadsToWidth() {
        let t = FilenameTemplate("/data/xtal12_1_#####.cbf")!
        XCTAssertEqual(t.path(forIndex: 37), "/data/xtal12_1_00037.cbf")
        XCTAssertEqual(FilenameTemplate.parse(t.path(forIndex: 37))?.template, t)
        XCTAssertNil(FilenameTemplate("no-hashes.cbf"))
        XCTAssertNil(FilenameTemplate("a#b#.cbf"))
    }
}
