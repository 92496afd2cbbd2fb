/* Who may change and see what: every permission rule of hop, and the words of
 * every refusal (one sentence each), which say who may do it instead. */
#include <stdio.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/authz.h"
#include "hop/core/people/membership.h"
#include "hop/base/clock.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"

/* The one refusal for a login that is not a current person in hop. */
static enum hop_status unregistered(const struct hop_app *app, struct hop_err *err)
{
	return hop_fail(err, HOP_EPERM, _("you (login '%s') are not registered in hop; ask HR "
	                "to add you"), app->actor.login);
}

enum hop_status authz_registered(const struct hop_app *app, struct hop_err *err)
{
	return app->actor.known ? HOP_OK : unregistered(app, err);
}

static bool has(const struct hop_app *app, unsigned roles)
{
	return app->actor.known && (app->actor.roles & roles);
}

enum hop_status authz_person_manage(const struct hop_app *app, struct hop_err *err)
{
	if (!app->actor.known)
		return unregistered(app, err);
	if (!has(app, ROLE_HR | ROLE_ADMIN))
		return hop_fail(err, HOP_EPERM, _("only HR or an admin can add, remove or import "
		                "people"));
	return HOP_OK;
}

enum hop_status authz_team_manage(const struct hop_app *app, struct hop_err *err)
{
	if (!app->actor.known)
		return unregistered(app, err);
	if (!has(app, ROLE_HR | ROLE_ADMIN))
		return hop_fail(err, HOP_EPERM, _("only HR or an admin can add, change or dissolve "
		                "teams"));
	return HOP_OK;
}

enum hop_status authz_membership_manage(const struct hop_app *app, struct hop_err *err)
{
	if (!app->actor.known)
		return unregistered(app, err);
	if (!has(app, ROLE_HR | ROLE_ADMIN))
		return hop_fail(err, HOP_EPERM, _("only HR or an admin can change team memberships"));
	return HOP_OK;
}

enum hop_status authz_person_add(const struct hop_app *app, unsigned roles, struct hop_err *err)
{
	if (authz_person_manage(app, err) != HOP_OK)
		return err->status;
	if ((roles & ROLE_ADMIN) && !has(app, ROLE_ADMIN))
		return hop_fail(err, HOP_EPERM, _("only an admin can grant the admin role"));
	return HOP_OK;
}

bool authz_leads_team(const struct hop_app *app, int64_t team_id)
{
	struct hop_err err;
	struct db_stmt *st;
	bool leads;

	if (!has(app, ROLE_LEAD) || team_id == 0 || !app->db)
		return false;
	st = db_stmt(app->db, "SELECT 1 FROM team WHERE id = ?1 AND lead_id = ?2 "
	             "AND dissolved_on IS NULL", &err);
	if (!st)
		return false;
	db_bind_int64(st, 1, team_id);
	db_bind_int64(st, 2, app->actor.person.id);
	leads = db_step(st) == DB_ROW;
	db_reset(st);
	return leads;
}

/* The refusal for a lead or employee editing someone they may not edit. */
static enum hop_status not_yours(const struct hop_app *app, const struct hop_person *t,
                                 struct hop_err *err)
{
	struct hop_err ignore;
	struct db_stmt *st = NULL;
	char lead[HOP_NAME_MAX + 1] = "";

	/* The team's lead, unless that is the target: a lead's record is HR's. */
	if (t->team_id)
		st = db_stmt(app->db, "SELECT p.name FROM team t JOIN person p ON p.id = t.lead_id "
		             "WHERE t.id = ?1 AND p.id <> ?2", &ignore);
	if (st) {
		db_bind_int64(st, 1, t->team_id);
		db_bind_int64(st, 2, t->id);
		if (db_step(st) == DB_ROW)
			db_col_copy(st, 0, lead, sizeof lead);
		db_reset(st);
	}
	if (has(app, ROLE_LEAD)) {
		if (lead[0])
			return hop_fail(err, HOP_EPERM, _("%s leads team %s; you may edit only members "
			                "of teams you lead"), lead, t->team);
		return hop_fail(err, HOP_EPERM, _("you may edit only members of teams you lead; "
		                "HR or an admin can edit %s"), t->name);
	}
	if (lead[0])
		return hop_fail(err, HOP_EPERM, _("you may change only your own name and e-mail; "
		                "%s's record can be changed by their lead %s, HR or an admin"),
		                t->name, lead);
	return hop_fail(err, HOP_EPERM, _("you may change only your own name and e-mail; "
	                "%s's record can be changed by HR or an admin"), t->name);
}

enum hop_status authz_person_edit(const struct hop_app *app, const struct hop_person *target,
                                  unsigned fields, unsigned new_roles, struct hop_err *err)
{
	bool self, current, leads;
	unsigned allowed = 0, refused;

	if (!app->actor.known)
		return unregistered(app, err);
	if (has(app, ROLE_ADMIN))
		return HOP_OK;
	if (has(app, ROLE_HR)) {
		if ((fields & PF_ROLES) && ((new_roles ^ target->roles) & ROLE_ADMIN))
			return hop_fail(err, HOP_EPERM, _("only an admin can grant or take the admin "
			                "role"));
		return HOP_OK;
	}
	self = app->actor.person.id == target->id;
	current = target->end == HOP_DATE_NONE || target->end >= clock_today();
	leads = current && authz_leads_team(app, target->team_id);
	if (self)
		allowed |= PF_NAME | PF_EMAIL;
	if (leads)
		allowed |= PF_NAME | PF_EMAIL | PF_START;
	refused = fields & ~allowed;
	if (!refused)
		return HOP_OK;

	if (refused & PF_ROLES)
		return hop_fail(err, HOP_EPERM, _("only HR or an admin can change roles"));
	if (refused & PF_TEAM)
		return hop_fail(err, HOP_EPERM, _("only HR or an admin can move people between "
		                "teams"));
	if (refused & PF_END)
		return hop_fail(err, HOP_EPERM, _("only HR or an admin can set or clear the last "
		                "day of employment"));
	if (refused & PF_LOGIN)
		return hop_fail(err, HOP_EPERM, _("only HR or an admin can change a login"));
	if (!current && has(app, ROLE_LEAD) && target->team_id && !self)
		return hop_fail(err, HOP_EPERM, _("%s has left; only HR or an admin can change "
		                "their record"), target->name);
	if (self && (refused & PF_START))
		return hop_fail(err, HOP_EPERM, _("only HR, an admin or your team lead can change "
		                "your start date"));
	return not_yours(app, target, err);
}

enum hop_status authz_place_manage(const struct hop_app *app, struct hop_err *err)
{
	if (!app->actor.known)
		return unregistered(app, err);
	if (!has(app, ROLE_FACILITIES | ROLE_ADMIN))
		return hop_fail(err, HOP_EPERM, _("only facilities or an admin can add or change "
		                "sites, zones, desks and rooms"));
	return HOP_OK;
}

enum hop_status authz_closure_import(const struct hop_app *app, struct hop_err *err)
{
	if (!app->actor.known)
		return unregistered(app, err);
	if (!has(app, ROLE_FACILITIES | ROLE_ADMIN))
		return hop_refuse(err, HOP_EPERM, HOP_R_CLOSURES_BY_FACILITIES, NULL, _("only "
		                  "facilities or an admin can import closure days"));
	return HOP_OK;
}

enum hop_status authz_book_for(const struct hop_app *app, const struct hop_person *target,
                               struct hop_err *err)
{
	if (!app->actor.known)
		return unregistered(app, err);
	if (target->id == app->actor.person.id || has(app, ROLE_FACILITIES | ROLE_ADMIN))
		return HOP_OK;
	if (authz_leads_team(app, target->team_id))
		return HOP_OK;
	if (has(app, ROLE_LEAD))
		return hop_fail(err, HOP_EPERM, _("you may book, cancel and plan days only for "
		                "yourself and the members of teams you lead; %s is not in one of "
		                "them"), target->name);
	return hop_fail(err, HOP_EPERM, _("you may book, cancel and plan days only for yourself; "
	                "for %s, ask their lead or facilities"), target->name);
}

enum hop_status authz_book_scope(const struct hop_app *app, enum authz_book_scope *scope,
                                 struct hop_err *err)
{
	if (!app->actor.known)
		return unregistered(app, err);
	*scope = has(app, ROLE_FACILITIES | ROLE_ADMIN) ? AUTHZ_BOOK_ANYONE : AUTHZ_BOOK_LED;
	if (*scope == AUTHZ_BOOK_LED && !has(app, ROLE_LEAD))
		return hop_refuse(err, HOP_EPERM, HOP_R_BOOK_FOR_SELF_ONLY, HOP_ABOUT(.self = true),
		                  _("you may book only for yourself; facilities book for anyone, team "
		                  "leads for the members of their teams"));
	return HOP_OK;
}

/* Is target, in any of their memberships, in a team the actor leads? */
static bool ever_led(struct hop_app *app, const struct hop_person *target)
{
	struct hop_membership_list l = { 0 };
	struct hop_err err;
	bool led = authz_leads_team(app, target->team_id);

	if (!led && membership_history(app, target->login, &l, &err) == HOP_OK)
		for (size_t i = 0; i < l.n && !led; i++)
			led = authz_leads_team(app, l.v[i].team_id);
	membership_list_free(&l);
	return led;
}

typedef enum hop_status refusal_fn(const struct hop_app *app, const struct hop_person *target,
                                   struct hop_err *err);

/* A lead's days: target on every day from..to in a team the actor leads;
 * refuse is the general refusal for someone they never led. */
static enum hop_status lead_days(struct hop_app *app, const struct hop_person *target,
                                 hop_date from, hop_date to, refusal_fn *refuse,
                                 struct hop_err *err)
{
	char when[HOP_DATE_HUMAN_LEN];

	for (hop_date day = from; from != HOP_DATE_NONE && day <= to; day++) {
		int64_t team;

		if (membership_team_on(app, target->id, day, &team, err) != HOP_OK)
			return err->status;
		if (!team)
			team = target->team_id;
		/* Never a member of the lead's teams: the general refusal. */
		if (!authz_leads_team(app, team) && !ever_led(app, target))
			return refuse(app, target, err);
		if (!authz_leads_team(app, team))
			return hop_fail(err, HOP_EPERM, _("%s is not in a team you lead on %s; a lead "
			                "may book and plan only the days their members are in their "
			                "teams"), target->name, date_format_human(day, when, sizeof when));
	}
	return HOP_OK;
}

enum hop_status authz_book_for_days(struct hop_app *app, const struct hop_person *target,
                                    hop_date from, hop_date to, struct hop_err *err)
{
	if (!app->actor.known || target->id == app->actor.person.id ||
	    has(app, ROLE_FACILITIES | ROLE_ADMIN) || !has(app, ROLE_LEAD))
		return authz_book_for(app, target, err);
	return lead_days(app, target, from, to, authz_book_for, err);
}

/* Where someone works is personnel data: facilities book desks and rooms
 * for anyone, but the days are the person's and their lead's. */
static enum hop_status presence_refusal(const struct hop_app *app,
                                        const struct hop_person *target, struct hop_err *err)
{
	if (authz_leads_team(app, target->team_id))
		return HOP_OK;
	if (has(app, ROLE_LEAD))
		return hop_fail(err, HOP_EPERM, _("you may book, cancel and plan days only for "
		                "yourself and the members of teams you lead; %s is not in one of "
		                "them"), target->name);
	if (has(app, ROLE_FACILITIES))
		return hop_fail(err, HOP_EPERM, _("where %s works is planned by them and their lead; "
		                "facilities book desks and rooms for others, not their days"),
		                target->name);
	return hop_fail(err, HOP_EPERM, _("you may plan days only for yourself; for %s, ask "
	                "their lead"), target->name);
}

enum hop_status authz_presence_for(const struct hop_app *app, const struct hop_person *target,
                                   struct hop_err *err)
{
	if (!app->actor.known)
		return unregistered(app, err);
	if (target->id == app->actor.person.id || has(app, ROLE_ADMIN))
		return HOP_OK;
	return presence_refusal(app, target, err);
}

enum hop_status authz_presence_for_days(struct hop_app *app, const struct hop_person *target,
                                        hop_date from, hop_date to, struct hop_err *err)
{
	if (!app->actor.known || target->id == app->actor.person.id || has(app, ROLE_ADMIN) ||
	    !has(app, ROLE_LEAD))
		return authz_presence_for(app, target, err);
	return lead_days(app, target, from, to, presence_refusal, err);
}

/* Does this person (with these roles and team) meet the place's bookable_by? */
static bool qualifies(int64_t id, int64_t team_id, unsigned roles, enum desk_bookable bookable,
                      int64_t zone_team_id, int64_t zone_team_lead)
{
	if (roles & (ROLE_FACILITIES | ROLE_ADMIN))
		return true;
	switch (bookable) {
	case BOOKABLE_ALL:
		return true;
	case BOOKABLE_TEAM:
		return zone_team_id && (team_id == zone_team_id ||
		       ((roles & ROLE_LEAD) && zone_team_lead == id));
	case BOOKABLE_LEADS:
		return (roles & ROLE_LEAD) != 0;
	}
	return false;
}

bool authz_may_book_place(const struct hop_app *app, const struct hop_person *person,
                          enum desk_bookable bookable, int64_t zone_team_id,
                          int64_t zone_team_lead)
{
	const struct hop_actor *a = &app->actor;

	if (person && qualifies(person->id, person->team_id, person->roles, bookable,
	                        zone_team_id, zone_team_lead))
		return true;
	/* Booking for oneself, person carries one's team on the day booked;
	 * today's team (the actor's record) must not let an old team's desk
	 * through after a move. */
	if (person && a->known && person->id == a->person.id)
		return false;
	return a->known && qualifies(a->person.id, a->person.team_id, a->roles, bookable,
	                             zone_team_id, zone_team_lead);
}

enum hop_status authz_book_place(const struct hop_app *app, const struct hop_person *person,
                                 const struct authz_place *p, struct hop_err *err)
{
	if (authz_may_book_place(app, person, p->bookable, p->zone_team_id, p->zone_team_lead))
		return HOP_OK;
	if (p->bookable == BOOKABLE_TEAM && p->zone_team[0])
		return hop_refuse(err, HOP_EPERM, HOP_R_TEAM_PLACE, HOP_ABOUT(.team = p->zone_team),
		                  _("%s can be booked only by members of team %s (and facilities and "
		                  "admins); %s is not a member — choose another place"), p->label,
		                  p->zone_team, person->name);
	if (p->bookable == BOOKABLE_TEAM)
		return hop_fail(err, HOP_EPERM, _("%s is kept for the team of its zone %s, which has "
		                "no team; ask facilities to give the zone a team or to open the "
		                "place to all"), p->label, p->zone);
	return hop_refuse(err, HOP_EPERM, HOP_R_LEADS_PLACE, NULL, _("%s can be booked only by "
	                  "team leads (and facilities and admins)"), p->label);
}

enum hop_status authz_team_plan(const struct hop_app *app, const struct hop_team *t,
                                struct hop_err *err)
{
	if (!app->actor.known)
		return unregistered(app, err);
	if (authz_leads_team(app, t->id) || has(app, ROLE_HR | ROLE_ADMIN))
		return HOP_OK;
	return hop_fail(err, HOP_EPERM, _("only the lead of %s (%s), HR or an admin may plan the "
	                "team's presence days"), t->name, *t->lead_name ? t->lead_name : "-");
}

bool authz_may_see_team(const struct hop_app *app, int64_t team_id)
{
	if (app->cfg.show_booker_names == CFG_NAMES_ALL || has(app, ROLE_HR | ROLE_ADMIN))
		return true;
	return app->actor.known && team_id &&
	       (team_id == app->actor.person.team_id || authz_leads_team(app, team_id));
}

enum hop_status authz_see_team(const struct hop_app *app, const struct hop_team *t,
                               struct hop_err *err)
{
	if (authz_may_see_team(app, t->id))
		return HOP_OK;
	if (!app->actor.known)
		return unregistered(app, err);
	return hop_fail(err, HOP_EPERM, _("the week of %s is shown only to its members, its lead, "
	                "HR and admins"), t->name);
}

bool authz_booker_visible(const struct hop_app *app, int64_t person_id, int64_t team_id,
                          int64_t team_lead, int64_t booked_by)
{
	const struct hop_actor *a = &app->actor;

	if (a->known) {
		if (person_id == a->person.id || booked_by == a->person.id)
			return true;
		/* Facilities and admins keep the desks and cancel for everyone. */
		if (has(app, ROLE_FACILITIES | ROLE_ADMIN))
			return true;
	}
	switch (app->cfg.show_booker_names) {
	case CFG_NAMES_ALL:
		return true;
	case CFG_NAMES_TEAM:
		if (!a->known || !team_id)
			return false;
		return team_id == a->person.team_id ||
		       (has(app, ROLE_LEAD) && team_lead == a->person.id);
	case CFG_NAMES_NONE:
		return false;
	}
	return false;
}

enum hop_status authz_rotation_manage(const struct hop_app *app, struct hop_err *err)
{
	if (!app->actor.known)
		return unregistered(app, err);
	if (!has(app, ROLE_HR | ROLE_ADMIN))
		return hop_fail(err, HOP_EPERM, _("only HR or an admin can change work areas and "
		                "rotation exceptions"));
	return HOP_OK;
}

enum hop_status authz_rotation_see_team(const struct hop_app *app, const struct hop_team *t,
                                        struct hop_err *err)
{
	if (!app->actor.known)
		return unregistered(app, err);
	if (has(app, ROLE_HR | ROLE_ADMIN) || authz_leads_team(app, t->id))
		return HOP_OK;
	return hop_fail(err, HOP_EPERM, _("only the lead of %s, HR or an admin can see the "
	                "team's rotations, exceptions and Hospitation"), t->name);
}

enum hop_status authz_rotation_see_person(const struct hop_app *app,
                                          const struct hop_person *p, struct hop_err *err)
{
	if (!app->actor.known)
		return unregistered(app, err);
	if (p->id == app->actor.person.id || has(app, ROLE_HR | ROLE_ADMIN) ||
	    authz_leads_team(app, p->team_id))
		return HOP_OK;
	return hop_fail(err, HOP_EPERM, _("only %s, the lead of their team, HR or an admin can "
	                "see %s's rotation"), p->name, p->name);
}

/* ---- rotation: the timeline ---- */

/* Does the actor lead a team target is a member of (post, station or
 * secondment in the house) on some day from..to (HOP_DATE_NONE: open)? */
static bool leads_member(struct hop_app *app, int64_t target, hop_date from, hop_date to)
{
	struct hop_err ignore;
	struct db_stmt *st;
	bool leads;

	if (!has(app, ROLE_LEAD) || !app->db)
		return false;
	st = db_stmt(app->db, "SELECT 1 FROM membership m JOIN team t ON t.id = m.team_id "
	             "WHERE m.person_id = ?1 AND t.lead_id = ?2 AND t.dissolved_on IS NULL "
	             "AND m.kind <> 'acting' AND m.host IS NULL "
	             "AND m.start_on <= coalesce(?4, '9999-12-31') "
	             "AND (m.end_on IS NULL OR m.end_on >= coalesce(?3, '0000-01-01')) LIMIT 1",
	             &ignore);
	if (!st)
		return false;
	db_bind_int64(st, 1, target);
	db_bind_int64(st, 2, app->actor.person.id);
	db_bind_date(st, 3, from);
	db_bind_date(st, 4, to);
	leads = db_step(st) == DB_ROW;
	db_reset(st);
	return leads;
}

enum hop_status authz_rotation_timeline_person(struct hop_app *app,
                                               const struct hop_person *target, hop_date from,
                                               hop_date to, struct hop_err *err)
{
	if (app->actor.known && leads_member(app, target->id, from, to))
		return HOP_OK;
	return authz_rotation_see_person(app, target, err);
}

enum hop_status authz_rotation_see_cohort(const struct hop_app *app, const char *cohort,
                                          bool is_trainee, bool *own_only, struct hop_err *err)
{
	*own_only = false;
	if (!app->actor.known)
		return unregistered(app, err);
	if (has(app, ROLE_HR | ROLE_ADMIN))
		return HOP_OK;
	if (is_trainee) {
		*own_only = true;
		return HOP_OK;
	}
	return hop_fail(err, HOP_EPERM, _("the timeline of cohort %s is shown only to HR and "
	                "admins, and each trainee their own"), cohort);
}

enum hop_status authz_cohort_keep(const struct hop_app *app, struct hop_err *err)
{
	if (!app->actor.known)
		return unregistered(app, err);
	if (!has(app, ROLE_HR | ROLE_ADMIN))
		return hop_fail(err, HOP_EPERM, _("only HR or an admin can keep trainee cohorts and "
		                "their plans"));
	return HOP_OK;
}

bool authz_cohort_all(const struct hop_app *app)
{
	return app->actor.known && has(app, ROLE_HR | ROLE_ADMIN);
}

enum hop_status authz_cohort_see(const struct hop_app *app, const char *cohort,
                                 bool is_trainee, bool leads_station, struct hop_err *err)
{
	if (!app->actor.known)
		return unregistered(app, err);
	if (has(app, ROLE_HR | ROLE_ADMIN) || is_trainee || (leads_station && has(app, ROLE_LEAD)))
		return HOP_OK;
	return hop_fail(err, HOP_EPERM, _("only HR, an admin, the trainees of cohort %s and the "
	                "leads of its stations can see it"), cohort);
}

enum hop_status authz_cohort_history(const struct hop_app *app, const struct hop_person *trainee,
                                     struct hop_err *err)
{
	if (!app->actor.known)
		return unregistered(app, err);
	if (app->actor.person.id == trainee->id || has(app, ROLE_HR | ROLE_ADMIN))
		return HOP_OK;
	return hop_fail(err, HOP_EPERM, _("only %s, HR or an admin can see %s's station plan and "
	                "its changes"), trainee->name, trainee->name);
}

enum hop_status authz_rotation_move_scope(struct hop_app *app, int64_t team_id,
                                          int64_t *lead_id, int64_t *self_id,
                                          struct hop_err *err)
{
	*lead_id = *self_id = 0;
	if (!app->actor.known)
		return unregistered(app, err);
	if (has(app, ROLE_HR | ROLE_ADMIN))
		return HOP_OK;
	if (team_id && !authz_leads_team(app, team_id))
		return hop_fail(err, HOP_EPERM, _("a team's secondments and their conflicts are shown "
		                "to its lead, HR and admins"));
	*self_id = app->actor.person.id;
	if (has(app, ROLE_LEAD))
		*lead_id = app->actor.person.id;
	return HOP_OK;
}

enum hop_status authz_database_replace(const struct hop_app *app, struct hop_err *err)
{
	char roles[96];

	if (!app->actor.known)
		return hop_fail(err, HOP_EPERM, _("only HR or an admin of %s may replace it, and you "
		                "(login '%s') are not registered in it"), app->db_path,
		                app->actor.login);
	if (!has(app, ROLE_HR | ROLE_ADMIN))
		return hop_fail(err, HOP_EPERM, _("only HR or an admin of %s may replace it; you "
		                "(login '%s') are %s"), app->db_path, app->actor.login,
		                role_format(app->actor.roles, roles, sizeof roles));
	return HOP_OK;
}

bool authz_feed_whole_person(const struct hop_app *app, const char *login)
{
	if (!app->actor.known)
		return false;
	return strcmp(app->actor.login, login) == 0 || has(app, ROLE_HR | ROLE_ADMIN);
}

enum hop_status authz_feed_person(const struct hop_app *app, const struct hop_person *p,
                                  struct hop_err *err)
{
	if (!app->actor.known)
		return unregistered(app, err);
	if (authz_feed_whole_person(app, p->login) || authz_leads_team(app, p->team_id))
		return HOP_OK;
	return hop_fail(err, HOP_EPERM, _("only %s, the lead of their team, HR or an admin can "
	                "take %s's calendar"), p->name, p->name);
}

enum hop_status authz_feeds_publish(const struct hop_app *app, struct hop_err *err)
{
	if (!app->actor.known)
		return unregistered(app, err);
	if (has(app, ROLE_HR | ROLE_ADMIN))
		return HOP_OK;
	return hop_fail(err, HOP_EPERM, _("only HR or an admin can publish everyone's calendars"));
}
