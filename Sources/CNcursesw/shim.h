// ncursesw (Debian libncurses-dev): only what Swift cannot import by itself — the wide-character
// API needs NCURSES_WIDECHAR, and the attribute and colour-pair macros are not importable.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>
static inline int mxcurses_maxy(WINDOW *w) { return getmaxy(w); }
static inline int mxcurses_maxx(WINDOW *w) { return getmaxx(w); }
static inline int mxcurses_color_pair(int n) { return (int)COLOR_PAIR(n); }
static const unsigned int MXCURSES_A_BOLD = A_BOLD;
static const unsigned int MXCURSES_A_REVERSE = A_REVERSE;
static const unsigned int MXCURSES_A_UNDERLINE = A_UNDERLINE;
static const unsigned int MXCURSES_A_DIM = A_DIM;
static const unsigned int MXCURSES_A_NORMAL = A_NORMAL;
/* Globals that Swift 6 rejects as shared mutable state; read them through functions instead. */
static inline WINDOW *mxcurses_stdscr(void) { return stdscr; }
static inline int mxcurses_colors(void) { return COLORS; }
static inline int mxcurses_color_pairs(void) { return COLOR_PAIRS; }
