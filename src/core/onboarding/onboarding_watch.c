/* Who watches which onboarding (see watch.h): the list the Onboarding screen
 * shows, filtered by the actor's roles, teams and mentorships, so that the
 * screen never decides who may see whom. */
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/authz.h"
#include "hop/core/onboarding/watch.h"

/* The teams the actor leads, asked once per team however many onboardings
 * it has: a small cache over authz_leads_team. */
#define LED_MAX 64
struct led_cache {
	struct { int64_t team; bool leads; } v[LED_MAX];
	size_t n;
};

static bool leads(struct hop_app *app, int64_t team, struct led_cache *c)
{
	bool yes;

	for (size_t i = 0; i < c->n; i++)
		if (c->v[i].team == team)
			return c->v[i].leads;
	yes = authz_leads_team(app, team);
	if (c->n < LED_MAX) {
		c->v[c->n].team = team;
		c->v[c->n++].leads = yes;
	}
	return yes;
}

static bool watches(struct hop_app *app, const struct onb_summary *o, struct led_cache *c)
{
	if (!app->actor.known)
		return false;
	if ((app->actor.roles & (ROLE_HR | ROLE_ADMIN)) || o->person.id == app->actor.person.id)
		return true;
	if (o->mentor_login[0] && strcmp(o->mentor_login, app->actor.login) == 0)
		return true;
	return leads(app, o->person.team_id, c);
}

bool onboarding_watches(struct hop_app *app, const struct onb_summary *o)
{
	struct led_cache c = { .n = 0 };

	return watches(app, o, &c);
}

enum hop_status onboarding_watch(struct hop_app *app, const struct onb_filter *f,
                                 struct onb_summary_list *out, struct hop_err *err)
{
	struct onb_filter open = { 0 };
	struct led_cache c = { .n = 0 };
	size_t kept = 0, own = 0;

	if (onboarding_list(app, f ? f : &open, out, err) != HOP_OK)
		return err->status;
	for (size_t i = 0; i < out->n; i++) {
		struct onb_summary o;

		if (!watches(app, &out->v[i], &c))
			continue;
		o = out->v[i];
		/* The actor's own before everyone else's, each part in core's order. */
		if (o.person.id == app->actor.person.id) {
			memmove(&out->v[own + 1], &out->v[own], (kept - own) * sizeof *out->v);
			out->v[own++] = o;
		} else {
			out->v[kept] = o;
		}
		kept++;
	}
	out->n = kept;
	return HOP_OK;
}
