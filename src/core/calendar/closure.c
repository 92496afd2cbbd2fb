/* Closure days: stored one row a day, imported from iCalendar files whose
 * events are identified by UID, and asked about (with the public holidays)
 * whenever a day must be a working day. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/audit.h"
#include "hop/core/authz.h"
#include "hop/base/clock.h"
#include "hop/core/calendar/closure.h"
#include "hop/core/calendar/workday.h"
#include "hop/config/config.h"
#include "hop/db/db.h"
#include "hop/core/calendar/holiday.h"
#include "hop/base/i18n.h"
#include "hop/ics/ics_import.h"
#include "hop/core/places/place.h"
#include "hop/base/vec.h"

void closure_list_free(struct hop_closure_list *l)
{
	if (!l)
		return;
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

void closure_import_report_free(struct closure_import_report *r)
{
	if (!r)
		return;
	free(r->messages);
	r->messages = NULL;
}

enum hop_status closure_list(struct hop_app *app, int64_t site_id, hop_date from, hop_date to,
                             struct hop_closure_list *out, struct hop_err *err)
{
	char a[HOP_DATE_ISO_LEN], b[HOP_DATE_ISO_LEN];
	struct db_stmt *st;
	int rc;

	memset(out, 0, sizeof *out);
	if (from == HOP_DATE_NONE || to == HOP_DATE_NONE)
		return hop_fail(err, HOP_EINVAL, _("give both the first and the last day of the "
		                "period to list closure days for"));
	st = db_stmt(app->db, "SELECT c.id, c.day, coalesce(c.site_id, 0), coalesce(s.name, ''), "
	             "c.summary, c.uid, c.source FROM closure c LEFT JOIN site s ON s.id = c.site_id "
	             "WHERE c.day >= ?1 AND c.day < ?2 "
	             "AND (?3 < 0 OR c.site_id IS NULL OR c.site_id = ?3) "
	             "ORDER BY c.day, c.site_id IS NOT NULL, s.name, c.summary, c.id", err);
	if (!st)
		return err->status;
	db_bind_text(st, 1, date_format(from, a));
	db_bind_text(st, 2, date_format(to, b));
	db_bind_int64(st, 3, site_id);
	while ((rc = db_step(st)) == DB_ROW) {
		struct hop_closure *c;
		char day[HOP_DATE_ISO_LEN];

		if (!vec_grow(&out->v, &out->cap, out->n + 1, sizeof *out->v)) {
			db_reset(st);
			closure_list_free(out);
			return hop_fail(err, HOP_ENOMEM, _("out of memory while listing closure days"));
		}
		c = &out->v[out->n];
		memset(c, 0, sizeof *c);
		c->id = db_col_int64(st, 0);
		db_col_copy(st, 1, day, sizeof day);
		if (!date_parse_iso(day, &c->day))
			continue;   /* the CHECK constraint keeps this from happening */
		c->site_id = db_col_int64(st, 2);
		db_col_copy(st, 3, c->site, sizeof c->site);
		db_col_copy(st, 4, c->summary, sizeof c->summary);
		db_col_copy(st, 5, c->uid, sizeof c->uid);
		db_col_copy(st, 6, c->source, sizeof c->source);
		out->n++;
	}
	db_reset(st);
	if (rc != DB_DONE) {
		closure_list_free(out);
		return db_fail(app->db, err, _("listing closure days"));
	}
	return HOP_OK;
}

enum hop_status closure_on(struct hop_app *app, int64_t site_id, hop_date day, bool *found,
                           char *summary, size_t size, struct hop_err *err)
{
	char iso[HOP_DATE_ISO_LEN];
	struct db_stmt *st;
	int rc;

	*found = false;
	if (summary && size)
		*summary = '\0';
	/* A site's own closure names the day before the organisation's. */
	st = db_stmt(app->db, "SELECT summary FROM closure WHERE day = ?1 "
	             "AND (site_id IS NULL OR site_id = ?2) ORDER BY site_id IS NULL, id LIMIT 1",
	             err);
	if (!st)
		return err->status;
	db_bind_text(st, 1, date_format(day, iso));
	db_bind_int64(st, 2, site_id);
	rc = db_step(st);
	if (rc == DB_ROW) {
		*found = true;
		if (summary && size)
			db_col_copy(st, 0, summary, size);
	}
	db_reset(st);
	if (rc != DB_ROW && rc != DB_DONE)
		return db_fail(app->db, err, _("looking up closure days"));
	return HOP_OK;
}

bool holiday_or_closure(struct hop_app *app, int64_t site_id, hop_date day, char *why,
                        size_t size)
{
	char region[3], when[HOP_DATE_HUMAN_LEN], summary[HOP_CLOSURE_SUMMARY_SIZE];
	const char *name, *land;
	struct hop_err err;
	bool found;

	if (why && size)
		*why = '\0';
	if (day == HOP_DATE_NONE)
		return false;
	holiday_region_of_site(app, site_id, region, sizeof region);
	if (holiday_is(region, day, &name)) {
		land = config_region_name(region);
		if (why && size)
			snprintf(why, size, _("%s is a public holiday in %s (%s), not a working day"),
			         date_format_human(day, when, sizeof when), land ? land : region, name);
		return true;
	}
	if (closure_on(app, site_id, day, &found, summary, sizeof summary, &err) != HOP_OK ||
	    !found)
		return false;
	if (why && size)
		snprintf(why, size, _("%s is a closure day (%s), not a working day"),
		         date_format_human(day, when, sizeof when), summary);
	return true;
}

/* ---- import ---- */

/* The whole file, NUL-terminated; larger than HOP_CLOSURE_FILE_MAX is refused. */
static enum hop_status read_all(FILE *in, const char *name, char **text, size_t *len,
                                struct hop_err *err)
{
	size_t cap = 64 * 1024, n = 0;
	char *buf = malloc(cap);

	if (!buf)
		return hop_fail(err, HOP_ENOMEM, _("out of memory while reading %s"), name);
	for (;;) {
		size_t got;
		if (n + 1 >= cap) {
			char *b;
			if (cap > HOP_CLOSURE_FILE_MAX) {
				free(buf);
				return hop_fail(err, HOP_EINVAL, _("%s is larger than %d MB; a calendar of "
				                "closure days is much smaller: is it the right file?"), name,
				                HOP_CLOSURE_FILE_MAX / (1024 * 1024));
			}
			b = realloc(buf, cap * 2);
			if (!b) {
				free(buf);
				return hop_fail(err, HOP_ENOMEM, _("out of memory while reading %s"), name);
			}
			buf = b;
			cap *= 2;
		}
		got = fread(buf + n, 1, cap - n - 1, in);
		n += got;
		if (got == 0)
			break;
	}
	if (ferror(in)) {
		free(buf);
		return hop_fail(err, HOP_EIO, _("cannot read %s: %s"), name, strerror(errno));
	}
	if (n > HOP_CLOSURE_FILE_MAX) {
		free(buf);
		return hop_fail(err, HOP_EINVAL, _("%s is larger than %d MB; a calendar of closure "
		                "days is much smaller: is it the right file?"), name,
		                HOP_CLOSURE_FILE_MAX / (1024 * 1024));
	}
	buf[n] = '\0';
	*text = buf;
	*len = n;
	return HOP_OK;
}

/* The file's name without directories, cut to whole UTF-8 characters. */
static void source_name(const char *name, char *buf, size_t size)
{
	const char *slash = strrchr(name, '/');
	size_t n;

	snprintf(buf, size, "%s", slash && slash[1] ? slash + 1 : name);
	n = strlen(buf);
	if (n == size - 1)
		while (n > 0 && ((unsigned char)buf[n - 1] & 0xc0) == 0x80)
			buf[--n] = '\0';
	if (n > 0 && ((unsigned char)buf[n - 1] & 0xc0) == 0xc0)
		buf[--n] = '\0';
}

struct old_day { int64_t id; hop_date day; bool same; };

/* Make the rows of one event (site, UID) exactly its days in the file. */
static enum hop_status apply_event(struct hop_app *app, int64_t site_id,
                                   const struct ics_closure *ev, const char *source,
                                   const char *now, struct closure_import_report *rep,
                                   struct hop_err *err)
{
	bool present[HOP_CLOSURE_SPAN_MAX] = { false };
	struct old_day *old = NULL;
	size_t nold = 0, cap = 0;
	struct db_stmt *st;
	int rc;

	st = db_stmt(app->db, "SELECT id, day, summary = ?3 FROM closure "
	             "WHERE coalesce(site_id, 0) = ?1 AND uid = ?2", err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, site_id);
	db_bind_text(st, 2, ev->uid);
	db_bind_text(st, 3, ev->summary);
	while ((rc = db_step(st)) == DB_ROW) {
		char day[HOP_DATE_ISO_LEN];
		if (!vec_grow(&old, &cap, nold + 1, sizeof *old)) {
			db_reset(st);
			free(old);
			return hop_fail(err, HOP_ENOMEM, _("out of memory while importing"));
		}
		old[nold].id = db_col_int64(st, 0);
		db_col_copy(st, 1, day, sizeof day);
		if (!date_parse_iso(day, &old[nold].day))
			old[nold].day = HOP_DATE_NONE;
		old[nold].same = db_col_int(st, 2) != 0;
		nold++;
	}
	db_reset(st);
	if (rc != DB_DONE) {
		free(old);
		return db_fail(app->db, err, _("reading closure days"));
	}

	for (size_t i = 0; i < nold; i++) {
		hop_date d = old[i].day;
		bool keep = d != HOP_DATE_NONE && d >= ev->first && d < ev->first + ev->days;

		if (keep)
			present[d - ev->first] = true;
		if (keep && old[i].same) {
			rep->unchanged++;
			continue;
		}
		if (keep)
			st = db_stmt(app->db, "UPDATE closure SET summary = ?2, source = ?3, "
			             "imported_at = ?4 WHERE id = ?1", err);
		else
			st = db_stmt(app->db, "DELETE FROM closure WHERE id = ?1", err);
		if (!st) {
			free(old);
			return err->status;
		}
		db_bind_int64(st, 1, old[i].id);
		if (keep) {
			db_bind_text(st, 2, ev->summary);
			db_bind_text(st, 3, source);
			db_bind_text(st, 4, now);
		}
		rc = db_step(st);
		db_reset(st);
		if (rc != DB_DONE) {
			free(old);
			return db_fail(app->db, err, _("changing closure days"));
		}
		if (keep)
			rep->updated++;
		else
			rep->removed++;
	}
	free(old);

	for (int k = 0; k < ev->days; k++) {
		char iso[HOP_DATE_ISO_LEN];
		if (present[k])
			continue;
		st = db_stmt(app->db, "INSERT INTO closure (day, site_id, summary, uid, source, "
		             "imported_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", err);
		if (!st)
			return err->status;
		db_bind_text(st, 1, date_format(ev->first + k, iso));
		if (site_id > 0)
			db_bind_int64(st, 2, site_id);
		db_bind_text(st, 3, ev->summary);
		db_bind_text(st, 4, ev->uid);
		db_bind_text(st, 5, source);
		db_bind_text(st, 6, now);
		rc = db_step(st);
		db_reset(st);
		if (rc != DB_DONE)
			return db_fail(app->db, err, _("adding closure days"));
		rep->added++;
	}
	return HOP_OK;
}

enum hop_status closure_import(struct hop_app *app, FILE *in, const char *name,
                               const char *site, bool dry_run,
                               struct closure_import_report *rep, struct hop_err *err)
{
	char source[HOP_CLOSURE_SOURCE_MAX + 1], now[24], object[HOP_SLUG_MAX + 16], detail[512];
	struct ics_closure_list events;
	struct hop_site s;
	int64_t site_id = 0;
	char *text = NULL;
	size_t len = 0;

	memset(rep, 0, sizeof *rep);
	if (authz_closure_import(app, err) != HOP_OK)
		return err->status;
	if (site && *site) {
		if (site_get(app, site, &s, err) != HOP_OK)
			return err->status;
		site_id = s.id;
		snprintf(object, sizeof object, "closures:%s", s.slug);
	} else {
		snprintf(object, sizeof object, "closures:organisation");
	}
	if (read_all(in, name, &text, &len, err) != HOP_OK)
		return err->status;
	if (ics_read_closures(text, len, name, &events, &rep->messages, &rep->errors, err) !=
	    HOP_OK) {
		free(text);
		return err->status;
	}
	free(text);
	rep->events = (int)events.n;
	source_name(name, source, sizeof source);
	clock_timestamp(now);

	if (db_begin(app->db, err) != HOP_OK) {
		ics_closure_list_free(&events);
		return err->status;
	}
	for (size_t i = 0; i < events.n; i++) {
		if (apply_event(app, site_id, &events.v[i], source, now, rep, err) != HOP_OK) {
			hop_err_prefix(err, "%s:%d: ", name, events.v[i].line);
			db_rollback(app->db);
			ics_closure_list_free(&events);
			return err->status;
		}
	}
	ics_closure_list_free(&events);
	if (dry_run) {
		db_rollback(app->db);
		return HOP_OK;
	}
	if (rep->added + rep->updated + rep->removed > 0) {
		snprintf(detail, sizeof detail, "%s: %d events; days added %d, updated %d, removed %d, "
		         "unchanged %d", source, rep->events, rep->added, rep->updated, rep->removed,
		         rep->unchanged);
		if (audit_write(app, "import.holidays", object, detail, err) != HOP_OK) {
			db_rollback(app->db);
			return err->status;
		}
	}
	if (db_commit(app->db, err) != HOP_OK) {
		db_rollback(app->db);
		return err->status;
	}
	return HOP_OK;
}
