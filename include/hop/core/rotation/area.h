/* Work areas (Arbeitsgebiete): groups of teams, some of them corruption-prone,
 * whose time in them counts towards a rotation.
 *
 * A team belongs to one area at most.  A corruption-prone area has its own
 * rotation period or [policy] rotation_years; its flag carries the day it was
 * last reviewed, and an area not reviewed for [rotation] area_review_years is
 * listed as due for review (Richtlinie zur Korruptionsprävention, Nr. 2). */
#ifndef HOP_ROTATION_AREA_H
#define HOP_ROTATION_AREA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "hop/base/date.h"
#include "hop/base/err.h"

struct hop_app;

#define HOP_AREA_NAME_MAX 120

struct hop_area {
	int64_t id;
	char name[HOP_AREA_NAME_MAX + 1];
	bool corruption_prone;
	int years;              /* own rotation period, 0 = none set */
	int period_years;       /* what applies: years, else [policy] rotation_years when
	                           corruption-prone, else 0 (no rotation due) */
	hop_date reviewed;      /* last review of the flag, HOP_DATE_NONE = never */
	bool review_due;        /* corruption-prone and not reviewed within
	                           [rotation] area_review_years */
	char teams[512];        /* the teams' names, ", "-separated (cut with "…") */
	size_t nteams;
};
struct hop_area_list { struct hop_area *v; size_t n, cap; };
void area_list_free(struct hop_area_list *l);

/* Add area name over the teams named in teams[0..nteams) (names or slugs);
 * years 0 = none.  reviewed HOP_DATE_NONE: today when corruption-prone.  A
 * team already in another area is refused naming it.  HR and admins.  Audit
 * "area.add". */
enum hop_status area_add(struct hop_app *app, const char *name, const char *const *teams,
                         size_t nteams, bool corruption_prone, int years, hop_date reviewed,
                         struct hop_err *err);

/* Change an area: each field only when its flag says so.  Teams given
 * replace the area's teams.  HR and admins.  Audit "area.edit" with the
 * changes. */
struct area_edit {
	bool set_flag, corruption_prone;
	bool set_years; int years;              /* 0 = none */
	bool set_reviewed; hop_date reviewed;   /* HOP_DATE_NONE = today */
	bool set_teams; const char *const *teams; size_t nteams;
	const char *rename;                     /* NULL = keep */
};
enum hop_status area_edit(struct hop_app *app, const char *name, const struct area_edit *e,
                          struct hop_err *err);

/* All areas by name (review_only: only those whose review is due).  Anyone
 * may read the areas: they are organisation, not personal data. */
enum hop_status area_list(struct hop_app *app, bool review_only, struct hop_area_list *out,
                          struct hop_err *err);
enum hop_status area_get(struct hop_app *app, const char *name, struct hop_area *out,
                         struct hop_err *err);

#endif
