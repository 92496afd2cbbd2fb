/* Who may see who booked: the one privacy rule of bookings.  Every booking
 * query and the Desks screen's data ask here, so that the command line and the
 * screens show the same and no front end decides it for itself. */
#include "hop/core/app.h"
#include "booking_int.h"

bool booking_name_visible(const struct hop_app *app, int64_t person_id, int64_t team_id,
                          int64_t team_lead, int64_t booked_by)
{
	const struct hop_actor *a = &app->actor;

	if (a->known) {
		if (person_id == a->person.id || booked_by == a->person.id)
			return true;
		/* Facilities and admins keep the desks and cancel for everyone. */
		if (a->roles & (ROLE_FACILITIES | ROLE_ADMIN))
			return true;
	}
	switch (app->cfg.show_booker_names) {
	case CFG_NAMES_ALL:
		return true;
	case CFG_NAMES_TEAM:
		if (!a->known || !team_id)
			return false;
		return team_id == a->person.team_id ||
		       ((a->roles & ROLE_LEAD) && team_lead == a->person.id);
	case CFG_NAMES_NONE:
		return false;
	}
	return false;
}
