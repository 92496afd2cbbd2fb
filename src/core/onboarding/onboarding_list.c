/* Onboardings across people: the list leads and HR watch, the steps that are
 * overdue, and each person's own open steps (to do).  Each is one query,
 * however many onboardings there are. */
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/base/clock.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"
#include "hop/base/vec.h"
#include "onb_int.h"

void onb_item_list_free(struct onb_item_list *l)
{
	if (!l)
		return;
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

static enum hop_status team_of(struct hop_app *app, const char *team, int64_t *id,
                               struct hop_err *err)
{
	struct hop_team t;

	*id = 0;
	if (!team || !*team)
		return HOP_OK;
	if (team_find(app, team, &t, err) != HOP_OK)
		return err->status;
	*id = t.id;
	return HOP_OK;
}

/* The ids of a list's onboardings, ascending, with where each is in the list. */
struct by_id {
	int64_t id;
	size_t at;
};

static int by_id_cmp(const void *a, const void *b)
{
	const struct by_id *x = a, *y = b;

	return (x->id > y->id) - (x->id < y->id);
}

/* Each onboarding's step counts, next due day and overdue steps, in one
 * pass over the steps (a join of every onboarding with its steps, grouped,
 * read each step through an index and cost three times as much). */
static enum hop_status count_steps(struct hop_app *app, hop_date today,
                                   struct onb_summary_list *out, struct hop_err *err)
{
	struct by_id *ids = malloc((out->n ? out->n : 1) * sizeof *ids);
	struct db_stmt *st;
	int rc;

	if (!ids)
		return hop_fail(err, HOP_ENOMEM, _("out of memory while listing onboardings"));
	for (size_t i = 0; i < out->n; i++) {
		ids[i].id = out->v[i].id;
		ids[i].at = i;
	}
	qsort(ids, out->n, sizeof *ids, by_id_cmp);
	/* Every step, as they lie in the table: those of onboardings the list
	 * does not hold are passed over (a join would not read fewer). */
	st = db_stmt(app->db, "SELECT onboarding_id, mandatory, done_on IS NOT NULL, due_on "
	             "FROM onboarding_step WHERE dropped_at IS NULL", err);
	if (!st) {
		free(ids);
		return err->status;
	}
	while ((rc = db_step(st)) == DB_ROW) {
		struct by_id key = { .id = db_col_int64(st, 0) }, *hit;
		struct onb_summary *o;
		bool mandatory = db_col_int(st, 1) != 0, done = db_col_int(st, 2) != 0;
		hop_date due = db_col_date(st, 3);

		if (!(hit = bsearch(&key, ids, out->n, sizeof *ids, by_id_cmp)))
			continue;          /* of a team the list leaves out */
		o = &out->v[hit->at];
		o->steps++;
		o->mandatory += mandatory;
		o->mandatory_done += mandatory && done;
		o->done += done;
		if (done || due == HOP_DATE_NONE)
			continue;
		if (due < today)
			o->overdue++;
		if (o->next_due == HOP_DATE_NONE || due < o->next_due)
			o->next_due = due;
	}
	db_reset(st);
	free(ids);
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("listing onboardings"));
	/* Only what is still asked for is late (as onb_read_summary says). */
	for (size_t i = 0; i < out->n; i++)
		if (out->v[i].state != ONB_PLANNED && out->v[i].state != ONB_RUNNING)
			out->v[i].overdue = 0;
	return HOP_OK;
}

enum hop_status onboarding_list(struct hop_app *app, const struct onb_filter *f,
                                struct onb_summary_list *out, struct hop_err *err)
{
	struct db_stmt *st;
	hop_date today = clock_today();
	int64_t team = 0;
	int rc;

	memset(out, 0, sizeof *out);
	if (team_of(app, f ? f->team : NULL, &team, err) != HOP_OK)
		return err->status;
	/* Counted first: 2,000 rows of 2 KB are allocated once, not copied
	 * as they grow. */
	st = db_stmt(app->db, "SELECT count(*) FROM onboarding o JOIN person p ON p.id = o.person_id "
	             "WHERE (?1 <> 0 OR o.state = 'open') AND (?2 = 0 OR p.team_id = ?2)", err);
	if (!st)
		return err->status;
	db_bind_int(st, 1, f && f->all);
	db_bind_int64(st, 2, team);
	if (db_step(st) == DB_ROW && (out->cap = (size_t)db_col_int64(st, 0)) > 0 &&
	    !(out->v = malloc(out->cap * sizeof *out->v)))
		out->cap = 0;
	db_reset(st);
	/* The steps' columns are counted apart (count_steps): none here. */
	st = db_stmt(app->db, ONB_SUMMARY_HEAD "0, 0, 0, 0, 0, NULL, " ONB_SUMMARY_TAIL
	             "WHERE (?1 <> 0 OR o.state = 'open') AND (?2 = 0 OR p.team_id = ?2) "
	             "ORDER BY o.start_on, p.name COLLATE hop, o.id", err);
	if (!st)
		return err->status;
	db_bind_int(st, 1, f && f->all);
	db_bind_int64(st, 2, team);
	db_bind_date(st, 9, today);
	while ((rc = db_step(st)) == DB_ROW) {
		if (!vec_grow(&out->v, &out->cap, out->n + 1, sizeof *out->v)) {
			db_reset(st);
			onb_summary_list_free(out);
			return hop_fail(err, HOP_ENOMEM, _("out of memory while listing onboardings"));
		}
		onb_read_summary(st, today, &out->v[out->n++]);
	}
	db_reset(st);
	if (rc != DB_DONE) {
		onb_summary_list_free(out);
		return db_fail(app->db, err, _("listing onboardings"));
	}
	if (count_steps(app, today, out, err) != HOP_OK) {
		onb_summary_list_free(out);
		return err->status;
	}
	return HOP_OK;
}

/* The columns after a step's, for an item: the onboarding, the new hire, the
 * names of their lead and mentor (for steps of those roles). */
#define ITEM_COLUMNS ONB_STEP_COLUMNS ", o.id, p.id, p.login, p.name, coalesce(p.team_id, 0), " \
	"coalesce(t.name, ''), p.start_date, coalesce(lp.name, ''), coalesce(mp.name, '') "
#define ITEM_FROM "FROM onboarding_step s JOIN onboarding o ON o.id = s.onboarding_id " \
	"JOIN person p ON p.id = o.person_id LEFT JOIN team t ON t.id = p.team_id " \
	"LEFT JOIN person lp ON lp.id = t.lead_id " \
	"LEFT JOIN mentorship m ON m.id = (SELECT x.id FROM mentorship x " \
	"WHERE x.mentee_id = o.person_id AND x.cancelled_at IS NULL AND x.end_on >= ?3 " \
	"ORDER BY x.start_on LIMIT 1) LEFT JOIN person mp ON mp.id = m.mentor_id " ONB_STEP_JOINS

static enum hop_status read_items(struct hop_app *app, struct db_stmt *st, hop_date today,
                                  struct onb_item_list *out, struct hop_err *err)
{
	int rc;

	while ((rc = db_step(st)) == DB_ROW) {
		struct onb_item *it;
		const char *who = "";
		int c = ONB_STEP_NCOLS;

		if (!vec_grow(&out->v, &out->cap, out->n + 1, sizeof *out->v)) {
			db_reset(st);
			onb_item_list_free(out);
			return hop_fail(err, HOP_ENOMEM, _("out of memory while listing onboarding steps"));
		}
		it = &out->v[out->n++];
		memset(it, 0, sizeof *it);
		onb_read_step(st, 0, today, &it->step);
		it->onboarding_id = db_col_int64(st, c);
		it->person.id = db_col_int64(st, c + 1);
		db_col_copy(st, c + 2, it->person.login, sizeof it->person.login);
		db_col_copy(st, c + 3, it->person.name, sizeof it->person.name);
		it->person.team_id = db_col_int64(st, c + 4);
		db_col_copy(st, c + 5, it->person.team, sizeof it->person.team);
		it->person.start = db_col_date(st, c + 6);
		it->person.end = HOP_DATE_NONE;
		switch (it->step.s.owner) {
		case OWNER_NEWHIRE: who = it->person.name; break;
		case OWNER_LEAD: who = db_col_text(st, c + 7); break;
		case OWNER_MENTOR: who = db_col_text(st, c + 8); break;
		case OWNER_PERSON: who = it->step.owner_shown; break;
		default: break;
		}
		if (!who || !*who)
			who = onb_owner_display(it->step.s.owner);
		if (who != it->step.owner_shown)
			snprintf(it->step.owner_shown, sizeof it->step.owner_shown, "%s", who);
		it->days_late = it->step.due < today ? (int)(today - it->step.due) : 0;
	}
	db_reset(st);
	if (rc != DB_DONE) {
		onb_item_list_free(out);
		return db_fail(app->db, err, _("listing onboarding steps"));
	}
	return HOP_OK;
}

enum hop_status onboarding_overdue(struct hop_app *app, const char *team,
                                   struct onb_item_list *out, struct hop_err *err)
{
	struct db_stmt *st;
	hop_date today = clock_today();
	int64_t team_id;

	memset(out, 0, sizeof *out);
	if (team_of(app, team, &team_id, err) != HOP_OK)
		return err->status;
	st = db_stmt(app->db, "SELECT " ITEM_COLUMNS ITEM_FROM
	             "WHERE s.done_on IS NULL AND s.dropped_at IS NULL AND s.due_on < ?3 "
	             "AND o.state = 'open' AND (?2 = 0 OR p.team_id = ?2) "
	             "ORDER BY s.due_on, p.name COLLATE hop, s.position", err);
	if (!st)
		return err->status;
	db_bind_int64(st, 2, team_id);
	db_bind_date(st, 3, today);
	return read_items(app, st, today, out, err);
}

enum hop_status onboarding_todo(struct hop_app *app, struct onb_item_list *out,
                                struct hop_err *err)
{
	struct db_stmt *st;
	hop_date today = clock_today();

	memset(out, 0, sizeof *out);
	if (!app->actor.known)
		return hop_fail(err, HOP_EINVAL, _("you (login '%s') are not registered in hop, so "
		                "no step is yours"), app->actor.login);
	st = db_stmt(app->db, "SELECT " ITEM_COLUMNS ITEM_FROM
	             "WHERE s.done_on IS NULL AND s.dropped_at IS NULL AND o.state = 'open' AND ("
	             "(s.owner = 'newhire' AND o.person_id = ?1) "
	             "OR (s.owner = 'person' AND s.owner_id = ?1) "
	             "OR (s.owner = 'mentor' AND m.mentor_id = ?1) "
	             "OR (s.owner = 'lead' AND t.lead_id = ?1 AND ?4 <> 0) "
	             "OR (s.owner = 'hr' AND ?5 <> 0) OR (s.owner = 'it' AND ?6 <> 0)) "
	             "ORDER BY s.due_on, p.name COLLATE hop, s.position", err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, app->actor.person.id);
	db_bind_date(st, 3, today);
	db_bind_int(st, 4, (app->actor.roles & ROLE_LEAD) != 0);
	db_bind_int(st, 5, (app->actor.roles & ROLE_HR) != 0);
	db_bind_int(st, 6, (app->actor.roles & ROLE_ADMIN) != 0);
	return read_items(app, st, today, out, err);
}
