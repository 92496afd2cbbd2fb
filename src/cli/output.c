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
#include "output_int.h"

struct out_table {
	enum out_format f;
	size_t ncols;
	char **headers;
	char **keys;
	char *fit;          /* how the columns give way to a narrow terminal */
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

struct out_table *out_table_new(enum out_format f, size_t ncols, const char *const *headers,
                                const char *const *keys, const char *fit)
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
	/* A layout that does not match its columns is a mistake in hop: say
	 * so, and print the table whole rather than guess. */
	if (out_fit_valid(fit, ncols))
		t->fit = strndup(fit, ncols);
	else if (f == OUT_TABLE)
		fprintf(stderr, "hop: %s\n", _("a table's column layout does not match its columns; "
		        "it is printed at full width"));
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

void out_label(FILE *out, const char *label, int width)
{
	fputs(label, out);
	for (int pad = width - out_display_width(label); pad > 0; pad--)
		putc(' ', out);
}

/* The names of the columns left out (w[j] < 0, with values), for the
 * last line: "(not shown: Site, Floor; --wide shows every column)". */
static void print_left_out(struct out_table *t, const int *w, const bool *empty, FILE *out)
{
	char names[512] = "", line[640];
	size_t used = 0;

	for (size_t j = 0; j < t->ncols && used < sizeof names; j++)
		if (w[j] < 0 && !empty[j])
			used += (size_t)snprintf(names + used, sizeof names - used, "%s%s",
			                         used ? ", " : "", t->headers[j] ? t->headers[j] : "");
	snprintf(line, sizeof line, _("(not shown: %s; --wide shows every column)"), names);
	out_para(out, line);
}

/* One row of cells (the shown ones, w[j] >= 0), two blanks apart, each cut
 * to its width, no blanks after the last value; a last column that wraps
 * (fit 'W') goes on in further lines under itself. */
static void print_line(char *const *cells, size_t n, const int *w, const char *fit,
                       FILE *out)
{
	size_t last = n;
	int col = 0;
	bool first = true;

	while (last > 0 && (w[last - 1] < 0 || !cells[last - 1] || !*cells[last - 1]))
		last--;
	for (size_t j = 0; j < last; j++) {
		const char *c = cells[j] ? cells[j] : "";
		size_t len, next;

		if (w[j] < 0)
			continue;
		if (!first) {
			fputs("  ", out);
			col += 2;
		}
		first = false;
		if (j + 1 < last || !fit || fit[j] != 'W' || out_display_width(c) <= w[j]) {
			out_put_cut(out, c, w[j], j + 1 < last);
			col += w[j];
			continue;
		}
		for (;;) {
			len = out_wrap_len(c, w[j], &next);
			for (size_t k = 0; k < len; k++)
				putc((unsigned char)c[k] < 0x20 || c[k] == 0x7F ? ' ' : c[k], out);
			c += next;
			if (!*c)
				break;
			fprintf(out, "\n%*s", col, "");
		}
	}
	putc('\n', out);
}

static void print_table(struct out_table *t, FILE *out)
{
	size_t n = t->ncols ? t->ncols : 1, left;
	int *natural = calloc(n, sizeof *natural), *w = calloc(n, sizeof *w);
	bool *empty = calloc(n, sizeof *empty), first = true;

	if (!natural || !w || !empty)
		goto out;
	for (size_t j = 0; j < t->ncols; j++) {
		natural[j] = out_display_width(t->headers[j] ? t->headers[j] : "");
		empty[j] = true;
		for (size_t i = 0; i < t->nrows; i++) {
			const char *c = t->rows[i][j];
			int cw = c ? out_display_width(c) : 0;
			if (cw > natural[j])
				natural[j] = cw;
			if (c && *c)
				empty[j] = false;
		}
	}
	left = out_fit_plan(t->fit, t->ncols, natural, empty, out_width(out), w);
	/* Header, a line of dashes, then the rows. */
	print_line(t->headers, t->ncols, w, NULL, out);
	for (size_t j = 0; j < t->ncols; j++) {
		if (w[j] < 0)
			continue;
		if (!first)
			fputs("  ", out);
		first = false;
		for (int k = 0; k < w[j]; k++)
			putc('-', out);
	}
	putc('\n', out);
	for (size_t i = 0; i < t->nrows; i++)
		print_line(t->rows[i], t->ncols, w, t->fit, out);
	if (left)
		print_left_out(t, w, empty, out);
out:
	free(natural);
	free(w);
	free(empty);
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
			len = out_utf8_next(s, n, &cp);
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
	free(t->fit);
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
