/* Opening hop: configuration, database location, acting user. */
#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hop/core/app.h"
#include "hop/base/clock.h"
#include "hop/db/db.h"
#include "hop/db/dbfile.h"
#include "hop/base/i18n.h"
#include "hop/core/people/membership.h"
#include "hop/core/people/person.h"
#include "hop/core/places/place.h"
#include "booking/booking_int.h"

/* A refusal's facts (base/err.h, which knows no domain) hold hop's names
 * whole, so that the advice built from them names the right thing. */
#define FACT_FITS(field, max) _Static_assert(sizeof ((struct hop_facts *)0)->field > (max), \
                                             #field " fits struct hop_facts")
FACT_FITS(place, HOP_CODE_MAX);
FACT_FITS(login, HOP_LOGIN_MAX);
FACT_FITS(team, HOP_TEAM_NAME_MAX);
FACT_FITS(team, HOP_SLUG_MAX);
FACT_FITS(site, HOP_SITE_NAME_MAX);
FACT_FITS(zone, HOP_ZONE_NAME_MAX);


void app_actor_login(char *buf, size_t size)
{
	const char *u = getenv("HOP_USER");
	struct passwd *pw;

	if (!u || !*u) {
		pw = getpwuid(getuid());
		u = pw ? pw->pw_name : getenv("LOGNAME");
	}
	snprintf(buf, size, "%s", u && *u ? u : "unknown");
}

/* $XDG_DATA_HOME/hop/hop.db, else ~/.local/share/hop/hop.db. */
static void default_db_path(char *buf, size_t size)
{
	const char *x = getenv("XDG_DATA_HOME"), *home = getenv("HOME");

	if (x && *x == '/')
		snprintf(buf, size, "%s/hop/hop.db", x);
	else if (home && *home)
		snprintf(buf, size, "%s/.local/share/hop/hop.db", home);
	else
		snprintf(buf, size, "hop.db");
}

enum hop_status app_configure(struct hop_app *app, const struct app_options *opt,
                              struct hop_err *err)
{
	const char *env_db = getenv("HOP_DB");

	memset(app, 0, sizeof *app);
	config_defaults(&app->cfg);
	app_actor_login(app->actor.login, sizeof app->actor.login);

	if (config_locate(opt ? opt->config_path : NULL, app->config_path,
	                  sizeof app->config_path, &app->config_source, err) != HOP_OK)
		return err->status;
	if (app->config_path[0] && config_load(app->config_path, &app->cfg, err) != HOP_OK)
		return err->status;

	if (opt && opt->db_path && *opt->db_path) {
		snprintf(app->db_path, sizeof app->db_path, "%s", opt->db_path);
		app->db_source = "--db";
	} else if (env_db && *env_db) {
		snprintf(app->db_path, sizeof app->db_path, "%s", env_db);
		app->db_source = "$HOP_DB";
	} else if (app->cfg.db_url[0]) {
		snprintf(app->db_path, sizeof app->db_path, "%s", app->cfg.db_url);
		app->db_source = "url";
	} else if (app->cfg.db_path[0]) {
		snprintf(app->db_path, sizeof app->db_path, "%s", app->cfg.db_path);
		app->db_source = "config";
	} else {
		default_db_path(app->db_path, sizeof app->db_path);
		app->db_source = "default";
	}
	app->db_server = db_is_server(app->db_path);
	db_describe(app->db_path, app->db_shown, sizeof app->db_shown);
	return HOP_OK;
}

/* mkdir -p of the directory part of path (for the default location). */
static enum hop_status make_parent(const char *path, struct hop_err *err)
{
	char dir[HOP_PATH_MAX];
	char *slash;

	snprintf(dir, sizeof dir, "%s", path);
	slash = strrchr(dir, '/');
	if (!slash || slash == dir)
		return HOP_OK;
	*slash = '\0';
	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0755) != 0 && errno != EEXIST)
			return hop_fail(err, HOP_EIO, _("cannot create the directory %s: %s"), dir,
			                strerror(errno));
		*p = '/';
	}
	if (mkdir(dir, 0755) != 0 && errno != EEXIST)
		return hop_fail(err, HOP_EIO, _("cannot create the directory %s: %s"), dir,
		                strerror(errno));
	return HOP_OK;
}

enum hop_status app_resolve_actor(struct hop_app *app, struct hop_err *err)
{
	struct hop_err ignore;
	struct hop_actor *a = &app->actor;

	(void)err;
	a->known = false;
	a->roles = 0;
	if (person_get(app, a->login, &a->person, &ignore) == HOP_OK) {
		hop_date today = clock_today();
		/* Someone who has left keeps their record but loses their rights. */
		if (a->person.end == HOP_DATE_NONE || a->person.end >= today) {
			a->known = true;
			a->roles = a->person.roles;
		}
	}
	return HOP_OK;
}

enum hop_status app_db_replaceable(const struct hop_app *app, struct hop_err *err)
{
	return dbfile_check_hop(app->db_path, err);
}

enum hop_status app_open_db(struct hop_app *app, bool create, struct hop_err *err)
{
	struct hop_err ignore;

	if (create && !db_is_server(app->db_path) && make_parent(app->db_path, err) != HOP_OK)
		return err->status;
	if (db_open(app->db_path, create ? DB_OPEN_CREATE : DB_OPEN_EXISTING, &app->db,
	            err) != HOP_OK)
		return err->status;
	/* People whose team changes today move before anyone reads it; a
	 * database this user may only read keeps yesterday's teams. */
	membership_refresh(app, &ignore);
	return app_resolve_actor(app, err);
}

void app_close(struct hop_app *app)
{
	bk_view_cache_free(app->view_cache);
	app->view_cache = NULL;
	bk_who_cache_free(app->who_cache);
	app->who_cache = NULL;
	db_close(app->db);
	app->db = NULL;
}
