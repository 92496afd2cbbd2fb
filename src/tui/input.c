/* A one-line editor for the search prompt and form fields (see input.h). */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "input.h"

/* Bytes wc takes in the locale's encoding; 0 if it has no encoding there. */
static size_t char_bytes(wchar_t wc)
{
	char b[MB_LEN_MAX];
	mbstate_t st;
	size_t n;

	memset(&st, 0, sizeof st);
	n = wcrtomb(b, wc, &st);
	return n == (size_t)-1 ? 0 : n;
}

static size_t text_bytes(const struct tui_input *in)
{
	size_t n = 0;

	for (size_t i = 0; i < in->len; i++)
		n += char_bytes(in->buf[i]);
	return n;
}

static int char_cols(wchar_t wc)
{
	int w = wcwidth(wc);
	return w < 0 ? 1 : w;
}

static bool printable(wint_t c)
{
	return c >= 0x20 && c != 0x7f && !(c >= 0x80 && c < 0xa0) && wcwidth((wchar_t)c) >= 0;
}

bool input_init(struct tui_input *in, const char *text, size_t max_bytes)
{
	mbstate_t st;
	bool lossless = true;

	memset(in, 0, sizeof *in);
	in->max_bytes = max_bytes < INPUT_MAX_CHARS ? max_bytes : INPUT_MAX_CHARS - 1;
	memset(&st, 0, sizeof st);
	while (text && *text && in->len < INPUT_MAX_CHARS) {
		wchar_t wc;
		size_t n = mbrtowc(&wc, text, strnlen(text, MB_LEN_MAX), &st);

		if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
			memset(&st, 0, sizeof st);
			wc = L'?';
			n = 1;
			lossless = false;
		} else if (!printable((wint_t)wc)) {
			wc = L'?';
			lossless = false;
		}
		in->buf[in->len++] = wc;
		text += n;
	}
	if (text && *text)
		lossless = false;
	in->cur = in->len;
	return lossless;
}

static void delete_range(struct tui_input *in, size_t from, size_t to)
{
	memmove(in->buf + from, in->buf + to, (in->len - to) * sizeof in->buf[0]);
	in->len -= to - from;
	in->cur = from;
}

static enum input_result insert(struct tui_input *in, wchar_t wc)
{
	size_t nb = char_bytes(wc);

	if (nb == 0)
		return INPUT_IGNORED;
	if (in->len >= INPUT_MAX_CHARS || text_bytes(in) + nb > in->max_bytes)
		return INPUT_FULL;
	memmove(in->buf + in->cur + 1, in->buf + in->cur, (in->len - in->cur) * sizeof in->buf[0]);
	in->buf[in->cur++] = wc;
	in->len++;
	return INPUT_CHANGED;
}

static enum input_result backspace(struct tui_input *in)
{
	if (in->cur == 0)
		return INPUT_MOVED;
	delete_range(in, in->cur - 1, in->cur);
	return INPUT_CHANGED;
}

static enum input_result delete_here(struct tui_input *in)
{
	if (in->cur >= in->len)
		return INPUT_MOVED;
	delete_range(in, in->cur, in->cur + 1);
	return INPUT_CHANGED;
}

/* Ctrl-W: the word before the cursor and the spaces after it. */
static enum input_result delete_word(struct tui_input *in)
{
	size_t i = in->cur;

	if (i == 0)
		return INPUT_MOVED;
	while (i > 0 && in->buf[i - 1] == L' ')
		i--;
	while (i > 0 && in->buf[i - 1] != L' ')
		i--;
	delete_range(in, i, in->cur);
	return INPUT_CHANGED;
}

static enum input_result move_to(struct tui_input *in, size_t pos)
{
	in->cur = pos;
	return INPUT_MOVED;
}

enum input_result input_key(struct tui_input *in, const struct tui_key *k)
{
	if (k->fn) {
		switch ((int)k->c) {
		case KEY_ENTER: return INPUT_ENTER;
		case KEY_BACKSPACE: return backspace(in);
		case KEY_DC: return delete_here(in);
		case KEY_LEFT: return move_to(in, in->cur > 0 ? in->cur - 1 : 0);
		case KEY_RIGHT: return move_to(in, in->cur < in->len ? in->cur + 1 : in->len);
		case KEY_HOME: return move_to(in, 0);
		case KEY_END: return move_to(in, in->len);
		default: return INPUT_IGNORED;
		}
	}
	switch (k->c) {
	case L'\n':
	case L'\r': return INPUT_ENTER;
	case 27: return INPUT_ESCAPE;
	case 0x7f:
	case TUI_CTRL('H'): return backspace(in);
	case TUI_CTRL('D'): return delete_here(in);
	case TUI_CTRL('A'): return move_to(in, 0);
	case TUI_CTRL('E'): return move_to(in, in->len);
	case TUI_CTRL('B'): return move_to(in, in->cur > 0 ? in->cur - 1 : 0);
	case TUI_CTRL('F'): return move_to(in, in->cur < in->len ? in->cur + 1 : in->len);
	case TUI_CTRL('U'):
		if (in->cur == 0)
			return INPUT_MOVED;
		delete_range(in, 0, in->cur);
		return INPUT_CHANGED;
	case TUI_CTRL('K'):
		if (in->cur == in->len)
			return INPUT_MOVED;
		in->len = in->cur;
		return INPUT_CHANGED;
	case TUI_CTRL('W'): return delete_word(in);
	default:
		return printable(k->c) ? insert(in, (wchar_t)k->c) : INPUT_IGNORED;
	}
}

bool input_text(const struct tui_input *in, char *buf, size_t size)
{
	size_t used = 0;
	mbstate_t st;

	memset(&st, 0, sizeof st);
	for (size_t i = 0; i < in->len; i++) {
		char b[MB_LEN_MAX];
		size_t n = wcrtomb(b, in->buf[i], &st);

		if (n == (size_t)-1)
			return false;
		if (used + n >= size)
			return false;
		memcpy(buf + used, b, n);
		used += n;
	}
	if (size == 0)
		return false;
	buf[used] = '\0';
	return true;
}

int input_draw(WINDOW *w, struct tui_input *in, int y, int x, int width)
{
	int cols = 0, cx;
	size_t i;

	if (width <= 0)
		return x;
	/* Scroll so that the cursor and the cell it stands on are visible. */
	if (in->cur < in->first)
		in->first = in->cur;
	for (;;) {
		int span = 1;
		for (i = in->first; i < in->cur; i++)
			span += char_cols(in->buf[i]);
		if (span <= width || in->first >= in->cur)
			break;
		in->first++;
	}
	mvwhline(w, y, x, ' ', width);
	wmove(w, y, x);
	for (i = in->first; i < in->len; i++) {
		int cw = char_cols(in->buf[i]);
		if (cols + cw > width)
			break;
		waddnwstr(w, &in->buf[i], 1);
		cols += cw;
	}
	cx = x;
	for (i = in->first; i < in->cur; i++)
		cx += char_cols(in->buf[i]);
	return cx;
}
