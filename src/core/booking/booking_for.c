/* Whom the acting user may book a place for on a day: the list a screen
 * offers before facilities or a lead book for someone else.  Who may is
 * authz's (authz_book_scope, authz_book_for_days); this reads the people. */
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/authz.h"
#include "hop/base/i18n.h"
#include "booking_int.h"

/* Employed on day: started, not yet left. */
static bool employed(const struct hop_person *p, hop_date day)
{
	return (p->start == HOP_DATE_NONE || p->start <= day) &&
	       (p->end == HOP_DATE_NONE || p->end >= day);
}

/* The members of the teams the actor leads on day, each once, each one the
 * actor may book for that day. */
static enum hop_status led_people(struct hop_app *app, hop_date day,
                                  struct hop_person_list *out, struct hop_err *err)
{
	struct hop_team_list teams = { 0 };

	if (team_list(app, false, &teams, err) != HOP_OK)
		return err->status;
	for (size_t t = 0; t < teams.n; t++) {
		struct person_filter f = { .team = teams.v[t].slug, .by_membership = true,
		                           .member_from = day, .member_to = day };
		struct hop_person_list l = { 0 };

		if (!authz_leads_team(app, teams.v[t].id))
			continue;
		if (person_list(app, &f, &l, err) != HOP_OK) {
			team_list_free(&teams);
			return err->status;
		}
		for (size_t i = 0; i < l.n; i++) {
			struct hop_err no;
			bool seen = false;

			for (size_t k = 0; k < out->n && !seen; k++)
				seen = out->v[k].id == l.v[i].id;
			if (seen || authz_book_for_days(app, &l.v[i], day, day, &no) != HOP_OK)
				continue;
			if (out->n == out->cap) {
				size_t cap = out->cap ? out->cap * 2 : 16;
				struct hop_person *v = realloc(out->v, cap * sizeof *v);
				if (!v) {
					person_list_free(&l);
					team_list_free(&teams);
					return hop_fail(err, HOP_ENOMEM, _("out of memory while listing people"));
				}
				out->v = v;
				out->cap = cap;
			}
			out->v[out->n++] = l.v[i];
		}
		person_list_free(&l);
	}
	team_list_free(&teams);
	return HOP_OK;
}

enum hop_status booking_people_for(struct hop_app *app, hop_date day,
                                   struct hop_person_list *out, struct hop_err *err)
{
	struct person_filter all = { 0 };
	enum authz_book_scope scope;
	enum hop_status st;
	size_t k = 0;

	memset(out, 0, sizeof *out);
	if (day == HOP_DATE_NONE)
		return hop_fail(err, HOP_EINVAL, _("no day given; give a date such as 2026-11-24"));
	if (authz_book_scope(app, &scope, err) != HOP_OK)
		return err->status;
	st = scope == AUTHZ_BOOK_ANYONE ? person_list(app, &all, out, err)
	                                : led_people(app, day, out, err);
	if (st != HOP_OK) {
		person_list_free(out);
		return st;
	}
	for (size_t i = 0; i < out->n; i++)
		if (out->v[i].id != app->actor.person.id && employed(&out->v[i], day))
			out->v[k++] = out->v[i];
	out->n = k;
	return HOP_OK;
}
