/* Listings in five formats: an aligned table for people, CSV and TSV for
 * spreadsheets (and CSV as German Excel reads it), JSON for programs.  Every
 * CSV and TSV cell goes through csv_write_record, which keeps spreadsheets
 * from running a cell as a formula.  Rows are collected first because the
 * table needs the widest cell of each column before printing the first. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "hop/cli/cli.h"
#include "hop/base/csv.h"
#include "hop/base/i18n.h"
#include "hop/base/vec.h"

struct out_table {
	enum out_format f;
	size_t ncols;
	char **headers;
	char **keys;
	char ***rows;       /* rows[i][j]; NULL cells stay NULL */
	size_t nrows, cap;
	bool failed;        /* out of memory: print what we have, never crash */
};

bool out_format_parse(const char *text, enum out_format *f)
{
	static const struct { const char *name; enum out_format f; } names[] = {
		{ "table", OUT_TABLE }, { "csv", OUT_CSV }, { "tsv", OUT_TSV }, { "json", OUT_JSON },
		{ "excel", OUT_EXCEL },
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (strcmp(text, names[i].name) == 0) {
			*f = names[i].f;
			return true;
		}
	}
	return false;
}

int out_format_option(const char *name, const char *sub, const char *text, enum out_format *f)
{
	if (!out_format_parse(text, f))
		return cli_usage_error(name, sub, _("unknown format '%s'; use table, csv, tsv, excel or json"),
		                       text);
	return 0;
}

const char *out_or_null(const char *s)
{
	return *s ? s : NULL;
}

char *out_date_cell(hop_date d, char *buf)
{
	if (d == HOP_DATE_NONE)
		buf[0] = '\0';
	else
		date_format(d, buf);
	return buf;
}

struct out_table *out_table_new(enum out_format f, size_t ncols,
                                const char *const *headers, const char *const *keys)
{
	struct out_table *t = calloc(1, sizeof *t);

	if (!t)
		return NULL;
	t->f = f;
	t->ncols = ncols;
	t->headers = calloc(ncols ? ncols : 1, sizeof *t->headers);
	t->keys = calloc(ncols ? ncols : 1, sizeof *t->keys);
	if (!t->headers || !t->keys) {
		out_table_free(t);
		return NULL;
	}
	for (size_t i = 0; i < ncols; i++) {
		t->headers[i] = strdup(headers[i] ? headers[i] : "");
		t->keys[i] = strdup(keys[i] ? keys[i] : "");
		if (!t->headers[i] || !t->keys[i])
			t->failed = true;
	}
	return t;
}

/* A row is one block: the cells' pointers, then their text (8,000 rows of
 * nine cells are 8,000 allocations, not 80,000). */
void out_table_add(struct out_table *t, const char *const *cells)
{
	size_t bytes = 0, len;
	char **row, *text;

	if (!t || t->failed)
		return;
	if (!vec_grow(&t->rows, &t->cap, t->nrows + 1, sizeof *t->rows)) {
		t->failed = true;
		return;
	}
	for (size_t i = 0; i < t->ncols; i++)
		bytes += cells[i] ? strlen(cells[i]) + 1 : 0;
	row = malloc((t->ncols ? t->ncols : 1) * sizeof *row + bytes);
	if (!row) {
		t->failed = true;
		return;
	}
	text = (char *)(row + (t->ncols ? t->ncols : 1));
	for (size_t i = 0; i < t->ncols; i++) {
		if (!cells[i]) {
			row[i] = NULL;
			continue;
		}
		len = strlen(cells[i]) + 1;
		row[i] = memcpy(text, cells[i], len);
		text += len;
	}
	t->rows[t->nrows++] = row;
}

/* One UTF-8 character at s (of at most n bytes): its length and code point,
 * or length 1 and U+FFFD for a byte that starts no valid sequence. */
static size_t utf8_next(const char *s, size_t n, uint32_t *cp)
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

int out_display_width(const char *s)
{
	size_t n = strlen(s);
	mbstate_t ps;
	int width = 0;

	memset(&ps, 0, sizeof ps);
	while (n > 0) {
		wchar_t wc;
		size_t len;
		int w;

		/* ASCII is one column in every locale hop runs in (control
		 * characters too: they are printed as spaces). */
		if ((unsigned char)*s < 0x80) {
			width++;
			s++;
			n--;
			continue;
		}
		len = mbrtowc(&wc, s, n, &ps);

		if (len == (size_t)-1 || len == (size_t)-2 || len == 0) {
			/* Not a character in this locale (or the C locale): count one
			 * column per UTF-8 character, as a UTF-8 terminal would. */
			uint32_t cp;
			len = utf8_next(s, n, &cp);
			memset(&ps, 0, sizeof ps);
			w = 1;
		} else {
			w = wcwidth(wc);
			/* Control characters are printed as spaces (see put_cell). */
			if (w < 0)
				w = 1;
		}
		width += w;
		s += len;
		n -= len;
	}
	return width;
}

void out_label(FILE *out, const char *label, int width)
{
	fputs(label, out);
	for (int pad = width - out_display_width(label); pad > 0; pad--)
		putc(' ', out);
}

/* A table cell on one line: control characters become spaces.  Runs of
 * plain bytes go out whole. */
static void put_cell(FILE *out, const char *s, int pad)
{
	static const char blanks[] = "                                ";

	while (*s) {
		size_t n = 0;

		while (s[n] && !((unsigned char)s[n] < 0x20 || s[n] == 0x7F))
			n++;
		fwrite(s, 1, n, out);
		s += n;
		for (; *s && ((unsigned char)*s < 0x20 || *s == 0x7F); s++)
			putc(' ', out);
	}
	for (; pad > 0; pad -= (int)sizeof blanks - 1)
		fwrite(blanks, 1, pad < (int)sizeof blanks - 1 ? (size_t)pad : sizeof blanks - 1, out);
}

static void print_table(struct out_table *t, FILE *out)
{
	int *w = calloc(t->ncols ? t->ncols : 1, sizeof *w);

	if (!w)
		return;
	for (size_t j = 0; j < t->ncols; j++) {
		w[j] = out_display_width(t->headers[j] ? t->headers[j] : "");
		for (size_t i = 0; i < t->nrows; i++) {
			int cw = t->rows[i][j] ? out_display_width(t->rows[i][j]) : 0;
			if (cw > w[j])
				w[j] = cw;
		}
	}
	/* Header, a line of dashes, then the rows; no trailing blanks. */
	for (size_t j = 0; j < t->ncols; j++) {
		const char *h = t->headers[j] ? t->headers[j] : "";
		if (j)
			fputs("  ", out);
		put_cell(out, h, j + 1 < t->ncols ? w[j] - out_display_width(h) : 0);
	}
	putc('\n', out);
	for (size_t j = 0; j < t->ncols; j++) {
		if (j)
			fputs("  ", out);
		for (int k = 0; k < w[j]; k++)
			putc('-', out);
	}
	putc('\n', out);
	for (size_t i = 0; i < t->nrows; i++) {
		size_t last = t->ncols;
		/* Empty cells at the end of a row leave no blanks behind. */
		while (last > 0 && (!t->rows[i][last - 1] || !*t->rows[i][last - 1]))
			last--;
		for (size_t j = 0; j < last; j++) {
			const char *c = t->rows[i][j] ? t->rows[i][j] : "";
			if (j)
				fputs("  ", out);
			put_cell(out, c, j + 1 < last ? w[j] - out_display_width(c) : 0);
		}
		putc('\n', out);
	}
	free(w);
}

/* A JSON string: quotes, backslashes and control characters escaped; valid
 * UTF-8 passes through, invalid bytes become U+FFFD so the output stays valid. */
static void json_string(FILE *out, const char *s)
{
	size_t n = strlen(s);

	putc('"', out);
	while (n > 0) {
		unsigned char c = (unsigned char)*s;
		uint32_t cp;
		size_t len;

		switch (c) {
		case '"': fputs("\\\"", out); break;
		case '\\': fputs("\\\\", out); break;
		case '\b': fputs("\\b", out); break;
		case '\f': fputs("\\f", out); break;
		case '\n': fputs("\\n", out); break;
		case '\r': fputs("\\r", out); break;
		case '\t': fputs("\\t", out); break;
		default:
			if (c < 0x20 || c == 0x7F) {
				fprintf(out, "\\u%04x", c);
				break;
			}
			len = utf8_next(s, n, &cp);
			if (cp == 0xFFFD && len == 1 && c >= 0x80)
				fputs("\\ufffd", out);
			else
				fwrite(s, 1, len, out);
			s += len;
			n -= len;
			continue;
		}
		s++;
		n--;
	}
	putc('"', out);
}

static void print_json(struct out_table *t, FILE *out)
{
	if (t->nrows == 0) {
		fputs("[]\n", out);
		return;
	}
	fputs("[\n", out);
	for (size_t i = 0; i < t->nrows; i++) {
		fputs("  {", out);
		for (size_t j = 0; j < t->ncols; j++) {
			if (j)
				fputs(", ", out);
			json_string(out, t->keys[j] ? t->keys[j] : "");
			fputs(": ", out);
			if (t->rows[i][j])
				json_string(out, t->rows[i][j]);
			else
				fputs("null", out);
		}
		fputs(i + 1 < t->nrows ? "},\n" : "}\n", out);
	}
	fputs("]\n", out);
}

static void print_separated(struct out_table *t, FILE *out, char sep)
{
	csv_write_record(out, sep, (const char *const *)t->keys, t->ncols);
	for (size_t i = 0; i < t->nrows; i++)
		csv_write_record(out, sep, (const char *const *)t->rows[i], t->ncols);
}

void out_table_print(struct out_table *t, FILE *out)
{
	if (!t)
		return;
	if (t->failed)
		fprintf(stderr, "hop: %s\n", _("out of memory; the listing is incomplete"));
	switch (t->f) {
	case OUT_TABLE: print_table(t, out); break;
	case OUT_CSV: print_separated(t, out, ','); break;
	case OUT_TSV: print_separated(t, out, '\t'); break;
	case OUT_EXCEL:
		csv_write_bom(out);
		print_separated(t, out, ';');
		break;
	case OUT_JSON: print_json(t, out); break;
	}
}

void out_table_free(struct out_table *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->nrows; i++)
		free(t->rows[i]);
	free(t->rows);
	for (size_t j = 0; j < t->ncols && t->headers; j++)
		free(t->headers[j]);
	for (size_t j = 0; j < t->ncols && t->keys; j++)
		free(t->keys[j]);
	free(t->headers);
	free(t->keys);
	free(t);
}

int out_table_done(struct out_table *t, FILE *out)
{
	if (!t)
		return cli_failf(HOP_ENOMEM, _("out of memory"));
	out_table_print(t, out);
	out_table_free(t);
	return 0;
}

int out_table_done_or(struct out_table *t, FILE *out, const char *empty)
{
	if (t && t->f == OUT_TABLE && t->nrows == 0 && !t->failed) {
		out_table_free(t);
		fprintf(out, "%s\n", empty);
		return 0;
	}
	return out_table_done(t, out);
}

void out_json_string(FILE *out, const char *s)
{
	json_string(out, s);
}
