/* People and teams: the records every other capability hangs on.
 *
 * A person is known by their login (the Unix login of whoever runs hop).
 * People are never deleted: removing one sets their last day, so history stays.
 * Teams are never deleted either: removing one dissolves it. */
#ifndef HOP_PERSON_H
#define HOP_PERSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "hop/base/date.h"
#include "hop/base/err.h"
#include "hop/base/fold.h"

struct hop_app;

#define HOP_LOGIN_MAX 32
#define HOP_NAME_MAX 200        /* bytes of UTF-8 */
#define HOP_EMAIL_MAX 254
#define HOP_TEAM_NAME_MAX 120
#define HOP_SLUG_MAX 64

enum hop_role {
	ROLE_EMPLOYEE   = 1 << 0,
	ROLE_LEAD       = 1 << 1,
	ROLE_HR         = 1 << 2,
	ROLE_FACILITIES = 1 << 3,
	ROLE_ADMIN      = 1 << 4,
};
#define ROLE_ALL 31u

/* "employee,lead" etc.  role_parse accepts names separated by ',', ';', '+', '|'
 * or spaces, English or German (mitarbeiter, leitung, personal, liegenschaft,
 * admin); fails naming the unknown word. */
enum hop_status role_parse(const char *text, unsigned *roles, struct hop_err *err);
/* Comma-separated English names, in the order of enum hop_role. */
char *role_format(unsigned roles, char *buf, size_t size);
/* Translated name of the highest role, for the TUI header ("Leitung"). */
const char *role_display(unsigned roles);


struct hop_person {
	int64_t id;
	char login[HOP_LOGIN_MAX + 1];
	char name[HOP_NAME_MAX + 1];
	char email[HOP_EMAIL_MAX + 1];      /* "" = none */
	int64_t team_id;                    /* 0 = no team */
	char team[HOP_TEAM_NAME_MAX + 1];   /* the team's name, "" = none */
	unsigned roles;
	hop_date start;
	hop_date end;                       /* last day, inclusive; HOP_DATE_NONE = employed */
};

struct hop_person_list {
	struct hop_person *v;
	size_t n, cap;
};
void person_list_free(struct hop_person_list *l);

/* Search a list already read as person_list's search does (login, name,
 * email, team; case and umlauts do not matter), at typing speed: built once
 * per list, then each query folds only itself.  hits has room for l->n;
 * person_search_run fills it with the indices of the matches, in order, and
 * returns how many. */
struct person_search;
enum hop_status person_search_new(const struct hop_person_list *l, struct person_search **out,
                                  struct hop_err *err);
size_t person_search_run(const struct person_search *s, const char *query, size_t *hits);
void person_search_free(struct person_search *s);
/* The people l->v[k..] that s does not hold yet (l grew since), added to it:
 * a list read in parts is searched as far as it is read. */
enum hop_status person_search_add(struct person_search *s, const struct hop_person_list *l,
                                  struct hop_err *err);

struct person_filter {
	const char *team;       /* team name or slug; NULL = all */
	const char *search;     /* case- and umlaut-insensitive substring of login, name, email, team */
	bool include_former;    /* also people whose end date has passed */
	/* by_membership, with team: its members on some day from member_from to
	 * member_to by their memberships (ordered by name), not today's members. */
	bool by_membership;
	hop_date member_from, member_to;
};

/* Ordered by team name, then name.  People without a team come last. */
enum hop_status person_list(struct hop_app *app, const struct person_filter *f,
                            struct hop_person_list *out, struct hop_err *err);
/* The same people one at a time, for work over a whole organisation that
 * need not hold 20,000 of them (hop feeds publish).  p is valid during the
 * call only; fn must not list people itself.  Stops at fn's first failure. */
typedef enum hop_status (*person_fn)(void *ctx, const struct hop_person *p,
                                     struct hop_err *err);
enum hop_status person_each(struct hop_app *app, const struct person_filter *f, person_fn fn,
                            void *ctx, struct hop_err *err);
/* By login, exactly (files, feeds and the acting user are named so). */
enum hop_status person_get(struct hop_app *app, const char *login,
                           struct hop_person *out, struct hop_err *err);
/* A person as people name them, in this order: the login (also typed with
 * capitals); the name, folded (case, umlauts, accents, dashes and blanks do
 * not matter: "Jürgen Weiß", "Juergen Weiss", "jurgen weiss"); a word of the
 * name ("Weiß"); the beginning of the name or of a word of it ("Jürgen W",
 * "Wei").  The first of these that names anyone decides; people who have left
 * count after those still employed, unless their whole name was given.  A
 * text that names several is refused (HOP_R_PERSON_AMBIGUOUS, n of them)
 * naming up to five with their logins, unless one of them has exactly the
 * name typed; one that names no one (HOP_R_NO_PERSON) suggests the one
 * current person whose name or login is nearest, if one is nearest.
 * Every command argument naming a person is read so; files name logins. */
enum hop_status person_find(struct hop_app *app, const char *text,
                            struct hop_person *out, struct hop_err *err);

/* Everyone now (person_list without a filter, in its order), read a part at
 * a time, so that a screen shows its first page at once and reads the rest
 * while it is looked at.  person_roster_open reads the teams and counts the
 * people (*total); each person_roster_more appends the next people to l, at
 * least want of them (a team's are read whole), and says when all are in. */
struct person_roster;
enum hop_status person_roster_open(struct hop_app *app, struct person_roster **out,
                                   size_t *total, struct hop_err *err);
enum hop_status person_roster_more(struct hop_app *app, struct person_roster *r, size_t want,
                                   struct hop_person_list *l, bool *done, struct hop_err *err);
/* The active teams person_id leads, as team_list orders them, ", " between,
 * into buf (as the roster read them). */
char *person_roster_leads(const struct person_roster *r, int64_t person_id, char *buf,
                          size_t size);
void person_roster_free(struct person_roster *r);

/* Validation of single fields, shared by the command line, the TUI and the importer. */
enum hop_status person_check_login(const char *login, struct hop_err *err);
enum hop_status person_check_name(const char *name, struct hop_err *err);
enum hop_status person_check_email(const char *email, struct hop_err *err);

/* Add a person.  p->team names the team ("" = none); p->start HOP_DATE_NONE = today;
 * p->roles 0 = employee.  Needs hr or admin. */
enum hop_status person_add(struct hop_app *app, const struct hop_person *p, struct hop_err *err);

/* Adding thousands of people in one short write (the people import).  Each
 * person, checked as person_add checks (roles the acting user may grant, an
 * active team, a login nobody has), is staged first, without the write lock,
 * in a table of this connection's own that no other hop sees and that goes
 * with the connection (also when the process is killed); person_stage_write
 * then adds them all inside the caller's transaction, as person_add would
 * one by one: the people, their posts, an audit entry each and, as
 * [onboarding] auto_start says, their onboardings. */
/* Empty the staging table (made on first use). */
enum hop_status person_stage_clear(struct hop_app *app, struct hop_err *err);
/* One person to stage: line orders them; team "" = none, else team_id is
 * its id, or new_team >= 0 names a team the caller makes before writing
 * (person_stage_team); roles and start are set. */
struct person_staged {
	long line;
	const char *login, *name, *email;   /* email "" = none */
	const char *team;
	int64_t team_id;
	int new_team;
	unsigned roles;
	hop_date start;
};
enum hop_status person_stage(struct hop_app *app, const struct person_staged *p,
                             struct hop_err *err);
/* The id of the team made for new_team. */
enum hop_status person_stage_team(struct hop_app *app, int new_team, int64_t team_id,
                                  struct hop_err *err);
/* Add every staged person, in line order, inside the caller's transaction. */
enum hop_status person_stage_write(struct hop_app *app, struct hop_err *err);

/* Which fields an edit changes. */
enum person_field {
	PF_NAME = 1 << 0, PF_EMAIL = 1 << 1, PF_TEAM = 1 << 2, PF_ROLES = 1 << 3,
	PF_START = 1 << 4, PF_END = 1 << 5, PF_LOGIN = 1 << 6,
};
struct person_edit {
	unsigned fields;            /* enum person_field bits */
	char login[HOP_LOGIN_MAX + 1];
	char name[HOP_NAME_MAX + 1];
	char email[HOP_EMAIL_MAX + 1];
	char team[HOP_TEAM_NAME_MAX + 1];   /* "" = no team */
	unsigned roles;
	hop_date start, end;        /* end HOP_DATE_NONE = employed again */
};
/* The very first person of a new database: the acting login as admin and hr.
 * Allowed only while the database has no people (hop init, the demo). */
enum hop_status person_add_first_admin(struct hop_app *app, const char *name,
                                       struct hop_err *err);

/* Change a person; the permission check is in core (authz).  Writes one audit
 * entry listing each changed field as "field: old -> new".  A refused edit
 * changes and logs nothing. */
enum hop_status person_edit(struct hop_app *app, const char *login,
                            const struct person_edit *e, struct hop_err *err);
/* The same, and the change as written to the audit log ("name: a -> b; ...")
 * into changes ("" when the edit changed nothing and nothing was written). */
enum hop_status person_edit_report(struct hop_app *app, const char *login,
                                   const struct person_edit *e, char *changes,
                                   size_t size, struct hop_err *err);

/* Set the last day (default today).  Leads lose the lead of their teams. */
enum hop_status person_remove(struct hop_app *app, const char *login, hop_date last_day,
                              struct hop_err *err);

/* ---- teams ---- */

struct hop_team {
	int64_t id;
	char name[HOP_TEAM_NAME_MAX + 1];
	char slug[HOP_SLUG_MAX + 1];
	int64_t lead_id;                      /* 0 = none */
	char lead_login[HOP_LOGIN_MAX + 1];
	char lead_name[HOP_NAME_MAX + 1];
	int members;                          /* current members */
	hop_date created, dissolved;          /* dissolved HOP_DATE_NONE = active */
};
struct hop_team_list {
	struct hop_team *v;
	size_t n, cap;
};
void team_list_free(struct hop_team_list *l);

/* ASCII slug of a name: "Referat Z 1 – Personal" -> "referat-z-1-personal",
 * umlauts transliterated (ä -> ae, ß -> ss). */
char *team_slugify(const char *name, char *buf, size_t size);
/* base made unique among the slugs taken_sql finds ("SELECT 1 FROM <table>
 * WHERE slug = ?1", a literal): base, else base-2, base-3, ... */
enum hop_status slug_unique(struct hop_app *app, const char *base, const char *taken_sql,
                            const char *what, char *slug, struct hop_err *err);

enum hop_status team_list(struct hop_app *app, bool include_dissolved,
                          struct hop_team_list *out, struct hop_err *err);
/* By name (case-insensitive) or slug. */
enum hop_status team_get(struct hop_app *app, const char *name_or_slug,
                         struct hop_team *out, struct hop_err *err);
/* team_get without the lead and the count of members (0 and ""): for a
 * caller that needs the team's id, name and dates only, as the imports do. */
enum hop_status team_get_brief(struct hop_app *app, const char *name_or_slug,
                               struct hop_team *out, struct hop_err *err);
/* A team as people name it: its exact name or slug (a dissolved team too);
 * else among the active teams, as person_find reads a name: the name folded
 * (case, umlauts, dashes and blanks aside: "Referat Z 2 - Haushalt" for
 * "Referat Z 2 – Haushalt"), a word of it, the beginning of the name or of a
 * word.  Several are refused (HOP_R_TEAM_AMBIGUOUS, n of them) naming up to
 * five; none (HOP_R_NO_TEAM) suggests the nearest name if one is nearest.  Importers use team_get_brief (exact). */
enum hop_status team_find(struct hop_app *app, const char *text, struct hop_team *out,
                          struct hop_err *err);
/* lead_login may be NULL; the lead gets the lead role if they lack it. */
enum hop_status team_add(struct hop_app *app, const char *name, const char *lead_login,
                         struct hop_err *err);
/* new_name NULL = keep; lead_login NULL = keep, "" = no lead. */
enum hop_status team_edit(struct hop_app *app, const char *team, const char *new_name,
                          const char *lead_login, struct hop_err *err);
/* The same, and what changed ("name: a -> b; lead: x -> y") into changes
 * ("" when nothing changed and nothing was written). */
enum hop_status team_edit_report(struct hop_app *app, const char *team, const char *new_name,
                                 const char *lead_login, char *changes, size_t size,
                                 struct hop_err *err);
/* A team name: 1..HOP_TEAM_NAME_MAX bytes of UTF-8 without control characters. */
enum hop_status team_check_name(const char *name, struct hop_err *err);
/* Dissolve; refused while the team has current members. */
enum hop_status team_remove(struct hop_app *app, const char *team, struct hop_err *err);

#endif
