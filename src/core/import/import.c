/* Importing people from CSV, all rows or none, and exporting them again.
 * The two passes of an import are import_run's (import_util.c); here are the
 * people's columns and the checks of a row by itself; what the database says
 * about each row, the staging and the writing are in import_people_db.c. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "hop/core/app.h"
#include "hop/core/audit.h"
#include "hop/core/authz.h"
#include "hop/base/clock.h"
#include "hop/base/csv.h"
#include "hop/base/i18n.h"
#include "hop/core/import/import.h"
#include "hop/core/people/person.h"
#include "hop/base/vec.h"
#include "import_people_int.h"

/* More people than any administration has: beyond this a file is a mistake,
 * and the rows are held in memory until the file has been checked. */
#define IMPORT_ROWS_MAX 100000

static const struct import_column column_names[] = {
	{ "login", C_LOGIN }, { "kennung", C_LOGIN }, { "benutzer", C_LOGIN },
	{ "name", C_NAME },
	{ "email", C_EMAIL }, { "e-mail", C_EMAIL }, { "mail", C_EMAIL },
	{ "team", C_TEAM },
	{ "roles", C_ROLES }, { "rollen", C_ROLES },
	{ "start_date", C_START }, { "start", C_START }, { "eintritt", C_START },
	{ "startdatum", C_START },
	{ "end_date", C_END }, { "end", C_END }, { "austritt", C_END }, { "enddatum", C_END },
};

/* The names export_people writes, in this order. */
static const char *const export_header[C_COUNT] = {
	"login", "name", "email", "team", "roles", "start_date", "end_date",
};

void import_report_free(struct import_report *r)
{
	if (!r)
		return;
	free(r->messages);
	r->messages = NULL;
}

/* ---- the header ---- */

/* Header words are compared ignoring case. */
static bool same_word(const char *typed, const char *word)
{
	return strcasecmp(typed, word) == 0;
}

static enum hop_status read_header(void *ctx, char **f, size_t n, long line,
                                   struct hop_err *err)
{
	struct import *im = ctx;
	const struct import_columns cols = {
		.words = column_names,
		.nwords = sizeof column_names / sizeof column_names[0],
		.count = C_COUNT,
		.canonical = export_header,
		.same = same_word,
		.no_name = _("%s:%ld: column %zu of the header has no name; the first line must name the columns, such as login;name;email;team"),
		.unknown = _("%s:%ld: unknown column '%.100s'; the columns are login, name, email, team, roles, start_date, end_date (or in German kennung, name, e-mail, team, rollen, eintritt, austritt)"),
	};

	if (import_header(&im->b, &cols, f, n, line, im->pos, im->colname, err) != HOP_OK)
		return err->status;
	if (im->pos[C_LOGIN] < 0)
		return hop_fail(err, HOP_EINVAL,
		                _("%s:%ld: the header has no column 'login' (or 'kennung'); every row needs the person's login"),
		                im->b.name, line);
	if (im->pos[C_NAME] < 0)
		return hop_fail(err, HOP_EINVAL,
		                _("%s:%ld: the header has no column 'name'; every row needs the person's full name"),
		                im->b.name, line);
	return HOP_OK;
}

/* ---- one row ---- */

/* n ASCII digits at s? */
static bool all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

/* YYYY-MM-DD, or D.M.YYYY with one or two digits for day and month. */
static bool date_shaped(const char *s)
{
	size_t n = strlen(s), d = strspn(s, "0123456789"), m;

	if (n == 10 && s[4] == '-' && s[7] == '-')
		return all_digits(s, 4) && all_digits(s + 5, 2) && all_digits(s + 8, 2);
	if (d < 1 || d > 2 || s[d] != '.')
		return false;
	m = strspn(s + d + 1, "0123456789");
	return m >= 1 && m <= 2 && s[d + 1 + m] == '.' && n == d + m + 6 &&
	       all_digits(s + d + m + 2, 4);
}

/* A date as files hold it: YYYY-MM-DD or DD.MM.YYYY (D.M.YYYY), nothing
 * relative: a file means the same tomorrow as today. */
static bool file_date(struct import *im, struct row *r, enum column col, const char *text,
                      hop_date *out)
{
	struct hop_err e;

	if (date_parse_iso(text, out))
		return true;
	if (date_shaped(text)) {
		/* date_parse knows why a date of the right shape does not exist. */
		if (date_parse(text, clock_today(), out, &e) == HOP_OK)
			return true;
		row_problem(im, r, "%s: %s", im->colname[col], e.msg);
		return false;
	}
	row_problem(im, r, _("%s: '%.100s' is not a date; write it as YYYY-MM-DD or DD.MM.YYYY"),
	            im->colname[col], text);
	return false;
}

/* Keep a checked cell with the rows: its place in im->text (0: ""). */
static enum hop_status keep(struct import *im, const char *cell, uint32_t *at,
                            struct hop_err *err)
{
	size_t n = strlen(cell) + 1;

	*at = 0;
	if (n == 1)
		return HOP_OK;
	if (im->ntext == 0)
		n++;    /* offset 0 is the empty text */
	if (im->ntext + n > UINT32_MAX ||
	    !vec_grow(&im->text, &im->text_cap, im->ntext + n, 1))
		return hop_fail(err, HOP_ENOMEM, _("out of memory"));
	if (im->ntext == 0)
		im->text[im->ntext++] = '\0';
	*at = (uint32_t)im->ntext;
	memcpy(im->text + im->ntext, cell, strlen(cell) + 1);
	im->ntext += strlen(cell) + 1;
	return HOP_OK;
}

/* Check one row by itself (what the database says is import_people_resolve's); problems
 * go to r->b.msg, only running out of memory fails. */
static enum hop_status check_row(void *ctx, void *row, char **f, size_t n, struct hop_err *err)
{
	struct import *im = ctx;
	struct row *r = row;
	struct hop_err e;
	const char *cell[C_COUNT];

	if (!import_cells(&im->b, &r->b, f, n, im->pos, C_COUNT, NULL, cell))
		return HOP_OK;
	r->start = r->end = HOP_DATE_NONE;
	r->dates_ok = true;
	for (int c = 0; c < C_COUNT; c++)
		r->has[c] = cell[c] != NULL;

	if (person_check_login(cell[C_LOGIN], &e) != HOP_OK)
		row_problem(im, r, "%s", e.msg);
	else
		snprintf(r->login, sizeof r->login, "%s", cell[C_LOGIN]);
	if (person_check_name(cell[C_NAME], &e) != HOP_OK)
		row_problem(im, r, "%s", e.msg);
	else if (keep(im, cell[C_NAME], &r->name, err) != HOP_OK)
		return err->status;
	if (cell[C_EMAIL]) {
		if (person_check_email(cell[C_EMAIL], &e) != HOP_OK)
			row_problem(im, r, "%s", e.msg);
		else if (keep(im, cell[C_EMAIL], &r->email, err) != HOP_OK)
			return err->status;
	}
	if (cell[C_ROLES] && cell[C_ROLES][0] && role_parse(cell[C_ROLES], &r->roles, &e) != HOP_OK)
		row_problem(im, r, "%s: %s", im->colname[C_ROLES], e.msg);
	if (cell[C_START] && cell[C_START][0])
		r->dates_ok &= file_date(im, r, C_START, cell[C_START], &r->start);
	if (cell[C_END] && cell[C_END][0])
		r->dates_ok &= file_date(im, r, C_END, cell[C_END], &r->end);
	if (cell[C_TEAM] && strlen(cell[C_TEAM]) > HOP_TEAM_NAME_MAX) {
		row_problem(im, r, _("the team name is %zu bytes long; the limit is %d bytes"),
		            strlen(cell[C_TEAM]), HOP_TEAM_NAME_MAX);
	} else if (cell[C_TEAM] && cell[C_TEAM][0]) {
		if (team_check_name(cell[C_TEAM], &e) != HOP_OK)
			row_problem(im, r, "%s: %s", im->colname[C_TEAM], e.msg);
		else if (keep(im, cell[C_TEAM], &r->team_name, err) != HOP_OK)
			return err->status;
	}
	return HOP_OK;
}

/* ---- the whole file ---- */

/* The login: a login twice in the file makes the second and later rows the
 * problem. */
static const char *row_login(const void *row)
{
	return ((const struct row *)row)->login;
}

/* An existing person whom the file changes. */
static bool row_changed(const void *row)
{
	return ((const struct row *)row)->fields != 0;
}

enum hop_status import_people(struct hop_app *app, FILE *in, const char *name,
                              const struct import_options *opt, struct import_report *rep,
                              struct hop_err *err)
{
	static const struct import_options defaults = { false, false };
	struct import im = { .b = { .app = app, .name = name ? name : "-" },
	                     .opt = opt ? opt : &defaults };
	const struct import_format people = {
		.elem = sizeof(struct row),
		.max = IMPORT_ROWS_MAX,
		.empty = _("%s: the file is empty; its first line must name the columns, such as login;name;email;team"),
		.too_many = _("%s:%ld: the file has more than %d people; split it into smaller files"),
		.twice = _("the login '%s' is already on line %ld; each person may appear only once"),
		.allowed = authz_person_manage,
		.header = read_header,
		.row = check_row,
		.key = row_login,
		.key_cmp = strcmp,
		.changed = row_changed,
		.resolve = import_people_resolve,
		.stage = import_people_stage,
		.write = import_people_write,
	};
	enum hop_status st = import_run(&im.b, in, &people, im.opt->dry_run, rep, err);

	if (st == HOP_OK) {
		/* The teams the file creates: the people import's own count. */
		rep->teams_created = (int)im.nteams;
		if (!im.opt->dry_run)
			app_resolve_actor(app, &(struct hop_err){ 0 });
	}
	import_people_forget(&im);
	free(im.new_teams);
	free(im.teams);
	free(im.text);
	return st;
}

/* ---- export ---- */

enum hop_status export_people(struct hop_app *app, FILE *out, char sep, bool include_former,
                              struct hop_err *err)
{
	struct person_filter f = { .include_former = include_former };
	struct hop_person_list l = { 0 };
	char roles[64], start[HOP_DATE_ISO_LEN], end[HOP_DATE_ISO_LEN];

	if (authz_people_export(app, err) != HOP_OK || person_list(app, &f, &l, err) != HOP_OK)
		return err->status;
	csv_write_record(out, sep, export_header, C_COUNT);
	for (size_t i = 0; i < l.n; i++) {
		const struct hop_person *p = &l.v[i];
		const char *cells[C_COUNT] = {
			p->login, p->name, p->email, p->team,
			role_format(p->roles, roles, sizeof roles),
			date_format(p->start, start), date_format(p->end, end),
		};
		csv_write_record(out, sep, cells, C_COUNT);
	}
	person_list_free(&l);
	if (ferror(out))
		return hop_fail(err, HOP_EIO, _("writing the people failed"));
	return HOP_OK;
}
