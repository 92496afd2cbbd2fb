/* Opening hop: configuration, database location, acting user. */
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hop/core/app.h"
#include "hop/core/audit.h"
#include "hop/core/authz.h"
#include "hop/base/clock.h"
#include "hop/db/db.h"
#include "hop/db/dbfile.h"
#include "hop/base/i18n.h"
#include "hop/base/priv.h"
#include "hop/core/calendar/workday.h"
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
	const char *u = priv_getenv("HOP_USER");
	struct passwd *pw;

	if (!u || !*u) {
		pw = getpwuid(getuid());
		u = pw ? pw->pw_name : priv_getenv("LOGNAME");
	}
	/* Privileged, a user id without a login is nobody hop knows: "" (and
	 * app_configure refuses), never a name someone might hold. */
	snprintf(buf, size, "%s", u && *u ? u : hop_privileged() ? "" : "unknown");
}

/* $XDG_DATA_HOME/hop/hop.db, else ~/.local/share/hop/hop.db. */
static void default_db_path(char *buf, size_t size)
{
	const char *x = priv_getenv("XDG_DATA_HOME"), *home = priv_getenv("HOME");

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
	const char *env_db = priv_getenv("HOP_DB");
	bool priv = hop_privileged();

	memset(app, 0, sizeof *app);
	config_defaults(&app->cfg);
	app_actor_login(app->actor.login, sizeof app->actor.login);
	/* Run with the group's rights, hop chooses no file the caller names:
	 * the front ends refuse their options first, in their own words. */
	if (priv && opt && ((opt->config_path && *opt->config_path) ||
	                    (opt->db_path && *opt->db_path)))
		return hop_fail(err, HOP_EPERM, _("hop runs with the rights of its group here and "
		                "uses only the database and the configuration that %s/hop/hop.ini "
		                "names"), HOP_SYSCONFDIR);
	if (priv && !app->actor.login[0])
		return hop_fail(err, HOP_EPERM, _("your user id %ld has no login name on this "
		                "host, so hop cannot tell who you are"), (long)getuid());

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
	} else if (priv) {
		/* No home directory to fall back on: it would be the caller's. */
		return hop_fail(err, HOP_EINVAL, _("hop runs with the rights of its group here, but "
		                "%s/hop/hop.ini names no database; the administrator sets path in "
		                "its [database] section"), HOP_SYSCONFDIR);
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

/* A new database is 0600, one person's; 0660 where a group shares it (hop
 * run with the group's rights, or a directory whose setgid bit hands its
 * files to its group).  The file is made before SQLite opens it, so that no
 * umask decides, and SQLite gives its -wal and -shm files the same mode. */
static enum hop_status create_file(const char *path, struct hop_err *err)
{
	char dir[HOP_PATH_MAX];
	const char *slash = strrchr(path, '/');
	struct stat sb;
	mode_t mode = 0600;
	int fd;

	if (!slash)
		snprintf(dir, sizeof dir, ".");
	else
		snprintf(dir, sizeof dir, "%.*s", slash == path ? 1 : (int)(slash - path), path);
	if (hop_privileged() || (stat(dir, &sb) == 0 && (sb.st_mode & S_ISGID)))
		mode = 0660;
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
	if (fd < 0 && errno == EEXIST)
		return HOP_OK;     /* SQLite opens what is there, as before */
	if (fd < 0 || fchmod(fd, mode) != 0) {
		hop_fail(err, HOP_EIO, _("cannot create the database %s: %s"), path, strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(path);
		}
		return err->status;
	}
	close(fd);
	return HOP_OK;
}

/* [database] login_role: the database knows this connection as the acting
 * login's own role (peer or Kerberos authentication), so that no variable
 * makes anyone act as someone else. */
static enum hop_status check_login_role(struct hop_app *app, struct hop_err *err)
{
	const char *pat = app->cfg.db_login_role, *star = strchr(pat, '*');
	char role[256], want[HOP_LOGIN_MAX + 80];

	if (!*pat || !star)
		return HOP_OK;
	if (!app->db_server)
		return hop_fail(err, HOP_EPERM, _("[database] login_role asks the database which "
		                "role is connected, but %s is a file, which has no roles"),
		                app->db_shown);
	snprintf(want, sizeof want, "%.*s%s%s", (int)(star - pat), pat, app->actor.login,
	         star + 1);
	if (db_role(app->db, role, sizeof role, err) != HOP_OK)
		return err->status;
	if (strcmp(role, want) != 0)
		return hop_fail(err, HOP_EPERM, _("hop acts as the login '%s', but the database "
		                "knows this connection as the role '%s', not '%s'; each person acts "
		                "only as themself"), app->actor.login, role, want);
	return HOP_OK;
}

void app_for_screens(void)
{
	db_for_screens();
}

enum hop_status app_open_db(struct hop_app *app, bool create, struct hop_err *err)
{
	struct hop_err ignore;

	/* Shared by an authority, the database is the administrator's to make:
	 * whoever made it would be its first admin. */
	if (create && hop_privileged() && getuid() != 0 && !app->replaced[0])
		return hop_fail(err, HOP_EPERM, _("hop is shared by the whole authority here; only "
		                "the administrator (root) creates its database %s"), app->db_path);
	if (create && !db_is_server(app->db_path) &&
	    (make_parent(app->db_path, err) != HOP_OK || create_file(app->db_path, err) != HOP_OK))
		return err->status;
	if (db_open(app->db_path, create ? DB_OPEN_CREATE : DB_OPEN_EXISTING, &app->db,
	            err) != HOP_OK)
		return err->status;
	if (check_login_role(app, err) != HOP_OK) {
		db_close(app->db);
		app->db = NULL;
		return err->status;
	}
	/* People whose team changes today move before anyone reads it; a
	 * database this user may only read keeps yesterday's teams. */
	membership_refresh(app, &ignore);
	return app_resolve_actor(app, err);
}

/* The companion files SQLite keeps beside a database. */
static void remove_companions(const char *path)
{
	static const char *const suffix[] = { "-wal", "-shm", "-journal" };
	char f[HOP_PATH_MAX + 16];

	for (size_t i = 0; i < sizeof suffix / sizeof *suffix; i++) {
		snprintf(f, sizeof f, "%s%s", path, suffix[i]);
		unlink(f);
	}
}

enum hop_status app_db_file_create(const char *path, bool *created, struct hop_err *err)
{
	struct stat sb;

	*created = false;
	if (lstat(path, &sb) == 0)
		return HOP_OK;
	if (errno != ENOENT)
		return hop_fail(err, HOP_EIO, _("cannot check %s: %s"), path, strerror(errno));
	/* A -wal without its database belongs to nothing; SQLite must not
	 * replay it into the new file. */
	remove_companions(path);
	if (make_parent(path, err) != HOP_OK || create_file(path, err) != HOP_OK)
		return err->status;
	*created = true;
	return HOP_OK;
}

void app_db_file_remove(const char *path)
{
	unlink(path);
	remove_companions(path);
}

enum hop_status app_db_set_aside(struct hop_app *app, struct hop_err *err)
{
	char day[HOP_DATE_ISO_LEN];
	struct stat sb;
	enum hop_status st;

	app->replaced[0] = '\0';
	if (app_db_replaceable(app, err) != HOP_OK || app_open_db(app, false, err) != HOP_OK)
		return err->status;
	st = authz_database_replace(app, err);
	if (st == HOP_OK)
		st = db_checkpoint(app->db, err);
	app_close(app);
	if (st != HOP_OK)
		return st;
	date_format(clock_today(), day);
	for (int n = 1; ; n++) {
		if (n == 1)
			snprintf(app->replaced, sizeof app->replaced, "%s.replaced-%s", app->db_path, day);
		else
			snprintf(app->replaced, sizeof app->replaced, "%s.replaced-%s-%d", app->db_path,
			         day, n);
		if (lstat(app->replaced, &sb) != 0 && errno == ENOENT)
			break;
		if (n == 999) {
			app->replaced[0] = '\0';
			return hop_fail(err, HOP_ECONFLICT, _("%s has been replaced too often today; "
			                "move the files %s.replaced-%s* elsewhere first"),
			                app->db_path, app->db_path, day);
		}
	}
	/* The log is empty (checkpointed): the file alone is the database. */
	if (rename(app->db_path, app->replaced) != 0) {
		hop_fail(err, HOP_EIO, _("cannot keep %s as %s: %s"), app->db_path, app->replaced,
		         strerror(errno));
		app->replaced[0] = '\0';
		return err->status;
	}
	remove_companions(app->db_path);
	return HOP_OK;
}

void app_db_restore_aside(struct hop_app *app)
{
	struct stat sb;

	if (app->replaced[0] && lstat(app->db_path, &sb) != 0 && errno == ENOENT &&
	    rename(app->replaced, app->db_path) == 0)
		app->replaced[0] = '\0';
}

enum hop_status app_db_audit_replaced(struct hop_app *app, struct hop_err *err)
{
	char detail[HOP_PATH_MAX + 64];

	if (!app->replaced[0])
		return HOP_OK;
	snprintf(detail, sizeof detail, "previous database kept as: %s", app->replaced);
	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	return audit_commit(app, "database.replace", "database", detail, err);
}

void app_close(struct hop_app *app)
{
	bk_view_cache_free(app->view_cache);
	app->view_cache = NULL;
	bk_who_cache_free(app->who_cache);
	app->who_cache = NULL;
	workday_memo_free(app->workday_memo);
	app->workday_memo = NULL;
	db_close(app->db);
	app->db = NULL;
}
