/* People: reading person records (listing, searching, one by login).
 * The field checks are in person_check.c, adding, editing and removing in
 * person_edit.c. */
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/base/clock.h"
#include "hop/base/fold.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"
#include "hop/core/people/person.h"
#include "hop/base/vec.h"
#include "person_int.h"

void person_read(struct db_stmt *st, struct hop_person *p)
{
	memset(p, 0, sizeof *p);
	p->id = db_col_int64(st, 0);
	db_col_copy(st, 1, p->login, sizeof p->login);
	db_col_copy(st, 2, p->name, sizeof p->name);
	db_col_copy(st, 3, p->email, sizeof p->email);
	p->team_id = db_col_int64(st, 4);
	db_col_copy(st, 5, p->team, sizeof p->team);
	p->roles = (unsigned)db_col_int(st, 6);
	p->start = db_col_date(st, 7);
	p->end = db_col_date(st, 8);
}

void person_list_free(struct hop_person_list *l)
{
	if (!l)
		return;
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

static enum hop_status list_push(void *ctx, const struct hop_person *p, struct hop_err *err)
{
	struct hop_person_list *l = ctx;
	if (!vec_grow(&l->v, &l->cap, l->n + 1, sizeof *l->v))
		return hop_fail(err, HOP_ENOMEM, _("out of memory while listing people"));
	l->v[l->n++] = *p;
	return HOP_OK;
}

static bool person_found(const struct hop_person *p, const char *q)
{
	return fold_matches(p->login, q) || fold_matches(p->name, q) ||
	       fold_matches(p->email, q) || fold_matches(p->team, q);
}

static enum hop_status each(struct hop_app *app, const struct person_filter *f, bool sorted,
                            person_fn fn, void *ctx, struct hop_err *err)
{
	int64_t team_id = 0;
	struct db_stmt *st;
	int rc;

	if (f && f->team && *f->team) {
		struct hop_team t;
		if (team_find(app, f->team, &t, err) != HOP_OK)
			return err->status;
		team_id = t.id;
	}
	if (team_id && f->by_membership)
		st = db_stmt(app->db, "SELECT " PERSON_COLUMNS "WHERE p.id IN (SELECT m.person_id "
		             "FROM membership m WHERE m.team_id = ?1 AND m.kind <> 'acting' "
		             "AND m.start_on <= ?5 AND (m.end_on IS NULL OR m.end_on >= ?4)) "
		             "AND (?2 <> 0 OR p.end_date IS NULL OR p.end_date >= ?3) "
		             "ORDER BY p.name COLLATE hop, p.login", err);
	else if (sorted)
		st = db_stmt(app->db, "SELECT " PERSON_COLUMNS
	             "WHERE (?1 = 0 OR p.team_id = ?1) "
	             "AND (?2 <> 0 OR p.end_date IS NULL OR p.end_date >= ?3) "
	             "ORDER BY t.id IS NULL, t.name COLLATE hop, p.name COLLATE hop, p.login",
	             err);
	else
		st = db_stmt(app->db, "SELECT " PERSON_COLUMNS
		             "WHERE (?1 = 0 OR p.team_id = ?1) "
		             "AND (?2 <> 0 OR p.end_date IS NULL OR p.end_date >= ?3)", err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, team_id);
	db_bind_int(st, 2, f && f->include_former);
	db_bind_today(st, 3);
	if (team_id && f->by_membership) {
		db_bind_date(st, 4, f->member_from);
		db_bind_date(st, 5, f->member_to);
	}
	while ((rc = db_step(st)) == DB_ROW) {
		struct hop_person p;
		person_read(st, &p);
		if (f && f->search && *f->search && !person_found(&p, f->search))
			continue;
		if (fn(ctx, &p, err) != HOP_OK) {
			db_reset(st);
			return err->status;
		}
	}
	if (rc != DB_DONE) {
		db_fail(app->db, err, _("listing people"));
		db_reset(st);
		return err->status;
	}
	db_reset(st);
	return HOP_OK;
}

enum hop_status person_each(struct hop_app *app, const struct person_filter *f, person_fn fn,
                            void *ctx, struct hop_err *err)
{
	return each(app, f, true, fn, ctx, err);
}

static enum hop_status person_each_unsorted(struct hop_app *app, const struct person_filter *f,
                                            person_fn fn, void *ctx, struct hop_err *err)
{
	return each(app, f, false, fn, ctx, err);
}

/* person_list's order (team by name, no team last, then name, then login:
 * DIN 5007 as the collation "hop" sorts), made in memory: each name folded
 * once, not once per comparison as an ORDER BY with the collation does (it
 * was most of reading 20,000 people). */
struct sort_key {
	const struct hop_person *p;
	const char *team;          /* folded */
	const char *name;          /* folded */
};

static int by_key(const void *a, const void *b)
{
	const struct sort_key *x = a, *y = b;
	int c;

	if ((x->p->team_id == 0) != (y->p->team_id == 0))
		return x->p->team_id == 0 ? 1 : -1;
	if ((c = strcmp(x->team, y->team)) || (c = strcmp(x->p->team, y->p->team)) ||
	    (c = strcmp(x->name, y->name)) || (c = strcmp(x->p->name, y->p->name)))
		return c;
	return strcmp(x->p->login, y->p->login);
}

static enum hop_status sort_people(struct hop_person_list *l, struct hop_err *err)
{
	struct sort_key *k = malloc((l->n ? l->n : 1) * sizeof *k);
	size_t *from = malloc((l->n ? l->n : 1) * sizeof *from);
	/* Folded names side by side: at most 2 bytes out per byte in (ä -> a,
	 * ß -> ss), plus the NUL. */
	size_t room = 0, used = 0;
	char *text;

	for (size_t i = 0; i < l->n; i++)
		room += 2 * (strlen(l->v[i].name) + strlen(l->v[i].team)) + 2;
	text = malloc(room ? room : 1);
	if (!k || !from || !text) {
		free(k);
		free(from);
		free(text);
		return hop_fail(err, HOP_ENOMEM, _("out of memory while listing people"));
	}
	for (size_t i = 0; i < l->n; i++) {
		const struct hop_person *p = &l->v[i];
		size_t n;

		k[i].p = p;
		k[i].team = fold_text(p->team, FOLD_A, text + used, 2 * strlen(p->team) + 1);
		used += strlen(k[i].team) + 1;
		n = 2 * strlen(p->name) + 1;
		k[i].name = fold_text(p->name, FOLD_A, text + used, n);
		used += strlen(k[i].name) + 1;
	}
	qsort(k, l->n, sizeof *k, by_key);
	/* Into that order in place, cycle by cycle (a second array of 20,000
	 * people is 13 MB of fresh pages): place i takes the person from[i]. */
	for (size_t i = 0; i < l->n; i++)
		from[i] = (size_t)(k[i].p - l->v);
	for (size_t i = 0; i < l->n; i++) {
		size_t j = i;
		struct hop_person tmp;

		if (from[i] == i || from[i] == SIZE_MAX)
			continue;
		tmp = l->v[i];
		while (from[j] != i) {
			size_t next = from[j];
			l->v[j] = l->v[next];
			from[j] = SIZE_MAX;
			j = next;
		}
		l->v[j] = tmp;
		from[j] = SIZE_MAX;
	}
	free(from);
	free(k);
	free(text);
	return HOP_OK;
}

enum hop_status person_list(struct hop_app *app, const struct person_filter *f,
                            struct hop_person_list *out, struct hop_err *err)
{
	memset(out, 0, sizeof *out);
	if (f && f->team && *f->team && f->by_membership) {
		if (person_each(app, f, list_push, out, err) != HOP_OK) {
			person_list_free(out);
			return err->status;
		}
		return HOP_OK;
	}
	if (person_each_unsorted(app, f, list_push, out, err) != HOP_OK ||
	    sort_people(out, err) != HOP_OK) {
		person_list_free(out);
		return err->status;
	}
	return HOP_OK;
}

enum hop_status person_get(struct hop_app *app, const char *login, struct hop_person *out,
                           struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT " PERSON_COLUMNS "WHERE p.login = ?1", err);
	int rc;

	if (!st)
		return err->status;
	db_bind_text(st, 1, login);
	rc = db_step(st);
	if (rc == DB_ROW) {
		person_read(st, out);
		db_reset(st);
		return HOP_OK;
	}
	db_reset(st);
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("reading a person"));
	return hop_refuse(err, HOP_ENOTFOUND, HOP_R_NO_PERSON, HOP_ABOUT(.login = login),
	                  _("there is no person with the login '%.64s'"), login);
}
