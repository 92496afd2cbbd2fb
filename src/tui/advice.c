/* The screens' advice on a refusal, appended to core's sentence.  Only a
 * remedy a screen offers is named, by its key; a refusal no screen can help
 * with gets none.  The keys are those of view_week.c and view_desks.c. */
#include <stdio.h>

#include "hop/base/i18n.h"
#include "advice.h"
#include "tui_internal.h"

/* The advice alone: "" when no screen action fits.  Each continues core's
 * sentence, so it begins with "; " or " (". */
static const char *advice(const struct hop_err *err)
{
	const struct hop_facts *f = &err->facts;

	switch (err->reason) {
	case HOP_R_PLACE_BOOKED:
		return _("; ○ on the Desks screen marks the free places");
	case HOP_R_FIXED_DESK_CLAIMED:
	case HOP_R_PLACE_RETIRED:
	case HOP_R_TEAM_PLACE:
		return _(" (○ on the Desks screen marks the free places)");
	case HOP_R_LEADS_PLACE:
		return _("; choose another place (○ on the Desks screen marks the free ones) or ask "
		         "your lead");
	case HOP_R_ROOM_TOO_SMALL:
		return _(" (the Desks screen shows the seats of each room)");
	case HOP_R_HOLDS_DESK:
		return f->self ? _("; M on the Week screen moves it to another desk, d on the Desks "
		                   "screen cancels it") : "";
	case HOP_R_BOOK_FOR_SELF_ONLY:
		return _("; Enter books the place for you");
	case HOP_R_NO_BOOKING:
		return f->self ? _("; ★ on the Desks screen marks your bookings") : "";
	case HOP_R_NO_FREE_PLACE:
	case HOP_R_NEAR_TEAM_NO_TEAM:
		return _("; the Desks screen (2) shows every place");
	case HOP_R_NO_ZONE:
		return _("; z on the Desks screen chooses among the zones");
	default:
		return "";
	}
}

const char *tui_advice(const struct hop_err *err, char *buf, size_t size)
{
	snprintf(buf, size, "%s%s", err->msg, advice(err));
	return buf;
}

void tui_fail(struct tui *t, const struct hop_err *err)
{
	char text[TUI_STATUS_MAX];

	tui_status(t, true, "%s", tui_advice(err, text, sizeof text));
}
