/* Who may change and see what.  Every permission rule of hop lives here, so
 * that the command line, the TUI and the importer refuse the same things with
 * the same words.  Reading is open to everyone with access to the database
 * file but for what privacy keeps (who booked a place, another team's week);
 * the file's permissions are the security boundary, these rules are the
 * organisation's (see hop(1), SECURITY). */
#ifndef HOP_AUTHZ_H
#define HOP_AUTHZ_H

#include <stdbool.h>
#include "hop/base/err.h"
#include "hop/core/people/person.h"
#include "hop/core/places/place.h"

struct hop_app;

/* Is the actor a current person in hop?  Everyone else may read but change
 * nothing, and every refusal for them is this one sentence. */
enum hop_status authz_registered(const struct hop_app *app, struct hop_err *err);

/* May the actor change these fields (enum person_field bits) of target?
 *   admin: everything;  hr: everything but granting or taking the admin role;
 *   lead: name, email and start date of the current members of teams they lead;
 *   anyone: their own name and email.
 * On refusal err says who may do it instead. */
enum hop_status authz_person_edit(const struct hop_app *app, const struct hop_person *target,
                                  unsigned fields, unsigned new_roles, struct hop_err *err);
/* Adding, removing, importing people; adding, editing, removing teams: hr, admin. */
enum hop_status authz_person_manage(const struct hop_app *app, struct hop_err *err);
enum hop_status authz_team_manage(const struct hop_app *app, struct hop_err *err);
/* Adding a person with these roles: hr or admin, and only an admin grants admin. */
enum hop_status authz_person_add(const struct hop_app *app, unsigned roles,
                                 struct hop_err *err);

/* Adding team memberships over time (stations, secondments): hr, admin. */
enum hop_status authz_membership_manage(const struct hop_app *app, struct hop_err *err);

/* Does the actor lead the team with this id (and hold the lead role)? */
bool authz_leads_team(const struct hop_app *app, int64_t team_id);

/* Sites, zones, desks and rooms: facilities, admin. */
enum hop_status authz_place_manage(const struct hop_app *app, struct hop_err *err);
/* Importing closure days: the same people, refused in words about closure days. */
enum hop_status authz_closure_import(const struct hop_app *app, struct hop_err *err);

/* Booking and cancelling for target: themselves; a lead for the members of
 * teams they lead; facilities and admins for everyone. */
enum hop_status authz_book_for(const struct hop_app *app, const struct hop_person *target,
                               struct hop_err *err);
/* The same for target's days from..to: a lead only for the days target is
 * in a team they lead (membership_team_on; today's team on days without a
 * period, as before the first day).  A lead whose member moved on can no
 * longer set their days from the move on, and the new lead can. */
enum hop_status authz_book_for_days(struct hop_app *app, const struct hop_person *target,
                                    hop_date from, hop_date to, struct hop_err *err);

/* Whom the actor may book for besides themselves: anyone (facilities,
 * admins), the members of the teams they lead (leads; each day as
 * authz_book_for_days), or no one: refused (HOP_R_BOOK_FOR_SELF_ONLY). */
enum authz_book_scope { AUTHZ_BOOK_LED, AUTHZ_BOOK_ANYONE };
enum hop_status authz_book_scope(const struct hop_app *app, enum authz_book_scope *scope,
                                 struct hop_err *err);

/* Setting, clearing and the weekly default of target's presence (where
 * they work: personnel data): themselves; a lead for the members of teams
 * they lead, by day as authz_book_for_days; admins.  Facilities, who book
 * desks and rooms for anyone, do not set people's days. */
enum hop_status authz_presence_for(const struct hop_app *app, const struct hop_person *target,
                                   struct hop_err *err);
enum hop_status authz_presence_for_days(struct hop_app *app, const struct hop_person *target,
                                        hop_date from, hop_date to, struct hop_err *err);

/* A place's bookable_by (place.h), met by the person booked for or by the
 * actor who books: all; team: members of the zone's team and its lead;
 * leads: anyone with the lead role.  Facilities and admins book every place. */
bool authz_may_book_place(const struct hop_app *app, const struct hop_person *person,
                          enum desk_bookable bookable, int64_t zone_team_id,
                          int64_t zone_team_lead);
/* The place as the refusal names it. */
struct authz_place {
	const char *label;                 /* "team room TR" */
	const char *zone;                  /* the zone's name */
	const char *zone_team;             /* its team's name, "" = none */
	enum desk_bookable bookable;
	int64_t zone_team_id, zone_team_lead;   /* 0 = none */
};
enum hop_status authz_book_place(const struct hop_app *app, const struct hop_person *person,
                                 const struct authz_place *place, struct hop_err *err);

/* Planning a team's presence days: its lead, HR and admins. */
enum hop_status authz_team_plan(const struct hop_app *app, const struct hop_team *team,
                                struct hop_err *err);

/* ---- what the actor may see ---- */

/* Who holds a booking: may the actor see the booker of a booking of
 * person_id (of team team_id, whose current lead is team_lead, or 0) that
 * booked_by made?  Always their own bookings, those they made, and to
 * facilities and admins (who keep the desks); otherwise as [booking]
 * show_booker_names says: all; team (the members of the person's team and its
 * lead); none.  Every booking query, the Desks screen and the week ask here. */
bool authz_booker_visible(const struct hop_app *app, int64_t person_id, int64_t team_id,
                          int64_t team_lead, int64_t booked_by);

/* A team's week (its members' locations day by day: the Week screen and
 * 'hop week'): its members and its lead, HR and admins; everyone when
 * [booking] show_booker_names = all, where the organisation chose openness.
 * Which desk each member booked follows authz_booker_visible, so that the
 * week never tells more than 'hop who' does. */
bool authz_may_see_team(const struct hop_app *app, int64_t team_id);
enum hop_status authz_see_team(const struct hop_app *app, const struct hop_team *team,
                               struct hop_err *err);

/* Onboarding templates: hr, admin. */
enum hop_status authz_template_manage(const struct hop_app *app, struct hop_err *err);
/* Starting, changing and cancelling newhire's onboarding, and choosing their
 * mentor: hr, admin, and the lead of team_id (the new hire's team). */
enum hop_status authz_onboarding_manage(const struct hop_app *app,
                                        const struct hop_person *newhire, int64_t team_id,
                                        struct hop_err *err);
/* Ticking a step of newhire's onboarding: its owner (is_owner), hr, admin,
 * the lead of team_id.  owner_shown says whose step it is. */
enum hop_status authz_onboarding_tick(const struct hop_app *app,
                                      const struct hop_person *newhire, int64_t team_id,
                                      bool is_owner, const char *owner_shown,
                                      struct hop_err *err);
/* Seeing newhire's checklist (personnel data, need to know): the new hire,
 * their mentor (mentor_login), hr, admin, the lead of team_id. */
enum hop_status authz_onboarding_see(const struct hop_app *app,
                                     const struct hop_person *newhire, int64_t team_id,
                                     const char *mentor_login, struct hop_err *err);
/* Closing an onboarding as done while steps are open: hr, admin. */
enum hop_status authz_onboarding_close(const struct hop_app *app, struct hop_err *err);
/* A mentor beyond their capacity (with a written reason): hr, admin. */
enum hop_status authz_mentor_override(const struct hop_app *app, struct hop_err *err);

/* ---- rotation (issue 14) ---- */

/* Work areas and rotation exceptions: hr, admin. */
enum hop_status authz_rotation_manage(const struct hop_app *app, struct hop_err *err);
/* The rotations due, exceptions and Hospitation of a team: its lead, hr,
 * admin. */
enum hop_status authz_rotation_see_team(const struct hop_app *app, const struct hop_team *team,
                                        struct hop_err *err);
/* Of one person (person->team_id their team today): themself, the lead of
 * that team, hr, admin.  An exception's reason and measure are shown to the
 * same people and no one else. */
enum hop_status authz_rotation_see_person(const struct hop_app *app,
                                          const struct hop_person *person,
                                          struct hop_err *err);

/* The rotation timeline of target (periods, due date, exception): as
 * authz_rotation_see_person, and besides the lead of a team target belonged
 * to on some day from..to (HOP_DATE_NONE: open), as post, station or
 * secondment: a home unit's lead keeps seeing a trainee away on a station.
 * A team's timeline: authz_rotation_see_team. */
enum hop_status authz_rotation_timeline_person(struct hop_app *app,
                                               const struct hop_person *target, hop_date from,
                                               hop_date to, struct hop_err *err);
/* A cohort's timeline: HR and admins; a trainee of it (is_trainee) sees
 * their own row only (*own_only). */
enum hop_status authz_rotation_see_cohort(const struct hop_app *app, const char *cohort,
                                          bool is_trainee, bool *own_only, struct hop_err *err);

/* Trainee cohorts (their trainees, stations, blocks, plans, publishing and
 * the history of a whole cohort): hr, admin. */
enum hop_status authz_cohort_keep(const struct hop_app *app, struct hop_err *err);
/* Does the actor see every place of every cohort's plan (hr, admin)?  Others
 * see their own places and, as a lead, the places in the teams they lead. */
bool authz_cohort_all(const struct hop_app *app);
/* Seeing cohort (name) and its plan: hr, admin, a trainee of it (is_trainee)
 * and the lead of a team with a station in it (leads_station). */
enum hop_status authz_cohort_see(const struct hop_app *app, const char *cohort,
                                 bool is_trainee, bool leads_station, struct hop_err *err);
/* Seeing trainee's published station changes: the trainee, hr, admin. */
enum hop_status authz_cohort_history(const struct hop_app *app, const struct hop_person *trainee,
                                     struct hop_err *err);

/* Rotation moves (secondments and the bookings they leave in conflict):
 * whom the actor may list.  HR and admins: everyone, or team_id (0: all);
 * a lead: the people of the teams they lead and themself (*lead_id and
 * *self_id the actor), of team_id only when they lead it; anyone else:
 * themself (*self_id).  A team asked for that they do not lead is refused. */
enum hop_status authz_rotation_move_scope(struct hop_app *app, int64_t team_id,
                                          int64_t *lead_id, int64_t *self_id,
                                          struct hop_err *err);

/* Replacing the database with a new one ('init --force'): HR and admins of
 * the database there; the refusal names the actor's roles. */
enum hop_status authz_database_replace(const struct hop_app *app, struct hop_err *err);
/* ---- data protection (issue 11): src/core/authz_privacy.c ---- */

/* The audit log: HR and admins read all of it; everyone else only the
 * entries about them (object "person:LOGIN", their bookings) and the changes
 * they made: *own is then their login (the filter audit_list applies), NULL
 * for HR and admins.  actor and object are what was asked for (NULL: any);
 * another person's or a team's entries are refused. */
enum hop_status authz_audit_read(const struct hop_app *app, const char *actor,
                                 const char *object, const char **own, struct hop_err *err);
bool authz_audit_all(const struct hop_app *app);
/* Exporting the list of people: hr, admin. */
enum hop_status authz_people_export(const struct hop_app *app, struct hop_err *err);
/* Everything hop holds about target (DSGVO Art. 15): target, hr, admin. */
enum hop_status authz_person_data(const struct hop_app *app, const struct hop_person *target,
                                  struct hop_err *err);
/* Deleting and anonymising data past its retention period: hr, admin. */
enum hop_status authz_purge(const struct hop_app *app, struct hop_err *err);
/* Copying the whole organisation into another database (every person's
 * data, the audit trail): hr, admin. */
enum hop_status authz_database_copy(const struct hop_app *app, struct hop_err *err);

/* A person's calendar feed with all their bookings (none hidden by the
 * privacy setting): the person themself, and HR and admins (who publish
 * everyone's feeds). */
bool authz_feed_whole_person(const struct hop_app *app, const char *login);
/* Taking a person's calendar feed at all: the person, the lead of their team,
 * HR and admins. */
enum hop_status authz_feed_person(const struct hop_app *app, const struct hop_person *p,
                                  struct hop_err *err);
/* Publishing every person's, team's and place's calendar: hr, admin. */
enum hop_status authz_feeds_publish(const struct hop_app *app, struct hop_err *err);

#endif
