/* Importing desks and rooms from CSV, all rows or none, like the people
 * import: every row is checked against the file and the database first (with
 * the write lock held), every problem reported as "file:line: what", and only
 * a file without problems is written, in the same transaction.  Floors and
 * zones the file names are created; sites must exist.  That run is
 * import_run's (import_util.c); here are the places' columns, the checks of a
 * row and across rows, and the second pass. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "hop/core/app.h"
#include "hop/core/audit.h"
#include "hop/core/authz.h"
#include "hop/base/clock.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"
#include "hop/core/import/import.h"
#include "hop/core/places/place.h"
#include "hop/base/vec.h"
#include "import_int.h"
#include "../places/place_int.h"

/* More places than any administration has; rows stay in memory until checked. */
#define IMPORT_ROWS_MAX 50000

enum column {
	C_CODE, C_SITE, C_FLOOR, C_ZONE, C_KIND, C_NAME, C_CAPACITY, C_ATTRS, C_OWNER,
	C_BOOKABLE, C_TEAM, C_LEVEL, C_COUNT
};

/* Header words, compared ignoring case and umlauts ("Kapazitaet" too). */
static const struct import_column column_names[] = {
	{ "code", C_CODE }, { "platz", C_CODE }, { "platznummer", C_CODE }, { "nummer", C_CODE },
	{ "site", C_SITE }, { "standort", C_SITE },
	{ "floor", C_FLOOR }, { "etage", C_FLOOR }, { "geschoss", C_FLOOR },
	{ "stockwerk", C_FLOOR },
	{ "zone", C_ZONE }, { "bereich", C_ZONE },
	{ "kind", C_KIND }, { "art", C_KIND }, { "typ", C_KIND },
	{ "name", C_NAME }, { "bezeichnung", C_NAME },
	{ "capacity", C_CAPACITY }, { "kapazität", C_CAPACITY }, { "plätze", C_CAPACITY },
	{ "attributes", C_ATTRS }, { "attrs", C_ATTRS }, { "ausstattung", C_ATTRS },
	{ "merkmale", C_ATTRS },
	{ "owner", C_OWNER }, { "inhaber", C_OWNER }, { "inhaberin", C_OWNER },
	{ "bookable_by", C_BOOKABLE }, { "bookable", C_BOOKABLE },
	{ "buchbar_durch", C_BOOKABLE }, { "buchbar", C_BOOKABLE },
	{ "team", C_TEAM },
	{ "level", C_LEVEL }, { "ebene", C_LEVEL },
};

static const char *const canonical[C_COUNT] = {
	"code", "site", "floor", "zone", "kind", "name", "capacity", "attributes", "owner",
	"bookable_by", "team", "level",
};

/* A zone the file names: existing or to be created. */
struct zref {
	int64_t site_id;
	char site[HOP_SITE_NAME_MAX + 1];
	char floor[HOP_FLOOR_NAME_MAX + 1];
	char zone[HOP_ZONE_NAME_MAX + 1];
	bool floor_exists;
	int level;                   /* the floor's: existing, given, or 0 */
	long level_line;             /* the row that gave a level; 0 = none */
	int64_t zone_id;             /* 0 = the import creates it */
	int64_t team_id;             /* the zone's team after the import */
	char team[HOP_TEAM_NAME_MAX + 1];
	long team_line;              /* the row that gave a team; 0 = none */
	bool reteam;                 /* an existing zone gets another team */
};

struct row {
	struct import_row b;         /* line, exists (the code is in the database: an edit), msg */
	struct desk_spec spec;
	bool has[C_COUNT];           /* the cell is there and not empty */
	size_t zref;                 /* index into zones; SIZE_MAX = none */
	struct hop_desk old;
	unsigned fields;             /* enum desk_field: what differs */
	bool fit_check;              /* kind, capacity, owner, bookable_by are known */
};

struct import {
	struct import_base b;        /* app, name, the rows: what import_run handles */
	int pos[C_COUNT];
	struct zref *zones;
	size_t nzones, zcap;
};

/* ---- the header ---- */

static enum hop_status read_header(void *ctx, char **f, size_t n, long line,
                                   struct hop_err *err)
{
	static const int required[] = { C_CODE, C_SITE, C_FLOOR, C_ZONE };
	struct import *im = ctx;
	const struct import_columns cols = {
		.words = column_names,
		.nwords = sizeof column_names / sizeof column_names[0],
		.count = C_COUNT,
		.canonical = canonical,
		.same = import_word_is,
		.no_name = _("%s:%ld: column %zu of the header has no name; the first line must name the columns, such as code;site;floor;zone"),
		.unknown = _("%s:%ld: unknown column '%.100s'; the columns are code, site, floor, zone, kind, name, capacity, attributes, owner, bookable_by, team, level (or in German platz, standort, etage, zone, art, bezeichnung, kapazität, ausstattung, inhaber, buchbar_durch, team, ebene)"),
		.required = required,
		.nrequired = sizeof required / sizeof required[0],
		.missing = _("%s:%ld: the header has no column '%s'; every row needs the code, site, floor and zone of the place (German: platz, standort, etage, zone)"),
	};

	return import_header(&im->b, &cols, f, n, line, im->pos, NULL, err);
}

/* ---- zones ---- */

/* The floor and zone of site_id in the database (ids 0 when missing). */
static enum hop_status zone_lookup(struct hop_app *app, struct zref *z, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT f.id, f.level, z.id, coalesce(z.team_id, 0), "
	                           "coalesce(t.name, '') FROM floor f "
	                           "LEFT JOIN zone z ON z.floor_id = f.id AND z.name = ?3 "
	                           "LEFT JOIN team t ON t.id = z.team_id "
	                           "WHERE f.site_id = ?1 AND f.name = ?2", err);
	int rc;

	if (!st)
		return err->status;
	db_bind_int64(st, 1, z->site_id);
	db_bind_text(st, 2, z->floor);
	db_bind_text(st, 3, z->zone);
	rc = db_step(st);
	if (rc == DB_ROW) {
		z->floor_exists = true;
		z->level = db_col_int(st, 1);
		z->zone_id = db_col_int64(st, 2);
		z->team_id = db_col_int64(st, 3);
		db_col_copy(st, 4, z->team, sizeof z->team);
	}
	db_reset(st);
	if (rc != DB_ROW && rc != DB_DONE)
		return db_fail(app->db, err, _("reading zones"));
	return HOP_OK;
}

/* The zone of a row: found among the file's zones, or added to them. */
static enum hop_status row_zone(struct import *im, struct row *r, const struct hop_site *s,
                                const char *floor, const char *zone, struct hop_err *err)
{
	struct zref *z;

	for (size_t i = 0; i < im->nzones; i++) {
		z = &im->zones[i];
		if (z->site_id == s->id && strcasecmp(z->floor, floor) == 0 &&
		    strcasecmp(z->zone, zone) == 0) {
			r->zref = i;
			return HOP_OK;
		}
	}
	if (!vec_grow(&im->zones, &im->zcap, im->nzones + 1, sizeof *im->zones))
		return hop_fail(err, HOP_ENOMEM, _("out of memory"));
	z = &im->zones[im->nzones];
	memset(z, 0, sizeof *z);
	z->site_id = s->id;
	snprintf(z->site, sizeof z->site, "%s", s->name);
	snprintf(z->floor, sizeof z->floor, "%s", floor);
	snprintf(z->zone, sizeof z->zone, "%s", zone);
	if (zone_lookup(im->b.app, z, err) != HOP_OK)
		return err->status;
	r->zref = im->nzones++;
	return HOP_OK;
}

/* The team and level a row gives its zone and floor must agree with the
 * database and with the other rows. */
static void zone_settings(struct import *im, struct row *r, const struct hop_team *t,
                          bool level_given, int level)
{
	struct zref *z = &im->zones[r->zref];

	if (t) {
		if (z->team_line && z->team_id != t->id)
			row_problem(im, r, _("zone '%s' gets the team '%s' here but '%s' on line %ld; a zone has one team"),
			            z->zone, t->name, z->team, z->team_line);
		else if (!z->team_line) {
			if (z->zone_id && z->team_id != t->id)
				z->reteam = true;
			z->team_id = t->id;
			snprintf(z->team, sizeof z->team, "%s", t->name);
			z->team_line = r->b.line;
		}
	}
	if (!level_given)
		return;
	if (z->floor_exists && z->level != level)
		row_problem(im, r, _("level: floor '%s' of site '%s' is on level %d; the level column sets the level of a new floor only"),
		            z->floor, z->site, z->level);
	else if (z->level_line && z->level != level)
		row_problem(im, r, _("level: floor '%s' is on level %d on line %ld; a floor has one level"),
		            z->floor, z->level, z->level_line);
	else if (!z->floor_exists) {
		z->level = level;
		z->level_line = r->b.line;
		/* Other zones on the same new floor share its level. */
		for (size_t i = 0; i < im->nzones; i++)
			if (im->zones[i].site_id == z->site_id &&
			    strcasecmp(im->zones[i].floor, z->floor) == 0 && !im->zones[i].level_line) {
				im->zones[i].level = level;
				im->zones[i].level_line = r->b.line;
			}
	}
}

/* ---- one row ---- */

/* A whole number in [min, max], nothing else. */
static bool whole_number(const char *s, int min, int max, int *out)
{
	char *end;
	long v;

	if (!*s)
		return false;
	v = strtol(s, &end, 10);
	if (*end || end == s || v < min || v > max)
		return false;
	*out = (int)v;
	return true;
}

static enum hop_status check_row(void *ctx, void *row, char **f, size_t n, struct hop_err *err)
{
	struct import *im = ctx;
	struct row *r = row;
	struct hop_err e;
	const char *cell[C_COUNT];
	struct hop_site site;
	struct hop_team team;
	struct hop_person owner;
	bool site_ok = false, team_ok = false, level_given = false, place_ok = true;
	int level = 0;
	enum hop_status st;

	r->zref = SIZE_MAX;
	if (!import_cells(&im->b, &r->b, f, n, im->pos, C_COUNT, "", cell))
		return HOP_OK;
	for (int c = 0; c < C_COUNT; c++)
		r->has[c] = cell[c][0] != '\0';

	if (desk_check_code(cell[C_CODE], &e) != HOP_OK)
		row_problem(im, r, "%s", e.msg);
	else
		snprintf(r->spec.code, sizeof r->spec.code, "%s", cell[C_CODE]);
	if (!r->has[C_SITE])
		row_problem(im, r, _("site: the cell is empty; name the site, such as 'Hauptgebäude'"));
	else if (strlen(cell[C_SITE]) > HOP_SITE_NAME_MAX)
		row_problem(im, r, _("site: the name is %zu bytes long; the limit is %d bytes"),
		            strlen(cell[C_SITE]), HOP_SITE_NAME_MAX);
	else if ((st = site_get(im->b.app, cell[C_SITE], &site, &e)) == HOP_OK)
		site_ok = true;
	else if (st == HOP_ENOTFOUND) {
		row_problem(im, r, _("there is no site '%s'; add it first"), cell[C_SITE]);
		import_advise(&im->b, e.reason, &e.facts);
	} else {
		*err = e;
		return st;
	}
	if (place_check_part(cell[C_FLOOR], HOP_FLOOR_NAME_MAX, &e) != HOP_OK) {
		row_problem(im, r, _("floor: %s"), e.msg);
		site_ok = false;
	}
	if (place_check_part(cell[C_ZONE], HOP_ZONE_NAME_MAX, &e) != HOP_OK) {
		row_problem(im, r, _("zone: %s"), e.msg);
		site_ok = false;
	}
	r->spec.kind = DESK_KIND_DESK;
	if (r->has[C_KIND] && desk_kind_parse(cell[C_KIND], &r->spec.kind, &e) != HOP_OK) {
		row_problem(im, r, _("kind: %s"), e.msg);
		place_ok = false;
	}
	if (place_check_text(cell[C_NAME], HOP_PLACE_NAME_MAX, true, &e) != HOP_OK)
		row_problem(im, r, _("name: %s"), e.msg);
	else
		snprintf(r->spec.name, sizeof r->spec.name, "%s", cell[C_NAME]);
	if (r->has[C_CAPACITY] &&
	    !whole_number(cell[C_CAPACITY], 1, ROOM_CAPACITY_MAX, &r->spec.capacity)) {
		row_problem(im, r, _("capacity: '%.40s' is not a number of people from 1 to %d"),
		            cell[C_CAPACITY], ROOM_CAPACITY_MAX);
		place_ok = false;
	}
	if (r->has[C_ATTRS] && desk_attr_parse(cell[C_ATTRS], &r->spec.attrs, &e) != HOP_OK)
		row_problem(im, r, _("attributes: %s"), e.msg);
	if (r->has[C_OWNER]) {
		if ((st = person_get(im->b.app, cell[C_OWNER], &owner, &e)) == HOP_OK) {
			if (owner.end != HOP_DATE_NONE && owner.end < clock_today()) {
				char d[HOP_DATE_ISO_LEN];
				row_problem(im, r, _("owner: %s left on %s and cannot own a desk"),
				            owner.name, date_format(owner.end, d));
			}
			snprintf(r->spec.owner, sizeof r->spec.owner, "%s", owner.login);
		} else if (st == HOP_ENOTFOUND) {
			row_problem(im, r, _("owner: %s"), e.msg);
			import_advise(&im->b, e.reason, &e.facts);
			place_ok = false;
		} else {
			*err = e;
			return st;
		}
	}
	r->spec.bookable = BOOKABLE_ALL;
	if (r->has[C_BOOKABLE] &&
	    desk_bookable_parse(cell[C_BOOKABLE], &r->spec.bookable, &e) != HOP_OK) {
		row_problem(im, r, _("bookable_by: %s"), e.msg);
		place_ok = false;
	}
	if (r->has[C_TEAM]) {
		if (strlen(cell[C_TEAM]) > HOP_TEAM_NAME_MAX)
			row_problem(im, r, _("team: the name is %zu bytes long; the limit is %d bytes"),
			            strlen(cell[C_TEAM]), HOP_TEAM_NAME_MAX);
		else if ((st = team_get_brief(im->b.app, cell[C_TEAM], &team, &e)) == HOP_ENOTFOUND) {
			row_problem(im, r, _("team: %s"), e.msg);
			import_advise(&im->b, e.reason, &e.facts);
		} else if (st != HOP_OK) {
			*err = e;
			return st;
		} else if (team.dissolved != HOP_DATE_NONE) {
			char d[HOP_DATE_ISO_LEN];
			row_problem(im, r, _("team: '%s' was dissolved on %s; a zone belongs to an active team"),
			            team.name, date_format(team.dissolved, d));
		} else
			team_ok = true;
	}
	if (r->has[C_LEVEL]) {
		if (floor_level_parse(cell[C_LEVEL], &level, &e) == HOP_OK)
			level_given = true;
		else
			row_problem(im, r, _("level: %s"), e.msg);
	}
	if (site_ok) {
		if ((st = row_zone(im, r, &site, cell[C_FLOOR], cell[C_ZONE], err)) != HOP_OK)
			return st;
		snprintf(r->spec.zone, sizeof r->spec.zone, "%s/%s/%s", site.name, cell[C_FLOOR],
		         cell[C_ZONE]);
		zone_settings(im, r, team_ok ? &team : NULL, level_given, level);
	}
	if (!r->spec.code[0])
		return HOP_OK;

	st = desk_get(im->b.app, r->spec.code, &r->old, &e);
	if (st != HOP_OK && st != HOP_ENOTFOUND) {
		*err = e;
		return st;
	}
	r->b.exists = st == HOP_OK;
	if (!r->b.exists) {
		if (!r->has[C_CAPACITY])
			r->spec.capacity = r->spec.kind == DESK_KIND_DESK ? 1 : 0;
		if (place_ok && r->spec.kind != DESK_KIND_DESK && !r->spec.capacity) {
			row_problem(im, r, _("capacity: room %s needs a capacity of %d to %d people"),
			            r->spec.code, ROOM_CAPACITY_MIN, ROOM_CAPACITY_MAX);
			place_ok = false;
		}
		r->fit_check = place_ok;
		return HOP_OK;
	}

	/* An existing place: the columns the file has, where they differ.  An
	 * empty cell clears name, attributes and owner; kind, capacity and
	 * bookable_by always have a value, so there it keeps the current one. */
	const struct hop_desk *o = &r->old;
	if (r->has[C_KIND] && r->spec.kind != o->kind) {
		row_problem(im, r, _("kind: %s is a %s; a place does not change its kind (retire it and add a new one with another code)"),
		            o->code, desk_kind_display(o->kind));
		place_ok = false;
	}
	r->spec.kind = o->kind;
	snprintf(r->spec.code, sizeof r->spec.code, "%s", o->code);
	if (r->zref != SIZE_MAX) {
		const struct zref *z = &im->zones[r->zref];
		if (z->zone_id != o->zone.id)
			r->fields |= DF_ZONE;
	}
	if (im->pos[C_NAME] >= 0 && strcmp(r->spec.name, o->name) != 0)
		r->fields |= DF_NAME;
	if (!r->has[C_CAPACITY])
		r->spec.capacity = o->capacity;
	else if (r->spec.capacity != o->capacity)
		r->fields |= DF_CAPACITY;
	if (im->pos[C_ATTRS] >= 0 && r->spec.attrs != o->attrs)
		r->fields |= DF_ATTRS;
	if (im->pos[C_OWNER] < 0)
		snprintf(r->spec.owner, sizeof r->spec.owner, "%s", o->owner_login);
	else if (strcmp(r->spec.owner, o->owner_login) != 0)
		r->fields |= DF_OWNER;
	if (!r->has[C_BOOKABLE])
		r->spec.bookable = o->bookable;
	else if (r->spec.bookable != o->bookable)
		r->fields |= DF_BOOKABLE;
	r->fit_check = place_ok;
	return HOP_OK;
}

/* ---- the whole file ---- */

/* The code: a code twice in the file (in any case) makes the later rows the
 * problem. */
static const char *row_code(const void *row)
{
	return ((const struct row *)row)->spec.code;
}

/* An existing place that the file changes. */
static bool row_changed(const void *row)
{
	return ((const struct row *)row)->fields != 0;
}

/* Kind, capacity, owner and bookable_by against the zone each place ends up
 * in: checked once every row has had its say about the zones' teams. */
static void check_fit(void *ctx)
{
	struct import *im = ctx;
	struct row *rows = im->b.rows;
	struct hop_err e;

	for (size_t i = 0; i < im->b.nrows; i++) {
		struct row *r = &rows[i];
		const struct zref *z;

		if (!r->fit_check || r->zref == SIZE_MAX || !r->spec.code[0])
			continue;
		z = &im->zones[r->zref];
		if (place_check_fit(r->spec.code, r->spec.kind, r->spec.capacity,
		                    r->spec.owner[0] != '\0', r->spec.bookable, z->zone,
		                    z->team_id != 0, &e) != HOP_OK)
			row_problem(im, r, "%s", e.msg);
	}
}

/* The second pass: zones first (places go into them), then the places, in
 * the caller's transaction (each call nests as a savepoint). */
static enum hop_status write_rows(void *ctx, const struct import_report *rep,
                                  struct hop_err *err)
{
	struct import *im = ctx;
	struct hop_app *app = im->b.app;
	struct row *rows = im->b.rows;
	char detail[200], object[300], path[sizeof rows->spec.zone];
	int zones_created = 0, zones_changed = 0;

	for (size_t i = 0; i < im->nzones; i++) {
		struct zref *z = &im->zones[i];

		if (!z->zone_id) {
			if (zone_add_id(app, z->site, z->floor, z->level, z->zone,
			                z->team_id ? z->team : NULL, &z->zone_id, err) != HOP_OK) {
				hop_err_prefix(err, _("%s: creating zone '%s': "), im->b.name, z->zone);
				return err->status;
			}
			zones_created++;
		} else if (z->reteam) {
			snprintf(path, sizeof path, "%s/%s/%s", z->site, z->floor, z->zone);
			if (zone_edit(app, path, NULL, z->team, err) != HOP_OK) {
				hop_err_prefix(err, _("%s: changing zone '%s': "), im->b.name, z->zone);
				return err->status;
			}
			zones_changed++;
		}
	}
	for (size_t i = 0; i < im->b.nrows; i++) {
		struct row *r = &rows[i];
		enum hop_status st = HOP_OK;

		if (!r->b.exists)
			st = desk_add(app, &r->spec, err);
		else if (r->fields)
			st = desk_edit(app, r->old.code, r->fields, &r->spec, err);
		if (st != HOP_OK) {
			hop_err_prefix(err, "%s:%ld: ", im->b.name, r->b.line);
			return st;
		}
	}
	if (rep->added + rep->updated + zones_created + zones_changed == 0)
		return HOP_OK;
	snprintf(detail, sizeof detail, "added %d, updated %d, unchanged %d, zones created %d, "
	         "zones changed %d", rep->added, rep->updated, rep->unchanged, zones_created,
	         zones_changed);
	snprintf(object, sizeof object, "file:%.250s", im->b.name);
	return audit_write(app, "import.desks", object, detail, err);
}

enum hop_status import_desks(struct hop_app *app, FILE *in, const char *name,
                             const struct import_options *opt, struct import_report *rep,
                             struct hop_err *err)
{
	struct import im = { .b = { .app = app, .name = name ? name : "-" } };
	const struct import_format places = {
		.elem = sizeof(struct row),
		.max = IMPORT_ROWS_MAX,
		.empty = _("%s: the file is empty; its first line must name the columns, such as code;site;floor;zone"),
		.too_many = _("%s:%ld: the file has more than %d places; split it into smaller files"),
		.twice = _("the code '%s' is already on line %ld; each place may appear only once"),
		.allowed = authz_place_manage,
		.header = read_header,
		.row = check_row,
		.across = check_fit,
		.key = row_code,
		.key_cmp = strcasecmp,
		.changed = row_changed,
		.write = write_rows,
	};
	enum hop_status st = import_run(&im.b, in, &places, opt && opt->dry_run, rep, err);

	free(im.zones);
	return st;
}
