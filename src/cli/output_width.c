/* How wide a table may be, and how its columns give way to fit: the
 * terminal's width (COLUMNS, else the window of a terminal, else 80),
 * display widths of UTF-8 text, cutting text at a display column, and the
 * plan that says which columns a table shows how wide (output_int.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <wchar.h>

#include "hop/cli/cli.h"
#include "hop/base/priv.h"
#include "output_int.h"

/* Text narrower than this is never cut; a cut column keeps this much. */
#define TEXT_MIN 10
/* Text wider than this is worth cutting to this much before leaving out a column. */
#define SOFT_MAX 30
/* The width when neither COLUMNS nor a terminal says. */
#define DEFAULT_WIDTH 80

/* -1: ask COLUMNS and the terminal; 0: no limit (--wide); else columns. */
static int forced = -1;

void out_set_width(int cols)
{
	forced = cols < 0 ? -1 : cols;
}

int out_width(FILE *out)
{
	/* Through priv_getenv like every variable: a hop installed for the
	 * whole authority trusts none, and then the terminal says. */
	const char *env = priv_getenv("COLUMNS");
	struct winsize ws;
	int fd = out ? fileno(out) : -1;

	if (forced >= 0)
		return forced;
	if (env && *env) {
		char *end;
		long v = strtol(env, &end, 10);
		if (!*end && v > 0 && v < 100000)
			return (int)v;
	}
	if (fd >= 0 && isatty(fd) && ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return DEFAULT_WIDTH;
}

size_t out_utf8_next(const char *s, size_t n, uint32_t *cp)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len;
	uint32_t c;

	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	}
	if (p[0] >= 0xC2 && p[0] <= 0xDF) {
		len = 2;
		c = p[0] & 0x1F;
	} else if (p[0] >= 0xE0 && p[0] <= 0xEF) {
		len = 3;
		c = p[0] & 0x0F;
	} else if (p[0] >= 0xF0 && p[0] <= 0xF4) {
		len = 4;
		c = p[0] & 0x07;
	} else {
		*cp = 0xFFFD;
		return 1;
	}
	if (len > n)
		goto bad;
	for (size_t i = 1; i < len; i++) {
		if ((p[i] & 0xC0) != 0x80)
			goto bad;
		c = (c << 6) | (p[i] & 0x3F);
	}
	if ((len == 3 && (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF))) ||
	    (len == 4 && (c < 0x10000 || c > 0x10FFFF)))
		goto bad;
	*cp = c;
	return len;
bad:
	*cp = 0xFFFD;
	return 1;
}

/* The character at s (n bytes left): its length in bytes, its columns in *w. */
static size_t char_at(const char *s, size_t n, mbstate_t *ps, int *w)
{
	wchar_t wc;
	size_t len;

	/* ASCII is one column in every locale hop runs in (a control character
	 * too: it is printed as a space), without asking the locale. */
	if ((unsigned char)*s < 0x80) {
		*w = 1;
		return 1;
	}
	len = mbrtowc(&wc, s, n, ps);

	if (len == (size_t)-1 || len == (size_t)-2 || len == 0) {
		/* Not a character in this locale (or the C locale): one column
		 * per UTF-8 character, as a UTF-8 terminal shows it. */
		uint32_t cp;
		memset(ps, 0, sizeof *ps);
		*w = 1;
		return out_utf8_next(s, n, &cp);
	}
	*w = wcwidth(wc);
	/* Control characters are printed as spaces. */
	if (*w < 0)
		*w = 1;
	return len;
}

int out_display_width(const char *s)
{
	size_t n = strlen(s);
	mbstate_t ps;
	int width = 0;

	memset(&ps, 0, sizeof ps);
	while (n > 0) {
		int w;
		size_t len = char_at(s, n, &ps, &w);
		width += w;
		s += len;
		n -= len;
	}
	return width;
}

size_t out_cut_len(const char *s, int cols, int *width)
{
	size_t n = strlen(s), used = 0;
	mbstate_t ps;
	int total = 0;

	memset(&ps, 0, sizeof ps);
	while (used < n) {
		int w;
		size_t len = char_at(s + used, n - used, &ps, &w);
		if (total + w > cols)
			break;
		total += w;
		used += len;
	}
	if (width)
		*width = total;
	return used;
}

size_t out_wrap_len(const char *s, int cols, size_t *next)
{
	size_t fit = out_cut_len(s, cols, NULL), cut = fit;

	if (fit == 0 && *s) {
		/* Not even one character fits: take one, or nothing would move. */
		uint32_t cp;
		fit = cut = out_utf8_next(s, strlen(s), &cp);
	} else if (s[fit]) {
		while (cut > 0 && s[cut] != ' ')
			cut--;
		if (cut == 0)
			cut = fit;
	}
	*next = cut;
	while (s[*next] == ' ')
		(*next)++;
	return cut;
}

/* s[0..len) on one line, control characters as spaces; runs of other
 * bytes written whole. */
static void put_plain(FILE *out, const char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		size_t n = 0;

		while (i + n < len && !((unsigned char)s[i + n] < 0x20 || s[i + n] == 0x7F))
			n++;
		fwrite(s + i, 1, n, out);
		for (i += n; i < len && ((unsigned char)s[i] < 0x20 || s[i] == 0x7F); i++)
			putc(' ', out);
	}
}

void out_put_cut(FILE *out, const char *s, int cols, bool pad)
{
	int w = out_display_width(s);
	size_t len = strlen(s);

	if (w > cols) {
		len = out_cut_len(s, cols > 0 ? cols - 1 : 0, &w);
		w++;
	}
	put_plain(out, s, len);
	if (len < strlen(s))
		fputs("…", out);
	for (; pad && w < cols; w++)
		putc(' ', out);
}

/* ---- the plan ---- */

static bool droppable(char c)
{
	return (c >= '1' && c <= '9') || (c >= 'a' && c <= 'i');
}

static bool cuttable(char c)
{
	return c == 'T' || c == 'W' || (c >= '1' && c <= '9');
}

/* The order of giving way: 1 (or a) first, K, T and W last. */
static int rank(char c)
{
	if (c >= '1' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'i')
		return c - 'a' + 1;
	return 10;
}

/* The narrowest a column is cut to. */
static int hard_min(char c, int natural)
{
	return cuttable(c) && natural > TEXT_MIN ? TEXT_MIN : natural;
}

/* The narrowest a text column is worth showing, which decides what is left
 * out: two thirds of its widest cell, up to SOFT_MAX (a column cut to a sliver
 * tells less than the others whole; a long note need not claim the screen). */
static int soft_min(char c, int natural)
{
	int m = (natural * 2 + 2) / 3;

	if (!cuttable(c))
		return natural;
	if (m > SOFT_MAX)
		m = SOFT_MAX;
	return m > hard_min(c, natural) ? m : hard_min(c, natural);
}

/* Columns shown, with the two blanks between each. */
static int total(size_t n, const int *w)
{
	int sum = 0, shown = 0;

	for (size_t j = 0; j < n; j++)
		if (w[j] >= 0) {
			sum += w[j];
			shown++;
		}
	return sum + (shown > 1 ? 2 * (shown - 1) : 0);
}

/* The lowest rank of the columns shown that may be left out, or 0. */
static int lowest_droppable(const char *fit, size_t n, const int *w)
{
	int r = 0;

	for (size_t j = 0; j < n; j++)
		if (w[j] >= 0 && droppable(fit[j]) && (!r || rank(fit[j]) < r))
			r = rank(fit[j]);
	return r;
}

/* What the columns shown need before the lowest ones (rank low) give way:
 * those cut to their soft minimums, every more important one whole (text
 * up to SOFT_MAX), so that a column is left out before a more important
 * one is cut. */
static int total_need(const char *fit, size_t n, const int *w, const int *natural, int low)
{
	int sum = 0, shown = 0;

	for (size_t j = 0; j < n; j++) {
		int need = natural[j];
		if (w[j] < 0)
			continue;
		if (cuttable(fit[j]) && rank(fit[j]) <= low)
			need = soft_min(fit[j], natural[j]);
		else if (cuttable(fit[j]) && need > SOFT_MAX)
			need = SOFT_MAX;
		sum += need;
		shown++;
	}
	return sum + (shown > 1 ? 2 * (shown - 1) : 0);
}

/* The column to leave out next: the shown one that gives way first (the
 * rightmost of equals), never the last one shown; -1 for none. */
static int next_out(const char *fit, size_t n, const int *w)
{
	int best = -1, shown = 0;

	for (size_t j = 0; j < n; j++) {
		if (w[j] < 0)
			continue;
		shown++;
		if (droppable(fit[j]) && (best < 0 || rank(fit[j]) <= rank(fit[best])))
			best = (int)j;
	}
	return shown > 1 ? best : -1;
}

size_t out_fit_plan(const char *fit, size_t n, const int *natural, const bool *empty,
                    int width, int *w)
{
	size_t left = 0;
	int excess, j;

	for (size_t k = 0; k < n; k++)
		w[k] = natural[k];
	if (!fit || width <= 0 || total(n, w) <= width)
		return 0;
	/* A column with nothing in it gives way first, and is not missed. */
	for (size_t k = 0; k < n; k++)
		if (droppable(fit[k]) && empty[k] && next_out(fit, n, w) >= 0)
			w[k] = -1;
	/* Then whole columns, in their order, while they would not fit even cut. */
	while (total_need(fit, n, w, natural, lowest_droppable(fit, n, w)) > width &&
	       (j = next_out(fit, n, w)) >= 0) {
		w[j] = -1;
		left += !empty[j];
	}
	/* Then cut text, in the same order, the widest of equals first: to the
	 * soft minimums, which now fit unless nothing was left to leave out,
	 * and only then to the hard ones. */
	excess = total(n, w) - width;
	for (int pass = 0; pass < 2; pass++)
		for (int r = 1; r <= 10 && excess > 0; r++)
			while (excess > 0) {
				int best = -1;
				for (size_t k = 0; k < n; k++) {
					int floor = pass ? hard_min(fit[k], natural[k])
					                 : soft_min(fit[k], natural[k]);
					if (w[k] > floor && rank(fit[k]) == r &&
					    (best < 0 || w[k] >= w[best]))
						best = (int)k;
				}
				if (best < 0)
					break;
				w[best]--;
				excess--;
			}
	return left;
}

bool out_fit_valid(const char *fit, size_t n)
{
	if (!fit || strlen(fit) < n)
		return false;
	for (size_t j = 0; j < n; j++)
		if (fit[j] != 'K' && fit[j] != 'T' && fit[j] != 'W' && !droppable(fit[j]))
			return false;
	return true;
}

void out_hanging(FILE *out, const char *text, int col)
{
	int width = out_width(out);
	const char *p = text;

	/* Too narrow to hang anything in: the text as it is. */
	if (width <= 0 || width - col < TEXT_MIN) {
		fprintf(out, "%s\n", text);
		return;
	}
	while (*p) {
		size_t next, len = out_wrap_len(p, width - col, &next);
		fprintf(out, "%.*s\n", (int)len, p);
		p += next;
		if (*p)
			fprintf(out, "%*s", col, "");
	}
	if (!*text)
		putc('\n', out);
}

void out_para(FILE *out, const char *text)
{
	int width = out_width(out);
	const char *line = text;

	while (*line) {
		const char *nl = strchr(line, '\n');
		size_t len = nl ? (size_t)(nl - line) : strlen(line);
		char buf[1024];

		snprintf(buf, sizeof buf, "%.*s", (int)(len < sizeof buf ? len : sizeof buf - 1), line);
		/* Each line of text: whole words up to the width, the rest on the
		 * next line; a word wider than the line stays whole. */
		for (const char *p = buf; *p;) {
			size_t next, cut = width > 0 ? out_wrap_len(p, width, &next) : strlen(p);
			if (width <= 0)
				next = cut;
			fprintf(out, "%.*s\n", (int)cut, p);
			p += next;
		}
		if (!*buf)
			putc('\n', out);
		if (!nl)
			break;
		line = nl + 1;
	}
}
