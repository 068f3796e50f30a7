/// A key as the UI understands it; backends translate their own codes (curses KEY_*, tmux
/// send-keys, recorded sessions) into these.
public enum KeyPress: Hashable, Sendable {
    case character(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case tab, backTab, enter, escape, backspace
    /// Ctrl-C arrives as a signal in a terminal; a backend may also report it as a key.
    case interrupt
}
