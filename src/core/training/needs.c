/* Self-assessed training needs (competence.h): a person's statements, seen
 * by them and HR only, and the means of groups large enough that no one's
 * answer can be read off them (research X-3: [privacy] min_group). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/audit.h"
#include "hop/core/authz.h"
#include "hop/core/people/membership.h"
#include "hop/core/training/competence.h"
#include "hop/base/clock.h"
#include "hop/base/i18n.h"
#include "hop/db/collect.h"
#include "hop/db/db.h"

void trn_need_list_free(struct trn_need_list *l)
{
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

void trn_need_report_free(struct trn_need_report *r)
{
	free(r->v);
	r->v = NULL;
	r->n = r->cap = 0;
}

enum hop_status trn_need_state(struct hop_app *app, const char *competence, int need,
                               hop_date day, struct hop_err *err)
{
	struct trn_competence c;
	struct db_stmt *st;
	char object[64], detail[80], d[HOP_DATE_ISO_LEN], now[21];
	hop_date today = clock_today();

	if (authz_registered(app, err) != HOP_OK)
		return err->status;
	if (need < 1 || need > 5)
		return hop_fail(err, HOP_EINVAL, _("a training need is stated from 1 (very low) to "
		                "5 (very high), not %d"), need);
	if (day == HOP_DATE_NONE)
		day = today;
	if (day > today)
		return hop_fail(err, HOP_EINVAL, _("a need is stated for today or a day past, not "
		                "for %s"), date_format(day, d));
	if (trn_competence_get(app, competence, &c, err) != HOP_OK)
		return err->status;
	if (c.retired)
		return hop_fail(err, HOP_EINVAL, _("the competence '%s' is retired"), c.code);
	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	st = db_stmt(app->db, "INSERT INTO self_assessment (person_id, competence_id, need, "
	             "stated_on, created_at) VALUES (?1, ?2, ?3, ?4, ?5)", err);
	if (!st)
		goto fail;
	db_bind_int64(st, 1, app->actor.person.id);
	db_bind_int64(st, 2, c.id);
	db_bind_int(st, 3, need);
	db_bind_date(st, 4, day);
	db_bind_text(st, 5, clock_timestamp(now));
	if (db_run(st, _("stating a training need"), err) != HOP_OK)
		goto fail;
	/* The value stays out of the log: the log is read more widely. */
	snprintf(object, sizeof object, "person:%s", app->actor.login);
	snprintf(detail, sizeof detail, "competence=%s on=%s", c.code, date_format(day, d));
	return audit_commit(app, "need.state", object, detail, err);
fail:
	db_rollback(app->db);
	return err->status;
}

static void read_need(struct db_stmt *st, void *out)
{
	struct trn_need *n = out;

	db_col_copy(st, 0, n->code, sizeof n->code);
	db_col_copy(st, 1, n->name, sizeof n->name);
	n->need = db_col_int(st, 2);
	n->on = db_col_date(st, 3);
	n->latest = db_col_int(st, 4) != 0;
}

enum hop_status trn_needs_of(struct hop_app *app, const char *login, struct trn_need_list *out,
                             struct hop_err *err)
{
	static const struct collect c = {
		sizeof(struct trn_need), read_need,
		N_("out of memory while listing training needs"), N_("listing training needs"),
	};
	struct hop_person p;
	struct db_stmt *st;

	memset(out, 0, sizeof *out);
	if (authz_registered(app, err) != HOP_OK)
		return err->status;
	if (!login || strcmp(login, app->actor.login) == 0) {
		p = app->actor.person;
	} else {
		if (!(app->actor.roles & (ROLE_HR | ROLE_ADMIN)))
			return hop_fail(err, HOP_EPERM, _("a person's own training needs are seen by "
			                "them and by HR only"));
		if (person_get(app, login, &p, err) != HOP_OK)
			return err->status;
	}
	st = db_stmt(app->db, "SELECT c.code, c.name, s.need, s.stated_on, s.id = (SELECT t.id "
	             "FROM self_assessment t WHERE t.person_id = s.person_id "
	             "AND t.competence_id = s.competence_id ORDER BY t.stated_on DESC, t.id DESC "
	             "LIMIT 1) FROM self_assessment s JOIN competence c ON c.id = s.competence_id "
	             "WHERE s.person_id = ?1 ORDER BY c.position, c.code, s.stated_on DESC, s.id DESC",
	             err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, p.id);
	return collect_rows(app->db, st, &c, &out->v, &out->n, &out->cap, err);
}

/* The group: ?4 = 0 everyone employed on ?2; 1 the members of team ?1 on
 * ?2; 2 the members of the teams person ?3 leads. */
#define GROUP_CTE \
	"WITH g(person_id) AS (SELECT p.id FROM person p WHERE ?4 = 0 AND p.start_date <= ?2 " \
	"AND (p.end_date IS NULL OR p.end_date >= ?2) " \
	"UNION SELECT m.person_id FROM membership m JOIN person p ON p.id = m.person_id " \
	"WHERE ?4 <> 0 AND (m.team_id = ?1 OR (?4 = 2 AND m.team_id IN (SELECT id FROM team " \
	"WHERE lead_id = ?3 AND dissolved_on IS NULL))) AND " MEMBERSHIP_ON_SQL("?2") \
	"AND p.start_date <= ?2 AND (p.end_date IS NULL OR p.end_date >= ?2)) "

static void bind_group(struct db_stmt *st, int64_t team_id, hop_date day, int64_t lead,
                       int mode)
{
	db_bind_int64(st, 1, team_id);
	db_bind_date(st, 2, day);
	db_bind_int64(st, 3, lead);
	db_bind_int(st, 4, mode);
}

static void read_mean(struct db_stmt *st, void *out)
{
	struct trn_need_mean *m = out;

	db_col_copy(st, 0, m->code, sizeof m->code);
	db_col_copy(st, 1, m->name, sizeof m->name);
	m->benchmark = db_col_int(st, 2);
	m->n = db_col_int(st, 3);
	/* The sum for now; trn_needs_group makes it the mean. */
	m->mean = db_col_int(st, 4);
}

enum hop_status trn_needs_group(struct hop_app *app, const char *team, hop_date day,
                                struct trn_need_report *out, struct hop_err *err)
{
	static const struct collect c = {
		sizeof(struct trn_need_mean), read_mean,
		N_("out of memory while listing training needs"), N_("listing training needs"),
	};
	bool hr = app->actor.known && (app->actor.roles & (ROLE_HR | ROLE_ADMIN));
	struct hop_team t = { 0 };
	struct db_stmt *st;
	int64_t people = 0;
	int mode;
	bool found;

	memset(out, 0, sizeof *out);
	out->min_group = app->cfg.privacy_min_group;
	if (day == HOP_DATE_NONE)
		day = clock_today();
	if (authz_registered(app, err) != HOP_OK)
		return err->status;
	if (team) {
		if (team_find(app, team, &t, err) != HOP_OK)
			return err->status;
		if (!hr && !authz_leads_team(app, t.id))
			return hop_fail(err, HOP_EPERM, _("the training needs of %s are seen by its "
			                "lead and by HR only"), t.name);
		mode = 1;
		snprintf(out->group, sizeof out->group, "%s", t.name);
	} else if (hr) {
		mode = 0;
	} else if (app->actor.roles & ROLE_LEAD) {
		mode = 2;
	} else {
		return hop_fail(err, HOP_EPERM, _("the training needs of a group are seen by its "
		                "lead and by HR; everyone sees their own"));
	}
	st = db_stmt(app->db, GROUP_CTE "SELECT count(*) FROM g", err);
	if (!st)
		return err->status;
	bind_group(st, t.id, day, app->actor.person.id, mode);
	if (db_get_int64(st, &people, &found, _("counting a group"), err) != HOP_OK)
		return err->status;
	out->people = (int)people;
	if (people < out->min_group) {
		if (mode == 1)
			return hop_fail(err, HOP_EPERM, ngettext(
			        "the training needs of %s are not shown: it has %d member, and needs "
			        "are shown only for groups of at least %d people, so that no one's own "
			        "statement can be read off them",
			        "the training needs of %s are not shown: it has %d members, and needs "
			        "are shown only for groups of at least %d people, so that no one's own "
			        "statement can be read off them", (unsigned long)people),
			        t.name, (int)people, out->min_group);
		return hop_fail(err, HOP_EPERM, ngettext(
		        "the training needs are not shown: the group has %d person, and needs are "
		        "shown only for groups of at least %d people, so that no one's own "
		        "statement can be read off them",
		        "the training needs are not shown: the group has %d people, and needs are "
		        "shown only for groups of at least %d people, so that no one's own "
		        "statement can be read off them", (unsigned long)people),
		        (int)people, out->min_group);
	}
	st = db_stmt(app->db, GROUP_CTE ", latest AS (SELECT s.competence_id, s.need "
	             "FROM self_assessment s JOIN g ON g.person_id = s.person_id "
	             "WHERE s.stated_on <= ?2 AND NOT EXISTS (SELECT 1 FROM self_assessment t "
	             "WHERE t.person_id = s.person_id AND t.competence_id = s.competence_id "
	             "AND t.stated_on <= ?2 AND (t.stated_on > s.stated_on "
	             "OR (t.stated_on = s.stated_on AND t.id > s.id)))) "
	             "SELECT c.code, c.name, coalesce(c.benchmark, 0), count(l.need), "
	             "coalesce(sum(l.need), 0) FROM competence c "
	             "LEFT JOIN latest l ON l.competence_id = c.id WHERE c.retired_on IS NULL "
	             "GROUP BY c.id, c.code, c.name, c.benchmark, c.position "
	             "ORDER BY c.position, c.code", err);
	if (!st)
		return err->status;
	bind_group(st, t.id, day, app->actor.person.id, mode);
	if (collect_rows(app->db, st, &c, &out->v, &out->n, &out->cap, err) != HOP_OK)
		return err->status;
	for (size_t i = 0; i < out->n; i++) {
		struct trn_need_mean *m = &out->v[i];
		/* A competence few have rated keeps its mean to itself, too. */
		m->mean = m->n >= out->min_group && m->n > 0
		          ? (m->mean * 100 + m->n / 2) / m->n : 0;
	}
	return HOP_OK;
}
