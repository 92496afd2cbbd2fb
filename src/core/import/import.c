/* Importing people from CSV, all rows or none, and exporting them again.
 * The two passes of an import, in one write transaction, are import_run's
 * (import_util.c); here are the people's columns, the checks of a row and
 * the second pass, which writes. */
#include <stddef.h>
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
#include "import_int.h"

/* More people than any administration has: beyond this a file is a mistake,
 * and the rows are held in memory until the file has been checked. */
#define IMPORT_ROWS_MAX 100000

enum column { C_LOGIN, C_NAME, C_EMAIL, C_TEAM, C_ROLES, C_START, C_END, C_COUNT };

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

struct row {
	struct import_row b;       /* line, exists (the login is in the database: an edit), msg */
	struct hop_person p;       /* the values of the file */
	struct person_edit edit;   /* for an existing person: what differs */
};

struct import {
	struct import_base b;      /* app, name, the rows: what import_run handles */
	const struct import_options *opt;
	int pos[C_COUNT];          /* field index of each column, -1 if absent */
	const char *colname[C_COUNT]; /* the column's name as the file writes it */
	char (*new_teams)[HOP_TEAM_NAME_MAX + 1];
	size_t nteams, team_cap;
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

/* The team of a row: existing, to be created (create_teams), or a problem.
 * *team_id is 0 for none, -1 for a team the import creates. */
static enum hop_status row_team(struct import *im, struct row *r, int64_t *team_id,
                                struct hop_err *err)
{
	struct hop_team t;
	struct hop_err e;
	char *name = r->p.team;

	*team_id = 0;
	if (name[0] == '\0')
		return HOP_OK;
	if (team_check_name(name, &e) != HOP_OK) {
		row_problem(im, r, "%s: %s", im->colname[C_TEAM], e.msg);
		return HOP_OK;
	}
	switch (team_get(im->b.app, name, &t, &e)) {
	case HOP_OK:
		if (t.dissolved != HOP_DATE_NONE) {
			char day[HOP_DATE_ISO_LEN];
			row_problem(im, r, _("team '%s' was dissolved on %s; choose an active team"),
			            t.name, date_format(t.dissolved, day));
			return HOP_OK;
		}
		*team_id = t.id;
		snprintf(r->p.team, sizeof r->p.team, "%s", t.name);
		return HOP_OK;
	case HOP_ENOTFOUND:
		break;
	default:
		*err = e;
		return e.status;
	}
	if (!im->opt->create_teams) {
		row_problem(im, r, _("there is no team '%s'; create it first or let the import "
		                     "create it"), name);
		import_advise(&im->b, HOP_R_IMPORT_NO_TEAM, NULL);
		return HOP_OK;
	}
	*team_id = -1;
	for (size_t i = 0; i < im->nteams; i++)
		if (strcasecmp(im->new_teams[i], name) == 0) {
			/* One spelling per new team: the first one in the file. */
			snprintf(r->p.team, sizeof r->p.team, "%s", im->new_teams[i]);
			return HOP_OK;
		}
	if (!vec_grow(&im->new_teams, &im->team_cap, im->nteams + 1, sizeof *im->new_teams))
		return hop_fail(err, HOP_ENOMEM, _("out of memory"));
	snprintf(im->new_teams[im->nteams++], sizeof im->new_teams[0], "%s", name);
	return HOP_OK;
}

/* Copy a checked field into a fixed buffer; checked fields fit. */
static void copy(char *dst, size_t size, const char *src)
{
	snprintf(dst, size, "%s", src);
}

/* Check one row against the file and the database; problems go to r->b.msg,
 * only a failing database makes this fail. */
static enum hop_status check_row(void *ctx, void *row, char **f, size_t n, struct hop_err *err)
{
	struct import *im = ctx;
	struct row *r = row;
	struct hop_err e;
	struct hop_person old;
	const char *cell[C_COUNT];
	hop_date start = HOP_DATE_NONE, end = HOP_DATE_NONE;
	bool dates_ok = true;
	int64_t team_id = 0;
	enum hop_status st;

	if (!import_cells(&im->b, &r->b, f, n, im->pos, C_COUNT, NULL, cell))
		return HOP_OK;
	r->p.start = r->p.end = HOP_DATE_NONE;

	if (person_check_login(cell[C_LOGIN], &e) != HOP_OK)
		row_problem(im, r, "%s", e.msg);
	else
		copy(r->p.login, sizeof r->p.login, cell[C_LOGIN]);
	if (person_check_name(cell[C_NAME], &e) != HOP_OK)
		row_problem(im, r, "%s", e.msg);
	else
		copy(r->p.name, sizeof r->p.name, cell[C_NAME]);
	if (cell[C_EMAIL]) {
		if (person_check_email(cell[C_EMAIL], &e) != HOP_OK)
			row_problem(im, r, "%s", e.msg);
		else
			copy(r->p.email, sizeof r->p.email, cell[C_EMAIL]);
	}
	if (cell[C_ROLES] && cell[C_ROLES][0] && role_parse(cell[C_ROLES], &r->p.roles, &e) != HOP_OK)
		row_problem(im, r, "%s: %s", im->colname[C_ROLES], e.msg);
	if (cell[C_START] && cell[C_START][0])
		dates_ok &= file_date(im, r, C_START, cell[C_START], &start);
	if (cell[C_END] && cell[C_END][0])
		dates_ok &= file_date(im, r, C_END, cell[C_END], &end);
	r->p.start = start;
	r->p.end = end;
	if (cell[C_TEAM]) {
		if (strlen(cell[C_TEAM]) > HOP_TEAM_NAME_MAX)
			row_problem(im, r, _("the team name is %zu bytes long; the limit is %d bytes"),
			            strlen(cell[C_TEAM]), HOP_TEAM_NAME_MAX);
		else {
			copy(r->p.team, sizeof r->p.team, cell[C_TEAM]);
			if ((st = row_team(im, r, &team_id, err)) != HOP_OK)
				return st;
		}
	}
	if (r->p.login[0] == '\0')
		return HOP_OK;

	st = person_get(im->b.app, r->p.login, &old, &e);
	if (st != HOP_OK && st != HOP_ENOTFOUND) {
		*err = e;
		return st;
	}
	r->b.exists = st == HOP_OK;
	if (!r->b.exists) {
		hop_date s = start != HOP_DATE_NONE ? start : clock_today();
		if (dates_ok && end != HOP_DATE_NONE && end < s) {
			char d1[HOP_DATE_ISO_LEN], d2[HOP_DATE_ISO_LEN];
			row_problem(im, r, _("the end date %s is before the start date %s"),
			            date_format(end, d1), date_format(s, d2));
		}
		if (authz_person_add(im->b.app, r->p.roles ? r->p.roles : ROLE_EMPLOYEE, &e) !=
		    HOP_OK)
			row_problem(im, r, "%s", e.msg);
		return HOP_OK;
	}

	/* An existing person: the columns the file has, where they differ.  An
	 * empty cell clears e-mail, team and end date; a person always has roles
	 * and a start date, so there an empty cell keeps the current value. */
	struct person_edit *ed = &r->edit;
	ed->fields = 0;
	if (r->p.name[0] && strcmp(r->p.name, old.name) != 0) {
		ed->fields |= PF_NAME;
		copy(ed->name, sizeof ed->name, r->p.name);
	}
	if (cell[C_EMAIL] && strcmp(r->p.email, old.email) != 0) {
		ed->fields |= PF_EMAIL;
		copy(ed->email, sizeof ed->email, r->p.email);
	}
	if (cell[C_TEAM] && team_id != old.team_id) {
		ed->fields |= PF_TEAM;
		copy(ed->team, sizeof ed->team, r->p.team);
	}
	if (r->p.roles && r->p.roles != old.roles) {
		ed->fields |= PF_ROLES;
		ed->roles = r->p.roles;
	}
	if (start != HOP_DATE_NONE && start != old.start) {
		ed->fields |= PF_START;
		ed->start = start;
	}
	if (cell[C_END] && dates_ok && end != old.end) {
		ed->fields |= PF_END;
		ed->end = end;
	}
	hop_date s = start != HOP_DATE_NONE ? start : old.start;
	hop_date en = cell[C_END] ? end : old.end;
	if (dates_ok && en != HOP_DATE_NONE && en < s) {
		char d1[HOP_DATE_ISO_LEN], d2[HOP_DATE_ISO_LEN];
		row_problem(im, r, _("the end date %s is before the start date %s"),
		            date_format(en, d1), date_format(s, d2));
	}
	if (ed->fields &&
	    authz_person_edit(im->b.app, &old, ed->fields,
	                      (ed->fields & PF_ROLES) ? ed->roles : old.roles, &e) != HOP_OK)
		row_problem(im, r, "%s", e.msg);
	return HOP_OK;
}

/* ---- the whole file ---- */

/* The login: a login twice in the file makes the second and later rows the
 * problem. */
static const char *row_login(const void *row)
{
	return ((const struct row *)row)->p.login;
}

/* An existing person whom the file changes. */
static bool row_changed(const void *row)
{
	return ((const struct row *)row)->edit.fields != 0;
}

/* The second pass: everything checked, now write it (inside the caller's
 * transaction; person_add and person_edit nest as savepoints). */
static enum hop_status write_rows(void *ctx, const struct import_report *rep,
                                  struct hop_err *err)
{
	struct import *im = ctx;
	struct hop_app *app = im->b.app;
	struct row *rows = im->b.rows;
	char detail[200], object[300];

	for (size_t i = 0; i < im->nteams; i++)
		if (team_add(app, im->new_teams[i], NULL, err) != HOP_OK) {
			hop_err_prefix(err, _("%s: creating team '%s': "), im->b.name, im->new_teams[i]);
			return err->status;
		}
	for (size_t i = 0; i < im->b.nrows; i++) {
		struct row *r = &rows[i];
		enum hop_status st = HOP_OK;

		if (!r->b.exists) {
			st = person_add(app, &r->p, err);
			/* person_add starts an employment; a last day is an edit. */
			if (st == HOP_OK && r->p.end != HOP_DATE_NONE) {
				struct person_edit e = { .fields = PF_END, .end = r->p.end };
				st = person_edit(app, r->p.login, &e, err);
			}
		} else if (r->edit.fields)
			st = person_edit(app, r->p.login, &r->edit, err);
		if (st != HOP_OK) {
			hop_err_prefix(err, "%s:%ld: ", im->b.name, r->b.line);
			return st;
		}
	}
	if (rep->added + rep->updated + (int)im->nteams == 0)
		return HOP_OK;
	snprintf(detail, sizeof detail, "added %d, updated %d, unchanged %d, teams created %d",
	         rep->added, rep->updated, rep->unchanged, (int)im->nteams);
	snprintf(object, sizeof object, "file:%.250s", im->b.name);
	return audit_write(app, "import.people", object, detail, err);
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
		.write = write_rows,
	};
	enum hop_status st = import_run(&im.b, in, &people, im.opt->dry_run, rep, err);

	if (st == HOP_OK) {
		/* The teams the file creates: the people import's own count. */
		rep->teams_created = (int)im.nteams;
		if (!im.opt->dry_run)
			app_resolve_actor(app, &(struct hop_err){ 0 });
	}
	free(im.new_teams);
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
