/* The people import against the database: what it says about each row (the
 * team, each name of the file looked up once; whether the login exists, and
 * what an edit changes), and the second pass, which writes.
 *
 * The first look happens without the write lock, and the new people are
 * staged (person_stage) without it too; import_run looks again under the
 * lock only when another hop changed the data in between (and the rows are
 * staged again if what was staged no longer fits), so that what is written
 * is what was checked, while a booking beside a large import waits for the
 * writing alone: a few statements over the whole set (person_stage_write). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "hop/core/app.h"
#include "hop/core/audit.h"
#include "hop/core/authz.h"
#include "hop/base/clock.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"
#include "hop/base/vec.h"
#include "import_people_int.h"

/* ---- each team name of the file, once ---- */

/* FNV-1a of the name as the file writes it. */
static size_t name_hash(const char *s)
{
	uint64_t h = 14695981039346656037u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return (size_t)h;
}

/* The slot of typed in im->teams: its entry, or the empty slot it would take. */
static size_t slot_of(const struct import *im, const char *typed)
{
	size_t mask = im->team_slots - 1, i = name_hash(typed) & mask;

	while (im->teams[i] && strcmp(im->teams[i]->typed, typed) != 0)
		i = (i + 1) & mask;
	return i;
}

/* Room for one more entry, the table at most half full. */
static bool teams_room(struct import *im)
{
	struct team_ref **old = im->teams;
	size_t n = im->team_slots;

	if (2 * (im->nrefs + 1) <= n)
		return true;
	im->team_slots = n ? 2 * n : 64;
	im->teams = calloc(im->team_slots, sizeof *im->teams);
	if (!im->teams) {
		im->teams = old;
		im->team_slots = n;
		return false;
	}
	for (size_t i = 0; i < n; i++)
		if (old[i])
			im->teams[slot_of(im, old[i]->typed)] = old[i];
	free(old);
	return true;
}

/* A team the import creates: the first spelling in the file names it, and
 * names that differ in case only are the same new team. */
static enum hop_status new_team(struct import *im, struct team_ref *ref, struct hop_err *err)
{
	for (size_t i = 0; i < im->nteams; i++)
		if (strcasecmp(im->new_teams[i], ref->typed) == 0) {
			ref->new_team = i;
			return HOP_OK;
		}
	if (!vec_grow(&im->new_teams, &im->team_cap, im->nteams + 1, sizeof *im->new_teams))
		return hop_fail(err, HOP_ENOMEM, _("out of memory"));
	snprintf(im->new_teams[im->nteams], sizeof im->new_teams[0], "%s", ref->typed);
	ref->new_team = im->nteams++;
	return HOP_OK;
}

/* The team the file names typed: found, dissolved, unknown or to be made. */
static enum hop_status team_ref(struct import *im, const char *typed,
                                const struct team_ref **out, struct hop_err *err)
{
	struct team_ref *ref;
	struct hop_err e;
	size_t at;

	if (im->team_slots && im->teams[at = slot_of(im, typed)]) {
		*out = im->teams[at];
		return HOP_OK;
	}
	if (!teams_room(im) || !(ref = calloc(1, sizeof *ref)))
		return hop_fail(err, HOP_ENOMEM, _("out of memory"));
	snprintf(ref->typed, sizeof ref->typed, "%s", typed);
	switch (team_get_brief(im->b.app, typed, &ref->t, &e)) {
	case HOP_OK:
		ref->kind = ref->t.dissolved != HOP_DATE_NONE ? TEAM_DISSOLVED : TEAM_ACTIVE;
		break;
	case HOP_ENOTFOUND:
		ref->kind = im->opt->create_teams ? TEAM_NEW : TEAM_NONE;
		if (ref->kind == TEAM_NEW && new_team(im, ref, err) != HOP_OK) {
			free(ref);
			return err->status;
		}
		break;
	default:
		free(ref);
		*err = e;
		return e.status;
	}
	im->teams[slot_of(im, typed)] = ref;
	im->nrefs++;
	*out = ref;
	return HOP_OK;
}

void import_people_forget(struct import *im)
{
	for (size_t i = 0; i < im->team_slots; i++) {
		free(im->teams[i]);
		im->teams[i] = NULL;
	}
	im->nrefs = 0;
	im->nteams = 0;
}

/* The team's name as it will be written: the team's own, or the new one's. */
static const char *team_name(const struct import *im, const struct team_ref *ref)
{
	if (!ref)
		return "";
	return ref->kind == TEAM_NEW ? im->new_teams[ref->new_team] : ref->t.name;
}

/* The id the row's team has before the import: 0 none, -1 one it creates. */
static int64_t team_id_before(const struct team_ref *ref)
{
	if (!ref)
		return 0;
	return ref->kind == TEAM_ACTIVE ? ref->t.id : ref->kind == TEAM_NEW ? -1 : 0;
}

/* ---- every login there is ---- */

/* A file of many rows is checked against every login there is, read at
 * once, rather than person by person: only the logins the database has are
 * looked up one by one (person_get), for what an edit changes.  A small
 * file in a large organisation asks person by person. */
#define LOGINS_AT_ONCE 4        /* when rows * this >= the people there are */

struct logins {
	char (*v)[HOP_LOGIN_MAX + 1];
	size_t n;
	uint32_t *slot;             /* index + 1 into v; 0 = empty; power of 2 */
	size_t nslots;
};

static bool logins_has(const struct logins *l, const char *login)
{
	size_t mask = l->nslots - 1, i = name_hash(login) & mask;

	for (; l->slot[i]; i = (i + 1) & mask)
		if (strcmp(l->v[l->slot[i] - 1], login) == 0)
			return true;
	return false;
}

static void logins_free(struct logins *l)
{
	free(l->v);
	free(l->slot);
}

static enum hop_status count_people(struct hop_app *app, int64_t *n, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT count(*) FROM person", err);
	bool found;

	*n = 0;
	if (!st)
		return err->status;
	return db_get_int64(st, n, &found, _("counting people"), err);
}

/* Every login there is into l (l->v NULL when a file of rows rows is
 * better checked person by person). */
static enum hop_status logins_read(struct hop_app *app, size_t rows, struct logins *l,
                                   struct hop_err *err)
{
	struct db_stmt *st;
	size_t cap = 0;
	int64_t people;
	int rc;

	memset(l, 0, sizeof *l);
	if (count_people(app, &people, err) != HOP_OK)
		return err->status;
	if ((int64_t)rows * LOGINS_AT_ONCE < people)
		return HOP_OK;
	if (!(st = db_stmt(app->db, "SELECT login FROM person", err)))
		return err->status;
	while ((rc = db_step(st)) == DB_ROW) {
		if (!vec_grow(&l->v, &cap, l->n + 1, sizeof *l->v)) {
			db_reset(st);
			logins_free(l);
			return hop_fail(err, HOP_ENOMEM, _("out of memory"));
		}
		db_col_copy(st, 0, l->v[l->n], sizeof l->v[0]);
		l->n++;
	}
	db_reset(st);
	if (rc != DB_DONE) {
		logins_free(l);
		return db_fail(app->db, err, _("reading the logins"));
	}
	for (l->nslots = 64; l->nslots < 2 * l->n + 2; l->nslots *= 2)
		;
	if (!(l->slot = calloc(l->nslots, sizeof *l->slot))) {
		logins_free(l);
		return hop_fail(err, HOP_ENOMEM, _("out of memory"));
	}
	for (size_t k = 0; k < l->n; k++) {
		size_t i = name_hash(l->v[k]) & (l->nslots - 1);
		while (l->slot[i])
			i = (i + 1) & (l->nslots - 1);
		l->slot[i] = (uint32_t)k + 1;
	}
	if (!l->v)
		l->v = malloc(1);   /* read, and nobody there: every row is new */
	return HOP_OK;
}

/* ---- one row ---- */

static void end_before_start(struct import *im, struct row *r, hop_date end, hop_date start)
{
	char d1[HOP_DATE_ISO_LEN], d2[HOP_DATE_ISO_LEN];

	row_problem(im, r, _("the end date %s is before the start date %s"),
	            date_format(end, d1), date_format(start, d2));
}

/* An existing person: the columns the file has, where they differ.  An
 * empty cell clears e-mail, team and end date; a person always has roles
 * and a start date, so there an empty cell keeps the current value. */
static void edit_of(struct import *im, struct row *r, const struct hop_person *old)
{
	const char *name = import_people_text(im, r->name), *email = import_people_text(im, r->email);
	unsigned f = 0;
	struct hop_err e;

	if (name[0] && strcmp(name, old->name) != 0)
		f |= PF_NAME;
	if (r->has[C_EMAIL] && strcmp(email, old->email) != 0)
		f |= PF_EMAIL;
	if (r->has[C_TEAM] && team_id_before(r->team) != old->team_id)
		f |= PF_TEAM;
	if (r->roles && r->roles != old->roles)
		f |= PF_ROLES;
	if (r->start != HOP_DATE_NONE && r->start != old->start)
		f |= PF_START;
	if (r->has[C_END] && r->dates_ok && r->end != old->end)
		f |= PF_END;
	r->fields = f;
	hop_date s = r->start != HOP_DATE_NONE ? r->start : old->start;
	hop_date en = r->has[C_END] ? r->end : old->end;
	if (r->dates_ok && en != HOP_DATE_NONE && en < s)
		end_before_start(im, r, en, s);
	if (f && authz_person_edit(im->b.app, old, f, (f & PF_ROLES) ? r->roles : old->roles,
	                           &e) != HOP_OK)
		row_problem(im, r, "%s", e.msg);
}

/* What the database says about row r (checked by itself), as problems of
 * the row: its team, whether the login exists (known: every login there is,
 * or NULL to ask), what an edit changes and whether the acting user may
 * make it.  Only a failing database fails. */
static enum hop_status resolve_row(struct import *im, struct row *r, const struct logins *known,
                                   struct hop_err *err)
{
	const struct team_ref *ref = NULL;
	struct hop_person old;
	struct hop_err e;
	enum hop_status st;
	char day[HOP_DATE_ISO_LEN];

	r->team = NULL;
	r->fields = 0;
	r->b.exists = false;
	if (r->team_name) {
		if (team_ref(im, import_people_text(im, r->team_name), &ref, err) != HOP_OK)
			return err->status;
		switch (ref->kind) {
		case TEAM_ACTIVE:
		case TEAM_NEW:
			r->team = ref;
			break;
		case TEAM_DISSOLVED:
			row_problem(im, r, _("team '%s' was dissolved on %s; choose an active team"),
			            ref->t.name, date_format(ref->t.dissolved, day));
			break;
		case TEAM_NONE:
			row_problem(im, r, _("there is no team '%s'; create it first or let the import "
			                     "create it"), import_people_text(im, r->team_name));
			import_advise(&im->b, HOP_R_IMPORT_NO_TEAM, NULL);
			break;
		}
	}
	if (r->login[0] == '\0')
		return HOP_OK;
	st = known && !logins_has(known, r->login) ? HOP_ENOTFOUND
	                                           : person_get(im->b.app, r->login, &old, &e);
	if (st != HOP_OK && st != HOP_ENOTFOUND) {
		*err = e;
		return st;
	}
	r->b.exists = st == HOP_OK;
	if (r->b.exists) {
		edit_of(im, r, &old);
		return HOP_OK;
	}
	hop_date s = r->start != HOP_DATE_NONE ? r->start : clock_today();
	if (r->dates_ok && r->end != HOP_DATE_NONE && r->end < s)
		end_before_start(im, r, r->end, s);
	if (authz_person_add(im->b.app, r->roles ? r->roles : ROLE_EMPLOYEE, &e) != HOP_OK)
		row_problem(im, r, "%s", e.msg);
	return HOP_OK;
}

/* ---- every row ---- */

enum hop_status import_people_resolve(void *ctx, struct hop_err *err)
{
	struct import *im = ctx;
	struct row *rows = im->b.rows;
	struct logins known;
	enum hop_status st = HOP_OK;

	import_people_forget(im);
	if (logins_read(im->b.app, im->b.nrows, &known, err) != HOP_OK)
		return err->status;
	/* A row of the wrong shape has neither login nor team: nothing to ask. */
	for (size_t i = 0; i < im->b.nrows && st == HOP_OK; i++)
		st = resolve_row(im, &rows[i], known.v ? &known : NULL, err);
	logins_free(&known);
	return st;
}

/* ---- staging, without the write lock ---- */

/* Rows staged per write transaction: each holds the write lock for a few
 * milliseconds, so that a booking beside the import hardly waits. */
#define STAGE_CHUNK 1000

/* The new team of row r's team (-1: none new). */
static int new_index(const struct row *r)
{
	return r->team && r->team->kind == TEAM_NEW ? (int)r->team->new_team : -1;
}

/* The new person of row r as person_add would write them. */
static void new_person(const struct import *im, const struct row *r, hop_date today,
                       struct person_staged *p)
{
	p->line = r->b.line;
	p->login = r->login;
	p->name = import_people_text(im, r->name);
	p->email = import_people_text(im, r->email);
	p->team = team_name(im, r->team);
	p->team_id = r->team && r->team->kind == TEAM_ACTIVE ? r->team->t.id : 0;
	p->new_team = new_index(r);
	p->roles = r->roles ? r->roles : ROLE_EMPLOYEE;
	p->start = r->start != HOP_DATE_NONE ? r->start : today;
}

/* Rows first..first+n-1: the new people staged, as one transaction (none
 * when the rows add nobody). */
static enum hop_status stage_chunk(struct import *im, size_t first, size_t n,
                                   struct hop_err *err)
{
	struct row *rows = im->b.rows;
	struct person_staged p;
	hop_date today = clock_today();
	size_t adds = 0;

	for (size_t i = first; i < first + n; i++) {
		struct row *r = &rows[i];

		r->staged = !r->b.exists;
		r->staged_team = team_id_before(r->team);
		r->staged_new = new_index(r);
		adds += r->staged;
	}
	if (adds == 0)
		return HOP_OK;
	if (db_begin(im->b.app->db, err) != HOP_OK)
		return err->status;
	for (size_t i = first; i < first + n; i++) {
		if (!rows[i].staged)
			continue;
		new_person(im, &rows[i], today, &p);
		if (person_stage(im->b.app, &p, err) != HOP_OK) {
			db_rollback(im->b.app->db);
			return err->status;
		}
	}
	return db_commit(im->b.app->db, err);
}

/* Is what was staged still what the rows say (after they were resolved
 * again under the lock: a login taken, a team made or dissolved meanwhile)? */
static bool staged_still(const struct import *im)
{
	const struct row *rows = im->b.rows;

	for (size_t i = 0; i < im->b.nrows; i++) {
		const struct row *r = &rows[i];
		if (r->staged != !r->b.exists || r->staged_team != team_id_before(r->team) ||
		    r->staged_new != new_index(r))
			return false;
	}
	return true;
}

enum hop_status import_people_stage(void *ctx, struct hop_err *err)
{
	struct import *im = ctx;
	size_t n = im->b.nrows;

	if (im->staging && staged_still(im))
		return HOP_OK;
	im->staging = true;
	if (person_stage_clear(im->b.app, err) != HOP_OK)
		return err->status;
	for (size_t i = 0; i < n; i += STAGE_CHUNK)
		if (stage_chunk(im, i, n - i < STAGE_CHUNK ? n - i : STAGE_CHUNK, err) != HOP_OK)
			return err->status;
	return HOP_OK;
}

/* ---- the second pass, under the write lock ---- */

/* The teams the file creates, each with its id given to the staged people. */
static enum hop_status create_teams(struct import *im, struct hop_err *err)
{
	struct hop_team t;

	for (size_t i = 0; i < im->nteams; i++) {
		if (team_add(im->b.app, im->new_teams[i], NULL, err) != HOP_OK ||
		    team_get_brief(im->b.app, im->new_teams[i], &t, err) != HOP_OK ||
		    person_stage_team(im->b.app, (int)i, t.id, err) != HOP_OK) {
			hop_err_prefix(err, _("%s: creating team '%s': "), im->b.name, im->new_teams[i]);
			return err->status;
		}
	}
	return HOP_OK;
}

/* The change of an existing person the file makes. */
static enum hop_status edit_row(struct import *im, const struct row *r, struct hop_err *err)
{
	struct person_edit e = { .fields = r->fields, .roles = r->roles, .start = r->start,
	                         .end = r->end };

	snprintf(e.name, sizeof e.name, "%s", import_people_text(im, r->name));
	snprintf(e.email, sizeof e.email, "%s", import_people_text(im, r->email));
	snprintf(e.team, sizeof e.team, "%s", team_name(im, r->team));
	return person_edit(im->b.app, r->login, &e, err);
}

enum hop_status import_people_write(void *ctx, const struct import_report *rep, struct hop_err *err)
{
	struct import *im = ctx;
	struct row *rows = im->b.rows;
	char detail[200], object[300];

	if (create_teams(im, err) != HOP_OK)
		return err->status;
	if (person_stage_write(im->b.app, err) != HOP_OK) {
		hop_err_prefix(err, "%s: ", im->b.name);
		return err->status;
	}
	for (size_t i = 0; i < im->b.nrows; i++) {
		const struct row *r = &rows[i];
		enum hop_status st = HOP_OK;

		if (!r->b.exists && r->end != HOP_DATE_NONE) {
			/* A new person starts an employment; a last day is an edit. */
			struct person_edit e = { .fields = PF_END, .end = r->end };
			st = person_edit(im->b.app, r->login, &e, err);
		} else if (r->b.exists && r->fields)
			st = edit_row(im, r, err);
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
	return audit_write(im->b.app, "import.people", object, detail, err);
}
