/* Which weekday should the team meet?  The working day(s) of a week that
 * most members already plan to be in, among those whose team zone has desks
 * for everyone planning office; with the numbers behind the choice. */
#include <string.h>

#include "hop/core/app.h"
#include "hop/base/i18n.h"
#include "presence_int.h"

enum hop_status teamday_suggest(struct hop_app *app, const char *team, hop_date monday,
                                struct teamday_suggestion *out, struct hop_err *err)
{
	struct presence_week w;
	int best = 0;

	memset(out, 0, sizeof *out);
	if (!team || !*team)
		return hop_refuse(err, HOP_EINVAL, HOP_R_NO_TEAM_GIVEN, NULL, _("no team given"));
	if (presence_week(app, team, monday, &w, err) != HOP_OK)
		return err->status;
	out->team = w.team;
	out->monday = w.monday;
	out->members = (int)w.nrows;
	for (int d = 0; d < PRESENCE_DAYS; d++) {
		struct teamday_suggest_day *s = &out->days[d];
		int need = 0;

		s->day = w.days[d].day;
		s->working = w.days[d].working;
		snprintf(s->why, sizeof s->why, "%s", w.days[d].why);
		s->in_office = w.days[d].in_office;
		s->desks = w.days[d].desks;
		s->desks_free = w.days[d].desks_free;
		/* Members who already hold a desk that day (their own fixed desk
		 * included: it is counted as not free) need no other. */
		for (size_t i = 0; i < w.nrows; i++) {
			const struct presence_cell *c = &w.rows[i].days[d];
			if (c->loc == LOC_OFFICE && !*c->desk)
				need++;
		}
		s->enough = s->working && s->desks_free >= need - w.days[d].desks_claimed;
		if (s->working && s->enough && s->in_office > best)
			best = s->in_office;
	}
	for (int d = 0; d < PRESENCE_DAYS; d++) {
		struct teamday_suggest_day *s = &out->days[d];
		if (best > 0 && s->working && s->enough && s->in_office == best) {
			s->suggested = true;
			out->weekdays |= 1u << (d + 1);
		}
	}
	presence_week_free(&w);
	return HOP_OK;
}
