/* Reading one day: who is in, and what is free.  Who is in is one query on
 * the day index over active bookings, with names hidden as the privacy rule
 * says as rows are read against the maps of booking_who_maps.c; what is free
 * is the candidate places the acting user may book. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/people/membership.h"
#include "hop/core/authz.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"
#include "booking_int.h"
#include "booking_who_int.h"

/* Sorting: hidden bookers last (their place in a team order would tell their
 * team), then by team (people without a team after those with one), then by
 * name, both in the German order; the folded forms are made once per team
 * and once per row, and a team's position is one number. */
#define WHO_NO_TEAM (UINT32_MAX - 1)     /* while reading; then the rank after the teams' */
#define WHO_HIDDEN UINT32_MAX              /* ... and the one after that */

struct who_key {
	const char *fold;                      /* the name, folded */
	const struct hop_who *w;               /* the row, once all are read */
	uint32_t group;                        /* the team in maps (WHO_NO_TEAM, WHO_HIDDEN)
	                                          while reading; then its rank (no team and
	                                          hidden: the two ranks after the teams') */
	uint32_t i;                            /* the row's index */
};

static int who_cmp(const void *a, const void *b)
{
	const struct who_key *kx = a, *ky = b;
	const struct hop_who *x = kx->w, *y = ky->w;
	int c;

	if (kx->group != ky->group)
		return kx->group < ky->group ? -1 : 1;
	if ((c = strcmp(kx->fold, ky->fold)) != 0 || (c = strcmp(x->name, y->name)) != 0)
		return c;
	if ((c = strcmp(x->login, y->login)) != 0)
		return c;
	if ((x->half & HALF_AM) != (y->half & HALF_AM))
		return (x->half & HALF_AM) ? -1 : 1;
	if ((c = desk_code_compare(x->desk, y->desk)) != 0)
		return c;
	return x->id < y->id ? -1 : x->id > y->id;
}

static int team_cmp(const void *a, const void *b)
{
	const struct who_team *x = *(struct who_team *const *)a, *y = *(struct who_team *const *)b;
	int c;

	if ((c = strcmp(x->fold, y->fold)) != 0)
		return c;
	return strcmp(x->name, y->name);
}

/* The teams the rows show, ranked by name: equal names, equal rank.
 * *nranks = how many ranks. */
static enum hop_status who_rank_teams(struct who_maps *m, uint32_t *nranks,
                                      struct hop_err *err)
{
	struct who_team **shown;
	size_t n = 0;

	*nranks = 0;
	if (!m->nteams)
		return HOP_OK;
	if (!(shown = malloc(m->nteams * sizeof *shown)))
		return bk_who_oom(err);
	for (size_t i = 0; i < m->nteams; i++)
		if (m->teams[i].fold)
			shown[n++] = &m->teams[i];
	qsort(shown, n, sizeof *shown, team_cmp);
	for (size_t i = 0, rank = 0; i < n; i++) {
		if (i && team_cmp(&shown[i - 1], &shown[i]) != 0)
			rank++;
		shown[i]->rank = (uint32_t)rank;
		*nranks = (uint32_t)rank + 1;
	}
	free(shown);
	return HOP_OK;
}

static enum hop_status who_sort(struct hop_who_list *l, struct who_maps *m,
                                struct who_key *k, struct hop_err *err)
{
	uint32_t *order, nranks;
	struct hop_who tmp;

	if (l->n < 2)
		return HOP_OK;
	if (who_rank_teams(m, &nranks, err) != HOP_OK)
		return err->status;
	if (!(order = malloc(l->n * sizeof *order)))
		return bk_who_oom(err);
	for (size_t i = 0; i < l->n; i++) {
		k[i].w = &l->v[k[i].i];
		k[i].group = k[i].group == WHO_HIDDEN ? nranks + 1
		           : k[i].group == WHO_NO_TEAM ? nranks : m->teams[k[i].group].rank;
	}
	if (!bk_group_sort(k, l->n, sizeof *k, offsetof(struct who_key, group), nranks + 2,
	                   who_cmp)) {
		free(order);
		return bk_who_oom(err);
	}
	for (size_t i = 0; i < l->n; i++)
		order[i] = k[i].i;
	bk_permute(l->v, l->n, sizeof *l->v, order, &tmp);
	free(order);
	return HOP_OK;
}

void booking_who_free(struct hop_who_list *l)
{
	if (!l)
		return;
	free(l->v);
	bk_pool_free(l->strings);
	free(l->strings);
	l->v = NULL;
	l->strings = NULL;
	l->n = 0;
}

/* The day's rows: each booking with its person, the privacy rule applied as
 * it is read, and its sorting key. */
static enum hop_status who_read(struct hop_app *app, hop_date day, int64_t team_id,
                                const struct bk_team_moves *moves, struct who_maps *m,
                                struct hop_who_list *out, struct who_key **keys,
                                struct hop_err *err)
{
	char fold[HOP_NAME_MAX * 3 + 2];
	struct db_stmt *st;
	bool oom = false;
	int rc;
	/* A place has at most two active bookings a day (the unique indexes), so
	 * the rows are allocated once without counting them; pages not used are
	 * never touched. */
	size_t cap = m->nplaces * 2, kcap = cap;

	/* am + 2 pm is the half (HALF_AM, HALF_PM, HALF_DAY): one column less to
	 * read per row. */
	if (m->people)             /* everyone is in the maps: the index booking_day alone */
		st = db_stmt(app->db, "SELECT b.id, b.desk_id, b.am + 2 * b.pm, b.person_id, "
		             "b.booked_by, b.attendees FROM booking b "
		             "WHERE b.day = ?1 AND b.cancelled_at IS NULL", err);
	else if (team_id)          /* the team's members on that day, from their memberships */
		st = db_stmt(app->db, "SELECT b.id, b.desk_id, b.am + 2 * b.pm, b.person_id, "
		             "b.booked_by, b.attendees, p.login, p.name, m.team_id "
		             "FROM membership m JOIN booking b ON b.person_id = m.person_id "
		             "AND b.day = ?1 AND b.cancelled_at IS NULL "
		             "JOIN person p ON p.id = b.person_id "
		             "WHERE m.team_id = ?2 AND " MEMBERSHIP_ON_SQL("?1"), err);
	else
		st = db_stmt(app->db, "SELECT b.id, b.desk_id, b.am + 2 * b.pm, b.person_id, "
		             "b.booked_by, b.attendees, p.login, p.name, p.team_id "
		             "FROM booking b JOIN person p INDEXED BY person_names ON p.id = b.person_id "
		             "WHERE b.day = ?1 AND b.cancelled_at IS NULL AND ?2 = 0",
		             err);
	if (!st)
		return err->status;
	db_bind_date(st, 1, day);
	if (!m->people)
		db_bind_int64(st, 2, team_id);
	while ((rc = db_step(st)) == DB_ROW) {
		struct hop_who *w;
		struct who_key *k;
		const struct who_place *p;
		struct who_team *t = NULL;
		size_t at = bk_find_id(m->place_id, m->nplaces, db_col_int64(st, 1)), ti;
		int64_t person = db_col_int64(st, 3), tid;
		const struct who_person *who = NULL;

		if (at == SIZE_MAX)
			continue;          /* a place at another site */
		if (m->people) {
			size_t pi = bk_find_id(m->person_id, m->npeople, person);
			if (pi == SIZE_MAX)
				continue;  /* as the join would: no such person */
			who = &m->people[pi];
			tid = bk_team_on(moves, person, who->team_id);
		} else if (team_id) {
			tid = db_col_int64(st, 8);
		} else {
			tid = bk_team_on(moves, person, db_col_int64(st, 8));
		}
		if (out->n >= UINT32_MAX - 1 ||
		    (oom = !bk_fit(&out->v, sizeof *out->v, NULL, out->n, &cap) ||
		           !bk_fit(keys, sizeof **keys, NULL, out->n, &kcap)))
			break;
		w = &out->v[out->n];
		k = &(*keys)[out->n];
		p = &m->places[at];
		ti = tid ? bk_find_id(m->team_id, m->nteams, tid) : SIZE_MAX;
		if (ti != SIZE_MAX)
			t = &m->teams[ti];
		w->id = db_col_int64(st, 0);
		w->half = (unsigned)db_col_int(st, 2) & HALF_DAY;
		w->desk_id = db_col_int64(st, 1);
		w->desk = p->code;
		w->kind = p->kind;
		w->site = m->zones[p->zone].site;
		w->floor = m->zones[p->zone].floor;
		w->zone = m->zones[p->zone].zone;
		w->attendees = db_col_int(st, 5);
		k->i = (uint32_t)out->n;
		if (!authz_booker_visible(app, person, tid, t ? t->lead : 0,
		                          db_col_int64(st, 4))) {
			/* Asked for one team, a hidden row would tell where that team's
			 * people sit: it goes, as in booking_list. */
			if (team_id)
				continue;
			/* Nothing that tells who: not the id, not the team. */
			w->hidden = true;
			w->person_id = 0;
			w->login = w->name = w->team = "";
			k->fold = "";
			k->group = WHO_HIDDEN;
			out->n++;
			continue;
		}
		w->hidden = false;
		w->person_id = person;
		if (who) {
			w->login = who->login;
			w->name = who->name;
			k->fold = who->fold;
		} else {
			w->login = bk_pool_col(out->strings, st, 6);
			w->name = bk_pool_col(out->strings, st, 7);
			if ((oom = !w->login || !w->name))
				break;
			fold_text(w->name, FOLD_A, fold, sizeof fold);
			if ((oom = !(k->fold = bk_pool_strn(out->strings, fold, strlen(fold)))))
				break;
		}
		w->team = "";
		k->group = WHO_NO_TEAM;
		if (t) {
			if (!t->fold) {
				fold_text(t->name, FOLD_A, fold, sizeof fold);
				if ((oom = !(t->fold = bk_pool_strn(out->strings, fold, strlen(fold)))))
					break;
			}
			w->team = t->name;
			k->group = (uint32_t)ti;
		}
		out->n++;
	}
	db_reset(st);
	if (oom || rc == DB_ROW)
		return bk_who_oom(err);
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("reading bookings"));
	return HOP_OK;
}

enum hop_status booking_who(struct hop_app *app, hop_date day, const char *team,
                            const char *site, struct hop_who_list *out,
                            struct hop_err *err)
{
	struct who_maps m = { 0 };
	struct bk_team_moves moves = { 0 };
	struct who_key *keys = NULL;
	int64_t team_id, site_id;
	enum hop_status rc = HOP_OK;

	memset(out, 0, sizeof *out);
	out->day = day;
	if (day == HOP_DATE_NONE)
		return hop_fail(err, HOP_EINVAL, _("no day given; give a date such as 2026-11-24"));
	if (bk_resolve_team_site(app, team, site, &team_id, &site_id, err) != HOP_OK)
		return err->status;
	if (!(out->strings = calloc(1, sizeof *out->strings)))
		return bk_who_oom(err);
	/* Each row shows its person's team on the day (a team's rows are its
	 * members that day already). */
	if ((!team_id && bk_team_moves(app, day, &moves, err) != HOP_OK) ||
	    bk_who_maps_get(app, team_id, site_id, out->strings, &m, err) != HOP_OK ||
	    who_read(app, day, team_id, &moves, &m, out, &keys, err) != HOP_OK ||
	    who_sort(out, &m, keys, err) != HOP_OK) {
		booking_who_free(out);
		rc = err->status;
	}
	free(keys);
	bk_team_moves_free(&moves);
	bk_who_maps_free(&m);
	return rc;
}

enum hop_status booking_free(struct hop_app *app, hop_date day, unsigned half,
                             const struct desk_filter *f, struct hop_desk_list *out,
                             struct hop_err *err)
{
	struct bk_want w = { .day = day, .halves = half ? half : HALF_DAY, .rooms = 0,
	                     .min_capacity = 1 };
	struct bk_place_list l;
	struct hop_person me_on;
	const struct hop_person *me = NULL;
	int64_t team_unused;
	size_t k = 0;

	memset(out, 0, sizeof *out);
	if (w.halves > HALF_DAY)
		return hop_fail(err, HOP_EINVAL, _("a booking is for the morning, the afternoon or "
		                "the whole day"));
	if (f) {
		w.rooms = f->rooms;
		w.attrs = f->attrs;
		if (bk_resolve_team_site(app, NULL, f->site, &team_unused, &w.site_id, err) != HOP_OK)
			return err->status;
		if (f->zone && *f->zone) {
			struct hop_zone z;
			if (zone_get(app, f->zone, &z, err) != HOP_OK)
				return err->status;
			w.zone_id = z.id;
		}
	}
	if (bk_check_day(app, w.site_id, day, err) != HOP_OK)
		return err->status;
	w.for_person = app->actor.known ? app->actor.person.id : 0;
	/* Desks a team may book: the acting user's team that day. */
	if (app->actor.known) {
		if (bk_person_on(app, &app->actor.person, day, &me_on, err) != HOP_OK)
			return err->status;
		me = &me_on;
	}
	if (bk_candidates(app, &w, &l, err) != HOP_OK)
		return err->status;
	/* What the acting user may book: free, and open to them. */
	for (size_t i = 0; i < l.n; i++)
		if (bk_bookable(app, me, &l.v[i]))
			l.v[k++] = l.v[i];
	out->v = calloc(k ? k : 1, sizeof *out->v);
	if (!out->v) {
		bk_place_list_free(&l);
		return hop_fail(err, HOP_ENOMEM, _("out of memory while listing free places"));
	}
	for (size_t i = 0; i < k; i++)
		bk_place_to_desk(&l.v[i], &out->v[i]);
	out->n = out->cap = k;
	bk_place_list_free(&l);
	return HOP_OK;
}
