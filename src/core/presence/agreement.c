/* The office agreement ("Dienstvereinbarung") as warnings: per person and ISO
 * week, too many home days, too few office days, new hires not in the office,
 * members not in on the team's presence days.  Nothing here blocks a plan; a
 * lead reads the list and decides. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/people/membership.h"
#include "hop/base/i18n.h"
#include "hop/base/vec.h"
#include "presence_int.h"

#define WEEKS_MAX 60   /* a year and a bit per report */

const char *agreement_rule_name(enum agreement_rule r)
{
	switch (r) {
	case RULE_MAX_HOME: return "max-home-days";
	case RULE_MIN_OFFICE: return "min-office-days";
	case RULE_ONBOARDING: return "onboarding";
	case RULE_TEAM_DAY: return "team-day";
	}
	return "";
}

/* Working days per site over the plan's days, worked out once per site. */
struct site_days { int64_t site; unsigned char *working; };
struct site_cache { struct site_days *v; size_t n; hop_date from; int ndays; };

static void site_cache_free(struct site_cache *c)
{
	for (size_t i = 0; i < c->n; i++)
		free(c->v[i].working);
	free(c->v);
}

static const unsigned char *site_working(struct hop_app *app, struct site_cache *c,
                                         int64_t site, struct hop_err *err)
{
	struct site_days *v;

	for (size_t i = 0; i < c->n; i++)
		if (c->v[i].site == site)
			return c->v[i].working;
	v = realloc(c->v, (c->n + 1) * sizeof *v);
	if (!v)
		goto nomem;
	c->v = v;
	v[c->n].site = site;
	if (!(v[c->n].working = malloc((size_t)c->ndays)))
		goto nomem;
	for (int d = 0; d < c->ndays; d++) {
		bool w;
		pr_working(app, site, c->from + d, &w, NULL, err);
		v[c->n].working[d] = w;
	}
	return c->v[c->n++].working;
nomem:
	hop_fail(err, HOP_ENOMEM, _("out of memory while checking the office agreement"));
	return NULL;
}

static void fill(struct agreement_deviation *dv, const struct hop_person *p, hop_date day,
                 hop_date monday, enum agreement_rule rule)
{
	memset(dv, 0, sizeof *dv);
	dv->person_id = p->id;
	snprintf(dv->login, sizeof dv->login, "%s", p->login);
	snprintf(dv->name, sizeof dv->name, "%s", p->name);
	snprintf(dv->team, sizeof dv->team, "%s", p->team);
	date_iso_week(monday, &dv->iso_year, &dv->iso_week);
	dv->day = day;
	dv->rule = rule;
}

static bool homeish(enum presence_loc l)
{
	return l == LOC_HOME || l == LOC_MOBILE;
}

/* The site of each team (its first zone's), looked up once per team: people
 * in the same team share it, and a person who changes team takes the new
 * team's site (and so its Land's holidays) from that day. */
struct team_site { int64_t team, site; };
struct team_sites { struct team_site *v; size_t n, cap; };

static enum hop_status team_site(struct hop_app *app, struct team_sites *c, int64_t team,
                                 int64_t *site, struct hop_err *err)
{
	size_t lo = 0, hi = c->n;

	while (lo < hi) {   /* v is kept in team order */
		size_t mid = lo + (hi - lo) / 2;
		if (c->v[mid].team < team)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < c->n && c->v[lo].team == team) {
		*site = c->v[lo].site;
		return HOP_OK;
	}
	if (pr_team_site(app, team, site, err) != HOP_OK)
		return err->status;
	if (!vec_grow(&c->v, &c->cap, c->n + 1, sizeof *c->v))
		return hop_fail(err, HOP_ENOMEM, _("out of memory while checking the office "
		                "agreement"));
	memmove(&c->v[lo + 1], &c->v[lo], (c->n - lo) * sizeof *c->v);
	c->v[lo] = (struct team_site){ team, *site };
	c->n++;
	return HOP_OK;
}

/* One person's week as the checks see it: for each weekday, the team they
 * are in, whether it is a working day at that team's site, and whether the
 * day belongs to the report (the team asked about, when one was). */
struct week_days {
	int64_t team[PRESENCE_DAYS];
	bool working[PRESENCE_DAYS];
	bool counted[PRESENCE_DAYS];
};

/* One person's one week. */
static enum hop_status check_week(struct hop_app *app, const struct hop_person *p, size_t i,
                                  const struct pr_plan *plan, int w,
                                  const struct week_days *wd,
                                  const struct hop_teamday_list *tds,
                                  struct agreement_list *out, struct hop_err *err)
{
	const struct hop_config *cfg = &app->cfg;
	hop_date monday = plan->from + 7 * w;
	hop_date onboard_end = p->start + 7 * cfg->onboarding_office_weeks;
	int office = 0, home = 0, absent = 0, unset = 0, workdays = 0, kw = 0, y;
	struct agreement_deviation dv;
	char when[HOP_DATE_HUMAN_LEN], start[HOP_DATE_HUMAN_LEN];

	date_iso_week(monday, &y, &kw);
	for (int d = 0; d < PRESENCE_DAYS; d++) {
		int k = 7 * w + d;
		hop_date day = monday + d;
		enum presence_loc l = pr_plan_loc(plan, i, k);
		const struct hop_teamday *td;

		if (!wd->working[d] || day < p->start || (p->end != HOP_DATE_NONE && day > p->end))
			continue;
		workdays++;
		office += l == LOC_OFFICE;
		home += homeish(l);
		absent += l == LOC_AWAY || l == LOC_TRIP;
		unset += l == LOC_NONE;
		if (!homeish(l) || !wd->counted[d])
			continue;
		date_format_human(day, when, sizeof when);
		if (day < onboard_end) {
			fill(&dv, p, day, monday, RULE_ONBOARDING);
			snprintf(dv.text, sizeof dv.text, _("%s: %s, but new hires work in the office "
			         "for their first %d weeks (started %s)"), when, presence_loc_display(l),
			         cfg->onboarding_office_weeks,
			         date_format_human(p->start, start, sizeof start));
			if (pr_dev_push(out, &dv, err) != HOP_OK)
				return err->status;
		}
		/* The presence days of the team they are in on that day. */
		if ((td = pr_teamday_match(tds, wd->team[d], day))) {
			fill(&dv, p, day, monday, RULE_TEAM_DAY);
			snprintf(dv.team, sizeof dv.team, "%s", td->team);
			if (*td->note)
				snprintf(dv.text, sizeof dv.text, _("%s is a presence day of %s (%s), but "
				         "the plan says %s"), when, td->team, td->note,
				         presence_loc_display(l));
			else
				snprintf(dv.text, sizeof dv.text, _("%s is a presence day of %s, but the "
				         "plan says %s"), when, td->team, presence_loc_display(l));
			if (pr_dev_push(out, &dv, err) != HOP_OK)
				return err->status;
		}
	}
	if (home > cfg->max_home_days) {
		fill(&dv, p, HOP_DATE_NONE, monday, RULE_MAX_HOME);
		snprintf(dv.text, sizeof dv.text, _("%d home or mobile days in KW %d; the office "
		         "agreement allows at most %d"), home, kw, cfg->max_home_days);
		if (pr_dev_push(out, &dv, err) != HOP_OK)
			return err->status;
	}
	/* Holidays and absence lower the bar: nobody can be in on a holiday or
	 * while on leave.  Days not planned yet get the benefit of the doubt. */
	int required = cfg->min_office_days;
	if (workdays - absent < required)
		required = workdays - absent;
	if (required > 0 && office + unset < required) {
		fill(&dv, p, HOP_DATE_NONE, monday, RULE_MIN_OFFICE);
		if (required < cfg->min_office_days)
			snprintf(dv.text, sizeof dv.text, _("%d office days in KW %d; with %d working "
			         "days not away, at least %d are expected"), office, kw,
			         workdays - absent, required);
		else
			snprintf(dv.text, sizeof dv.text, _("%d office days in KW %d; the office "
			         "agreement asks for at least %d"), office, kw, required);
		if (pr_dev_push(out, &dv, err) != HOP_OK)
			return err->status;
	}
	return HOP_OK;
}

/* Person p's days of week w: their team on each day (by their memberships;
 * today's team where they have none, as before their first day), its site's
 * working days, and which days the report of team_id (0 = all) covers.
 * False when it covers none: the week is not this team's to report. */
static bool week_of(struct hop_app *app, const struct hop_person *p, hop_date monday, int w,
                    int64_t team_id, const struct membership_spans *spans,
                    struct team_sites *sites, struct site_cache *cache, struct week_days *wd,
                    enum hop_status *st, struct hop_err *err)
{
	bool any = false;

	for (int d = 0; d < PRESENCE_DAYS && *st == HOP_OK; d++) {
		int64_t team = membership_spans_team(spans, p->id, monday + d), site = 0;
		const unsigned char *working;

		if (!team)
			team = p->team_id;
		wd->team[d] = team;
		wd->counted[d] = !team_id || team == team_id;
		any |= wd->counted[d];
		if ((*st = team_site(app, sites, team, &site, err)) != HOP_OK)
			break;
		if (!(working = site_working(app, cache, site, err))) {
			*st = err->status;
			break;
		}
		wd->working[d] = working[7 * w + d];
	}
	return any;
}

enum hop_status pr_agreement_people(struct hop_app *app, int64_t team_id,
                                    const struct hop_person *people, size_t n, hop_date monday,
                                    int nweeks, const struct pr_plan *plan,
                                    struct agreement_list *out, struct hop_err *err)
{
	struct site_cache cache = { NULL, 0, monday, 7 * nweeks };
	struct team_sites sites = { 0 };
	struct membership_spans spans;
	struct hop_teamday_list tds;
	enum hop_status st = HOP_OK;

	if (pr_teamdays_load(app, team_id, &tds, err) != HOP_OK)
		return err->status;
	/* Every period of these people over the weeks, in one query. */
	if (membership_spans_load(app, team_id, 0, monday, monday + 7 * nweeks - 1, &spans,
	                          err) != HOP_OK) {
		teamday_list_free(&tds);
		return err->status;
	}
	for (int w = 0; w < nweeks && st == HOP_OK; w++) {
		for (size_t i = 0; i < n && st == HOP_OK; i++) {
			struct week_days wd;

			if (week_of(app, &people[i], monday + 7 * w, w, team_id, &spans, &sites,
			            &cache, &wd, &st, err) && st == HOP_OK)
				st = check_week(app, &people[i], i, plan, w, &wd, &tds, out, err);
		}
	}
	membership_spans_free(&spans);
	free(sites.v);
	site_cache_free(&cache);
	teamday_list_free(&tds);
	return st;
}

enum hop_status agreement_check(struct hop_app *app, const char *team, hop_date from,
                                hop_date to, struct agreement_list *out, struct hop_err *err)
{
	struct person_filter f = { 0 };
	struct hop_person_list people;
	struct hop_team t = { 0 };
	struct pr_plan plan;
	int64_t *ids;
	hop_date mon_from, mon_to;
	int nweeks;
	enum hop_status st;

	memset(out, 0, sizeof *out);
	if (from == HOP_DATE_NONE || to == HOP_DATE_NONE)
		return hop_refuse(err, HOP_EINVAL, HOP_R_NO_PERIOD, NULL, _("no period given"));
	if (to < from)
		return hop_fail(err, HOP_EINVAL, _("the period ends before it starts; give the "
		                "earlier date first"));
	mon_from = from - (date_weekday(from) - 1);
	mon_to = to - (date_weekday(to) - 1);
	nweeks = (int)((mon_to - mon_from) / 7) + 1;
	if (nweeks > WEEKS_MAX)
		return hop_fail(err, HOP_EINVAL, _("the period spans %d weeks; check at most %d at "
		                "once"), nweeks, WEEKS_MAX);
	if (team && *team) {
		if (team_find(app, team, &t, err) != HOP_OK)
			return err->status;
		/* Those in the team on some day of the weeks, by their memberships:
		 * each is checked for the days they are in it. */
		f.team = t.slug;
		f.by_membership = true;
		f.member_from = mon_from;
		f.member_to = mon_to + 6;
	}
	if (person_list(app, &f, &people, err) != HOP_OK)
		return err->status;
	ids = malloc((people.n ? people.n : 1) * sizeof *ids);
	if (!ids) {
		person_list_free(&people);
		return hop_fail(err, HOP_ENOMEM, _("out of memory while checking the office "
		                "agreement"));
	}
	for (size_t i = 0; i < people.n; i++)
		ids[i] = people.v[i].id;
	st = pr_plan_load(app, t.id, ids, people.n, mon_from, 7 * nweeks, false, &plan, err);
	if (st == HOP_OK) {
		st = pr_agreement_people(app, t.id, people.v, people.n, mon_from, nweeks, &plan,
		                         out, err);
		pr_plan_free(&plan);
	}
	free(ids);
	person_list_free(&people);
	if (st != HOP_OK)
		agreement_list_free(out);
	return st;
}
