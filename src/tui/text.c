/* UTF-8 text on the screen, measured in terminal columns (see text.h). */
#include <langinfo.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "text.h"

bool text_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);

	return cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

const char *text_sym(const char *utf8, const char *ascii)
{
	return text_utf8() ? utf8 : ascii;
}

/* hop's symbols and typography as one ASCII character each, for terminals
 * whose character set lacks them (a C or POSIX locale): still one column,
 * so every layout holds.  Sorted by code point. */
static const struct { uint32_t cp; char ascii; } ascii_for[] = {
	{ 0x00B7, '.' },    /* · separator, not set */
	{ 0x00D7, 'x' },    /* × */
	{ 0x2013, '-' },    /* – away, ranges, not bookable */
	{ 0x2014, '-' },    /* — none */
	{ 0x2018, '\'' }, { 0x2019, '\'' },
	{ 0x201C, '"' }, { 0x201D, '"' }, { 0x201E, '"' },
	{ 0x2022, '*' },    /* • */
	{ 0x2026, '~' },    /* … */
	{ 0x2039, '<' }, { 0x203A, '>' },
	{ 0x2190, '<' },    /* ← */
	{ 0x2191, '^' },    /* ↑ */
	{ 0x2192, '>' },    /* → business trip, right */
	{ 0x2193, 'v' },    /* ↓ */
	{ 0x2302, '^' },    /* ⌂ home */
	{ 0x25A0, '#' },    /* ■ fixed desk */
	{ 0x25BC, 'v' },    /* ▼ today */
	{ 0x25C6, '~' },    /* ◆ mobile */
	{ 0x25CB, 'o' },    /* ○ free */
	{ 0x25CF, '*' },    /* ● office, booked */
	{ 0x2605, '+' },    /* ★ presence day, mine */
	{ 0x270E, '"' },    /* ✎ a note */
	{ 0x2713, '+' },    /* ✓ done */
	{ 0x2715, 'x' },    /* ✕ not a working day */
};

/* One UTF-8 character of s as a code point and its length; a byte that
 * does not start a valid sequence is itself with length 1 and *ok false. */
static uint32_t utf8_next(const unsigned char *s, size_t *len, bool *ok)
{
	uint32_t cp;
	size_t n;

	*ok = true;
	*len = 1;
	if (s[0] < 0x80)
		return s[0];
	n = (s[0] & 0xE0) == 0xC0 ? 2 : (s[0] & 0xF0) == 0xE0 ? 3 : (s[0] & 0xF8) == 0xF0 ? 4 : 0;
	if (!n) {
		*ok = false;
		return s[0];
	}
	cp = s[0] & (0x7F >> n);
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*ok = false;
			return s[0];
		}
		cp = cp << 6 | (s[i] & 0x3F);
	}
	if (cp < (n == 2 ? 0x80u : n == 3 ? 0x800u : 0x10000u) || cp > 0x10FFFF ||
	    (cp >= 0xD800 && cp <= 0xDFFF)) {
		*ok = false;
		return s[0];
	}
	*len = n;
	return cp;
}

/* In a locale that is not UTF-8: the character the terminal can show for
 * code point cp (hop's texts are UTF-8 whatever the locale): itself where the
 * locale's character set has it (ISO-8859-1 has the umlauts), an ASCII stand-in
 * for hop's symbols, else '?'. */
static wchar_t shown_as(uint32_t cp)
{
	char b[MB_LEN_MAX];
	mbstate_t st;
	size_t lo = 0, hi = sizeof ascii_for / sizeof ascii_for[0];

	if (cp < 0x80)
		return (wchar_t)cp;
	memset(&st, 0, sizeof st);
	if (wcrtomb(b, (wchar_t)cp, &st) != (size_t)-1 && wcwidth((wchar_t)cp) > 0)
		return (wchar_t)cp;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (ascii_for[mid].cp == cp)
			return (wchar_t)ascii_for[mid].ascii;
		if (ascii_for[mid].cp < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return L'?';
}

/* Decode the next character of *s (utf8: the locale is UTF-8).  Bytes that
 * are not valid UTF-8 and control characters come back as '?', one column
 * wide, so that nothing read from the database reaches the terminal as a
 * command.  Returns false at the end of the string. */
static bool next_char(const char **s, wchar_t *wc, int *cw, bool utf8)
{
	mbstate_t st;
	size_t n;

	if (!**s)
		return false;
	if (!utf8) {
		bool ok;
		uint32_t cp = utf8_next((const unsigned char *)*s, &n, &ok);
		*wc = ok ? shown_as(cp) : L'?';
	} else {
		memset(&st, 0, sizeof st);
		n = mbrtowc(wc, *s, strnlen(*s, MB_LEN_MAX), &st);
		if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
			*wc = L'?';
			n = 1;
		}
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
	bool utf8 = text_utf8();

	while (next_char(&s, &wc, &cw, utf8))
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
	bool utf8 = text_utf8();

	if (width <= 0)
		return 0;
	total = text_width(s);
	limit = total <= width ? width : width - 1;
	wmove(w, y, x);
	while (next_char(&s, &wc, &cw, utf8)) {
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
