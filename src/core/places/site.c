/* Sites: the buildings or campuses desks are in, each with its own time zone
 * and Bundesland (public holidays differ between Länder). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/audit.h"
#include "hop/core/authz.h"
#include "hop/base/clock.h"
#include "hop/config/config.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"
#include "hop/core/places/place.h"
#include "hop/db/collect.h"
#include "place_int.h"

#define DETAIL_MAX 1024

void site_list_free(struct hop_site_list *l)
{
	if (!l)
		return;
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

/* The columns read_site expects; ?9 is today (a place retired from today on
 * no longer counts). */
#define SITE_COLUMNS "s.id, s.name, s.slug, coalesce(s.address, ''), s.timezone, s.region, " \
	"(SELECT count(*) FROM desk d JOIN zone z ON z.id = d.zone_id JOIN floor f " \
	"ON f.id = z.floor_id WHERE f.site_id = s.id AND d.kind = 'desk' " \
	"AND (d.retired_on IS NULL OR d.retired_on > ?9)), " \
	"(SELECT count(*) FROM desk d JOIN zone z ON z.id = d.zone_id JOIN floor f " \
	"ON f.id = z.floor_id WHERE f.site_id = s.id AND d.kind <> 'desk' " \
	"AND (d.retired_on IS NULL OR d.retired_on > ?9)) FROM site s "

static void read_site(struct db_stmt *st, void *out)
{
	struct hop_site *s = out;

	memset(s, 0, sizeof *s);
	s->id = db_col_int64(st, 0);
	db_col_copy(st, 1, s->name, sizeof s->name);
	db_col_copy(st, 2, s->slug, sizeof s->slug);
	db_col_copy(st, 3, s->address, sizeof s->address);
	db_col_copy(st, 4, s->timezone, sizeof s->timezone);
	db_col_copy(st, 5, s->region, sizeof s->region);
	s->desks = db_col_int(st, 6);
	s->rooms = db_col_int(st, 7);
}

static const struct collect site_rows = {
	sizeof(struct hop_site), read_site,
	N_("out of memory while listing sites"), N_("listing sites"),
};

enum hop_status site_list(struct hop_app *app, struct hop_site_list *out, struct hop_err *err)
{
	struct db_stmt *st;

	memset(out, 0, sizeof *out);
	st = db_stmt(app->db, "SELECT " SITE_COLUMNS "ORDER BY s.name COLLATE hop, s.id", err);
	if (!st)
		return err->status;
	db_bind_today(st, 9);
	return collect_rows(app->db, st, &site_rows, &out->v, &out->n, &out->cap, err);
}

/* The one site whose name equals name ignoring case and umlauts. */
static enum hop_status folded_match(struct hop_app *app, const char *name,
                                    struct hop_site *out, struct hop_err *err)
{
	struct hop_site_list l;
	size_t len = strlen(name) + 1, found = 0;
	char *want = malloc(len), *have = malloc(HOP_SITE_NAME_MAX + 1);
	enum hop_status st = HOP_ENOTFOUND;

	if (!want || !have) {
		free(want);
		free(have);
		return hop_fail(err, HOP_ENOMEM, _("out of memory"));
	}
	fold_text(name, FOLD_COLLAPSE, want, len);
	if (site_list(app, &l, err) != HOP_OK) {
		st = err->status;
		l.n = 0;
	}
	for (size_t i = 0; i < l.n; i++) {
		fold_text(l.v[i].name, FOLD_COLLAPSE, have, HOP_SITE_NAME_MAX + 1);
		if (strcmp(want, have) == 0) {
			*out = l.v[i];
			found++;
		}
	}
	if (found == 1)
		st = HOP_OK;
	site_list_free(&l);
	free(want);
	free(have);
	return st;
}

enum hop_status site_get(struct hop_app *app, const char *name, struct hop_site *out,
                         struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT " SITE_COLUMNS
	                           "WHERE s.name = ?1 OR s.slug = ?1 "
	                           "ORDER BY s.name = ?1 DESC LIMIT 1", err);
	enum hop_status rc;
	bool found;

	if (!st)
		return err->status;
	db_bind_text(st, 1, name);
	db_bind_today(st, 9);
	if (db_get(st, read_site, out, &found, _("reading a site"), err) != HOP_OK)
		return err->status;
	if (found)
		return HOP_OK;
	/* SQLite folds only ASCII: "HAUPTGEBÄUDE" and "Hauptgebaeude" find
	 * "Hauptgebäude" here.  Sites are few; a scan costs nothing. */
	if ((rc = folded_match(app, name, out, err)) != HOP_ENOTFOUND)
		return rc;
	return hop_refuse(err, HOP_ENOTFOUND, HOP_R_NO_SITE, HOP_ABOUT(.site = name),
	                  _("there is no site '%.120s'"), name);
}

/* ---- checks ---- */

static enum hop_status check_name(const char *name, struct hop_err *err)
{
	if (place_check_part(name, HOP_SITE_NAME_MAX, err) != HOP_OK) {
		hop_err_prefix(err, _("site name: "));
		return err->status;
	}
	return HOP_OK;
}

static enum hop_status check_address(const char *address, struct hop_err *err)
{
	if (place_check_text(address, HOP_ADDRESS_MAX, true, err) != HOP_OK) {
		hop_err_prefix(err, _("address: "));
		return err->status;
	}
	return HOP_OK;
}

/* The configuration's own checks, so a site takes exactly the time zones and
 * regions hop.ini does (and gets the same advice). */
static enum hop_status check_with_config(const char *key, const char *value, char *out,
                                         size_t size, struct hop_err *err)
{
	const struct config_key *k = config_key_find("organisation", key);

	if (strlen(value) >= size)
		return hop_fail(err, HOP_EINVAL, _("'%.40s...' is too long for a %s"), value, key);
	snprintf(out, size, "%s", value);
	if (k && k->check && k->check(out, size, err) != HOP_OK)
		return err->status;
	return HOP_OK;
}

static enum hop_status check_timezone(const char *tz, char *out, size_t size,
                                      struct hop_err *err)
{
	if (check_with_config("timezone", tz, out, size, err) != HOP_OK) {
		hop_err_prefix(err, _("timezone: "));
		return err->status;
	}
	return HOP_OK;
}

static enum hop_status check_region(const char *region, char *out, size_t size,
                                    struct hop_err *err)
{
	/* Room for a Land's name, so the check can answer "use BY for Bayern". */
	char buf[64];

	if (check_with_config("region", region, buf, sizeof buf, err) != HOP_OK) {
		hop_err_prefix(err, _("region: "));
		return err->status;
	}
	snprintf(out, size, "%s", buf);
	if (strlen(buf) >= size || !config_region_valid(out))
		return hop_fail(err, HOP_EINVAL, _("region: '%s' is not a Bundesland code, such as "
		                "BE or NW"), region);
	return HOP_OK;
}

/* Refuse a name another site has (names compare without case). */
static enum hop_status name_free(struct hop_app *app, const char *name, int64_t except_id,
                                 struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT name FROM site WHERE name = ?1 AND id <> ?2",
	                           err);
	char other[HOP_SITE_NAME_MAX + 1];
	bool taken;

	if (!st)
		return err->status;
	db_bind_text(st, 1, name);
	db_bind_int64(st, 2, except_id);
	if (db_get_text(st, other, sizeof other, &taken, _("reading sites"), err) != HOP_OK)
		return err->status;
	if (taken)
		return hop_fail(err, HOP_ECONFLICT, _("there already is a site named '%s'; choose "
		                "another name"), other);
	{
		struct hop_site s;
		enum hop_status found = folded_match(app, name, &s, err);
		if (found == HOP_OK && s.id != except_id)
			return hop_fail(err, HOP_ECONFLICT, _("there already is a site named '%s'; "
			                "choose another name"), s.name);
		if (found != HOP_OK && found != HOP_ENOTFOUND)
			return found;
	}
	return HOP_OK;
}

/* The slug of name (as teams make theirs), made unique by "-2", "-3", ... */
static enum hop_status unique_slug(struct hop_app *app, const char *name, char *slug,
                                   struct hop_err *err)
{
	char base[HOP_SLUG_MAX + 1];

	team_slugify(name, base, sizeof base);
	/* team_slugify names a slug without letters "team"; here that is "site". */
	if (strcmp(base, "team") == 0 && !fold_matches(name, "team"))
		snprintf(base, sizeof base, "site");
	return slug_unique(app, base, "SELECT 1 FROM site WHERE slug = ?1", _("reading sites"),
	                   slug, err);
}

/* ---- changes ---- */

enum hop_status site_add(struct hop_app *app, const char *name, const char *address,
                         const char *time_zone, const char *region, struct hop_err *err)
{
	char slug[HOP_SLUG_MAX + 1], tz[64], reg[3], today[HOP_DATE_ISO_LEN];
	char detail[DETAIL_MAX], object[HOP_SLUG_MAX + 8];
	struct db_stmt *st;

	if (authz_place_manage(app, err) != HOP_OK || check_name(name, err) != HOP_OK)
		return err->status;
	if (address && check_address(address, err) != HOP_OK)
		return err->status;
	if (check_timezone(time_zone && *time_zone ? time_zone : app->cfg.timezone, tz, sizeof tz,
	                   err) != HOP_OK)
		return err->status;
	if (check_region(region && *region ? region : app->cfg.region, reg, sizeof reg,
	                 err) != HOP_OK)
		return err->status;
	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	if (name_free(app, name, 0, err) != HOP_OK || unique_slug(app, name, slug, err) != HOP_OK)
		goto fail;
	st = db_stmt(app->db, "INSERT INTO site (name, slug, address, timezone, region, "
	             "created_on) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", err);
	if (!st)
		goto fail;
	db_bind_text(st, 1, name);
	db_bind_text(st, 2, slug);
	db_bind_text(st, 3, address && *address ? address : NULL);
	db_bind_text(st, 4, tz);
	db_bind_text(st, 5, reg);
	db_bind_text(st, 6, date_format(clock_today(), today));
	if (db_run(st, _("adding a site"), err) != HOP_OK)
		goto fail;
	snprintf(detail, sizeof detail, "name: %s; address: %s; timezone: %s; region: %s", name,
	         address && *address ? address : "(none)", tz, reg);
	snprintf(object, sizeof object, "site:%s", slug);
	return audit_commit(app, "site.add", object, detail, err);
fail:
	db_rollback(app->db);
	return err->status;
}

enum hop_status site_edit_report(struct hop_app *app, const char *site, const char *new_name,
                                 const char *address, const char *time_zone, const char *region,
                                 char *changes, size_t size, struct hop_err *err)
{
	char tz[64] = "", reg[3] = "", detail[DETAIL_MAX] = "", object[HOP_SLUG_MAX + 8];
	struct hop_site s;
	struct db_stmt *st;

	if (changes && size)
		changes[0] = '\0';
	if (authz_place_manage(app, err) != HOP_OK)
		return err->status;
	if ((new_name && check_name(new_name, err) != HOP_OK) ||
	    (address && check_address(address, err) != HOP_OK) ||
	    (time_zone && check_timezone(time_zone, tz, sizeof tz, err) != HOP_OK) ||
	    (region && check_region(region, reg, sizeof reg, err) != HOP_OK))
		return err->status;
	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	if (site_get(app, site, &s, err) != HOP_OK)
		goto fail;
	if (new_name && strcmp(new_name, s.name) != 0) {
		if (name_free(app, new_name, s.id, err) != HOP_OK)
			goto fail;
		audit_change(detail, sizeof detail, "name", s.name, new_name);
	}
	if (address && strcmp(address, s.address) != 0)
		audit_change(detail, sizeof detail, "address", s.address, address);
	if (time_zone && strcmp(tz, s.timezone) != 0)
		audit_change(detail, sizeof detail, "timezone", s.timezone, tz);
	if (region && strcmp(reg, s.region) != 0)
		audit_change(detail, sizeof detail, "region", s.region, reg);
	if (!detail[0]) {
		db_rollback(app->db);
		return HOP_OK;
	}
	/* The slug stays: feeds and files are named by it. */
	st = db_stmt(app->db, "UPDATE site SET name = ?1, address = ?2, timezone = ?3, "
	             "region = ?4 WHERE id = ?5", err);
	if (!st)
		goto fail;
	db_bind_text(st, 1, new_name ? new_name : s.name);
	address = address ? address : s.address;
	db_bind_text(st, 2, *address ? address : NULL);
	db_bind_text(st, 3, time_zone ? tz : s.timezone);
	db_bind_text(st, 4, region ? reg : s.region);
	db_bind_int64(st, 5, s.id);
	if (db_run(st, _("changing a site"), err) != HOP_OK)
		goto fail;
	snprintf(object, sizeof object, "site:%s", s.slug);
	return audit_commit_report(app, "site.edit", object, detail, changes, size, err);
fail:
	db_rollback(app->db);
	return err->status;
}

enum hop_status site_edit(struct hop_app *app, const char *site, const char *new_name,
                          const char *address, const char *time_zone, const char *region,
                          struct hop_err *err)
{
	return site_edit_report(app, site, new_name, address, time_zone, region, NULL, 0, err);
}
