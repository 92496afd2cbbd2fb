/* UTF-8 text on the screen, measured in terminal columns (see text.h). */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "text.h"

/* Decode the next character of *s.  Bytes that are not valid in the locale's
 * encoding and control characters come back as '?', one column wide, so that
 * nothing read from the database reaches the terminal as a command.
 * Returns false at the end of the string. */
static bool next_char(const char **s, wchar_t *wc, int *cw)
{
	mbstate_t st;
	size_t n;

	if (!**s)
		return false;
	memset(&st, 0, sizeof st);
	n = mbrtowc(wc, *s, strnlen(*s, MB_LEN_MAX), &st);
	if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
		*wc = L'?';
		n = 1;
	}
	*s += n;
	*cw = wcwidth(*wc);
	if (*cw < 0 || *wc < 0x20 || *wc == 0x7f) {
		*wc = L'?';
		*cw = 1;
	}
	return true;
}

int text_width(const char *s)
{
	wchar_t wc;
	int cw, w = 0;

	while (next_char(&s, &wc, &cw))
		w += cw;
	return w;
}

/* The mark for cut text: '…' where the terminal's encoding has it. */
static wchar_t ellipsis(void)
{
	return wcwidth(L'\x2026') == 1 ? L'\x2026' : L'~';
}

int text_draw(WINDOW *w, int y, int x, const char *s, int width)
{
	wchar_t buf[128], wc;
	size_t nb = 0;
	int cw, used = 0, total, limit;

	if (width <= 0)
		return 0;
	total = text_width(s);
	limit = total <= width ? width : width - 1;
	wmove(w, y, x);
	while (next_char(&s, &wc, &cw)) {
		if (used + cw > limit)
			break;
		buf[nb++] = wc;
		used += cw;
		if (nb == sizeof buf / sizeof buf[0]) {
			waddnwstr(w, buf, (int)nb);
			nb = 0;
		}
	}
	if (nb)
		waddnwstr(w, buf, (int)nb);
	if (total > width) {
		/* A wide character that did not fit leaves a gap before the mark. */
		while (used < width - 1) {
			waddch(w, ' ');
			used++;
		}
		wc = ellipsis();
		waddnwstr(w, &wc, 1);
		used++;
	}
	return used;
}

void text_fill(WINDOW *w, int y, int x, int width)
{
	if (width > 0)
		mvwhline(w, y, x, ' ', width);
}

void text_draw_pad(WINDOW *w, int y, int x, const char *s, int width)
{
	int used = text_draw(w, y, x, s, width);

	text_fill(w, y, x + used, width - used);
}

int text_wrap(WINDOW *w, int y, int x, const char *s, int width, int max_rows, bool centred,
              bool dry_run)
{
	size_t len = strlen(s);
	char *line = malloc(len + 1);
	const char *p = s;
	int rows = 0;

	if (!line || width <= 0) {
		free(line);
		return 0;
	}
	while (*p && rows < max_rows) {
		const char *start, *end, *q;
		int lw = 0;

		while (*p == ' ')
			p++;
		if (!*p)
			break;
		start = end = p;
		/* Take words while they fit; a single word wider than the line is cut. */
		for (q = p; *q;) {
			const char *word_end = q;
			char tmp[256];
			size_t wl;
			/* The spaces between the words, as many as there are. */
			int ww, gap = q == start ? 0 : (int)(q - end);

			while (*word_end && *word_end != ' ')
				word_end++;
			wl = (size_t)(word_end - q);
			if (wl >= sizeof tmp)
				wl = sizeof tmp - 1;
			memcpy(tmp, q, wl);
			tmp[wl] = '\0';
			ww = text_width(tmp);
			if (q != start && lw + gap + ww > width)
				break;
			lw += gap + ww;
			end = word_end;
			q = word_end;
			while (*q == ' ')
				q++;
		}
		memcpy(line, start, (size_t)(end - start));
		line[end - start] = '\0';
		if (!dry_run) {
			int lx = centred && lw < width ? (width - lw) / 2 : 0;
			text_draw(w, y + rows, x + lx, line, width - lx);
		}
		rows++;
		p = end;
	}
	free(line);
	return rows;
}
