/* Everyone now, in person_list's order, a part at a time: the People screen
 * shows its first page at once and reads the rest while it is looked at,
 * instead of reading, folding and sorting 20,000 people before it shows one.
 * The teams are read and put in order first (a few thousand rows); then the
 * people of one team after another, each team's on the team index and
 * sorted by name (each name folded once); the people without a team last.
 * person_list's order is by team name, then name, then login, both names as
 * the collation "hop" orders them (fold_collate: folded, then as written). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/base/fold.h"
#include "hop/base/i18n.h"
#include "hop/base/vec.h"
#include "person_int.h"

struct roster_team {
	int64_t id, lead;
	bool active;
	const char *name, *fold;               /* in text, once all are read */
	size_t name_at, fold_at;               /* where in text, while it grows */
};

struct person_roster {
	struct roster_team *teams;             /* in person_list's order of teams */
	size_t nteams;
	char *text;                            /* the names and their folds */
	size_t next;                           /* the next team to read; nteams: no team */
	bool done;
};

void person_roster_free(struct person_roster *r)
{
	if (!r)
		return;
	free(r->teams);
	free(r->text);
	free(r);
}

static enum hop_status oom(struct hop_err *err)
{
	return hop_fail(err, HOP_ENOMEM, _("out of memory while listing people"));
}

static int team_order(const void *a, const void *b)
{
	const struct roster_team *x = a, *y = b;
	int c;

	if ((c = strcmp(x->fold, y->fold)) || (c = strcmp(x->name, y->name)))
		return c;
	return (x->id > y->id) - (x->id < y->id);
}

/* Every team (dissolved ones too: a person may still name one), in order. */
static enum hop_status read_teams(struct hop_app *app, struct person_roster *r,
                                  struct hop_err *err)
{
	struct db_stmt *st;
	size_t cap = 0, used = 0, room = 0;
	char fold[2 * HOP_TEAM_NAME_MAX + 2];
	int rc;

	st = db_stmt(app->db, "SELECT id, name, coalesce(lead_id, 0), dissolved_on IS NULL "
	             "FROM team", err);
	if (!st)
		return err->status;
	while ((rc = db_step(st)) == DB_ROW) {
		struct roster_team *t;
		const char *name = db_col_text(st, 1);
		size_t n = name ? strlen(name) : 0, f;

		fold_text(name ? name : "", FOLD_A, fold, sizeof fold);
		f = strlen(fold);
		if (!vec_grow(&r->teams, &cap, r->nteams + 1, sizeof *r->teams) ||
		    !vec_grow(&r->text, &room, used + n + f + 2, 1))
			break;
		t = &r->teams[r->nteams++];
		t->id = db_col_int64(st, 0);
		t->lead = db_col_int64(st, 2);
		t->active = db_col_int(st, 3) != 0;
		t->name_at = used;
		memcpy(r->text + used, name ? name : "", n + 1);
		used += n + 1;
		t->fold_at = used;
		memcpy(r->text + used, fold, f + 1);
		used += f + 1;
	}
	db_reset(st);
	if (rc == DB_ROW)
		return oom(err);
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("listing teams"));
	for (size_t i = 0; i < r->nteams; i++) {
		r->teams[i].name = r->text + r->teams[i].name_at;
		r->teams[i].fold = r->text + r->teams[i].fold_at;
	}
	qsort(r->teams, r->nteams, sizeof *r->teams, team_order);
	return HOP_OK;
}

enum hop_status person_roster_open(struct hop_app *app, struct person_roster **out,
                                   size_t *total, struct hop_err *err)
{
	struct person_roster *r = calloc(1, sizeof *r);
	struct db_stmt *st;
	int64_t n = 0;
	bool found;

	*out = NULL;
	if (!r)
		return oom(err);
	if (read_teams(app, r, err) != HOP_OK) {
		person_roster_free(r);
		return err->status;
	}
	st = db_stmt(app->db, "SELECT count(*) FROM person WHERE end_date IS NULL "
	             "OR end_date >= ?1", err);
	if (!st) {
		person_roster_free(r);
		return err->status;
	}
	db_bind_today(st, 1);
	if (db_get_int64(st, &n, &found, _("listing people"), err) != HOP_OK) {
		person_roster_free(r);
		return err->status;
	}
	*total = (size_t)n;
	*out = r;
	return HOP_OK;
}

/* The people of team_id now (0: of none), appended to l. */
static enum hop_status read_team(struct hop_app *app, int64_t team_id,
                                 struct hop_person_list *l, struct hop_err *err)
{
	struct db_stmt *st;
	int rc;

	if (team_id)
		st = db_stmt(app->db, "SELECT " PERSON_COLUMNS "WHERE p.team_id = ?1 "
		             "AND (p.end_date IS NULL OR p.end_date >= ?2)", err);
	else
		st = db_stmt(app->db, "SELECT " PERSON_COLUMNS "WHERE p.team_id IS NULL "
		             "AND (p.end_date IS NULL OR p.end_date >= ?2)", err);
	if (!st)
		return err->status;
	if (team_id)
		db_bind_int64(st, 1, team_id);
	db_bind_today(st, 2);
	while ((rc = db_step(st)) == DB_ROW) {
		if (!vec_grow(&l->v, &l->cap, l->n + 1, sizeof *l->v)) {
			db_reset(st);
			return oom(err);
		}
		person_read(st, &l->v[l->n++]);
	}
	db_reset(st);
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("listing people"));
	return HOP_OK;
}

struct name_key {
	struct hop_person p;
	char fold[2 * HOP_NAME_MAX + 2];
};

static int name_order(const void *a, const void *b)
{
	const struct name_key *x = a, *y = b;
	int c;

	if ((c = strcmp(x->fold, y->fold)) || (c = strcmp(x->p.name, y->p.name)))
		return c;
	return strcmp(x->p.login, y->p.login);
}

/* l->v[from..] (one team name's people) by name, then login. */
static enum hop_status sort_names(struct hop_person_list *l, size_t from, struct hop_err *err)
{
	size_t n = l->n - from;
	struct name_key *k;

	if (n < 2)
		return HOP_OK;
	if (!(k = malloc(n * sizeof *k)))
		return oom(err);
	for (size_t i = 0; i < n; i++) {
		k[i].p = l->v[from + i];
		fold_text(k[i].p.name, FOLD_A, k[i].fold, sizeof k[i].fold);
	}
	qsort(k, n, sizeof *k, name_order);
	for (size_t i = 0; i < n; i++)
		l->v[from + i] = k[i].p;
	free(k);
	return HOP_OK;
}

enum hop_status person_roster_more(struct hop_app *app, struct person_roster *r, size_t want,
                                   struct hop_person_list *l, bool *done, struct hop_err *err)
{
	size_t added = 0;

	while (!r->done && added < want) {
		size_t from = l->n;

		if (r->next < r->nteams) {
			/* Teams of one name are one group: their people mix by name. */
			size_t end = r->next + 1;

			while (end < r->nteams && strcmp(r->teams[end].name, r->teams[r->next].name) == 0)
				end++;
			for (; r->next < end; r->next++)
				if (read_team(app, r->teams[r->next].id, l, err) != HOP_OK)
					return err->status;
		} else {
			if (read_team(app, 0, l, err) != HOP_OK)
				return err->status;
			r->done = true;
		}
		if (sort_names(l, from, err) != HOP_OK)
			return err->status;
		added += l->n - from;
	}
	*done = r->done;
	return HOP_OK;
}

char *person_roster_leads(const struct person_roster *r, int64_t person_id, char *buf,
                          size_t size)
{
	size_t used = 0;

	if (!size)
		return buf;
	buf[0] = '\0';
	for (size_t i = 0; r && i < r->nteams; i++) {
		if (!r->teams[i].active || r->teams[i].lead != person_id)
			continue;
		used += (size_t)snprintf(buf + used, size - used, "%s%s", used ? ", " : "",
		                         r->teams[i].name);
		if (used >= size)
			break;
	}
	return buf;
}
