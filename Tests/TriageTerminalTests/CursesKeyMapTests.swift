import Testing
import TriageUI

@testable import TriageTerminal

/// ncurses key codes written out as numbers (curses.h, octal there), so the table is checked
/// against the library's values rather than against itself.
@Suite struct CursesKeyMapTests {
    @Test(arguments: [
        (258, KeyPress.down), (259, .up), (260, .left), (261, .right), (262, .home), (360, .end),
        (338, .pageDown), (339, .pageUp), (353, .backTab), (343, .enter), (263, .backspace),
    ] as [(UInt32, KeyPress)])
    func functionKeys(code: UInt32, key: KeyPress) {
        #expect(CursesKeyMap.map(code: code, isKeyCode: true) == .key(key))
    }

    @Test func resizeIsNotAKey() {
        #expect(CursesKeyMap.map(code: 410, isKeyCode: true) == .resize)
    }

    @Test func unusedFunctionKeysAreIgnored() {
        #expect(CursesKeyMap.map(code: 265, isKeyCode: true) == .ignored)  // KEY_F(1)
    }

    @Test(arguments: [
        (9, KeyPress.tab), (10, .enter), (13, .enter), (27, .escape), (3, .interrupt), (8, .backspace), (127, .backspace),
        (0x71, .character("q")), (0x3f, .character("?")), (0x58, .character("X")), (0x20, .character(" ")),
        (0xc5, .character("Å")), (0x3bb, .character("λ")),
    ] as [(UInt32, KeyPress)])
    func characters(code: UInt32, key: KeyPress) {
        #expect(CursesKeyMap.map(code: code, isKeyCode: false) == .key(key))
    }

    @Test func otherControlCharactersAreIgnored() {
        for code: UInt32 in [0, 1, 26, 31] {
            #expect(CursesKeyMap.map(code: code, isKeyCode: false) == .ignored)
        }
        #expect(CursesKeyMap.map(code: 0xD800, isKeyCode: false) == .ignored)  // a lone surrogate is no character
    }

    /// The same number means different things as a key code and as a character.
    @Test func keyCodeFlagDecides() {
        #expect(CursesKeyMap.map(code: 259, isKeyCode: false) == .key(.character("ă")))
    }
}
