/* Floors and zones: where on a site desks are.  A zone is a neighbourhood of
 * desks, usually a team's; floors exist only as the floors zones are on. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/audit.h"
#include "hop/core/authz.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"
#include "hop/core/places/place.h"
#include "hop/db/collect.h"
#include "place_int.h"

#define DETAIL_MAX 1024
/* How many candidates an ambiguous zone name lists before "and N more". */
#define CANDIDATES_SHOWN 10

void zone_list_free(struct hop_zone_list *l)
{
	if (!l)
		return;
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

enum hop_status floor_level_parse(const char *text, int *level, struct hop_err *err)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(text, &end, 10);
	if (!*text || *end || errno || v < FLOOR_LEVEL_MIN || v > FLOOR_LEVEL_MAX)
		return hop_fail(err, HOP_EINVAL, _("'%.40s' is not a floor level from %d to %d (0 "
		                "is the ground floor)"), text, FLOOR_LEVEL_MIN, FLOOR_LEVEL_MAX);
	*level = (int)v;
	return HOP_OK;
}

/* The columns read_zone expects; ?9 is today. */
#define ZONE_COLUMNS "z.id, s.id, s.name, f.id, f.name, f.level, z.name, " \
	"coalesce(z.team_id, 0), coalesce(t.name, ''), " \
	"(SELECT count(*) FROM desk d WHERE d.zone_id = z.id AND d.kind = 'desk' " \
	"AND (d.retired_on IS NULL OR d.retired_on > ?9)) " \
	"FROM zone z JOIN floor f ON f.id = z.floor_id JOIN site s ON s.id = f.site_id " \
	"LEFT JOIN team t ON t.id = z.team_id "
#define ZONE_ORDER "ORDER BY s.name COLLATE hop, s.id, f.level, f.name COLLATE hop, " \
	"z.name COLLATE hop, z.id"

static void read_zone(struct db_stmt *st, void *out)
{
	struct hop_zone *z = out;

	memset(z, 0, sizeof *z);
	z->id = db_col_int64(st, 0);
	z->site_id = db_col_int64(st, 1);
	db_col_copy(st, 2, z->site, sizeof z->site);
	z->floor_id = db_col_int64(st, 3);
	db_col_copy(st, 4, z->floor, sizeof z->floor);
	z->level = db_col_int(st, 5);
	db_col_copy(st, 6, z->name, sizeof z->name);
	z->team_id = db_col_int64(st, 7);
	db_col_copy(st, 8, z->team, sizeof z->team);
	z->desks = db_col_int(st, 9);
}

static const struct collect zone_rows = {
	sizeof(struct hop_zone), read_zone,
	N_("out of memory while listing zones"), N_("listing zones"),
};

/* Step st to the end, appending every zone to out. */
static enum hop_status collect(struct hop_app *app, struct db_stmt *st, struct hop_zone_list *out,
                               struct hop_err *err)
{
	return collect_rows(app->db, st, &zone_rows, &out->v, &out->n, &out->cap, err);
}

enum hop_status zone_list(struct hop_app *app, const char *site, struct hop_zone_list *out,
                          struct hop_err *err)
{
	struct hop_site s = { 0 };
	struct db_stmt *st;

	memset(out, 0, sizeof *out);
	if (site && *site && site_get(app, site, &s, err) != HOP_OK)
		return err->status;
	st = db_stmt(app->db, "SELECT " ZONE_COLUMNS "WHERE (?1 = 0 OR s.id = ?1) " ZONE_ORDER,
	             err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, s.id);
	db_bind_today(st, 9);
	return collect(app, st, out, err);
}

/* "Site/Floor/Zone", the name zone_get takes back. */
static char *zone_path(const struct hop_zone *z, char *buf, size_t size)
{
	snprintf(buf, size, "%s/%s/%s", z->site, z->floor, z->name);
	return buf;
}

static enum hop_status get_by_path(struct hop_app *app, const char *path, struct hop_zone *out,
                                   struct hop_err *err)
{
	const char *first = strchr(path, '/'), *last = strrchr(path, '/');
	char site[HOP_SITE_NAME_MAX + 1], floor[HOP_FLOOR_NAME_MAX + 1];
	size_t sl = (size_t)(first - path), fl = (size_t)(last - first - 1);
	struct hop_site s;
	struct db_stmt *st;
	int rc;

	if (first == last || sl == 0 || fl == 0 || !last[1])
		return hop_fail(err, HOP_EINVAL, _("'%.200s' does not name a zone; write SITE/FLOOR/ZONE, "
		                "such as 'Hauptgebäude/3. OG/Zone Süd', or just the zone's name"), path);
	if (sl > HOP_SITE_NAME_MAX || fl > HOP_FLOOR_NAME_MAX || strlen(last + 1) > HOP_ZONE_NAME_MAX)
		return hop_refuse(err, HOP_ENOTFOUND, HOP_R_NO_ZONE, NULL,
		                  _("there is no zone '%.200s'"), path);
	memcpy(site, path, sl);
	site[sl] = '\0';
	memcpy(floor, first + 1, fl);
	floor[fl] = '\0';
	if (site_get(app, site, &s, err) != HOP_OK)
		return err->status;
	st = db_stmt(app->db, "SELECT " ZONE_COLUMNS "WHERE s.id = ?1 AND f.name = ?2 "
	             "AND z.name = ?3", err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, s.id);
	db_bind_text(st, 2, floor);
	db_bind_text(st, 3, last + 1);
	db_bind_today(st, 9);
	rc = db_step(st);
	if (rc == DB_ROW)
		read_zone(st, out);
	db_reset(st);
	if (rc == DB_ROW)
		return HOP_OK;
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("reading a zone"));
	return hop_refuse(err, HOP_ENOTFOUND, HOP_R_NO_ZONE, HOP_ABOUT(.site = s.name),
	                  _("site '%s' has no zone '%s' on a floor '%s'"), s.name, last + 1, floor);
}

enum hop_status zone_get(struct hop_app *app, const char *path, struct hop_zone *out,
                         struct hop_err *err)
{
	struct hop_zone_list l = { 0 };
	char list[HOP_ERR_MSG_MAX / 2] = "", p[HOP_SITE_NAME_MAX + HOP_FLOOR_NAME_MAX +
	                                        HOP_ZONE_NAME_MAX + 3];
	struct db_stmt *st;
	size_t n = 0;

	if (strchr(path, '/'))
		return get_by_path(app, path, out, err);
	if (strlen(path) > HOP_ZONE_NAME_MAX)
		return hop_refuse(err, HOP_ENOTFOUND, HOP_R_NO_ZONE, NULL,
		                  _("there is no zone '%.100s...'"), path);
	st = db_stmt(app->db, "SELECT " ZONE_COLUMNS "WHERE z.name = ?1 " ZONE_ORDER, err);
	if (!st)
		return err->status;
	db_bind_text(st, 1, path);
	db_bind_today(st, 9);
	if (collect(app, st, &l, err) != HOP_OK)
		return err->status;
	if (l.n == 1) {
		*out = l.v[0];
		zone_list_free(&l);
		return HOP_OK;
	}
	if (l.n == 0)
		return hop_refuse(err, HOP_ENOTFOUND, HOP_R_NO_ZONE, NULL,
		                  _("there is no zone '%s'"), path);
	for (size_t i = 0; i < l.n && i < CANDIDATES_SHOWN; i++) {
		int w = snprintf(list + n, sizeof list - n, "%s%s", i ? ", " : "",
		                 zone_path(&l.v[i], p, sizeof p));
		if (w < 0 || (size_t)w >= sizeof list - n)
			break;
		n += (size_t)w;
	}
	hop_fail(err, HOP_EINVAL, ngettext("there are %zu zones named '%s': %s; say which one as "
	                                   "SITE/FLOOR/ZONE",
	                                   "there are %zu zones named '%s': %s; say which one as "
	                                   "SITE/FLOOR/ZONE", (unsigned long)l.n),
	         l.n, path, list);
	zone_list_free(&l);
	return HOP_EINVAL;
}

/* ---- changes ---- */

/* An active team for a zone, by name or slug. */
static enum hop_status active_team(struct hop_app *app, const char *name, struct hop_team *t,
                                   struct hop_err *err)
{
	char d[HOP_DATE_ISO_LEN];

	if (team_find(app, name, t, err) != HOP_OK)
		return err->status;
	if (t->dissolved != HOP_DATE_NONE)
		return hop_fail(err, HOP_EINVAL, _("team '%s' was dissolved on %s; a zone belongs to "
		                "an active team or to none"), t->name, date_format(t->dissolved, d));
	return HOP_OK;
}

/* The floor of site called name, created at level when missing. */
static enum hop_status floor_ensure(struct hop_app *app, int64_t site_id, const char *name,
                                    int level, int64_t *floor_id, bool *created,
                                    struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT id FROM floor WHERE site_id = ?1 AND name = ?2",
	                           err);
	int rc;

	*created = false;
	if (!st)
		return err->status;
	db_bind_int64(st, 1, site_id);
	db_bind_text(st, 2, name);
	rc = db_step(st);
	if (rc == DB_ROW)
		*floor_id = db_col_int64(st, 0);
	db_reset(st);
	if (rc == DB_ROW)
		return HOP_OK;
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("reading floors"));
	st = db_stmt(app->db, "INSERT INTO floor (site_id, name, level) VALUES (?1, ?2, ?3)", err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, site_id);
	db_bind_text(st, 2, name);
	db_bind_int(st, 3, level);
	rc = db_step(st);
	db_reset(st);
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("adding a floor"));
	*floor_id = db_last_id(app->db);
	*created = true;
	return HOP_OK;
}

/* Refuse a zone name the floor already has (other than except_id). */
static enum hop_status zone_name_free(struct hop_app *app, int64_t floor_id, const char *name,
                                      int64_t except_id, const char *site, const char *floor,
                                      struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT name FROM zone WHERE floor_id = ?1 "
	                           "AND name = ?2 AND id <> ?3", err);
	char other[HOP_ZONE_NAME_MAX + 1];
	int rc;

	if (!st)
		return err->status;
	db_bind_int64(st, 1, floor_id);
	db_bind_text(st, 2, name);
	db_bind_int64(st, 3, except_id);
	rc = db_step(st);
	if (rc == DB_ROW)
		db_col_copy(st, 0, other, sizeof other);
	db_reset(st);
	if (rc == DB_ROW)
		return hop_fail(err, HOP_ECONFLICT, _("floor '%s' of site '%s' already has a zone "
		                "'%s'; choose another name"), floor, site, other);
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("reading zones"));
	return HOP_OK;
}

enum hop_status zone_add_id(struct hop_app *app, const char *site, const char *floor, int level,
                            const char *zone, const char *team, int64_t *zone_id,
                            struct hop_err *err)
{
	char detail[DETAIL_MAX], object[32];
	struct hop_site s;
	struct hop_team t = { 0 };
	int64_t floor_id = 0, id;
	bool created;
	struct db_stmt *st;
	int rc;

	if (authz_place_manage(app, err) != HOP_OK)
		return err->status;
	if (place_check_part(floor, HOP_FLOOR_NAME_MAX, err) != HOP_OK) {
		hop_err_prefix(err, _("floor name: "));
		return err->status;
	}
	if (level < FLOOR_LEVEL_MIN || level > FLOOR_LEVEL_MAX) {
		char text[16];
		snprintf(text, sizeof text, "%d", level);
		floor_level_parse(text, &level, err);
		hop_err_prefix(err, _("level: "));
		return err->status;
	}
	if (place_check_part(zone, HOP_ZONE_NAME_MAX, err) != HOP_OK) {
		hop_err_prefix(err, _("zone name: "));
		return err->status;
	}
	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	if (site_get(app, site, &s, err) != HOP_OK)
		goto fail;
	if (team && *team && active_team(app, team, &t, err) != HOP_OK)
		goto fail;
	if (floor_ensure(app, s.id, floor, level, &floor_id, &created, err) != HOP_OK ||
	    zone_name_free(app, floor_id, zone, 0, s.name, floor, err) != HOP_OK)
		goto fail;
	st = db_stmt(app->db, "INSERT INTO zone (floor_id, name, team_id) VALUES (?1, ?2, ?3)",
	             err);
	if (!st)
		goto fail;
	db_bind_int64(st, 1, floor_id);
	db_bind_text(st, 2, zone);
	if (t.id)
		db_bind_int64(st, 3, t.id);
	else
		db_bind_null(st, 3);
	rc = db_step(st);
	db_reset(st);
	if (rc != DB_DONE) {
		db_fail(app->db, err, _("adding a zone"));
		goto fail;
	}
	id = db_last_id(app->db);
	if (created)
		snprintf(detail, sizeof detail, "site: %s; floor: %s (new, level %d); zone: %s; "
		         "team: %s", s.name, floor, level, zone, t.id ? t.name : "(none)");
	else
		snprintf(detail, sizeof detail, "site: %s; floor: %s; zone: %s; team: %s", s.name,
		         floor, zone, t.id ? t.name : "(none)");
	snprintf(object, sizeof object, "zone:%lld", (long long)id);
	if (audit_write(app, "zone.add", object, detail, err) != HOP_OK ||
	    db_commit(app->db, err) != HOP_OK)
		goto fail;
	if (zone_id)
		*zone_id = id;
	return HOP_OK;
fail:
	db_rollback(app->db);
	return err->status;
}

enum hop_status zone_add(struct hop_app *app, const char *site, const char *floor, int level,
                         const char *zone, const char *team, struct hop_err *err)
{
	return zone_add_id(app, site, floor, level, zone, team, NULL, err);
}

/* Places of the zone only its team may book: a zone without a team would
 * leave them to facilities alone. */
static enum hop_status team_places(struct hop_app *app, int64_t zone_id, int *n,
                                   struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT count(*) FROM desk WHERE zone_id = ?1 "
	                           "AND bookable_by = 'team' AND (retired_on IS NULL "
	                           "OR retired_on > ?9)", err);
	int rc;

	if (!st)
		return err->status;
	db_bind_int64(st, 1, zone_id);
	db_bind_today(st, 9);
	rc = db_step(st);
	*n = rc == DB_ROW ? db_col_int(st, 0) : 0;
	db_reset(st);
	if (rc != DB_ROW)
		return db_fail(app->db, err, _("reading desks"));
	return HOP_OK;
}

enum hop_status zone_edit_report(struct hop_app *app, const char *zone, const char *new_name,
                                 const char *team, char *changes, size_t size,
                                 struct hop_err *err)
{
	char detail[DETAIL_MAX] = "", object[32];
	struct hop_zone z;
	struct hop_team t = { 0 };
	bool rename, reteam;
	struct db_stmt *st;
	size_t n = 0;
	int rc, bound;

	if (changes && size)
		changes[0] = '\0';
	if (authz_place_manage(app, err) != HOP_OK)
		return err->status;
	if (new_name && place_check_part(new_name, HOP_ZONE_NAME_MAX, err) != HOP_OK) {
		hop_err_prefix(err, _("zone name: "));
		return err->status;
	}
	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	if (zone_get(app, zone, &z, err) != HOP_OK)
		goto fail;
	rename = new_name && strcmp(new_name, z.name) != 0;
	if (rename && zone_name_free(app, z.floor_id, new_name, z.id, z.site, z.floor,
	                             err) != HOP_OK)
		goto fail;
	if (team && *team && active_team(app, team, &t, err) != HOP_OK)
		goto fail;
	reteam = team && t.id != z.team_id;
	if (reteam && !t.id) {
		if (team_places(app, z.id, &bound, err) != HOP_OK)
			goto fail;
		if (bound) {
			hop_refuse(err, HOP_ECONFLICT, HOP_R_ZONE_TEAM_PLACES,
			           HOP_ABOUT(.zone = z.name, .n = bound), ngettext(
			           "zone '%s' has %d place only its team may book",
			           "zone '%s' has %d places only its team may book",
			           (unsigned long)bound), z.name, bound);
			goto fail;
		}
	}
	if (!rename && !reteam) {
		db_rollback(app->db);
		return HOP_OK;
	}
	st = db_stmt(app->db, "UPDATE zone SET name = ?1, team_id = ?2 WHERE id = ?3", err);
	if (!st)
		goto fail;
	db_bind_text(st, 1, rename ? new_name : z.name);
	if (reteam ? t.id != 0 : z.team_id != 0)
		db_bind_int64(st, 2, reteam ? t.id : z.team_id);
	else
		db_bind_null(st, 2);
	db_bind_int64(st, 3, z.id);
	rc = db_step(st);
	db_reset(st);
	if (rc != DB_DONE) {
		db_fail(app->db, err, _("changing a zone"));
		goto fail;
	}
	if (rename)
		n += (size_t)snprintf(detail, sizeof detail, "name: %s -> %s", z.name, new_name);
	if (reteam && n < sizeof detail)
		snprintf(detail + n, sizeof detail - n, "%steam: %s -> %s", n ? "; " : "",
		         z.team[0] ? z.team : "(none)", t.id ? t.name : "(none)");
	snprintf(object, sizeof object, "zone:%lld", (long long)z.id);
	if (audit_write(app, "zone.edit", object, detail, err) != HOP_OK ||
	    db_commit(app->db, err) != HOP_OK)
		goto fail;
	if (changes && size)
		snprintf(changes, size, "%s", detail);
	return HOP_OK;
fail:
	db_rollback(app->db);
	return err->status;
}

enum hop_status zone_edit(struct hop_app *app, const char *zone, const char *new_name,
                          const char *team, struct hop_err *err)
{
	return zone_edit_report(app, zone, new_name, team, NULL, 0, err);
}
