import Testing

@testable import TriageTerminal

@Suite struct TOMLSubsetTests {
    @Test func parsesTheSubsetThemesUse() throws {
        let text = """
            # comment line
            name = "dark"   # trailing comment
            count = -1_024
            flag = true
            "quoted key" = 'C:\\raw'
            escapes = "tab\\t\\"q\\" \\u00c5"

            [styles.selected]\r
            attrs = [ "bold", "reverse", ]
            empty = []
            [ "odd name" . inner ]
            x = 1
            """
        let document = try TOMLDocument.parse(text, file: "t.toml")
        let root = try #require(document.tables[""])
        #expect(root.keys == ["name", "count", "flag", "quoted key", "escapes"])
        #expect(root.entries["name"]?.value == .string("dark"))
        #expect(root.entries["count"]?.value == .integer(-1024))
        #expect(root.entries["flag"]?.value == .boolean(true))
        #expect(root.entries["quoted key"]?.value == .string("C:\\raw"))
        #expect(root.entries["escapes"]?.value == .string("tab\t\"q\" Å"))
        let selected = try #require(document.tables["styles.selected"])
        #expect(selected.line == 8)
        #expect(selected.entries["attrs"] == TOMLEntry(value: .array([.string("bold"), .string("reverse")]), line: 9))
        #expect(selected.entries["empty"]?.value == .array([]))
        #expect(document.tables["odd name.inner"]?.entries["x"]?.value == .integer(1))
        #expect(document.order == ["", "styles.selected", "odd name.inner"])
    }

    @Test(arguments: [
        ("a = \"open", 1, "unterminated string"),
        ("\n\na = [1, 2", 3, "unterminated array (arrays must fit on one line)"),
        ("a = {x = 1}", 1, "inline tables are not supported; use a [table] header"),
        ("a = 1.5", 1, "floating-point numbers are not supported: '1.5'"),
        ("a = 1\na = 2", 2, "duplicate key 'a' (first set on line 1)"),
        ("[t]\n[t]", 2, "table [t] is defined twice (first on line 1)"),
        ("[[t]]", 1, "arrays of tables ([[...]]) are not supported"),
        ("a.b = 1", 1, "dotted keys are not supported; use a [table] header"),
        ("a 1", 1, "expected '=' after key 'a'"),
        ("a = yes", 1, "expected a value: a \"string\", an integer, true, false or an [array]"),
        ("a = 1 2", 1, "unexpected text after the value: '2'"),
        ("[t", 1, "expected ']' to close the table header"),
        ("a = \"\\q\"", 1, "unknown escape '\\q' in string"),
    ])
    func reportsTheLineAndReason(text: String, line: Int, reason: String) {
        #expect(throws: ThemeFileError(file: "bad.toml", line: line, reason: reason)) {
            try TOMLDocument.parse(text, file: "bad.toml")
        }
    }

    @Test func errorsPrintAsFileLineReason() {
        #expect(ThemeFileError(file: "themes/x.toml", line: 7, reason: "bad").description == "themes/x.toml:7: bad")
        #expect(ThemeFileError(file: "themes/x.toml", line: 0, reason: "unreadable").description == "themes/x.toml: unreadable")
    }
}
