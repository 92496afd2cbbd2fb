/* The machinery the CSV importers share (see import_int.h): one import from
 * the first check to the commit, reading the header and the rows, collecting
 * every problem of every row, finding a key the file repeats, and the words
 * of a refused or failed import.
 *
 * An import runs in two passes: the first reads and checks every row against
 * the file and the database and collects every problem; only a file without
 * problems reaches the second pass, which writes, in one write transaction.
 * What was checked must still be true when it is written: an importer either
 * holds the write lock from the first pass on, or (with resolve, the people)
 * checks without it, so that the bookings of others wait only for the
 * writing, and looks at the database again under the lock when another hop
 * changed something in between (db_mark). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/base/csv.h"
#include "hop/base/fold.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"
#include "hop/base/vec.h"
#include "import_int.h"

/* Row i of b, fmt->elem bytes long, starting with its import_row. */
static struct import_row *row_at(const struct import_base *b, const struct import_format *fmt,
                                 size_t i)
{
	return (struct import_row *)((char *)b->rows + i * fmt->elem);
}

/* ---- cells and problems ---- */

/* Blanks and tabs off both ends, in place. */
static void trim(char *s)
{
	size_t n = strlen(s), i = 0;

	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	s[n] = '\0';
	while (s[i] == ' ' || s[i] == '\t')
		i++;
	if (i)
		memmove(s, s + i, n - i + 1);
}

/* Append "file:line: what\n" to *msg (malloc'd, NULL at first).  False when
 * memory ran out (the problem is then lost: the caller must fail). */
static bool vnote(char **msg, const char *file, long line, const char *fmt, va_list ap)
	__attribute__((format(printf, 4, 0)));

static bool vnote(char **msg, const char *file, long line, const char *fmt, va_list ap)
{
	char what[HOP_ERR_MSG_MAX], text[HOP_ERR_MSG_MAX + 300];
	size_t old = *msg ? strlen(*msg) : 0;
	int n;
	char *p;

	vsnprintf(what, sizeof what, fmt, ap);
	n = snprintf(text, sizeof text, "%s:%ld: %s\n", file, line, what);
	if (n < 0 || (size_t)n >= sizeof text)
		n = (int)strlen(text);
	p = realloc(*msg, old + (size_t)n + 1);
	if (!p)
		return false;
	memcpy(p + old, text, (size_t)n + 1);
	*msg = p;
	return true;
}

void import_problem(struct import_base *b, struct import_row *r, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	if (!vnote(&r->msg, b->name, r->line, fmt, ap))
		b->oom = true;
	va_end(ap);
}

enum hop_status import_header(struct import_base *b, const struct import_columns *cols,
                              char **f, size_t n, long line, int *pos, const char **word,
                              struct hop_err *err)
{
	for (int c = 0; c < cols->count; c++)
		pos[c] = -1;
	for (size_t i = 0; i < n; i++) {
		size_t k;

		trim(f[i]);
		if (f[i][0] == '\0')
			return hop_fail(err, HOP_EINVAL, cols->no_name, b->name, line, i + 1);
		for (k = 0; k < cols->nwords; k++)
			if (cols->same(f[i], cols->words[k].name))
				break;
		if (k == cols->nwords)
			return hop_fail(err, HOP_EINVAL, cols->unknown, b->name, line, f[i]);
		int c = cols->words[k].col;
		if (pos[c] >= 0)
			return hop_fail(err, HOP_EINVAL,
			                _("%s:%ld: columns %d ('%.100s') and %zu ('%.100s') both give the %s; keep one of them"),
			                b->name, line, pos[c] + 1, f[pos[c]], i + 1, f[i],
			                cols->canonical[c]);
		pos[c] = (int)i;
		if (word)
			word[c] = cols->words[k].name;
	}
	b->ncols = n;
	for (size_t i = 0; i < cols->nrequired; i++)
		if (pos[cols->required[i]] < 0)
			return hop_fail(err, HOP_EINVAL, cols->missing, b->name, line,
			                cols->canonical[cols->required[i]]);
	return HOP_OK;
}

bool import_word_is(const char *typed, const char *known)
{
	char a[64], b[64];

	if (strlen(typed) >= sizeof a || strlen(known) >= sizeof b)
		return false;
	fold_text(typed, FOLD_COLLAPSE, a, sizeof a);
	fold_text(known, FOLD_COLLAPSE, b, sizeof b);
	return strcmp(a, b) == 0;
}

bool import_cells(struct import_base *b, struct import_row *r, char **f, size_t n,
                  const int *pos, int count, const char *absent, const char **cell)
{
	if (n != b->ncols) {
		import_problem(b, r, _("the row has %zu fields but the header has %zu columns; look for a missing or extra separator or quote"),
		               n, b->ncols);
		return false;
	}
	for (int c = 0; c < count; c++) {
		cell[c] = absent;
		if (pos[c] >= 0) {
			trim(f[pos[c]]);
			cell[c] = f[pos[c]];
		}
	}
	return true;
}

/* ---- the whole file ---- */

/* Record a reader error (err->msg) in the report as one more bad row. */
static enum hop_status reader_error(struct import_report *rep, struct hop_err *err)
{
	char *old = rep->messages;
	size_t len = old ? strlen(old) : 0, add = strlen(err->msg);
	char *p = realloc(old, len + add + 2);

	if (!p)
		return hop_fail(err, HOP_ENOMEM, _("out of memory"));
	memcpy(p + len, err->msg, add);
	memcpy(p + len + add, "\n", 2);
	rep->messages = p;
	rep->errors++;
	return HOP_OK;
}

/* Is every field of the record empty or blanks?  Spreadsheets leave such
 * rows (";;;;;") where cells were once filled or formatted. */
static bool blank_record(char **f, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (f[i][strspn(f[i], " \t")] != '\0')
			return false;
	return true;
}

/* csv_next, passing over records of nothing but separators and blanks. */
static int next_record(struct csv_reader *csv, char ***f, size_t *n, long *line,
                       struct hop_err *err)
{
	int rc;

	while ((rc = csv_next(csv, f, n, line, err)) == 1 && blank_record(*f, *n))
		;
	return rc;
}

/* Read the header and every row of csv into b->rows, handing each to fmt.  A
 * reader error after some rows goes to rep as one more bad row
 * (reader_failed); before any row it fails.  On failure too, b->rows holds
 * what was read, for import_run to free. */
static enum hop_status read_file(struct import_base *b, struct csv_reader *csv,
                                 const struct import_format *fmt, struct import_report *rep,
                                 struct hop_err *err)
{
	char **f;
	size_t n;
	long line;
	int rc;
	enum hop_status st;

	rc = next_record(csv, &f, &n, &line, err);
	if (rc < 0)
		return err->status;
	if (rc == 0)
		return hop_fail(err, HOP_EINVAL, fmt->empty, b->name);
	if (fmt->header(b, f, n, line, err) != HOP_OK)
		return err->status;

	while ((rc = next_record(csv, &f, &n, &line, err)) == 1) {
		struct import_row *r;

		if (b->nrows == (size_t)fmt->max)
			return hop_fail(err, HOP_EINVAL, fmt->too_many, b->name, line, fmt->max);
		if (!vec_grow(&b->rows, &b->cap, b->nrows + 1, fmt->elem))
			return hop_fail(err, HOP_ENOMEM, _("out of memory"));
		r = row_at(b, fmt, b->nrows++);
		memset(r, 0, fmt->elem);
		r->line = line;
		if ((st = fmt->row(b, r, f, n, err)) != HOP_OK)
			return st;
	}
	if (rc < 0) {
		/* The reader cannot go on: report what it found with the rows. */
		if (b->nrows == 0)
			return err->status;
		if (reader_error(rep, err) != HOP_OK)
			return err->status;
		b->reader_failed = true;
	}
	return HOP_OK;
}

/* A row and its key, for sorting by key. */
struct keyed {
	const char *key;
	struct import_row *row;
	int (*cmp)(const char *a, const char *b);
};

static int by_key(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;
	int c = x->cmp(x->key, y->key);
	return c ? c : (x->row->line > y->row->line) - (x->row->line < y->row->line);
}

/* A key twice in the file (a login; a code in any case): the second and later
 * rows are the problem. */
static enum hop_status check_duplicates(struct import_base *b, const struct import_format *fmt,
                                        struct hop_err *err)
{
	struct keyed *v;

	if (b->nrows < 2)
		return HOP_OK;
	v = malloc(b->nrows * sizeof *v);
	if (!v)
		return hop_fail(err, HOP_ENOMEM, _("out of memory"));
	for (size_t i = 0; i < b->nrows; i++) {
		v[i].row = row_at(b, fmt, i);
		v[i].key = fmt->key(v[i].row);
		v[i].cmp = fmt->key_cmp;
	}
	qsort(v, b->nrows, sizeof *v, by_key);
	for (size_t i = 1, first = 0; i < b->nrows; i++) {
		if (v[i].key[0] && fmt->key_cmp(v[i].key, v[first].key) == 0)
			import_problem(b, v[i].row, fmt->twice, v[i].key, v[first].row->line);
		else
			first = i;
	}
	free(v);
	return HOP_OK;
}

/* The first pass: every row read and checked, then against the database,
 * then across rows. */
static enum hop_status read_rows(struct import_base *b, struct csv_reader *csv,
                                 const struct import_format *fmt, struct import_report *rep,
                                 struct hop_err *err)
{
	enum hop_status st = read_file(b, csv, fmt, rep, err);

	if (st != HOP_OK)
		return st;
	if (fmt->resolve && (st = fmt->resolve(b, err)) != HOP_OK)
		return st;
	if (fmt->across)
		fmt->across(b);
	return check_duplicates(b, fmt, err);
}

/* Every problem in line order into the report; the count of bad rows.  Every
 * row's problems, in row order, join into rep->messages (followed by what the
 * messages already held: a reader error belongs after the rows it stopped at)
 * and the rows with problems are counted in rep->errors.  A problem that could
 * not be recorded fails the import. */
static enum hop_status collect_messages(struct import_base *b, const struct import_format *fmt,
                                        struct import_report *rep, struct hop_err *err)
{
	size_t len = 0, tail, k;
	char *s, *m;

	if (b->oom)
		return hop_fail(err, HOP_ENOMEM, _("out of memory"));
	for (size_t i = 0; i < b->nrows; i++)
		if ((m = row_at(b, fmt, i)->msg)) {
			len += strlen(m);
			rep->errors++;
		}
	if (len == 0)
		return HOP_OK;
	tail = rep->messages ? strlen(rep->messages) : 0;
	s = malloc(len + tail + 1);
	if (!s)
		return hop_fail(err, HOP_ENOMEM, _("out of memory"));
	len = 0;
	for (size_t i = 0; i < b->nrows; i++)
		if ((m = row_at(b, fmt, i)->msg)) {
			k = strlen(m);
			memcpy(s + len, m, k);
			len += k;
		}
	if (tail)
		memcpy(s + len, rep->messages, tail);
	s[len + tail] = '\0';
	free(rep->messages);
	rep->messages = s;
	return HOP_OK;
}

/* A file without problems: the rows it adds, changes and leaves as they are. */
static void count(const struct import_base *b, const struct import_format *fmt,
                  struct import_report *rep)
{
	for (size_t i = 0; i < b->nrows; i++) {
		const struct import_row *r = row_at(b, fmt, i);
		if (!r->exists)
			rep->added++;
		else if (fmt->changed(r))
			rep->updated++;
		else
			rep->unchanged++;
	}
}

void import_advise(struct import_base *b, enum hop_reason reason, const struct hop_facts *facts)
{
	if (b->reason != HOP_R_NONE || reason == HOP_R_NONE)
		return;
	b->reason = reason;
	if (facts)
		b->facts = *facts;
}

/* "people.csv: 2 of 10 rows have errors; nothing was imported" (HOP_EINVAL),
 * with the reason of the first row problem that has a remedy. */
static enum hop_status refuse(const struct import_base *b, struct hop_err *err, int errors,
                              int total)
{
	hop_fail(err, HOP_EINVAL, ngettext("%s: %d of %d rows has errors; nothing was imported",
	                                   "%s: %d of %d rows have errors; nothing was imported",
	                                   (unsigned long)errors),
	         b->name, errors, total);
	err->reason = b->reason;
	err->facts = b->facts;
	return err->status;
}

/* A failure after the checks still leaves nothing behind: make the message
 * say so (once), keeping its reason. */
static void nothing_imported(struct hop_err *err, enum hop_status st)
{
	if (!strstr(err->msg, _("nothing was imported"))) {
		char msg[HOP_ERR_MSG_MAX];
		snprintf(msg, sizeof msg, "%s", err->msg);
		snprintf(err->msg, sizeof err->msg, _("%s; nothing was imported"), msg);
		err->status = st;
	}
}

/* Under the write lock: when the data changed since mark (another hop
 * wrote), look at the database again for every row, refuse the file if a
 * row is no longer right, and prepare the writing again. */
static enum hop_status recheck(struct import_base *b, const struct import_format *fmt,
                               const struct db_mark *mark, struct import_report *rep,
                               struct hop_err *err)
{
	struct db_mark now;

	if (db_mark(b->app->db, &now, err) != HOP_OK)
		return err->status;
	/* Its own writes in between were the staging, to a table of its own. */
	if (db_mark_same_others(mark, &now))
		return HOP_OK;
	if (fmt->resolve(b, err) != HOP_OK || collect_messages(b, fmt, rep, err) != HOP_OK)
		return err->status;
	if (rep->errors)
		return refuse(b, err, rep->errors, (int)b->nrows);
	return fmt->stage ? fmt->stage(b, err) : HOP_OK;
}

enum hop_status import_run(struct import_base *b, FILE *in, const struct import_format *fmt,
                           bool dry_run, struct import_report *rep, struct hop_err *err)
{
	struct csv_reader *csv;
	struct db_mark mark;
	enum hop_status st;
	bool in_tx = false, early = fmt->resolve == NULL;

	memset(rep, 0, sizeof *rep);
	hop_err_clear(err);
	if (fmt->allowed(b->app, err) != HOP_OK)
		return err->status;
	csv = csv_open(in, b->name);
	if (!csv)
		return hop_fail(err, HOP_ENOMEM, _("out of memory"));
	/* The write lock from the first check on, or a mark to compare with
	 * once it is taken.  A dry run only reads. */
	if (!dry_run && early) {
		if ((st = db_begin(b->app->db, err)) != HOP_OK)
			goto done;
		in_tx = true;
	} else if (!dry_run && (st = db_mark(b->app->db, &mark, err)) != HOP_OK)
		goto done;
	if ((st = read_rows(b, csv, fmt, rep, err)) != HOP_OK)
		goto done;
	if ((st = collect_messages(b, fmt, rep, err)) != HOP_OK)
		goto done;
	if (rep->errors) {
		/* The record the reader stopped at counts as a row. */
		st = refuse(b, err, rep->errors, (int)b->nrows + b->reader_failed);
		goto done;
	}
	if (dry_run) {
		count(b, fmt, rep);
		goto done;
	}
	if (!early && fmt->stage && (st = fmt->stage(b, err)) != HOP_OK)
		goto done;
	if (!early) {
		if ((st = db_begin(b->app->db, err)) != HOP_OK)
			goto done;
		in_tx = true;
		if ((st = recheck(b, fmt, &mark, rep, err)) != HOP_OK)
			goto done;
	}
	count(b, fmt, rep);
	if ((st = fmt->write(b, rep, err)) != HOP_OK)
		goto done;
	st = db_commit(b->app->db, err);
	in_tx = false;
done:
	if (in_tx)
		db_rollback(b->app->db);
	if (st != HOP_OK) {
		rep->added = rep->updated = rep->unchanged = rep->teams_created = 0;
		/* A failure after the checks still leaves nothing behind: say so. */
		if (!rep->errors)
			nothing_imported(err, st);
	}
	rep->cp1252 = csv_encoding(csv) == CSV_CP1252;
	csv_close(csv);
	for (size_t i = 0; i < b->nrows; i++)
		free(row_at(b, fmt, i)->msg);
	free(b->rows);
	b->rows = NULL;
	b->nrows = b->cap = 0;
	return st;
}
