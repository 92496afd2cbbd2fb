/* The office agreement ("Dienstvereinbarung") as warnings: per person and ISO
 * week, too many home days, too few office days, new hires not in the office,
 * members not in on the team's presence days.  Nothing here blocks a plan; a
 * lead reads the list and decides. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/base/i18n.h"
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

/* One person's one week. */
static enum hop_status check_week(struct hop_app *app, const struct hop_person *p, size_t i,
                                  const struct pr_plan *plan, int w,
                                  const unsigned char *working,
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

		if (!working[k] || day < p->start || (p->end != HOP_DATE_NONE && day > p->end))
			continue;
		workdays++;
		office += l == LOC_OFFICE;
		home += homeish(l);
		absent += l == LOC_AWAY || l == LOC_TRIP;
		unset += l == LOC_NONE;
		if (!homeish(l))
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
		if ((td = pr_teamday_match(tds, p->team_id, day))) {
			fill(&dv, p, day, monday, RULE_TEAM_DAY);
			if (*td->note)
				snprintf(dv.text, sizeof dv.text, _("%s is a presence day of %s (%s), but "
				         "the plan says %s"), when, p->team, td->note,
				         presence_loc_display(l));
			else
				snprintf(dv.text, sizeof dv.text, _("%s is a presence day of %s, but the "
				         "plan says %s"), when, p->team, presence_loc_display(l));
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

enum hop_status pr_agreement_people(struct hop_app *app, int64_t team_id,
                                    const struct hop_person *people, size_t n, hop_date monday,
                                    int nweeks, const struct pr_plan *plan,
                                    struct agreement_list *out, struct hop_err *err)
{
	struct site_cache cache = { NULL, 0, monday, 7 * nweeks };
	struct hop_teamday_list tds;
	int64_t *site = calloc(n ? n : 1, sizeof *site);
	enum hop_status st = HOP_OK;

	if (!site)
		return hop_fail(err, HOP_ENOMEM, _("out of memory while checking the office "
		                "agreement"));
	if (pr_teamdays_load(app, team_id, &tds, err) != HOP_OK) {
		free(site);
		return err->status;
	}
	/* The team decides the site (and so the holidays); one look-up per team. */
	for (size_t i = 0; i < n && st == HOP_OK; i++) {
		if (i && people[i].team_id == people[i - 1].team_id)
			site[i] = site[i - 1];
		else
			st = pr_team_site(app, people[i].team_id, &site[i], err);
	}
	for (int w = 0; w < nweeks && st == HOP_OK; w++) {
		for (size_t i = 0; i < n && st == HOP_OK; i++) {
			const unsigned char *working = site_working(app, &cache, site[i], err);
			st = working ? check_week(app, &people[i], i, plan, w, working, &tds, out, err)
			             : err->status;
		}
	}
	site_cache_free(&cache);
	teamday_list_free(&tds);
	free(site);
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
		f.team = t.slug;
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
