/* Onboarding templates as CSV, one row per step, through the importers'
 * shared run (import_util.c): every row checked first, every problem reported
 * as "file:line: what", and only a file without problems written, all rows
 * or none.  Each template the file names is added, or its steps are
 * replaced by the file's (running onboardings keep their copies). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "hop/core/app.h"
#include "hop/core/audit.h"
#include "hop/core/authz.h"
#include "hop/base/csv.h"
#include "hop/db/db.h"
#include "hop/base/fold.h"
#include "hop/base/i18n.h"
#include "hop/base/vec.h"
#include "onb_int.h"
#include "../import/import_int.h"

#define TEMPLATE_ROWS_MAX 5000

enum column {
	C_TEMPLATE, C_TITLE, C_KIND, C_OWNER, C_DUE, C_OFFICE, C_MANDATORY, C_NOTE, C_TEAM, C_ROLE,
	C_DEFAULT, C_COURSE, C_COUNT
};

static const struct import_column column_names[] = {
	{ "template", C_TEMPLATE }, { "vorlage", C_TEMPLATE },
	{ "title", C_TITLE }, { "step", C_TITLE }, { "titel", C_TITLE }, { "schritt", C_TITLE },
	{ "kind", C_KIND }, { "art", C_KIND },
	{ "owner", C_OWNER }, { "verantwortlich", C_OWNER }, { "zuständig", C_OWNER },
	{ "due", C_DUE }, { "offset", C_DUE }, { "fällig", C_DUE }, { "frist", C_DUE },
	{ "office", C_OFFICE }, { "büro", C_OFFICE }, { "vor_ort", C_OFFICE },
	{ "mandatory", C_MANDATORY }, { "pflicht", C_MANDATORY },
	{ "note", C_NOTE }, { "notiz", C_NOTE }, { "hinweis", C_NOTE },
	{ "team", C_TEAM },
	{ "role", C_ROLE }, { "rolle", C_ROLE },
	{ "default", C_DEFAULT }, { "standard", C_DEFAULT },
	{ "course", C_COURSE }, { "kurs", C_COURSE },
};

static const char *const canonical[C_COUNT] = {
	"template", "title", "kind", "owner", "due", "office", "mandatory", "note", "team", "role",
	"default", "course",
};

struct row {
	struct import_row b;
	char template[HOP_TEMPLATE_NAME_MAX + 1];
	struct onb_step_spec s;
	char key[HOP_TEMPLATE_NAME_MAX + HOP_STEP_TITLE_MAX + 2];
	bool has[C_COUNT];
	int64_t team_id;
	char team[HOP_TEAM_NAME_MAX + 1];
	unsigned role;
	bool is_default;
	size_t tpl;                  /* index into the file's templates */
	bool changed;
};

/* A template the file names, with what its rows say of it. */
struct tpl {
	char name[HOP_TEMPLATE_NAME_MAX + 1];
	int64_t id;                  /* in use already: 0 = to add */
	long line;                   /* the first row */
	int64_t team_id; bool team_set; long team_line; char team[HOP_TEAM_NAME_MAX + 1];
	unsigned role; bool role_set; long role_line;
	bool is_default; bool default_set; long default_line;
	int steps;
};

struct import {
	struct import_base b;
	int pos[C_COUNT];
	struct tpl *t;
	size_t nt, tcap;
};

static enum hop_status read_header(void *ctx, char **f, size_t n, long line,
                                   struct hop_err *err)
{
	static const int required[] = { C_TEMPLATE, C_TITLE, C_OWNER, C_DUE };
	struct import *im = ctx;
	const struct import_columns cols = {
		.words = column_names,
		.nwords = sizeof column_names / sizeof column_names[0],
		.count = C_COUNT,
		.canonical = canonical,
		.same = import_word_is,
		.no_name = _("%s:%ld: column %zu of the header has no name; the first line must name the columns, such as template;title;kind;owner;due"),
		.unknown = _("%s:%ld: unknown column '%.100s'; the columns are template, title, kind, owner, due, office, mandatory, note, team, role, default, course (or in German vorlage, titel, art, verantwortlich, fällig, büro, pflicht, notiz, team, rolle, standard, kurs)"),
		.required = required,
		.nrequired = sizeof required / sizeof required[0],
		.missing = _("%s:%ld: the header has no column '%s'; every row needs the template, the step's title, its owner and when it is due (German: vorlage, titel, verantwortlich, fällig)"),
	};

	return import_header(&im->b, &cols, f, n, line, im->pos, NULL, err);
}

/* yes/no, ja/nein, true/false, 1/0, x/""; false when it is none of them. */
static bool yes_no(const char *s, bool empty, bool *v)
{
	static const char *const yes[] = { "yes", "ja", "true", "1", "x", "y", "j" };
	static const char *const no[] = { "no", "nein", "false", "0", "n", "-" };

	if (!*s) {
		*v = empty;
		return true;
	}
	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
		if (strcasecmp(s, yes[i]) == 0)
			return (*v = true);
	for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
		if (strcasecmp(s, no[i]) == 0)
			return !(*v = false);
	return false;
}

static enum hop_status check_row(void *ctx, void *row, char **f, size_t n, struct hop_err *err)
{
	struct import *im = ctx;
	struct row *r = row;
	struct hop_app *app = im->b.app;
	const char *cell[C_COUNT];
	struct hop_err e;
	struct hop_team team;
	enum hop_status st;

	if (!import_cells(&im->b, &r->b, f, n, im->pos, C_COUNT, "", cell))
		return HOP_OK;
	for (int c = 0; c < C_COUNT; c++)
		r->has[c] = cell[c][0] != '\0';
	if (!r->has[C_TEMPLATE])
		row_problem(im, r, _("template: the cell is empty; name the template"));
	else if (strlen(cell[C_TEMPLATE]) > HOP_TEMPLATE_NAME_MAX)
		row_problem(im, r, _("template: the name is %zu bytes long; the limit is %d"),
		            strlen(cell[C_TEMPLATE]), HOP_TEMPLATE_NAME_MAX);
	else
		snprintf(r->template, sizeof r->template, "%s", cell[C_TEMPLATE]);
	r->s.kind = ONB_OTHER;
	r->s.mandatory = true;
	if (!r->has[C_TITLE])
		row_problem(im, r, _("title: the cell is empty; name the step"));
	else if (strlen(cell[C_TITLE]) > HOP_STEP_TITLE_MAX)
		row_problem(im, r, _("title: %zu bytes long; the limit is %d"),
		            strlen(cell[C_TITLE]), HOP_STEP_TITLE_MAX);
	else
		snprintf(r->s.title, sizeof r->s.title, "%s", cell[C_TITLE]);
	if (strlen(cell[C_NOTE]) > HOP_STEP_NOTE_MAX)
		row_problem(im, r, _("note: %zu bytes long; the limit is %d"), strlen(cell[C_NOTE]),
		            HOP_STEP_NOTE_MAX);
	else
		snprintf(r->s.note, sizeof r->s.note, "%s", cell[C_NOTE]);
	if (r->has[C_KIND] && onb_kind_parse(cell[C_KIND], &r->s.kind, &e) != HOP_OK)
		row_problem(im, r, _("kind: %s"), e.msg);
	if (r->has[C_COURSE]) {
		struct trn_course c;
		st = trn_course_get(app, cell[C_COURSE], &c, &e);
		if (st == HOP_OK) {
			snprintf(r->s.course, sizeof r->s.course, "%s", c.code);
			/* Naming a course makes the step a course unless kind says. */
			if (!r->has[C_KIND])
				r->s.kind = ONB_COURSE;
		} else if (st == HOP_ENOTFOUND) {
			row_problem(im, r, "course: %s", e.msg);
		} else {
			*err = e;
			return st;
		}
	}
	st = onb_owner_parse(app, cell[C_OWNER], &r->s.owner, r->s.owner_login, &e);
	if (st == HOP_EINVAL || st == HOP_ENOTFOUND)
		row_problem(im, r, _("owner: %s"), e.msg);
	else if (st != HOP_OK) {
		*err = e;
		return st;
	}
	if (onb_offset_parse(cell[C_DUE], &r->s.offset, &e) != HOP_OK)
		row_problem(im, r, _("due: %s"), e.msg);
	if (!yes_no(cell[C_OFFICE], false, &r->s.in_office))
		row_problem(im, r, _("office: '%.40s' is neither yes nor no"), cell[C_OFFICE]);
	if (!yes_no(cell[C_MANDATORY], true, &r->s.mandatory))
		row_problem(im, r, _("mandatory: '%.40s' is neither yes nor no"), cell[C_MANDATORY]);
	if (r->s.title[0] && onb_step_check(&r->s, &e) != HOP_OK && !r->b.msg)
		row_problem(im, r, "%s", e.msg);
	if (r->has[C_TEAM]) {
		st = team_find(app, cell[C_TEAM], &team, &e);
		if (st == HOP_OK && team.dissolved == HOP_DATE_NONE) {
			r->team_id = team.id;
			snprintf(r->team, sizeof r->team, "%s", team.name);
		} else if (st == HOP_OK) {
			row_problem(im, r, _("team: '%s' is dissolved"), team.name);
		} else if (st == HOP_ENOTFOUND || st == HOP_EINVAL) {
			row_problem(im, r, _("team: %s"), e.msg);
		} else {
			*err = e;
			return st;
		}
	}
	if (r->has[C_ROLE] && (role_parse(cell[C_ROLE], &r->role, &e) != HOP_OK ||
	                       (r->role & (r->role - 1)))) {
		if (r->role & (r->role - 1))
			row_problem(im, r, _("role: a template is for one role at most"));
		else
			row_problem(im, r, _("role: %s"), e.msg);
	}
	if (!yes_no(cell[C_DEFAULT], false, &r->is_default))
		row_problem(im, r, _("default: '%.40s' is neither yes nor no"), cell[C_DEFAULT]);
	snprintf(r->key, sizeof r->key, "%s\x1f%s", r->template, r->s.title);
	return HOP_OK;
}

/* The file's template named name, added to im->t when new. */
static struct tpl *tpl_of(struct import *im, const struct row *r)
{
	struct tpl *t;

	for (size_t i = 0; i < im->nt; i++)
		if (strcasecmp(im->t[i].name, r->template) == 0)
			return &im->t[i];
	if (!vec_grow(&im->t, &im->tcap, im->nt + 1, sizeof *im->t)) {
		im->b.oom = true;
		return NULL;
	}
	t = &im->t[im->nt++];
	memset(t, 0, sizeof *t);
	snprintf(t->name, sizeof t->name, "%s", r->template);
	t->line = r->b.line;
	return t;
}

/* What the rows of one template say of it must agree. */
static void across(void *ctx)
{
	struct import *im = ctx;
	struct row *rows = im->b.rows;
	long default_line = 0;
	const char *default_name = "";

	for (size_t i = 0; i < im->b.nrows; i++) {
		struct row *r = &rows[i];
		struct tpl *t;
		if (!r->template[0] || !(t = tpl_of(im, r)))
			continue;
		r->tpl = (size_t)(t - im->t);
		t->steps++;
		if (t->steps > HOP_STEPS_MAX && t->steps == HOP_STEPS_MAX + 1)
			row_problem(im, r, _("template '%s' has more than %d steps"), t->name,
			            HOP_STEPS_MAX);
		if (r->has[C_TEAM] && r->team_id) {
			if (t->team_set && t->team_id != r->team_id)
				row_problem(im, r, _("team: the template '%s' is for the team '%s' on line %ld; a template is for one team"),
				            t->name, t->team, t->team_line);
			else if (!t->team_set) {
				t->team_set = true;
				t->team_id = r->team_id;
				snprintf(t->team, sizeof t->team, "%s", r->team);
				t->team_line = r->b.line;
			}
		}
		if (r->has[C_ROLE] && r->role) {
			if (t->role_set && t->role != r->role)
				row_problem(im, r, _("role: the template '%s' is for another role on line %ld; a template is for one role"),
				            t->name, t->role_line);
			else if (!t->role_set) {
				t->role_set = true;
				t->role = r->role;
				t->role_line = r->b.line;
			}
		}
		if (r->has[C_DEFAULT]) {
			if (t->default_set && t->is_default != r->is_default)
				row_problem(im, r, _("default: line %ld says otherwise for the template '%s'"),
				            t->default_line, t->name);
			else if (!t->default_set) {
				t->default_set = true;
				t->is_default = r->is_default;
				t->default_line = r->b.line;
			}
			if (r->is_default && default_line && strcasecmp(default_name, t->name) != 0)
				row_problem(im, r, _("default: the template '%s' on line %ld is already the default; only one template is"),
				            default_name, default_line);
			else if (r->is_default && !default_line) {
				default_line = r->b.line;
				default_name = t->name;
			}
		}
	}
	/* Which templates are in use already, and which rows change them. */
	for (size_t i = 0; i < im->nt; i++) {
		struct onb_template t;
		struct onb_template_steps steps;
		struct hop_err e;
		if (template_get(im->b.app, im->t[i].name, &t, &steps, &e) != HOP_OK)
			continue;
		im->t[i].id = t.id;
		int pos = 0;
		for (size_t k = 0; k < im->b.nrows; k++) {
			struct row *r = &rows[k];
			if (!r->template[0] || r->tpl != i)
				continue;
			pos++;
			r->changed = true;
			for (size_t j = 0; j < steps.n; j++) {
				const struct onb_step_spec *o = &steps.v[j].s;
				if (strcasecmp(o->title, r->s.title) != 0)
					continue;
				r->b.exists = true;
				r->changed = steps.v[j].position != pos || strcmp(o->title, r->s.title) ||
				             o->kind != r->s.kind || o->owner != r->s.owner ||
				             strcmp(o->owner_login, r->s.owner_login) ||
				             o->offset.n != r->s.offset.n ||
				             o->offset.unit != r->s.offset.unit ||
				             o->in_office != r->s.in_office ||
				             o->mandatory != r->s.mandatory || strcmp(o->note, r->s.note) ||
				             strcasecmp(o->course, r->s.course);
			}
		}
		onb_template_steps_free(&steps);
	}
}

static const char *row_key(const void *row)
{
	const struct row *r = row;
	return r->template[0] && r->s.title[0] ? r->key : "";
}

static bool row_changed(const void *row)
{
	return ((const struct row *)row)->changed;
}

static enum hop_status exec1(struct hop_app *app, struct db_stmt *st, struct hop_err *err)
{
	int rc = db_step(st);

	db_reset(st);
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("writing onboarding templates"));
	return HOP_OK;
}

/* The second pass: each template added or cleared and its fields set, then
 * its steps in the file's order. */
static enum hop_status write_rows(void *ctx, const struct import_report *rep,
                                  struct hop_err *err)
{
	struct import *im = ctx;
	struct hop_app *app = im->b.app;
	struct row *rows = im->b.rows;
	char object[300], detail[200];
	int added = 0, replaced = 0;
	struct db_stmt *st;

	/* The default of the template's kind (a new one is an onboarding's). */
	for (size_t i = 0; i < im->nt; i++)
		if (im->t[i].default_set && im->t[i].is_default) {
			if (!(st = db_stmt(app->db, "UPDATE onb_template SET is_default = 0 "
			                   "WHERE is_default = 1 AND kind = coalesce((SELECT kind "
			                   "FROM onb_template WHERE id = ?1), 'onboarding')", err)))
				return err->status;
			db_bind_int64(st, 1, im->t[i].id);
			if (exec1(app, st, err) != HOP_OK)
				return err->status;
		}
	for (size_t i = 0; i < im->nt; i++) {
		struct tpl *t = &im->t[i];
		if (!t->id) {
			st = db_stmt(app->db, "INSERT INTO onb_template (name, team_id, role, is_default, "
			             "created_on) VALUES (?1, ?2, ?3, ?4, ?5)", err);
			if (!st)
				return err->status;
			db_bind_text(st, 1, t->name);
			db_bind_today(st, 5);
			added++;
		} else {
			/* The file's steps replace the template's: onboardings copied
			 * from it have their own. */
			st = db_stmt(app->db, "DELETE FROM onb_template_step WHERE template_id = ?1", err);
			if (!st)
				return err->status;
			db_bind_int64(st, 1, t->id);
			if (exec1(app, st, err) != HOP_OK)
				return err->status;
			st = db_stmt(app->db, "UPDATE onb_template SET team_id = CASE WHEN ?6 <> 0 THEN ?2 "
			             "ELSE team_id END, role = CASE WHEN ?7 <> 0 THEN ?3 ELSE role END, "
			             "is_default = CASE WHEN ?8 <> 0 THEN ?4 ELSE is_default END WHERE id = ?1",
			             err);
			if (!st)
				return err->status;
			db_bind_int64(st, 1, t->id);
			db_bind_int(st, 6, t->team_set);
			db_bind_int(st, 7, t->role_set);
			db_bind_int(st, 8, t->default_set);
			replaced++;
		}
		if (t->team_id)
			db_bind_int64(st, 2, t->team_id);
		else
			db_bind_null(st, 2);
		if (t->role)
			db_bind_int(st, 3, (int)t->role);
		else
			db_bind_null(st, 3);
		db_bind_int(st, 4, t->is_default);
		if (exec1(app, st, err) != HOP_OK)
			return err->status;
		if (!t->id)
			t->id = db_last_id(app->db);
		int pos = 0;
		for (size_t k = 0; k < im->b.nrows; k++) {
			if (rows[k].tpl != i || !rows[k].template[0])
				continue;
			if (tpl_insert_step(app, t->id, ++pos, &rows[k].s, err) != HOP_OK) {
				hop_err_prefix(err, "%s:%ld: ", im->b.name, rows[k].b.line);
				return err->status;
			}
		}
	}
	snprintf(detail, sizeof detail, "templates added %d, replaced %d; steps added %d, "
	         "updated %d, unchanged %d", added, replaced, rep->added, rep->updated,
	         rep->unchanged);
	snprintf(object, sizeof object, "file:%.250s", im->b.name);
	return audit_write(app, "import.templates", object, detail, err);
}

enum hop_status import_templates(struct hop_app *app, FILE *in, const char *name,
                                 const struct import_options *opt, struct import_report *rep,
                                 struct hop_err *err)
{
	struct import im = { .b = { .app = app, .name = name ? name : "-" } };
	const struct import_format fmt = {
		.elem = sizeof(struct row),
		.max = TEMPLATE_ROWS_MAX,
		.empty = _("%s: the file is empty; its first line must name the columns, such as template;title;kind;owner;due"),
		.too_many = _("%s:%ld: the file has more than %d steps; split it into smaller files"),
		.twice = _("the template and title '%s' are already on line %ld; a template has each step once"),
		.allowed = authz_template_manage,
		.header = read_header,
		.row = check_row,
		.across = across,
		.key = row_key,
		.key_cmp = strcasecmp,
		.changed = row_changed,
		.write = write_rows,
	};
	enum hop_status st = import_run(&im.b, in, &fmt, opt && opt->dry_run, rep, err);

	free(im.t);
	if (rep->messages)
		for (char *p = rep->messages; (p = strchr(p, '\x1f')); )
			*p = '/';
	return st;
}

/* ---- export ---- */

enum hop_status export_templates(struct hop_app *app, FILE *out, char sep, const char *template,
                                 struct hop_err *err)
{
	struct onb_template_list l;
	const char *head[C_COUNT];

	for (int c = 0; c < C_COUNT; c++)
		head[c] = canonical[c];
	if (template && *template) {
		struct onb_template t;
		if (template_get(app, template, &t, NULL, err) != HOP_OK)
			return err->status;
		memset(&l, 0, sizeof l);
		if (!vec_grow(&l.v, &l.cap, 1, sizeof *l.v))
			return hop_fail(err, HOP_ENOMEM, _("out of memory"));
		l.v[l.n++] = t;
	} else if (template_list(app, false, &l, err) != HOP_OK) {
		return err->status;
	}
	csv_write_record(out, sep, head, C_COUNT);
	for (size_t i = 0; i < l.n; i++) {
		struct onb_template t;
		struct onb_template_steps steps;
		char roles[64];
		if (template_get(app, l.v[i].name, &t, &steps, err) != HOP_OK) {
			onb_template_list_free(&l);
			return err->status;
		}
		for (size_t k = 0; k < steps.n; k++) {
			const struct onb_step_spec *s = &steps.v[k].s;
			char due[40];
			const char *cells[C_COUNT] = {
				t.name, s->title, onb_kind_name(s->kind),
				s->owner == OWNER_PERSON ? s->owner_login : onb_owner_name(s->owner),
				onb_offset_format(&s->offset, due, sizeof due), s->in_office ? "yes" : "no",
				s->mandatory ? "yes" : "no", s->note, t.team,
				t.role ? role_format(t.role, roles, sizeof roles) : "",
				t.is_default ? "yes" : "no", s->course,
			};
			csv_write_record(out, sep, cells, C_COUNT);
		}
		onb_template_steps_free(&steps);
	}
	onb_template_list_free(&l);
	if (ferror(out))
		return hop_fail(err, HOP_EIO, _("cannot write the templates"));
	return HOP_OK;
}
