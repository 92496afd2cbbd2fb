/* Places: sites, floors, zones, desks and rooms.
 *
 * Facilities (and admins) keep them; everyone may read them.  Desks and rooms
 * are one kind of record ("place") told apart by kind: a room has a capacity
 * and is booked by one person for a group.  Places are never deleted: retiring
 * one keeps its code and its bookings' history. */
#ifndef HOP_PLACE_H
#define HOP_PLACE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "hop/base/date.h"
#include "hop/base/err.h"
#include "hop/core/people/person.h"

struct hop_app;

#define HOP_CODE_MAX 32
#define HOP_SITE_NAME_MAX 120
#define HOP_ADDRESS_MAX 300
#define HOP_FLOOR_NAME_MAX 60
#define HOP_ZONE_NAME_MAX 60
#define HOP_PLACE_NAME_MAX 120

enum desk_kind {
	DESK_KIND_DESK,
	DESK_KIND_TEAM_ROOM,
	DESK_KIND_CREATIVE_ROOM,
	DESK_KIND_MEETING_ROOM,
};
/* "desk", "team-room", "creative-room", "meeting-room" (also German:
 * arbeitsplatz, teamraum, kreativraum, besprechungsraum). */
enum hop_status desk_kind_parse(const char *text, enum desk_kind *kind, struct hop_err *err);
const char *desk_kind_name(enum desk_kind kind);        /* the English key, untranslated */
const char *desk_kind_display(enum desk_kind kind);     /* translated, for people */

enum desk_attr {
	ATTR_MONITOR    = 1 << 0,   /* second monitor */
	ATTR_STANDING   = 1 << 1,   /* standing desk */
	ATTR_ACCESSIBLE = 1 << 2,   /* wheelchair accessible */
	ATTR_QUIET      = 1 << 3,
	ATTR_DOCK       = 1 << 4,   /* docking station */
	ATTR_SCREEN     = 1 << 5,   /* rooms: large screen / projector */
	ATTR_VIDEO      = 1 << 6,   /* rooms: video conferencing */
	ATTR_WHITEBOARD = 1 << 7,
};
#define ATTR_ALL 255u
/* Names separated by ',', ';', '+', '|' or spaces; English or German
 * (monitor, standing|stehpult, accessible|barrierefrei, quiet|ruhig, dock,
 * screen|beamer, video, whiteboard).  Unknown words are errors naming them. */
enum hop_status desk_attr_parse(const char *text, unsigned *attrs, struct hop_err *err);
char *desk_attr_format(unsigned attrs, char *buf, size_t size);   /* "monitor,quiet" */
/* The same for people, translated ("Monitor,ruhig"): screens and tables. */
char *desk_attr_display(unsigned attrs, char *buf, size_t size);

enum desk_bookable { BOOKABLE_ALL, BOOKABLE_TEAM, BOOKABLE_LEADS };
/* "all", "team" (the zone's team), "leads" (leads, facilities, admins). */
enum hop_status desk_bookable_parse(const char *text, enum desk_bookable *b, struct hop_err *err);
const char *desk_bookable_name(enum desk_bookable b);

/* A code: 1..HOP_CODE_MAX letters, digits, '.', '-', '_'. */
enum hop_status desk_check_code(const char *code, struct hop_err *err);
/* Natural order of codes: digit runs compare as numbers, letters ignoring
 * case ("3.2" < "3.10" < "10.1"); <0, 0, >0 like strcmp. */
int desk_code_compare(const char *a, const char *b);

/* ---- sites ---- */

struct hop_site {
	int64_t id;
	char name[HOP_SITE_NAME_MAX + 1];
	char slug[HOP_SLUG_MAX + 1];
	char address[HOP_ADDRESS_MAX + 1];
	char timezone[64];
	char region[3];          /* Bundesland code */
	int desks, rooms;        /* active places (site_list fills these) */
};
struct hop_site_list { struct hop_site *v; size_t n, cap; };
void site_list_free(struct hop_site_list *l);

enum hop_status site_list(struct hop_app *app, struct hop_site_list *out, struct hop_err *err);
/* By name (case-insensitive) or slug. */
enum hop_status site_get(struct hop_app *app, const char *name, struct hop_site *out,
                         struct hop_err *err);
/* timezone/region NULL or "" = the configuration's. Needs facilities or admin. */
enum hop_status site_add(struct hop_app *app, const char *name, const char *address,
                         const char *timezone, const char *region, struct hop_err *err);
/* NULL fields are kept. */
enum hop_status site_edit(struct hop_app *app, const char *site, const char *new_name,
                          const char *address, const char *timezone, const char *region,
                          struct hop_err *err);
/* The same, and what changed as written to the audit log ("name: a -> b; ...")
 * into changes ("" when nothing changed and nothing was written). */
enum hop_status site_edit_report(struct hop_app *app, const char *site, const char *new_name,
                                 const char *address, const char *timezone, const char *region,
                                 char *changes, size_t size, struct hop_err *err);

/* ---- zones (and the floors they are on) ---- */

/* Floor levels: 0 is the ground floor, below it the basements, above it a
 * tower's storeys; no building has more. */
#define FLOOR_LEVEL_MIN (-20)
#define FLOOR_LEVEL_MAX 200
/* text as a floor level: a whole number FLOOR_LEVEL_MIN..FLOOR_LEVEL_MAX.
 * The message names no field; callers put one in front. */
enum hop_status floor_level_parse(const char *text, int *level, struct hop_err *err);

struct hop_zone {
	int64_t id;
	int64_t site_id;
	char site[HOP_SITE_NAME_MAX + 1];
	int64_t floor_id;
	char floor[HOP_FLOOR_NAME_MAX + 1];
	int level;
	char name[HOP_ZONE_NAME_MAX + 1];
	int64_t team_id;                       /* 0 = no owning team */
	char team[HOP_TEAM_NAME_MAX + 1];
	int desks;                             /* active desks (zone_list fills this) */
};
struct hop_zone_list { struct hop_zone *v; size_t n, cap; };
void zone_list_free(struct hop_zone_list *l);

/* site NULL = all sites.  Ordered by site, floor level, zone name. */
enum hop_status zone_list(struct hop_app *app, const char *site, struct hop_zone_list *out,
                          struct hop_err *err);
/* A zone named "SITE/FLOOR/ZONE", or just "ZONE" where that is unambiguous
 * (an ambiguous name is an error listing the candidates). */
enum hop_status zone_get(struct hop_app *app, const char *path, struct hop_zone *out,
                         struct hop_err *err);
/* Creates the floor if the site has none of that name (level, within
 * FLOOR_LEVEL_MIN..MAX, is the new floor's; an existing floor keeps its own).
 * team may be NULL. */
enum hop_status zone_add(struct hop_app *app, const char *site, const char *floor, int level,
                         const char *zone, const char *team, struct hop_err *err);
/* The same, and the new zone's id into *zone_id (may be NULL). */
enum hop_status zone_add_id(struct hop_app *app, const char *site, const char *floor, int level,
                            const char *zone, const char *team, int64_t *zone_id,
                            struct hop_err *err);
/* team NULL = keep, "" = no team. new_name NULL = keep. */
enum hop_status zone_edit(struct hop_app *app, const char *zone, const char *new_name,
                          const char *team, struct hop_err *err);
/* The same, with what changed into changes ("" = nothing changed). */
enum hop_status zone_edit_report(struct hop_app *app, const char *zone, const char *new_name,
                                 const char *team, char *changes, size_t size,
                                 struct hop_err *err);

/* ---- desks and rooms ---- */

/* A desk is for one person; a room holds ROOM_CAPACITY_MIN to
 * ROOM_CAPACITY_MAX people, and no group booked is larger. */
#define ROOM_CAPACITY_MIN 2
#define ROOM_CAPACITY_MAX 500

struct hop_desk {
	int64_t id;
	char code[HOP_CODE_MAX + 1];           /* "3.14", "R3.01" */
	char name[HOP_PLACE_NAME_MAX + 1];     /* rooms: "Kreativraum Spree"; "" = none */
	enum desk_kind kind;
	int capacity;
	unsigned attrs;
	int64_t owner_id;                      /* fixed desk; 0 = shared */
	char owner_login[HOP_LOGIN_MAX + 1];
	char owner_name[HOP_NAME_MAX + 1];
	enum desk_bookable bookable;
	hop_date retired;                      /* HOP_DATE_NONE = never retired; else the
	                                          first day it is out of use (may be
	                                          ahead: active until then) */
	struct hop_zone zone;                  /* where it is (desks field unused) */
};
struct hop_desk_list { struct hop_desk *v; size_t n, cap; };
void desk_list_free(struct hop_desk_list *l);

struct desk_filter {
	const char *site;        /* name or slug; NULL = all */
	const char *zone;        /* as zone_get; NULL = all */
	unsigned attrs;          /* all of these; 0 = any */
	int rooms;               /* 0 desks only, 1 rooms only, -1 both */
	bool include_retired;
};
/* Ordered by site, floor level, zone, code (codes compared naturally: 3.2 < 3.10). */
enum hop_status desk_list(struct hop_app *app, const struct desk_filter *f,
                          struct hop_desk_list *out, struct hop_err *err);
/* The same places one at a time, zone by zone (codes within a zone in the
 * database's order, not natural order): for work over every desk that need
 * not hold them all.  d is valid during the call only; fn must not list desks
 * itself.  Stops at fn's first failure. */
typedef enum hop_status (*desk_fn)(void *ctx, const struct hop_desk *d, struct hop_err *err);
enum hop_status desk_each(struct hop_app *app, const struct desk_filter *f, desk_fn fn,
                          void *ctx, struct hop_err *err);
/* By code (case-insensitive), retired places too. */
enum hop_status desk_get(struct hop_app *app, const char *code, struct hop_desk *out,
                         struct hop_err *err);
/* Is the place in use on day (not retired by then)? */
bool desk_active_on(const struct hop_desk *d, hop_date day);

struct desk_spec {
	char code[HOP_CODE_MAX + 1];
	char zone[HOP_SITE_NAME_MAX + HOP_FLOOR_NAME_MAX + HOP_ZONE_NAME_MAX + 3];  /* as zone_get */
	char name[HOP_PLACE_NAME_MAX + 1];
	enum desk_kind kind;
	int capacity;                          /* 0 = 1 for desks; rooms must give one */
	unsigned attrs;
	char owner[HOP_LOGIN_MAX + 1];         /* "" = shared */
	enum desk_bookable bookable;
};
/* Needs facilities or admin. */
enum hop_status desk_add(struct hop_app *app, const struct desk_spec *d, struct hop_err *err);

enum desk_field {
	DF_ZONE = 1 << 0, DF_NAME = 1 << 1, DF_CAPACITY = 1 << 2, DF_ATTRS = 1 << 3,
	DF_OWNER = 1 << 4, DF_BOOKABLE = 1 << 5, DF_ACTIVE = 1 << 6, DF_CODE = 1 << 7,
};
/* Change the fields named in `fields` to the values in d (DF_ACTIVE: make a
 * retired place active again).  One audit entry listing "field: old -> new". */
enum hop_status desk_edit(struct hop_app *app, const char *code, unsigned fields,
                          const struct desk_spec *d, struct hop_err *err);
/* The same, with what changed into changes ("" when nothing changed and
 * nothing was written). */
enum hop_status desk_edit_report(struct hop_app *app, const char *code, unsigned fields,
                                 const struct desk_spec *d, char *changes, size_t size,
                                 struct hop_err *err);
/* Retire from `from` (HOP_DATE_NONE = today): bookings from that day on are
 * cancelled in the same transaction; *cancelled says how many. */
enum hop_status desk_retire(struct hop_app *app, const char *code, hop_date from,
                            int *cancelled, struct hop_err *err);

/* Import desks and rooms from CSV, all rows or none (like the people import):
 * columns code, site, floor, zone, kind, name, capacity, attributes, owner,
 * bookable_by, team (the zone's team), level.  Missing floors and zones are
 * created; sites must exist.  Reported like the people import. */
struct import_options;
struct import_report;
enum hop_status import_desks(struct hop_app *app, FILE *in, const char *name,
                             const struct import_options *opt, struct import_report *rep,
                             struct hop_err *err);

#endif
