/* Helpers shared by the presence modules (presence*.c, teamday*.c,
 * agreement.c, forecast.c); private to src/core.  The plan is the effective
 * location of many people over a stretch of days, read with a fixed number of
 * queries however many people there are. */
#ifndef HOP_PRESENCE_INT_H
#define HOP_PRESENCE_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "hop/core/people/membership.h"
#include "hop/core/presence/presence.h"

/* Location text as stored ("office") -> enum; LOC_NONE for anything else. */
enum presence_loc pr_loc_from_text(const char *text);

/* Sorted id -> position look-up. */
struct pr_index { int64_t *id; size_t *pos; size_t n; };
enum hop_status pr_index_build(struct pr_index *x, const int64_t *ids, size_t n,
                               struct hop_err *err);
bool pr_index_find(const struct pr_index *x, int64_t id, size_t *pos);
void pr_index_free(struct pr_index *x);

/* The effective locations of people[0..n) over ndays days from `from`:
 * loc/src[i * ndays + d].  team_id != 0: every person is of that team (the
 * queries then read only that team's rows); 0: any people (the queries read
 * the whole range).  notes: also keep the day entries' notes and who set
 * them (set_by: a person id when not the person themself, else 0). */
struct pr_plan {
	hop_date from;
	int ndays;
	size_t n;
	struct pr_index ix;
	unsigned char *loc, *src;
	char (*note)[HOP_PRESENCE_NOTE_MAX + 1];
	int64_t *set_by;
};
enum hop_status pr_plan_load(struct hop_app *app, int64_t team_id, const int64_t *people,
                             size_t n, hop_date from, int ndays, bool notes,
                             struct pr_plan *out, struct hop_err *err);
void pr_plan_free(struct pr_plan *p);
static inline enum presence_loc pr_plan_loc(const struct pr_plan *p, size_t i, int d)
{
	return (enum presence_loc)p->loc[i * (size_t)p->ndays + (size_t)d];
}

/* Revisions for the feeds' SEQUENCE (presence_rev.c): give a day's or a
 * weekday default's slot the person's next rev.  touch_entries does so for
 * every day from..to that has an entry of its own (before a clear deletes
 * them). */
enum hop_status pr_rev_touch_day(struct hop_app *app, int64_t person_id, hop_date day,
                                 struct hop_err *err);
enum hop_status pr_rev_touch_weekday(struct hop_app *app, int64_t person_id, int weekday,
                                     struct hop_err *err);
enum hop_status pr_rev_touch_entries(struct hop_app *app, int64_t person_id, hop_date from,
                                     hop_date to, struct hop_err *err);

/* Who set presence days for others, read once each: the login and the
 * label "Maria Eins (lead)" (presence_setby.c). */
struct pr_setter {
	int64_t id;
	char login[HOP_LOGIN_MAX + 1];
	char label[HOP_SET_BY_MAX];
};
struct pr_setters { struct pr_setter *v; size_t n, cap; };
/* The setter with person id `id` (0 or gone: *out = NULL), read on first
 * use; *out is valid until the next call. */
enum hop_status pr_setter_get(struct hop_app *app, struct pr_setters *c, int64_t id,
                              const struct pr_setter **out, struct hop_err *err);
void pr_setters_free(struct pr_setters *c);

/* The site a team works at: its first zone's site (0 = none, the
 * organisation's region then decides holidays). */
enum hop_status pr_team_site(struct hop_app *app, int64_t team_id, int64_t *site,
                             struct hop_err *err);
/* A person's site: their fixed desk's, else their team's. */
enum hop_status pr_person_site(struct hop_app *app, int64_t person_id, int64_t team_id,
                               int64_t *site, struct hop_err *err);

/* A person's site over a stretch of days: their fixed desk's, else that of
 * the team they are in on each day (by their memberships, one query), so that
 * a move to a team elsewhere brings that Land's holidays from its first day. */
struct pr_sites {
	int64_t person_id, team_today, fixed;
	bool has_fixed;
	struct membership_spans spans;
	int64_t last_team, last_site;          /* the last team asked about, and its site */
};
enum hop_status pr_sites_load(struct hop_app *app, const struct hop_person *p, hop_date from,
                              hop_date to, struct pr_sites *out, struct hop_err *err);
enum hop_status pr_sites_on(struct hop_app *app, struct pr_sites *s, hop_date day,
                            int64_t *site, struct hop_err *err);
void pr_sites_free(struct pr_sites *s);

/* The location of person_id's own entry for day ("" = none) into loc, as
 * stored ("office", "home", ...). */
enum hop_status pr_day_entry(struct hop_app *app, int64_t person_id, hop_date day,
                             char *loc, size_t size, struct hop_err *err);
/* Is day a working day at site?  why (HOP_WHY_MAX bytes) gets the reason when
 * not.  A database failure is returned as such (not as "not working"). */
enum hop_status pr_working(struct hop_app *app, int64_t site, hop_date day, bool *working,
                           char *why, struct hop_err *err);

/* All team days of team_id (0 = all teams) in memory, and the match of one day. */
enum hop_status pr_teamdays_load(struct hop_app *app, int64_t team_id,
                                 struct hop_teamday_list *out, struct hop_err *err);
const struct hop_teamday *pr_teamday_match(const struct hop_teamday_list *l, int64_t team_id,
                                           hop_date day);

/* Team days removed, for the calendars (teamday_removed.c).  The team day
 * of team_id on weekday (0: the single date day) as it is now (*found
 * false: none); after adding it anew, its SEQUENCE above what removals of
 * the same id (UIDs) said; the days old no longer covers once its period
 * is from..until (HOP_DATE_NONE = open) kept as removed; and removing it,
 * keeping it as removed (*removed false: there was none). */
enum hop_status pr_td_get(struct hop_app *app, int64_t team_id, int weekday, hop_date day,
                          struct hop_teamday *t, bool *found, struct hop_err *err);
enum hop_status pr_td_added(struct hop_app *app, int64_t team_id, int weekday, hop_date day,
                            struct hop_err *err);
enum hop_status pr_td_narrowed(struct hop_app *app, const struct hop_teamday *old,
                               hop_date from, hop_date until, struct hop_err *err);
enum hop_status pr_td_remove(struct hop_app *app, int64_t team_id, int weekday, hop_date day,
                             bool *removed, struct hop_err *err);

/* The acting user's team (for "no team given"): HOP_EINVAL when they have none. */
enum hop_status pr_default_team(struct hop_app *app, const char *team, struct hop_team *out,
                                struct hop_err *err);

/* Append a deviation (copying d). */
enum hop_status pr_dev_push(struct agreement_list *l, const struct agreement_deviation *d,
                            struct hop_err *err);
/* The deviations of people[0..n) (all of the team team_id, or 0 = mixed)
 * over the whole ISO weeks from monday, nweeks of them, into out. */
enum hop_status pr_agreement_people(struct hop_app *app, int64_t team_id,
                                    const struct hop_person *people, size_t n, hop_date monday,
                                    int nweeks, const struct pr_plan *plan,
                                    struct agreement_list *out, struct hop_err *err);

/* Desks (kind desk) in team_id's zones over the five days from monday:
 * active ones, free ones (no booking that day, and not a fixed desk whose
 * owner plans office per plan), and claimed ones (fixed desks left unbooked
 * because their owner plans office). */
enum hop_status pr_team_desks(struct hop_app *app, int64_t team_id, hop_date monday,
                              const struct pr_plan *plan, int desks[PRESENCE_DAYS],
                              int free_[PRESENCE_DAYS], int claimed[PRESENCE_DAYS],
                              struct hop_err *err);
#endif
