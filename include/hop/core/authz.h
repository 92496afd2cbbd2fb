/* Who may change what.  Every permission rule of hop lives here, so that the
 * command line, the TUI and the importer refuse the same things with the same
 * words.  Reading is open to everyone with access to the database file; the
 * file's permissions are the security boundary, these rules are the
 * organisation's (see hop(1), SECURITY). */
#ifndef HOP_AUTHZ_H
#define HOP_AUTHZ_H

#include <stdbool.h>
#include "hop/base/err.h"
#include "hop/core/people/person.h"

struct hop_app;

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

/* Booking and cancelling for target: themselves; a lead for the members of
 * teams they lead; facilities and admins for everyone. */
enum hop_status authz_book_for(const struct hop_app *app, const struct hop_person *target,
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
/* Closing an onboarding as done while steps are open: hr, admin. */
enum hop_status authz_onboarding_close(const struct hop_app *app, struct hop_err *err);
/* A mentor beyond their capacity (with a written reason): hr, admin. */
enum hop_status authz_mentor_override(const struct hop_app *app, struct hop_err *err);

#endif
