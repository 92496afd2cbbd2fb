/* Reading CSV the way spreadsheet programs write it, one record at a time
 * (writing is in csv_write.c).
 *
 * The reader holds one record at most: every field is bounded by
 * CSV_FIELD_MAX and a record by CSV_FIELDS_MAX fields, so a huge or broken
 * file ends in an error message after a bounded amount of reading. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "hop/base/csv.h"
#include "hop/base/i18n.h"
#include "hop/base/vec.h"

/* How much of the first record is looked at to find the separator. */
#define PRESCAN_MAX (2 * CSV_FIELD_MAX)
#define NO_CHAR (-2)

struct csv_reader {
	FILE *in;
	char *name;
	char sep;
	bool started;
	long line;                  /* line of the next character */
	/* The start of the file, read ahead to find the separator and then
	 * parsed like the rest of the stream. */
	unsigned char *pre;
	size_t pre_len, pre_pos;
	int pushed;                 /* one character given back, or NO_CHAR */
	/* The current record: fields NUL-terminated one after another in buf. */
	char *buf;
	size_t len, cap;
	size_t offs[CSV_FIELDS_MAX];
	char *fields[CSV_FIELDS_MAX + 1];
	/* What the bytes are: unknown while every field so far was ASCII. */
	enum csv_encoding enc;
	/* Once a record fails, the reader stays failed with the same message. */
	bool failed;
	struct hop_err error;
};

struct csv_reader *csv_open(FILE *in, const char *name)
{
	struct csv_reader *r = calloc(1, sizeof *r);

	if (!r)
		return NULL;
	r->name = strdup(name ? name : "-");
	if (!r->name) {
		free(r);
		return NULL;
	}
	r->in = in;
	r->sep = ',';
	r->line = 1;
	r->pushed = NO_CHAR;
	return r;
}

void csv_close(struct csv_reader *r)
{
	if (!r)
		return;
	free(r->pre);
	free(r->buf);
	free(r->name);
	free(r);
}

char csv_separator(const struct csv_reader *r)
{
	return r->sep;
}

enum csv_encoding csv_encoding(const struct csv_reader *r)
{
	return r->enc;
}

static int next_char(struct csv_reader *r)
{
	int c;

	if (r->pushed != NO_CHAR) {
		c = r->pushed;
		r->pushed = NO_CHAR;
		return c;
	}
	if (r->pre_pos < r->pre_len)
		return r->pre[r->pre_pos++];
	/* One reader per stream, one thread: no lock per byte. */
	return getc_unlocked(r->in);
}

static void push_back(struct csv_reader *r, int c)
{
	r->pushed = c;
}

static bool pre_append(struct csv_reader *r, int c, size_t *cap)
{
	if (!vec_grow(&r->pre, cap, r->pre_len + 1, 1))
		return false;
	r->pre[r->pre_len++] = (unsigned char)c;
	return true;
}

/* Where the scan of the first record stands. */
struct scan {
	bool quoted, content, done;
	size_t counts[3];           /* ';' ',' '\t' outside quotes */
};

static void scan_char(struct scan *st, int c)
{
	if (st->done)
		return;
	if (c == '"') {
		st->quoted = !st->quoted;   /* "" inside quotes toggles twice */
		st->content = true;
	} else if (c == '\r' || c == '\n') {
		st->done = !st->quoted && st->content;
	} else {
		st->content = true;
		if (!st->quoted) {
			st->counts[0] += c == ';';
			st->counts[1] += c == ',';
			st->counts[2] += c == '\t';
		}
	}
}

/* Skip a UTF-8 byte-order mark, refuse UTF-16, and read the first record
 * ahead to choose the separator that occurs outside quotes in it. */
static enum hop_status prescan(struct csv_reader *r, struct hop_err *err)
{
	struct scan st = { 0 };
	size_t cap = 0, *counts = st.counts;
	int c, i;

	for (i = 0; i < 3; i++) {
		c = getc(r->in);
		if (c == EOF)
			break;
		if (!pre_append(r, c, &cap))
			return hop_fail(err, HOP_ENOMEM, _("%s: out of memory"), r->name);
	}
	if (r->pre_len == 3 && memcmp(r->pre, "\xEF\xBB\xBF", 3) == 0) {
		/* A byte-order mark declares UTF-8: no guessing. */
		r->pre_len = 0;
		r->enc = CSV_UTF8;
	}
	else if (r->pre_len >= 2 && ((r->pre[0] == 0xFF && r->pre[1] == 0xFE) ||
	                             (r->pre[0] == 0xFE && r->pre[1] == 0xFF)))
		return hop_fail(err, HOP_EINVAL,
		                _("%s: the file is UTF-16 text; save it as UTF-8 (in spreadsheet programs: \"CSV UTF-8\") and try again"),
		                r->name);

	for (size_t k = 0; k < r->pre_len; k++)
		scan_char(&st, r->pre[k]);
	while (!st.done && r->pre_len < PRESCAN_MAX && (c = getc(r->in)) != EOF) {
		if (!pre_append(r, c, &cap))
			return hop_fail(err, HOP_ENOMEM, _("%s: out of memory"), r->name);
		scan_char(&st, c);
	}
	if (ferror(r->in))
		return hop_fail(err, HOP_EIO, _("%s: cannot read: %s"), r->name, strerror(errno));

	/* German spreadsheets write ';' because ',' is their decimal mark. */
	if (counts[0] > 0 && counts[0] >= counts[1] && counts[0] >= counts[2])
		r->sep = ';';
	else if (counts[1] > 0 && counts[1] >= counts[2])
		r->sep = ',';
	else if (counts[2] > 0)
		r->sep = '\t';
	return HOP_OK;
}

/* Strict UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF. */
static bool utf8_valid(const unsigned char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		unsigned char c = s[i];
		size_t k;
		unsigned long cp;

		if (c < 0x80) {
			i++;
			continue;
		} else if (c >= 0xC2 && c <= 0xDF) {
			k = 1, cp = c & 0x1F;
		} else if (c >= 0xE0 && c <= 0xEF) {
			k = 2, cp = c & 0x0F;
		} else if (c >= 0xF0 && c <= 0xF4) {
			k = 3, cp = c & 0x07;
		} else {
			return false;
		}
		if (n - i <= k)
			return false;
		for (size_t j = 1; j <= k; j++) {
			if ((s[i + j] & 0xC0) != 0x80)
				return false;
			cp = (cp << 6) | (s[i + j] & 0x3F);
		}
		if ((k == 2 && cp < 0x800) || (k == 3 && cp < 0x10000) || cp > 0x10FFFF ||
		    (cp >= 0xD800 && cp <= 0xDFFF))
			return false;
		i += k + 1;
	}
	return true;
}

static bool ascii_only(const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] >= 0x80)
			return false;
	return true;
}

/* Windows-1252 (what German Excel writes as "CSV (Trennzeichen-getrennt)")
 * from 0x80 to 0x9F; 0xA0 to 0xFF are U+00A0 to U+00FF as in Latin-1, and 0
 * marks the five bytes the code page leaves undefined.  A table rather than
 * iconv: it cannot be missing from a minimal system, and cannot fail. */
static const unsigned short cp1252_80[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

/* The UTF-8 length of the Windows-1252 text s (n bytes), or 0 when a byte
 * is one the code page does not define. */
static size_t cp1252_utf8_len(const unsigned char *s, size_t n)
{
	size_t len = 0;

	for (size_t i = 0; i < n; i++) {
		unsigned c = s[i];
		if (c < 0x80)
			len += 1;
		else if (c >= 0xA0)
			len += 2;
		else if (cp1252_80[c - 0x80] == 0)
			return 0;
		else
			len += cp1252_80[c - 0x80] < 0x800 ? 2 : 3;
	}
	return len;
}

static void cp1252_to_utf8(const unsigned char *s, size_t n, unsigned char *out)
{
	for (size_t i = 0; i < n; i++) {
		unsigned cp = s[i] < 0x80 || s[i] >= 0xA0 ? s[i] : cp1252_80[s[i] - 0x80];
		if (cp < 0x80) {
			*out++ = (unsigned char)cp;
		} else if (cp < 0x800) {
			*out++ = (unsigned char)(0xC0 | cp >> 6);
			*out++ = (unsigned char)(0x80 | (cp & 0x3F));
		} else {
			*out++ = (unsigned char)(0xE0 | cp >> 12);
			*out++ = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
			*out++ = (unsigned char)(0x80 | (cp & 0x3F));
		}
	}
}

static int fail(struct csv_reader *r, struct hop_err *err)
{
	r->failed = true;
	if (err)
		*err = r->error;
	return -1;
}

/* Room for one more byte in the record buffer. */
static bool reserve(struct csv_reader *r, long line)
{
	if (r->len < r->cap)
		return true;           /* every byte passes here: no call when there is room */
	if (!vec_grow(&r->buf, &r->cap, r->len + 1, 1)) {
		hop_fail(&r->error, HOP_ENOMEM, _("%s:%ld: out of memory"), r->name, line);
		return false;
	}
	return true;
}

/* Add a byte to the field being read (field nf starts at offs[nf]). */
static bool append(struct csv_reader *r, size_t nf, long line, int c)
{
	if (r->len - r->offs[nf] >= CSV_FIELD_MAX) {
		hop_fail(&r->error, HOP_EINVAL,
		         _("%s:%ld: field %zu is longer than %d bytes; if it is not meant to be, look for a quote (\") without its partner"),
		         r->name, line, nf + 1, CSV_FIELD_MAX);
		return false;
	}
	if (!reserve(r, line))
		return false;
	r->buf[r->len++] = (char)c;
	return true;
}

static bool nul_byte(struct csv_reader *r, long line)
{
	hop_fail(&r->error, HOP_EINVAL,
	         _("%s:%ld: the file contains a NUL byte; it is not a text file (save it as CSV in UTF-8)"),
	         r->name, line);
	return false;
}

/* Line end after c (CR, LF or CRLF): counts the line. */
static void line_end(struct csv_reader *r, int c)
{
	if (c == '\r') {
		int c2 = next_char(r);
		if (c2 != '\n')
			push_back(r, c2);
	}
	r->line++;
}

/* One quoted field, the opening quote already read.  Returns the character
 * after the closing quote, or NO_CHAR on an error. */
static int quoted_field(struct csv_reader *r, size_t nf, long start)
{
	for (;;) {
		int c = next_char(r);
		if (c == EOF) {
			if (ferror(r->in))
				return NO_CHAR;
			hop_fail(&r->error, HOP_EINVAL,
			         _("%s:%ld: the quoted field %zu that starts here has no closing quote (\") before the end of the file"),
			         r->name, start, nf + 1);
			return NO_CHAR;
		}
		if (c == '"') {
			c = next_char(r);
			if (c != '"')
				return c;
		} else if (c == '\r' || c == '\n') {
			/* A line break inside quotes is part of the field, kept as LF. */
			line_end(r, c);
			c = '\n';
		} else if (c == '\0') {
			nul_byte(r, r->line);
			return NO_CHAR;
		}
		if (!append(r, nf, start, c))
			return NO_CHAR;
	}
}

/* The field just read (from offs[nf] to len) as UTF-8 text.  Until a field
 * holds something other than ASCII the encoding is open: valid UTF-8 settles
 * it as UTF-8; anything else as Windows-1252, converted from here on.  A
 * file that turns out to mix both is refused rather than guessed at. */
static bool field_text(struct csv_reader *r, size_t nf, long line)
{
	unsigned char *f = (unsigned char *)r->buf + r->offs[nf];
	size_t n = r->len - r->offs[nf], len;

	if (r->enc == CSV_ASCII && !ascii_only(f, n))
		r->enc = utf8_valid(f, n) ? CSV_UTF8 : CSV_CP1252;
	if (r->enc != CSV_CP1252) {
		if (utf8_valid(f, n))
			return true;
		hop_fail(&r->error, HOP_EINVAL,
		         _("%s:%ld: field %zu is not valid UTF-8, although the file is; save it as UTF-8 (in spreadsheet programs: \"CSV UTF-8\") or convert it with 'iconv -f WINDOWS-1252 -t UTF-8'"),
		         r->name, line, nf + 1);
		return false;
	}
	if (ascii_only(f, n))
		return true;
	if ((len = cp1252_utf8_len(f, n)) == 0) {
		hop_fail(&r->error, HOP_EINVAL,
		         _("%s:%ld: field %zu is neither UTF-8 nor Windows-1252 text; save the file as UTF-8 (in spreadsheet programs: \"CSV UTF-8\")"),
		         r->name, line, nf + 1);
		return false;
	}
	/* Convert through a copy: the field grows in place. */
	unsigned char *copy = malloc(n);
	if (!copy || !vec_grow(&r->buf, &r->cap, r->offs[nf] + len + 1, 1)) {
		free(copy);
		hop_fail(&r->error, HOP_ENOMEM, _("%s:%ld: out of memory"), r->name, line);
		return false;
	}
	memcpy(copy, r->buf + r->offs[nf], n);
	cp1252_to_utf8(copy, n, (unsigned char *)r->buf + r->offs[nf]);
	free(copy);
	r->len = r->offs[nf] + len;
	return true;
}

/* Undo what csv_write_record does to a cell a spreadsheet would take for a
 * formula: one leading quote before = + - @ tab or CR (after any further
 * quotes) goes.  So hop's own exports, and files saved from them, import
 * unchanged. */
static void unquote_formula(struct csv_reader *r, size_t nf)
{
	char *f = r->buf + r->offs[nf];
	size_t n = r->len - r->offs[nf], q = 0;

	while (q < n && f[q] == '\'')
		q++;
	if (q == 0 || q == n || f[q] == '\0' || !strchr(CSV_FORMULA_START, f[q]))
		return;
	memmove(f, f + 1, n - 1);
	r->len--;
}

int csv_next(struct csv_reader *r, char ***fields, size_t *nfields, long *line,
             struct hop_err *err)
{
	size_t nf = 0;
	long start;
	int c;

	if (r->failed)
		return fail(r, err);
	if (!r->started) {
		r->started = true;
		if (prescan(r, &r->error) != HOP_OK)
			return fail(r, err);
	}

	/* Blank lines between records are skipped. */
	for (;;) {
		c = next_char(r);
		if (c == '\r' || c == '\n')
			line_end(r, c);
		else
			break;
	}
	if (c == EOF) {
		if (ferror(r->in)) {
			hop_fail(&r->error, HOP_EIO, _("%s:%ld: cannot read: %s"),
			         r->name, r->line, strerror(errno));
			return fail(r, err);
		}
		return 0;
	}
	push_back(r, c);

	start = r->line;
	r->len = 0;
	for (;;) {
		if (nf == CSV_FIELDS_MAX) {
			hop_fail(&r->error, HOP_EINVAL,
			         _("%s:%ld: the record has more than %d fields"),
			         r->name, start, CSV_FIELDS_MAX);
			return fail(r, err);
		}
		r->offs[nf] = r->len;
		c = next_char(r);
		if (c == '"') {
			long fstart = r->line;
			c = quoted_field(r, nf, fstart);
			if (c == NO_CHAR)
				break;
			if (c != r->sep && c != '\r' && c != '\n' && c != EOF) {
				hop_fail(&r->error, HOP_EINVAL,
				         _("%s:%ld: field %zu has text after its closing quote; write a quote inside a quoted field as two quotes (\"\")"),
				         r->name, fstart, nf + 1);
				c = NO_CHAR;
				break;
			}
		} else {
			while (c != r->sep && c != '\r' && c != '\n' && c != EOF) {
				if (c == '\0') {
					nul_byte(r, r->line);
					c = NO_CHAR;
					break;
				}
				if (!append(r, nf, start, c)) {
					c = NO_CHAR;
					break;
				}
				c = next_char(r);
			}
			if (c == NO_CHAR)
				break;
		}
		/* Room for the NUL first: an empty first field has no buffer yet,
		 * and an offset from a null pointer is undefined. */
		if (!reserve(r, start) || !field_text(r, nf, start)) {
			c = NO_CHAR;
			break;
		}
		unquote_formula(r, nf);
		r->buf[r->len++] = '\0';
		nf++;
		if (c == r->sep)
			continue;
		if (c == '\r' || c == '\n')
			line_end(r, c);
		break;
	}
	if (c == NO_CHAR) {
		if (ferror(r->in))
			hop_fail(&r->error, HOP_EIO, _("%s:%ld: cannot read: %s"),
			         r->name, r->line, strerror(errno));
		return fail(r, err);
	}
	if (c == EOF && ferror(r->in)) {
		hop_fail(&r->error, HOP_EIO, _("%s:%ld: cannot read: %s"),
		         r->name, r->line, strerror(errno));
		return fail(r, err);
	}
	for (size_t i = 0; i < nf; i++)
		r->fields[i] = r->buf + r->offs[i];
	r->fields[nf] = NULL;
	*fields = r->fields;
	*nfields = nf;
	*line = start;
	return 1;
}
