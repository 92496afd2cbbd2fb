/* Requirements: who must do which course, from when, under which rule.
 * Kept by HR and admins, never deleted (ended instead), every change
 * audited.  The status under them is computed in status.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "hop/core/app.h"
#include "hop/core/audit.h"
#include "hop/core/authz.h"
#include "hop/core/places/place.h"
#include "hop/core/training/requirement.h"
#include "hop/base/clock.h"
#include "hop/base/i18n.h"
#include "hop/core/text_check.h"
#include "hop/base/vec.h"
#include "hop/db/db.h"

static const char *const scope_names[TRN_SCOPE_COUNT] = {
	"all", "role", "team", "site", "person",
};
static const char *const trigger_names[TRN_TRIGGER_COUNT] = {
	"none", "start", "mobile", "change",
};

const char *trn_scope_name(enum trn_scope s)
{
	return (unsigned)s < TRN_SCOPE_COUNT ? scope_names[s] : scope_names[0];
}

const char *trn_trigger_name(enum trn_trigger t)
{
	return (unsigned)t < TRN_TRIGGER_COUNT ? trigger_names[t] : trigger_names[0];
}

enum hop_status trn_trigger_parse(const char *text, enum trn_trigger *t, struct hop_err *err)
{
	static const struct { const char *word; enum trn_trigger t; } words[] = {
		{ "none", TRN_TRIGGER_NONE }, { "start", TRN_TRIGGER_START },
		{ "mobile", TRN_TRIGGER_MOBILE }, { "change", TRN_TRIGGER_CHANGE },
		{ "keiner", TRN_TRIGGER_NONE }, { "beginn", TRN_TRIGGER_START },
		{ "mobil", TRN_TRIGGER_MOBILE }, { "wechsel", TRN_TRIGGER_CHANGE },
	};

	for (size_t i = 0; text && i < sizeof words / sizeof words[0]; i++)
		if (strcasecmp(text, words[i].word) == 0) {
			*t = words[i].t;
			return HOP_OK;
		}
	return hop_fail(err, HOP_EINVAL, _("'%.40s' is no trigger; use start, mobile, change or "
	                "none"), text ? text : "");
}

static enum trn_scope scope_from_text(const char *text)
{
	for (int i = 0; i < TRN_SCOPE_COUNT; i++)
		if (text && strcmp(text, scope_names[i]) == 0)
			return (enum trn_scope)i;
	return TRN_SCOPE_ALL;
}

static enum trn_trigger trigger_from_text(const char *text)
{
	for (int i = 0; i < TRN_TRIGGER_COUNT; i++)
		if (text && strcmp(text, trigger_names[i]) == 0)
			return (enum trn_trigger)i;
	return TRN_TRIGGER_NONE;
}

void trn_requirement_list_free(struct trn_requirement_list *l)
{
	free(l->v);
	memset(l, 0, sizeof *l);
}

enum hop_status trn_authz_keep(const struct hop_app *app, struct hop_err *err)
{
	if (authz_registered(app, err) != HOP_OK)
		return err->status;
	if (!(app->actor.roles & (ROLE_HR | ROLE_ADMIN)))
		return hop_fail(err, HOP_EPERM, _("only HR or an admin can change training "
		                "requirements and exemptions"));
	return HOP_OK;
}

/* The one person, team or site the scope names, as an id. */
static enum hop_status scope_target(struct hop_app *app, const struct trn_requirement_new *rq,
                                    int64_t *id, char *who, size_t size, struct hop_err *err)
{
	struct hop_person p;
	struct hop_team t;
	struct hop_site s;

	*id = 0;
	*who = '\0';
	switch (rq->scope) {
	case TRN_SCOPE_TEAM:
		if (team_find(app, rq->team ? rq->team : "", &t, err) != HOP_OK)
			return err->status;
		*id = t.id;
		snprintf(who, size, "%s", t.slug);
		break;
	case TRN_SCOPE_SITE:
		if (site_get(app, rq->site ? rq->site : "", &s, err) != HOP_OK)
			return err->status;
		*id = s.id;
		snprintf(who, size, "%s", s.name);
		break;
	case TRN_SCOPE_PERSON:
		if (person_get(app, rq->person ? rq->person : "", &p, err) != HOP_OK)
			return err->status;
		*id = p.id;
		snprintf(who, size, "%s", p.login);
		break;
	case TRN_SCOPE_ROLE:
		if (rq->role == 0 || (rq->role & (rq->role - 1)) || rq->role > ROLE_ADMIN)
			return hop_fail(err, HOP_EINVAL, _("a requirement names exactly one role"));
		role_format(rq->role, who, size);
		break;
	case TRN_SCOPE_ALL:
		snprintf(who, size, "all");
		break;
	}
	return HOP_OK;
}

static enum hop_status check_new(const struct trn_requirement_new *rq, hop_date from,
                                 struct hop_err *err)
{
	if (rq->interval_months < 0 || rq->interval_months > 240)
		return hop_fail(err, HOP_EINVAL, _("the interval is %d months; give 1 to 240 "
		                "(or none for the course's validity)"), rq->interval_months);
	if (rq->grace_days < 0 || rq->grace_days > 730)
		return hop_fail(err, HOP_EINVAL, _("the grace period is %d days; give 0 to 730"),
		                rq->grace_days);
	if (rq->warn_days > 366)
		return hop_fail(err, HOP_EINVAL, _("the warning period is %d days; give 0 to 366"),
		                rq->warn_days);
	if (rq->calendar && (rq->anchor_month < 1 || rq->anchor_month > 12 ||
	                     rq->anchor_day < 1 || rq->anchor_day > 28))
		return hop_fail(err, HOP_EINVAL, _("a calendar anchor is a month and a day from "
		                "01-01 to 12-28, such as 01-01"));
	if (rq->until != HOP_DATE_NONE && rq->until < from)
		return hop_fail(err, HOP_EINVAL, _("the requirement would end before it starts"));
	if (rq->note && strlen(rq->note) > TRN_NOTE_MAX)
		return hop_fail(err, HOP_EINVAL, _("the note is %zu bytes long; at most %d are "
		                "allowed"), strlen(rq->note), TRN_NOTE_MAX);
	if (text_check_line(rq->note, _("the note"), err) != HOP_OK)
		return err->status;
	return HOP_OK;
}

enum hop_status trn_require(struct hop_app *app, const struct trn_requirement_new *rq,
                            int64_t *id, struct hop_err *err)
{
	struct trn_course c;
	struct db_stmt *st;
	hop_date from = rq->from != HOP_DATE_NONE ? rq->from : clock_today();
	char who[HOP_TEAM_NAME_MAX + 1], mmdd[8], now[24], detail[600], object[64];
	char a[HOP_DATE_ISO_LEN], b[HOP_DATE_ISO_LEN];
	int64_t target;

	*id = 0;
	if (trn_authz_keep(app, err) != HOP_OK || check_new(rq, from, err) != HOP_OK ||
	    trn_course_get(app, rq->course ? rq->course : "", &c, err) != HOP_OK ||
	    scope_target(app, rq, &target, who, sizeof who, err) != HOP_OK)
		return err->status;
	if (c.retired)
		return hop_fail(err, HOP_EINVAL, _("course %s is retired; a retired course cannot "
		                "be required"), c.code);
	snprintf(mmdd, sizeof mmdd, "%02d-%02d", rq->anchor_month, rq->anchor_day);
	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	st = db_stmt(app->db, "INSERT INTO requirement (course_id, scope, role, team_id, site_id, "
	             "person_id, interval_months, anchor, anchor_mmdd, grace_days, warn_days, "
	             "trigger_on, from_on, until_on, note, created_at, created_by) VALUES "
	             "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
	             err);
	if (!st)
		goto fail;
	db_bind_int64(st, 1, c.id);
	db_bind_text(st, 2, trn_scope_name(rq->scope));
	if (rq->scope == TRN_SCOPE_ROLE)
		db_bind_int(st, 3, (int)rq->role);
	if (rq->scope == TRN_SCOPE_TEAM)
		db_bind_int64(st, 4, target);
	if (rq->scope == TRN_SCOPE_SITE)
		db_bind_int64(st, 5, target);
	if (rq->scope == TRN_SCOPE_PERSON)
		db_bind_int64(st, 6, target);
	if (rq->interval_months > 0)
		db_bind_int(st, 7, rq->interval_months);
	db_bind_text(st, 8, rq->calendar ? "calendar" : "event");
	if (rq->calendar)
		db_bind_text(st, 9, mmdd);
	db_bind_int(st, 10, rq->grace_days);
	db_bind_int(st, 11, rq->warn_days < 0 ? TRN_WARN_DEFAULT : rq->warn_days);
	db_bind_text(st, 12, trn_trigger_name(rq->trigger));
	db_bind_date(st, 13, from);
	db_bind_date(st, 14, rq->until);
	db_bind_text(st, 15, rq->note && *rq->note ? rq->note : NULL);
	db_bind_text(st, 16, clock_timestamp(now));
	db_bind_text(st, 17, app->actor.login);
	if (db_run(st, _("adding a requirement"), err) != HOP_OK)
		goto fail;
	*id = db_last_id(app->db);
	snprintf(detail, sizeof detail, "%s for %s %s; interval %d; grace %d; trigger %s; "
	         "from %s%s%s", c.code, trn_scope_name(rq->scope), who, rq->interval_months,
	         rq->grace_days, trn_trigger_name(rq->trigger), date_format(from, a),
	         rq->until != HOP_DATE_NONE ? " until " : "",
	         rq->until != HOP_DATE_NONE ? date_format(rq->until, b) : "");
	snprintf(object, sizeof object, "requirement:%lld", (long long)*id);
	return audit_commit(app, "training.require", object, detail, err);
fail:
	db_rollback(app->db);
	return err->status;
}

static void read_requirement(struct db_stmt *st, struct trn_requirement *r)
{
	const char *mmdd;

	r->id = db_col_int64(st, 0);
	r->course_id = db_col_int64(st, 1);
	db_col_copy(st, 2, r->course, sizeof r->course);
	db_col_copy(st, 3, r->title, sizeof r->title);
	r->scope = scope_from_text(db_col_text(st, 4));
	r->role = (unsigned)db_col_int(st, 5);
	db_col_copy(st, 6, r->who, sizeof r->who);
	r->interval_months = db_col_int(st, 7);
	r->calendar = db_col_text(st, 8) && strcmp(db_col_text(st, 8), "calendar") == 0;
	mmdd = db_col_text(st, 9);
	r->anchor_month = r->anchor_day = 1;
	if (mmdd && strlen(mmdd) == 5) {
		r->anchor_month = atoi(mmdd);
		r->anchor_day = atoi(mmdd + 3);
	}
	r->grace_days = db_col_int(st, 10);
	r->warn_days = db_col_int(st, 11);
	r->trigger = trigger_from_text(db_col_text(st, 12));
	r->from = db_col_date(st, 13);
	r->until = db_col_date(st, 14);
	r->ended = db_col_int(st, 15) != 0;
	if (r->scope == TRN_SCOPE_ROLE)
		role_format(r->role, r->who, sizeof r->who);
}

enum hop_status trn_requirements(struct hop_app *app, bool all,
                                 struct trn_requirement_list *out, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT r.id, r.course_id, c.code, c.title, r.scope, "
	                             "coalesce(r.role, 0), coalesce(t.slug, s.name, p.login, ''), "
	                             "coalesce(r.interval_months, 0), r.anchor, r.anchor_mmdd, "
	                             "r.grace_days, r.warn_days, r.trigger_on, r.from_on, r.until_on, "
	                             "r.ended_at IS NOT NULL FROM requirement r "
	                             "JOIN course c ON c.id = r.course_id "
	                             "LEFT JOIN team t ON t.id = r.team_id "
	                             "LEFT JOIN site s ON s.id = r.site_id "
	                             "LEFT JOIN person p ON p.id = r.person_id "
	                             "WHERE ?1 = 1 OR r.ended_at IS NULL ORDER BY c.code, r.id", err);
	int rc;

	memset(out, 0, sizeof *out);
	if (!st)
		return err->status;
	db_bind_int(st, 1, all);
	while ((rc = db_step(st)) == DB_ROW) {
		if (!vec_grow(&out->v, &out->cap, out->n + 1, sizeof *out->v)) {
			db_reset(st);
			trn_requirement_list_free(out);
			return hop_fail(err, HOP_ENOMEM, _("out of memory while reading requirements"));
		}
		memset(&out->v[out->n], 0, sizeof out->v[0]);
		read_requirement(st, &out->v[out->n++]);
	}
	db_reset(st);
	if (rc != DB_DONE) {
		trn_requirement_list_free(out);
		return db_fail(app->db, err, _("reading requirements"));
	}
	return HOP_OK;
}

enum hop_status trn_unrequire(struct hop_app *app, int64_t id, struct hop_err *err)
{
	struct db_stmt *st;
	char now[24], object[64], code[HOP_COURSE_CODE_MAX + 1], iso[HOP_DATE_ISO_LEN];
	hop_date today = clock_today();
	bool found;

	if (trn_authz_keep(app, err) != HOP_OK)
		return err->status;
	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	st = db_stmt(app->db, "SELECT c.code FROM requirement r JOIN course c ON c.id = r.course_id "
	             "WHERE r.id = ?1 AND r.ended_at IS NULL", err);
	if (!st)
		goto fail;
	db_bind_int64(st, 1, id);
	if (db_get_text(st, code, sizeof code, &found, _("reading a requirement"), err) != HOP_OK)
		goto fail;
	if (!found) {
		hop_fail(err, HOP_ENOTFOUND, _("there is no requirement in force with the id %lld"),
		         (long long)id);
		goto fail;
	}
	/* It stops applying from today: until_on yesterday, unless it started
	 * today or later (then it never applied). */
	st = db_stmt(app->db, "UPDATE requirement SET ended_at = ?2, ended_by = ?3, "
	             "until_on = CASE WHEN from_on >= ?4 THEN from_on "
	             "WHEN until_on IS NULL OR until_on >= ?4 THEN ?5 "
	             "ELSE until_on END WHERE id = ?1", err);
	if (!st)
		goto fail;
	db_bind_int64(st, 1, id);
	db_bind_text(st, 2, clock_timestamp(now));
	db_bind_text(st, 3, app->actor.login);
	db_bind_text(st, 4, date_format(today, iso));
	db_bind_date(st, 5, today - 1);
	if (db_run(st, _("ending a requirement"), err) != HOP_OK)
		goto fail;
	snprintf(object, sizeof object, "requirement:%lld", (long long)id);
	return audit_commit(app, "training.unrequire", object, code, err);
fail:
	db_rollback(app->db);
	return err->status;
}
