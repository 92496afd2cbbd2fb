/* The presence tie-in of an enrolment (TRN-3): a booked in-person day at the
 * person's own site becomes an office day unless the person entered
 * something else for it, and a day the person planned to be away is said. */
#include <stdio.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/presence/presence.h"
#include "hop/base/i18n.h"
#include "session_int.h"
#include "enrol_int.h"
#include "../presence/presence_int.h"

void enrol_warn(struct enrol_result *res, const char *fmt, ...)
{
	va_list ap;

	if (!res || res->nwarnings >= HOP_ENROL_WARNINGS_MAX)
		return;
	va_start(ap, fmt);
	vsnprintf(res->warnings[res->nwarnings++], HOP_ENROL_WARNING_LEN, fmt, ap);
	va_end(ap);
}

enum hop_status enrol_presence(struct hop_app *app, const struct trn_session *s,
                               const struct hop_person *p, bool booked,
                               struct enrol_result *res, struct hop_err *err)
{
	int64_t site = 0;
	bool own_site = false;

	if (s->room_id && s->site_id) {
		if (pr_person_site(app, p->id, p->team_id, &site, err) != HOP_OK)
			return err->status;
		own_site = site == s->site_id;
	}
	for (hop_date d = s->start.day; d <= s->end.day && d != HOP_DATE_NONE; d++) {
		char loc[16], when[HOP_DATE_HUMAN_LEN], why[HOP_WHY_MAX];
		bool working = true;

		if (date_weekday(d) > 5)
			continue;
		if (pr_day_entry(app, p->id, d, loc, sizeof loc, err) != HOP_OK)
			return err->status;
		if (strcmp(loc, "away") == 0) {
			enrol_warn(res, _("%s planned to be away on %s, a day of the session"), p->name,
			           date_format_human(d, when, sizeof when));
			continue;
		}
		if (!booked || !own_site || loc[0])
			continue;
		if (pr_working(app, site, d, &working, why, err) != HOP_OK)
			return err->status;
		if (!working)
			continue;
		if (presence_mark_office(app, p->id, d, err) != HOP_OK)
			return err->status;
		if (res)
			res->office_days++;
	}
	return HOP_OK;
}
