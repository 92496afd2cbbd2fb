/* Teams: slugs, listing, adding, renaming, leads, dissolving. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/audit.h"
#include "hop/core/authz.h"
#include "hop/base/clock.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"
#include "hop/core/people/person.h"
#include "hop/db/collect.h"

#define DETAIL_MAX 1024

char *team_slugify(const char *name, char *buf, size_t size)
{
	size_t len = strlen(name) + 1, n = 0, max;
	char *folded = malloc(len);
	bool dash = false;

	if (!size)
		return buf;
	max = size - 1 < HOP_SLUG_MAX ? size - 1 : HOP_SLUG_MAX;
	if (folded) {
		fold_text(name, FOLD_AE, folded, len);
		for (const char *p = folded; *p && n < max; p++) {
			bool alnum = (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9');
			if (!alnum) {
				dash = n > 0;
				continue;
			}
			if (dash) {
				if (n + 1 >= max)
					break;
				buf[n++] = '-';
				dash = false;
			}
			buf[n++] = *p;
		}
		free(folded);
	}
	if (n == 0)
		snprintf(buf, size, "%.*s", (int)max, "team");
	else
		buf[n] = '\0';
	return buf;
}

void team_list_free(struct hop_team_list *l)
{
	if (!l)
		return;
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

/* The columns read_team expects; ?9 is today. */
#define TEAM_COLUMNS "t.id, t.name, t.slug, coalesce(t.lead_id, 0), coalesce(p.login, ''), " \
	"coalesce(p.name, ''), (SELECT count(*) FROM person m WHERE m.team_id = t.id " \
	"AND (m.end_date IS NULL OR m.end_date >= ?9)), t.created_on, t.dissolved_on " \
	"FROM team t LEFT JOIN person p ON p.id = t.lead_id "

static void read_team(struct db_stmt *st, void *out)
{
	struct hop_team *t = out;

	memset(t, 0, sizeof *t);
	t->id = db_col_int64(st, 0);
	db_col_copy(st, 1, t->name, sizeof t->name);
	db_col_copy(st, 2, t->slug, sizeof t->slug);
	t->lead_id = db_col_int64(st, 3);
	db_col_copy(st, 4, t->lead_login, sizeof t->lead_login);
	db_col_copy(st, 5, t->lead_name, sizeof t->lead_name);
	t->members = db_col_int(st, 6);
	t->created = db_col_date(st, 7);
	t->dissolved = db_col_date(st, 8);
}

static const struct collect team_rows = {
	sizeof(struct hop_team), read_team,
	N_("out of memory while listing teams"), N_("listing teams"),
};

static void bind_today(struct db_stmt *st)
{
	db_bind_today(st, 9);
}

enum hop_status team_list(struct hop_app *app, bool include_dissolved,
                          struct hop_team_list *out, struct hop_err *err)
{
	struct db_stmt *st;

	memset(out, 0, sizeof *out);
	st = db_stmt(app->db, "SELECT " TEAM_COLUMNS "WHERE (?1 <> 0 OR t.dissolved_on IS NULL) "
	             "ORDER BY t.name COLLATE hop, t.dissolved_on IS NOT NULL, t.id", err);
	if (!st)
		return err->status;
	db_bind_int(st, 1, include_dissolved);
	bind_today(st);
	return collect_rows(app->db, st, &team_rows, &out->v, &out->n, &out->cap, err);
}

/* The lead and the count of members cost a read of each member's row (the
 * index on team_id does not hold end_date): a brief lookup leaves them out,
 * so that an import naming 200 teams does not read 2,000 rows for nothing. */
#define TEAM_BRIEF_COLUMNS "t.id, t.name, t.slug, 0, '', '', 0, t.created_on, " \
	"t.dissolved_on FROM team t "

static enum hop_status get(struct hop_app *app, const char *name_or_slug, bool brief,
                           struct hop_team *out, struct hop_err *err)
{
	/* An active team wins over dissolved ones of the same name. */
#define TEAM_BY_NAME "WHERE t.name = ?1 OR t.slug = ?1 " \
	"ORDER BY t.dissolved_on IS NOT NULL, t.dissolved_on DESC, t.id DESC LIMIT 1"
	struct db_stmt *st = db_stmt(app->db, brief ? "SELECT " TEAM_BRIEF_COLUMNS TEAM_BY_NAME
	                                            : "SELECT " TEAM_COLUMNS TEAM_BY_NAME, err);
#undef TEAM_BY_NAME
	bool found;

	if (!st)
		return err->status;
	db_bind_text(st, 1, name_or_slug);
	if (!brief)
		bind_today(st);
	if (db_get(st, read_team, out, &found, _("reading a team"), err) != HOP_OK)
		return err->status;
	return found ? HOP_OK : hop_refuse(err, HOP_ENOTFOUND, HOP_R_NO_TEAM, NULL,
	                                   _("there is no team '%.120s'"), name_or_slug);
}

enum hop_status team_get(struct hop_app *app, const char *name_or_slug, struct hop_team *out,
                         struct hop_err *err)
{
	return get(app, name_or_slug, false, out, err);
}

enum hop_status team_get_brief(struct hop_app *app, const char *name_or_slug,
                               struct hop_team *out, struct hop_err *err)
{
	return get(app, name_or_slug, true, out, err);
}

enum hop_status team_check_name(const char *name, struct hop_err *err)
{
	size_t n = strlen(name);

	if (n > HOP_TEAM_NAME_MAX)
		return hop_fail(err, HOP_EINVAL, _("the team name is %zu bytes long; the limit is "
		                "%d bytes"), n, HOP_TEAM_NAME_MAX);
	if (person_check_name(name, err) != HOP_OK) {
		hop_err_prefix(err, _("team name: "));
		return err->status;
	}
	return HOP_OK;
}

/* Refuse a name an active team other than except_id already has. */
static enum hop_status name_free(struct hop_app *app, const char *name, int64_t except_id,
                                 struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT name FROM team WHERE name = ?1 "
	                           "AND dissolved_on IS NULL AND id <> ?2", err);
	char other[HOP_TEAM_NAME_MAX + 1];
	bool taken;

	if (!st)
		return err->status;
	db_bind_text(st, 1, name);
	db_bind_int64(st, 2, except_id);
	if (db_get_text(st, other, sizeof other, &taken, _("reading teams"), err) != HOP_OK)
		return err->status;
	if (taken)
		return hop_fail(err, HOP_ECONFLICT, _("there already is a team named '%s'; choose "
		                "another name"), other);
	return HOP_OK;
}

/* base made unique by "-2", "-3", ... into slug (HOP_SLUG_MAX + 1 bytes).
 * taken_sql is a literal "SELECT 1 FROM <table> WHERE slug = ?1"; what names
 * the table in a failure ("reading teams"). */
enum hop_status slug_unique(struct hop_app *app, const char *base, const char *taken_sql,
                            const char *what, char *slug, struct hop_err *err)
{
	snprintf(slug, HOP_SLUG_MAX + 1, "%s", base);
	for (int i = 2; ; i++) {
		struct db_stmt *st = db_stmt(app->db, taken_sql, err);
		char suffix[16];
		size_t keep;
		bool taken;

		if (!st)
			return err->status;
		db_bind_text(st, 1, slug);
		if (db_get(st, NULL, NULL, &taken, what, err) != HOP_OK)
			return err->status;
		if (!taken)
			return HOP_OK;
		snprintf(suffix, sizeof suffix, "-%d", i);
		keep = strlen(base);
		if (keep + strlen(suffix) > HOP_SLUG_MAX)
			keep = HOP_SLUG_MAX - strlen(suffix);
		while (keep > 0 && base[keep - 1] == '-')
			keep--;
		snprintf(slug, HOP_SLUG_MAX + 1, "%.*s%s", (int)keep, base, suffix);
	}
}

/* The slug of name, made unique. */
static enum hop_status unique_slug(struct hop_app *app, const char *name, char *slug,
                                   struct hop_err *err)
{
	char base[HOP_SLUG_MAX + 1];

	team_slugify(name, base, sizeof base);
	return slug_unique(app, base, "SELECT 1 FROM team WHERE slug = ?1", _("reading teams"),
	                   slug, err);
}

/* The person who is to lead a team: current, and given the lead role if
 * they lack it (noted in detail). */
static enum hop_status lead_prepare(struct hop_app *app, const char *login,
                                    struct hop_person *p, char *note, size_t size,
                                    struct hop_err *err)
{
	char d[HOP_DATE_ISO_LEN];
	struct db_stmt *st;

	if (person_get(app, login, p, err) != HOP_OK)
		return err->status;
	if (p->end != HOP_DATE_NONE && p->end < clock_today())
		return hop_fail(err, HOP_EINVAL, _("%s left on %s and cannot lead a team"), p->name,
		                date_format(p->end, d));
	note[0] = '\0';
	if (p->roles & ROLE_LEAD)
		return HOP_OK;
	st = db_stmt(app->db, "UPDATE person SET roles = roles | 2 WHERE id = ?1", err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, p->id);
	if (db_run(st, _("granting the lead role"), err) != HOP_OK)
		return err->status;
	p->roles |= ROLE_LEAD;
	snprintf(note, size, " (lead role granted)");
	return HOP_OK;
}

enum hop_status team_add(struct hop_app *app, const char *name, const char *lead_login,
                         struct hop_err *err)
{
	char slug[HOP_SLUG_MAX + 1], detail[DETAIL_MAX], object[HOP_SLUG_MAX + 8], note[32] = "";
	char today[HOP_DATE_ISO_LEN];
	struct hop_person lead;
	struct db_stmt *st;

	if (authz_team_manage(app, err) != HOP_OK || team_check_name(name, err) != HOP_OK)
		return err->status;
	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	if (name_free(app, name, 0, err) != HOP_OK || unique_slug(app, name, slug, err) != HOP_OK)
		goto fail;
	if (lead_login && *lead_login &&
	    lead_prepare(app, lead_login, &lead, note, sizeof note, err) != HOP_OK)
		goto fail;
	st = db_stmt(app->db, "INSERT INTO team (name, slug, lead_id, created_on) "
	             "VALUES (?1, ?2, ?3, ?4)", err);
	if (!st)
		goto fail;
	db_bind_text(st, 1, name);
	db_bind_text(st, 2, slug);
	if (lead_login && *lead_login)
		db_bind_int64(st, 3, lead.id);
	else
		db_bind_null(st, 3);
	db_bind_text(st, 4, date_format(clock_today(), today));
	if (db_run(st, _("adding a team"), err) != HOP_OK)
		goto fail;
	if (lead_login && *lead_login)
		snprintf(detail, sizeof detail, "name: %s; lead: %s%s", name, lead.login, note);
	else
		snprintf(detail, sizeof detail, "name: %s", name);
	snprintf(object, sizeof object, "team:%s", slug);
	return audit_commit(app, "team.add", object, detail, err);
fail:
	db_rollback(app->db);
	return err->status;
}

static enum hop_status active(const struct hop_team *t, struct hop_err *err)
{
	char d[HOP_DATE_ISO_LEN];

	if (t->dissolved != HOP_DATE_NONE)
		return hop_fail(err, HOP_EINVAL, _("team '%s' was dissolved on %s and cannot be "
		                "changed"), t->name, date_format(t->dissolved, d));
	return HOP_OK;
}

enum hop_status team_edit_report(struct hop_app *app, const char *team, const char *new_name,
                                 const char *lead_login, char *changes, size_t size,
                                 struct hop_err *err)
{
	char detail[DETAIL_MAX] = "", object[HOP_SLUG_MAX + 8], note[32] = "";
	struct hop_team t;
	struct hop_person lead;
	bool rename, relead;
	size_t n = 0;
	struct db_stmt *st;

	if (changes && size)
		changes[0] = '\0';
	if (authz_team_manage(app, err) != HOP_OK)
		return err->status;
	if (new_name && team_check_name(new_name, err) != HOP_OK)
		return err->status;
	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	if (team_find(app, team, &t, err) != HOP_OK || active(&t, err) != HOP_OK)
		goto fail;
	rename = new_name && strcmp(new_name, t.name) != 0;
	relead = lead_login && strcmp(lead_login, t.lead_login) != 0;
	if (rename && name_free(app, new_name, t.id, err) != HOP_OK)
		goto fail;
	if (relead && *lead_login &&
	    lead_prepare(app, lead_login, &lead, note, sizeof note, err) != HOP_OK)
		goto fail;
	if (!rename && !relead) {
		db_rollback(app->db);
		return HOP_OK;
	}
	/* The slug stays: feeds and files are named by it. */
	st = db_stmt(app->db, "UPDATE team SET name = ?1, lead_id = ?2 WHERE id = ?3", err);
	if (!st)
		goto fail;
	db_bind_text(st, 1, rename ? new_name : t.name);
	if (relead ? *lead_login != '\0' : t.lead_id != 0)
		db_bind_int64(st, 2, relead ? lead.id : t.lead_id);
	else
		db_bind_null(st, 2);
	db_bind_int64(st, 3, t.id);
	if (db_run(st, _("changing a team"), err) != HOP_OK)
		goto fail;
	if (rename)
		n += (size_t)snprintf(detail, sizeof detail, "name: %s -> %s", t.name, new_name);
	if (relead && n < sizeof detail)
		snprintf(detail + n, sizeof detail - n, "%slead: %s -> %s%s", n ? "; " : "",
		         t.lead_login[0] ? t.lead_login : "(none)",
		         *lead_login ? lead_login : "(none)", note);
	snprintf(object, sizeof object, "team:%s", t.slug);
	return audit_commit_report(app, "team.edit", object, detail, changes, size, err);
fail:
	db_rollback(app->db);
	return err->status;
}

enum hop_status team_edit(struct hop_app *app, const char *team, const char *new_name,
                          const char *lead_login, struct hop_err *err)
{
	return team_edit_report(app, team, new_name, lead_login, NULL, 0, err);
}

enum hop_status team_remove(struct hop_app *app, const char *team, struct hop_err *err)
{
	char today[HOP_DATE_ISO_LEN], object[HOP_SLUG_MAX + 8], detail[DETAIL_MAX];
	struct hop_team t;
	struct db_stmt *st;

	if (authz_team_manage(app, err) != HOP_OK)
		return err->status;
	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	if (team_find(app, team, &t, err) != HOP_OK || active(&t, err) != HOP_OK)
		goto fail;
	if (t.members > 0) {
		hop_refuse(err, HOP_ECONFLICT, HOP_R_TEAM_HAS_MEMBERS, HOP_ABOUT(.team = t.slug,
		           .n = t.members), ngettext(
		           "team '%s' still has %d current member; move them to another team first",
		           "team '%s' still has %d current members; move them to another team first",
		           (unsigned long)t.members), t.name, t.members);
		goto fail;
	}
	st = db_stmt(app->db, "UPDATE team SET dissolved_on = ?1 WHERE id = ?2", err);
	if (!st)
		goto fail;
	db_bind_text(st, 1, date_format(clock_today(), today));
	db_bind_int64(st, 2, t.id);
	if (db_run(st, _("dissolving a team"), err) != HOP_OK)
		goto fail;
	snprintf(detail, sizeof detail, "dissolved: %s; name: %s", today, t.name);
	snprintf(object, sizeof object, "team:%s", t.slug);
	return audit_commit(app, "team.remove", object, detail, err);
fail:
	db_rollback(app->db);
	return err->status;
}
