/* Training records as CSV: external certificates imported in one go, every
 * row checked first (the person, the course, the day, the result), every
 * problem as "file:line: what", and only a file without problems written.
 * Each row is a new record (source import), written in the order of the
 * days so that each continues from the one before it; a row that matches a
 * live record (person, course, day, result) is left as it is. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "hop/core/app.h"
#include "hop/core/audit.h"
#include "hop/core/training/catalogue.h"
#include "hop/core/training/record.h"
#include "hop/core/training/trn_authz.h"
#include "hop/base/clock.h"
#include "hop/base/csv.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"
#include "trn_int.h"
#include "../import/import_int.h"

#define RECORD_ROWS_MAX 200000

/* valid_until, source, id and revoked are what the export adds: read so
 * that an export imports again, and not written (hop computes them). */
enum column {
	C_LOGIN, C_COURSE, C_DONE, C_RESULT, C_HOURS, C_CERT, C_NOTE, C_VALID, C_SOURCE, C_ID,
	C_REVOKED, C_COUNT
};

static const struct import_column column_names[] = {
	{ "login", C_LOGIN }, { "kennung", C_LOGIN },
	{ "course", C_COURSE }, { "kurs", C_COURSE }, { "code", C_COURSE },
	{ "done_on", C_DONE }, { "date", C_DONE }, { "datum", C_DONE }, { "am", C_DONE },
	{ "result", C_RESULT }, { "ergebnis", C_RESULT },
	{ "hours", C_HOURS }, { "stunden", C_HOURS },
	{ "certificate", C_CERT }, { "certificate_no", C_CERT }, { "zertifikat", C_CERT },
	{ "nachweis", C_CERT },
	{ "note", C_NOTE }, { "notiz", C_NOTE }, { "hinweis", C_NOTE },
	{ "valid_until", C_VALID }, { "gültig_bis", C_VALID },
	{ "source", C_SOURCE }, { "herkunft", C_SOURCE },
	{ "id", C_ID }, { "nr", C_ID },
	{ "revoked", C_REVOKED }, { "widerrufen", C_REVOKED },
};

static const char *const canonical[C_COUNT] = {
	"login", "course", "done_on", "result", "hours", "certificate", "note", "valid_until",
	"source", "id", "revoked",
};

struct row {
	struct import_row b;
	struct trn_record_new r;
	char login[HOP_LOGIN_MAX + 1];
	char course[HOP_COURSE_CODE_MAX + 1];
	char cert[HOP_CERTIFICATE_MAX + 1];
	char note[HOP_RECORD_NOTE_MAX + 1];
	char key[HOP_LOGIN_MAX + HOP_COURSE_CODE_MAX + 16];
};

struct import {
	struct import_base b;
	int pos[C_COUNT];
};

static enum hop_status read_header(void *ctx, char **f, size_t n, long line,
                                   struct hop_err *err)
{
	static const int required[] = { C_LOGIN, C_COURSE, C_DONE };
	struct import *im = ctx;
	const struct import_columns cols = {
		.words = column_names,
		.nwords = sizeof column_names / sizeof column_names[0],
		.count = C_COUNT,
		.canonical = canonical,
		.same = import_word_is,
		.no_name = _("%s:%ld: column %zu of the header has no name; the first line must name the columns, such as login;course;done_on;result"),
		.unknown = _("%s:%ld: unknown column '%.100s'; the columns are login, course, done_on, result, hours, certificate, note, and from an export valid_until, source, id, revoked (or in German kennung, kurs, datum, ergebnis, stunden, zertifikat, notiz, gültig_bis, herkunft, nr, widerrufen)"),
		.required = required,
		.nrequired = sizeof required / sizeof required[0],
		.missing = _("%s:%ld: the header has no column '%s'; every row needs the person's login, the course and the day it was done (German: kennung, kurs, datum)"),
	};

	return import_header(&im->b, &cols, f, n, line, im->pos, NULL, err);
}

/* A day as files hold it: YYYY-MM-DD or DD.MM.YYYY, nothing relative. */
static bool file_date(struct import *im, struct row *r, const char *text, hop_date *out)
{
	struct hop_err e;
	bool shaped = *text != '\0';

	if (date_parse_iso(text, out))
		return true;
	for (const char *p = text; *p; p++)
		if (!((*p >= '0' && *p <= '9') || *p == '.'))
			shaped = false;
	if (shaped && strchr(text, '.')) {
		if (date_parse(text, clock_today(), out, &e) == HOP_OK)
			return true;
		row_problem(im, r, "%s: %s", "done_on", e.msg);
		return false;
	}
	row_problem(im, r, _("%s: '%.100s' is not a date; write it as YYYY-MM-DD or DD.MM.YYYY"),
	            "done_on", text);
	return false;
}

/* The live record of the row's person, course and day: *result -1 none. */
static enum hop_status live_record(struct hop_app *app, const struct row *r, int *result,
                                   struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT result FROM training_record "
	                           "WHERE person_id = ?1 AND course_id = ?2 AND done_on = ?3 "
	                           "AND revoked_at IS NULL ORDER BY id LIMIT 1", err);
	char text[16];
	bool found;

	*result = -1;
	if (!st)
		return err->status;
	db_bind_int64(st, 1, r->r.person_id);
	db_bind_int64(st, 2, r->r.course_id);
	db_bind_date(st, 3, r->r.done_on);
	if (db_get_text(st, text, sizeof text, &found, _("reading training records"), err) != HOP_OK)
		return err->status;
	if (found)
		*result = (int)trn_result_from_text(text);
	return HOP_OK;
}

static enum hop_status check_row(void *ctx, void *row, char **f, size_t n, struct hop_err *err)
{
	struct import *im = ctx;
	struct row *r = row;
	struct hop_app *app = im->b.app;
	const char *cell[C_COUNT];
	struct hop_person p;
	struct trn_course c;
	struct trn_record_entry e = { .result = TRN_PASSED };
	struct hop_err x;
	enum hop_status st;
	char d[HOP_DATE_ISO_LEN];
	int live;

	r->r.source = TRN_FROM_IMPORT;
	r->r.result = TRN_PASSED;
	r->r.done_on = HOP_DATE_NONE;
	if (!import_cells(&im->b, &r->b, f, n, im->pos, C_COUNT, "", cell))
		return HOP_OK;
	/* A revoked record of an export stays revoked: nothing to write. */
	if (strcasecmp(cell[C_REVOKED], "yes") == 0 || strcasecmp(cell[C_REVOKED], "ja") == 0) {
		r->b.exists = true;
		snprintf(r->key, sizeof r->key, "%ld", r->b.line);
		return HOP_OK;
	}
	st = person_get(app, cell[C_LOGIN], &p, &x);
	if (st == HOP_OK) {
		r->r.person_id = p.id;
		snprintf(r->login, sizeof r->login, "%s", p.login);
	} else if (st == HOP_ENOTFOUND || st == HOP_EINVAL) {
		row_problem(im, r, "login: %s", x.msg);
	} else {
		*err = x;
		return st;
	}
	st = trn_course_get(app, cell[C_COURSE], &c, &x);
	if (st == HOP_OK) {
		r->r.course_id = c.id;
		snprintf(r->course, sizeof r->course, "%s", c.code);
	} else if (st == HOP_ENOTFOUND) {
		row_problem(im, r, "course: %s", x.msg);
	} else {
		*err = x;
		return st;
	}
	if (file_date(im, r, cell[C_DONE], &r->r.done_on) && r->r.done_on > clock_today())
		row_problem(im, r, _("done_on: %s is still to come"), date_format(r->r.done_on, d));
	if (cell[C_RESULT][0] && trn_result_parse(cell[C_RESULT], &r->r.result, &x) != HOP_OK)
		row_problem(im, r, "result: %s", x.msg);
	if (cell[C_HOURS][0] && trn_hours_parse(cell[C_HOURS], &r->r.hours_x10, &x) != HOP_OK)
		row_problem(im, r, "hours: %s", x.msg);
	e.certificate = cell[C_CERT];
	e.note = cell[C_NOTE];
	e.done_on = r->r.done_on;
	if (r->r.done_on != HOP_DATE_NONE && r->r.done_on <= clock_today() &&
	    trn_record_check(&e, &x) != HOP_OK)
		row_problem(im, r, "%s", x.msg);
	snprintf(r->cert, sizeof r->cert, "%s", cell[C_CERT]);
	snprintf(r->note, sizeof r->note, "%s", cell[C_NOTE]);
	r->r.certificate_no = NULL;
	r->r.note = NULL;
	if (r->b.msg)
		return HOP_OK;
	snprintf(r->key, sizeof r->key, "%s\x1f%s\x1f%s", r->login, r->course,
	         date_format(r->r.done_on, d));
	if (live_record(app, r, &live, err) != HOP_OK)
		return err->status;
	if (live >= 0 && live != (int)r->r.result)
		row_problem(im, r, _("%s already has a record of %s on %s with the result %s; revoke "
		            "it first"), r->login, r->course, d, trn_result_name((enum trn_result)live));
	r->b.exists = live >= 0;
	return HOP_OK;
}

static const char *row_key(const void *row)
{
	return ((const struct row *)row)->key;
}

static bool row_changed(const void *row)
{
	(void)row;
	return false;
}

static int by_day(const void *a, const void *b)
{
	const struct row *x = *(const struct row *const *)a, *y = *(const struct row *const *)b;

	if (x->r.done_on != y->r.done_on)
		return x->r.done_on < y->r.done_on ? -1 : 1;
	return x->b.line < y->b.line ? -1 : x->b.line > y->b.line;
}

static enum hop_status write_rows(void *ctx, const struct import_report *rep,
                                  struct hop_err *err)
{
	struct import *im = ctx;
	struct hop_app *app = im->b.app;
	struct row *rows = im->b.rows, **order;
	char object[300], detail[200];
	int64_t id;

	order = malloc((im->b.nrows ? im->b.nrows : 1) * sizeof *order);
	if (!order)
		return hop_fail(err, HOP_ENOMEM, _("out of memory"));
	for (size_t k = 0; k < im->b.nrows; k++)
		order[k] = &rows[k];
	/* Oldest first: each record continues from those before it. */
	qsort(order, im->b.nrows, sizeof *order, by_day);
	for (size_t k = 0; k < im->b.nrows; k++) {
		struct row *r = order[k];
		if (r->b.exists)
			continue;
		r->r.certificate_no = r->cert;
		r->r.note = r->note;
		if (trn_record_write(app, &r->r, &id, err) != HOP_OK) {
			hop_err_prefix(err, "%s:%ld: ", im->b.name, r->b.line);
			free(order);
			return err->status;
		}
	}
	free(order);
	snprintf(detail, sizeof detail, "records added %d, unchanged %d", rep->added,
	         rep->unchanged);
	snprintf(object, sizeof object, "file:%.250s", im->b.name);
	return audit_write(app, "import.records", object, detail, err);
}

enum hop_status import_records(struct hop_app *app, FILE *in, const char *name,
                               const struct import_options *opt, struct import_report *rep,
                               struct hop_err *err)
{
	struct import im = { .b = { .app = app, .name = name ? name : "-" } };
	const struct import_format fmt = {
		.elem = sizeof(struct row),
		.max = RECORD_ROWS_MAX,
		.empty = _("%s: the file is empty; its first line must name the columns, such as login;course;done_on;result"),
		.too_many = _("%s:%ld: the file has more than %d records; split it into smaller files"),
		.twice = _("the person, course and day '%s' are already on line %ld; a file has each record once"),
		.allowed = authz_record_manage,
		.header = read_header,
		.row = check_row,
		.key = row_key,
		.key_cmp = strcmp,
		.changed = row_changed,
		.write = write_rows,
	};
	enum hop_status st = import_run(&im.b, in, &fmt, opt && opt->dry_run, rep, err);

	if (rep->messages)
		for (char *p = rep->messages; (p = strchr(p, '\x1f')); )
			*p = '/';
	return st;
}

enum hop_status export_records(struct hop_app *app, FILE *out, char sep, bool with_revoked,
                               struct hop_err *err)
{
	static const char *const head[] = {
		"login", "course", "done_on", "result", "hours", "certificate", "note",
		"valid_until", "source", "id", "revoked",
	};
	struct db_stmt *st;
	int rc;

	if (authz_record_manage(app, err) != HOP_OK)
		return err->status;
	st = db_stmt(app->db, "SELECT p.login, c.code, r.done_on, r.result, "
	             "coalesce(r.hours_x10, 0), coalesce(r.certificate_no, ''), "
	             "coalesce(r.note, ''), coalesce(r.valid_until, ''), r.source, r.id, "
	             "r.revoked_at IS NOT NULL FROM training_record r "
	             "JOIN person p ON p.id = r.person_id JOIN course c ON c.id = r.course_id "
	             "WHERE ?1 <> 0 OR r.revoked_at IS NULL ORDER BY p.login, r.done_on, r.id", err);
	if (!st)
		return err->status;
	db_bind_int(st, 1, with_revoked);
	csv_write_record(out, sep, head, with_revoked ? 11 : 10);
	while ((rc = db_step(st)) == DB_ROW) {
		char hours[16], id[24];
		trn_hours_format(db_col_int(st, 4), hours, sizeof hours);
		snprintf(id, sizeof id, "%lld", (long long)db_col_int64(st, 9));
		const char *cells[11] = {
			db_col_text(st, 0), db_col_text(st, 1), db_col_text(st, 2), db_col_text(st, 3),
			hours, db_col_text(st, 5), db_col_text(st, 6), db_col_text(st, 7),
			db_col_text(st, 8), id, db_col_int(st, 10) ? "yes" : "no",
		};
		csv_write_record(out, sep, cells, with_revoked ? 11 : 10);
	}
	db_reset(st);
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("listing training records"));
	if (ferror(out))
		return hop_fail(err, HOP_EIO, _("cannot write the training records"));
	return HOP_OK;
}
