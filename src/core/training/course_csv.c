/* The course catalogue as CSV, through the importers' shared run: every row
 * checked first, every problem as "file:line: what", and only a file without
 * problems written, all rows or none.  A code in the catalogue is updated
 * with the columns the file has; a new one is added. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "hop/core/app.h"
#include "hop/core/audit.h"
#include "hop/core/training/catalogue.h"
#include "hop/core/training/record.h"
#include "hop/core/training/trn_authz.h"
#include "hop/base/csv.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"
#include "trn_cat.h"
#include "../import/import_int.h"

#define COURSE_ROWS_MAX 5000

enum column {
	C_CODE, C_TITLE, C_KIND, C_PROVIDER, C_HOURS, C_COMPETENCES, C_VALIDITY, C_RENEWAL,
	C_APPROVAL, C_DESCRIPTION, C_RETIRED, C_COUNT
};

static const struct import_column column_names[] = {
	{ "code", C_CODE }, { "kürzel", C_CODE }, { "kurs", C_CODE },
	{ "title", C_TITLE }, { "titel", C_TITLE },
	{ "kind", C_KIND }, { "art", C_KIND },
	{ "provider", C_PROVIDER }, { "anbieter", C_PROVIDER },
	{ "hours", C_HOURS }, { "stunden", C_HOURS },
	{ "competences", C_COMPETENCES }, { "kompetenzen", C_COMPETENCES },
	{ "validity_months", C_VALIDITY }, { "validity", C_VALIDITY },
	{ "gültigkeit", C_VALIDITY }, { "gültigkeit_monate", C_VALIDITY },
	{ "renewal_days", C_RENEWAL }, { "renewal", C_RENEWAL }, { "erneuerung", C_RENEWAL },
	{ "erneuerung_tage", C_RENEWAL },
	{ "needs_approval", C_APPROVAL }, { "approval", C_APPROVAL },
	{ "genehmigung", C_APPROVAL },
	{ "description", C_DESCRIPTION }, { "beschreibung", C_DESCRIPTION },
	{ "retired", C_RETIRED }, { "ausgemustert", C_RETIRED },
};

static const char *const canonical[C_COUNT] = {
	"code", "title", "kind", "provider", "hours", "competences", "validity_months",
	"renewal_days", "needs_approval", "description", "retired",
};

/* The bits of catalogue.h's edit for each column. */
static const unsigned column_field[C_COUNT] = {
	0, CF_TITLE, CF_KIND, CF_PROVIDER, CF_HOURS, CF_COMPETENCES, CF_VALIDITY, CF_RENEWAL,
	CF_APPROVAL, CF_DESCRIPTION, 0,
};

struct row {
	struct import_row b;
	struct trn_course_spec s;       /* as it will be */
	unsigned fields;
	int retire;                     /* -1 as it is, 0 in use, 1 retired */
	int64_t id;                     /* exists: the course */
	bool was_retired;
	bool changed;
	char diff[2 * HOP_COMPETENCE_LIST_MAX + 1200];
};

struct import {
	struct import_base b;
	int pos[C_COUNT];
};

static enum hop_status read_header(void *ctx, char **f, size_t n, long line,
                                   struct hop_err *err)
{
	static const int required[] = { C_CODE };
	struct import *im = ctx;
	const struct import_columns cols = {
		.words = column_names,
		.nwords = sizeof column_names / sizeof column_names[0],
		.count = C_COUNT,
		.canonical = canonical,
		.same = import_word_is,
		.no_name = _("%s:%ld: column %zu of the header has no name; the first line must name the columns, such as code;title;kind;validity_months"),
		.unknown = _("%s:%ld: unknown column '%.100s'; the columns are code, title, kind, provider, hours, competences, validity_months, renewal_days, needs_approval, description, retired (or in German kürzel, titel, art, anbieter, stunden, kompetenzen, gültigkeit, erneuerung, genehmigung, beschreibung, ausgemustert)"),
		.required = required,
		.nrequired = sizeof required / sizeof required[0],
		.missing = _("%s:%ld: the header has no column '%s'; every row needs the course's code (German: kürzel)"),
	};

	return import_header(&im->b, &cols, f, n, line, im->pos, NULL, err);
}

/* yes/no, ja/nein, true/false, 1/0, x/"": false when it is none of them. */
static bool yes_no(const char *s, bool *v)
{
	static const char *const yes[] = { "yes", "ja", "true", "1", "x", "y", "j" };
	static const char *const no[] = { "no", "nein", "false", "0", "n", "-", "" };

	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
		if (strcasecmp(s, yes[i]) == 0)
			return (*v = true);
	for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
		if (strcasecmp(s, no[i]) == 0)
			return !(*v = false);
	return false;
}

/* The cells of the row into the spec r->s (over the course as it is). */
static void read_cells(struct import *im, struct row *r, const char *const *cell,
                       struct trn_course_spec *given)
{
	struct hop_app *app = im->b.app;
	struct hop_err e;
	int days;
	bool v;

	if (im->pos[C_TITLE] >= 0 &&
	    trn_course_text(given->title, sizeof given->title, _("title"), cell[C_TITLE], &e) != HOP_OK)
		row_problem(im, r, "title: %s", e.msg);
	if (im->pos[C_KIND] >= 0 && cell[C_KIND][0] &&
	    trn_kind_parse(cell[C_KIND], &given->kind, &e) != HOP_OK)
		row_problem(im, r, "kind: %s", e.msg);
	if (im->pos[C_PROVIDER] >= 0 && trn_course_text(given->provider, sizeof given->provider,
	                                                _("provider"), cell[C_PROVIDER], &e) != HOP_OK)
		row_problem(im, r, "provider: %s", e.msg);
	if (im->pos[C_HOURS] >= 0 && cell[C_HOURS][0] &&
	    trn_hours_parse(cell[C_HOURS], &given->hours_x10, &e) != HOP_OK)
		row_problem(im, r, "hours: %s", e.msg);
	if (im->pos[C_COMPETENCES] >= 0) {
		enum hop_status st = trn_competences_parse(app, cell[C_COMPETENCES],
		                                           given->competences,
		                                           sizeof given->competences, &e);
		if (st != HOP_OK)
			row_problem(im, r, "competences: %s", e.msg);
	}
	if (im->pos[C_VALIDITY] >= 0 && cell[C_VALIDITY][0] &&
	    trn_validity_parse(cell[C_VALIDITY], &given->validity_months, &e) != HOP_OK)
		row_problem(im, r, "validity_months: %s", e.msg);
	if (im->pos[C_RENEWAL] >= 0 && cell[C_RENEWAL][0]) {
		char *end;
		long d = strtol(cell[C_RENEWAL], &end, 10);
		if (*end || d < 0 || d > 366)
			row_problem(im, r, _("renewal_days: '%.40s' is not a number of days from 0 to "
			            "366"), cell[C_RENEWAL]);
		days = (int)d;
		given->renewal_days = days;
	}
	if (im->pos[C_APPROVAL] >= 0) {
		if (!yes_no(cell[C_APPROVAL], &v))
			row_problem(im, r, _("needs_approval: '%.40s' is neither yes nor no"),
			            cell[C_APPROVAL]);
		given->needs_approval = v;
	}
	if (im->pos[C_DESCRIPTION] >= 0 &&
	    trn_course_text(given->description, sizeof given->description, _("description"),
	                    cell[C_DESCRIPTION], &e) != HOP_OK)
		row_problem(im, r, "description: %s", e.msg);
	if (im->pos[C_RETIRED] >= 0) {
		if (!yes_no(cell[C_RETIRED], &v))
			row_problem(im, r, _("retired: '%.40s' is neither yes nor no"), cell[C_RETIRED]);
		r->retire = v;
	}
}

static enum hop_status check_row(void *ctx, void *row, char **f, size_t n, struct hop_err *err)
{
	struct import *im = ctx;
	struct row *r = row;
	const char *cell[C_COUNT];
	struct trn_course_info i;
	struct trn_course_spec given;
	struct hop_err e;
	enum hop_status st;

	r->retire = -1;
	if (!import_cells(&im->b, &r->b, f, n, im->pos, C_COUNT, "", cell))
		return HOP_OK;
	if (trn_course_text(r->s.code, sizeof r->s.code, _("code"), cell[C_CODE], &e) != HOP_OK ||
	    trn_course_check_code(r->s.code, &e) != HOP_OK) {
		row_problem(im, r, "code: %s", e.msg);
		r->s.code[0] = '\0';
		return HOP_OK;
	}
	st = course_show(im->b.app, r->s.code, &i, &e);
	if (st == HOP_OK) {
		r->b.exists = true;
		r->id = i.c.id;
		r->was_retired = i.retired != HOP_DATE_NONE;
	} else if (st != HOP_ENOTFOUND) {
		*err = e;
		return st;
	} else {
		trn_course_spec_init(&i.s);
		snprintf(i.s.code, sizeof i.s.code, "%s", r->s.code);
	}
	trn_course_spec_init(&given);
	read_cells(im, r, cell, &given);
	for (int c = 0; c < C_COUNT; c++)
		if (im->pos[c] >= 0)
			r->fields |= column_field[c];
	/* Empty cells of an existing course's optional numbers keep them. */
	if (r->b.exists) {
		if (im->pos[C_KIND] >= 0 && !cell[C_KIND][0])
			r->fields &= ~(unsigned)CF_KIND;
		if (im->pos[C_RENEWAL] >= 0 && !cell[C_RENEWAL][0])
			r->fields &= ~(unsigned)CF_RENEWAL;
	}
	r->s = i.s;
	trn_course_apply(&r->s, r->fields, &given);
	if (!r->b.msg && !r->s.title[0])
		row_problem(im, r, _("title: the cell is empty; a course needs a title"));
	else if (!r->b.msg && trn_course_check(&r->s, &e) != HOP_OK)
		row_problem(im, r, "%s", e.msg);
	if (r->b.exists) {
		trn_course_diff(&i.s, &r->s, r->diff, sizeof r->diff);
		r->changed = r->diff[0] || (r->retire >= 0 && r->retire != r->was_retired);
	}
	return HOP_OK;
}

static const char *row_key(const void *row)
{
	return ((const struct row *)row)->s.code;
}

static bool row_changed(const void *row)
{
	return ((const struct row *)row)->changed;
}

static enum hop_status set_retired(struct hop_app *app, int64_t id, bool retire,
                                   struct hop_err *err)
{
	struct db_stmt *st = retire
		? db_stmt(app->db, "UPDATE course SET retired_on = ?2 WHERE id = ?1 "
		          "AND retired_on IS NULL", err)
		: db_stmt(app->db, "UPDATE course SET retired_on = NULL WHERE id = ?1", err);

	if (!st)
		return err->status;
	db_bind_int64(st, 1, id);
	if (retire)
		db_bind_today(st, 2);
	return db_run(st, _("writing courses"), err);
}

static enum hop_status write_rows(void *ctx, const struct import_report *rep,
                                  struct hop_err *err)
{
	struct import *im = ctx;
	struct hop_app *app = im->b.app;
	struct row *rows = im->b.rows;
	char object[300], detail[200];

	for (size_t k = 0; k < im->b.nrows; k++) {
		struct row *r = &rows[k];
		enum hop_status st = HOP_OK;
		if (r->b.exists && !r->changed)
			continue;
		if (!r->b.exists)
			st = trn_course_insert(app, &r->s, &r->id, err);
		else if (r->diff[0])
			st = trn_course_update(app, r->id, &r->s, err);
		if (st == HOP_OK && r->retire >= 0 && (!r->b.exists || r->retire != r->was_retired))
			st = set_retired(app, r->id, r->retire == 1, err);
		if (st != HOP_OK) {
			hop_err_prefix(err, "%s:%ld: ", im->b.name, r->b.line);
			return err->status;
		}
	}
	snprintf(detail, sizeof detail, "courses added %d, updated %d, unchanged %d", rep->added,
	         rep->updated, rep->unchanged);
	snprintf(object, sizeof object, "file:%.250s", im->b.name);
	return audit_write(app, "import.courses", object, detail, err);
}

enum hop_status import_courses(struct hop_app *app, FILE *in, const char *name,
                               const struct import_options *opt, struct import_report *rep,
                               struct hop_err *err)
{
	struct import im = { .b = { .app = app, .name = name ? name : "-" } };
	const struct import_format fmt = {
		.elem = sizeof(struct row),
		.max = COURSE_ROWS_MAX,
		.empty = _("%s: the file is empty; its first line must name the columns, such as code;title;kind;validity_months"),
		.too_many = _("%s:%ld: the file has more than %d courses; split it into smaller files"),
		.twice = _("the course code '%s' is already on line %ld; a file names each course once"),
		.allowed = authz_course_manage,
		.header = read_header,
		.row = check_row,
		.key = row_key,
		.key_cmp = strcasecmp,
		.changed = row_changed,
		.write = write_rows,
	};

	return import_run(&im.b, in, &fmt, opt && opt->dry_run, rep, err);
}

enum hop_status export_courses(struct hop_app *app, FILE *out, char sep, bool with_retired,
                               struct hop_err *err)
{
	struct trn_course_list l;

	if (course_list(app, with_retired, NULL, &l, err) != HOP_OK)
		return err->status;
	csv_write_record(out, sep, canonical, C_COUNT);
	for (size_t i = 0; i < l.n; i++) {
		const struct trn_course_spec *s = &l.v[i].s;
		char hours[16], validity[16], renewal[16];
		snprintf(validity, sizeof validity, "%d", s->validity_months);
		snprintf(renewal, sizeof renewal, "%d", s->renewal_days);
		const char *cells[C_COUNT] = {
			s->code, s->title, trn_kind_name(s->kind), s->provider,
			trn_hours_format(s->hours_x10, hours, sizeof hours), s->competences,
			s->validity_months ? validity : "", renewal, s->needs_approval ? "yes" : "no",
			s->description, l.v[i].retired != HOP_DATE_NONE ? "yes" : "no",
		};
		csv_write_record(out, sep, cells, C_COUNT);
	}
	trn_course_list_free(&l);
	if (ferror(out))
		return hop_fail(err, HOP_EIO, _("cannot write the courses"));
	return HOP_OK;
}
