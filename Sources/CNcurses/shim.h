// The few things Swift cannot import from ncurses: the wide-character API needs its defines
// before <ncurses.h>; macros, attribute constants and the C globals are reached through
// static inline functions and constants.
#ifndef CASEBOOK_NCURSES_SHIM_H
#define CASEBOOK_NCURSES_SHIM_H

#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE
#endif
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <signal.h>
#include <stdio.h>
#include <ncurses.h>
#include <sys/signalfd.h>
#include <poll.h>

static inline WINDOW *cb_stdscr(void) { return stdscr; }
static inline int cb_lines(void) { return LINES; }
static inline int cb_cols(void) { return COLS; }
static inline int cb_colors(void) { return COLORS; }
static inline int cb_color_pairs(void) { return COLOR_PAIRS; }

static const unsigned int CB_A_NORMAL = A_NORMAL;
static const unsigned int CB_A_BOLD = A_BOLD;
static const unsigned int CB_A_REVERSE = A_REVERSE;
static const unsigned int CB_A_UNDERLINE = A_UNDERLINE;
static const unsigned int CB_A_DIM = A_DIM;
static const unsigned int CB_A_STANDOUT = A_STANDOUT;

static inline unsigned int cb_color_pair(int n) { return (unsigned int)COLOR_PAIR(n); }
static inline int cb_key_f(int n) { return KEY_F(n); }

/// Draws one grapheme cluster (as a wide string) with attributes at y, x.
static inline int cb_put(int y, int x, const wchar_t *text, unsigned int attributes, short pair) {
    cchar_t cell;
    if (setcchar(&cell, text, (attr_t)attributes, pair, NULL) != OK) return ERR;
    return mvadd_wch(y, x, &cell);
}

/// Reads one key: returns KEY_CODE_YES for function keys (in *code), OK for a character, ERR on time-out.
static inline int cb_get(wint_t *code) { return get_wch(code); }

static inline const char *cb_codeset(void) { return nl_langinfo(CODESET); }
static inline FILE *cb_stdout(void) { return stdout; }
static inline FILE *cb_stdin(void) { return stdin; }
#endif
