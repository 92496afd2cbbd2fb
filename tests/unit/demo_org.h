/* Opening a demo organisation and listing it, for the demo's unit tests
 * (test_demo.c, test_demo_bookings.c). */
#ifndef HOP_TEST_DEMO_ORG_H
#define HOP_TEST_DEMO_ORG_H

#include "testutil.h"

#include "hop/core/audit.h"
#include "hop/core/booking/booking.h"
#include "hop/demo/demo.h"
#include "hop/core/people/person.h"
#include "hop/core/places/place.h"

static inline void demo_open(struct hop_app *app, int people, uint64_t seed)
{
	struct demo_options opt = { people, seed, "Tess Tester" };
	struct hop_err err;

	test_app_open(app, "tester", 0);
	if (demo_generate(app, &opt, &err) != HOP_OK)
		fail_msg("demo_generate: %s", err.msg);
}

static inline void list_all(struct hop_app *app, struct hop_person_list *l)
{
	struct person_filter f = { NULL, NULL, true };
	struct hop_err err;

	memset(l, 0, sizeof *l);
	if (person_list(app, &f, l, &err) != HOP_OK)
		fail_msg("person_list: %s", err.msg);
}

static inline void list_teams(struct hop_app *app, struct hop_team_list *l)
{
	struct hop_err err;

	memset(l, 0, sizeof *l);
	if (team_list(app, false, l, &err) != HOP_OK)
		fail_msg("team_list: %s", err.msg);
}

/* Every team has a lead who is a current member of it and holds the lead role. */
static inline void check_leads(struct hop_app *app, const struct hop_team_list *tl)
{
	struct hop_err err;

	for (size_t i = 0; i < tl->n; i++) {
		struct hop_person lead;
		const struct hop_team *t = &tl->v[i];

		if (!t->lead_login[0])
			fail_msg("team '%s' has no lead", t->name);
		if (person_get(app, t->lead_login, &lead, &err) != HOP_OK)
			fail_msg("lead of '%s': %s", t->name, err.msg);
		assert_int_equal(lead.team_id, t->id);
		assert_true(lead.roles & ROLE_LEAD);
		assert_int_equal(lead.end, HOP_DATE_NONE);
		assert_true(t->members >= 1);
	}
}

#endif
