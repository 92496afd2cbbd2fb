/* The running program's context: configuration, database and acting user.
 * cli and tui open one, pass it to core, and close it. */
#ifndef HOP_APP_H
#define HOP_APP_H

#include <stdbool.h>
#include "hop/config/config.h"
#include "hop/base/err.h"
#include "hop/core/people/person.h"

struct hop_db;
struct bk_view_cache;
struct bk_who_cache;
struct workday_memo;

/* Who is acting: the Unix login of whoever runs hop, or $HOP_USER. */
struct hop_actor {
	char login[HOP_LOGIN_MAX + 1];
	struct hop_person person;   /* valid when known */
	bool known;                 /* the login is a current person in the database */
	unsigned roles;             /* 0 when unknown: may read, may change nothing */
};

struct hop_app {
	struct hop_config cfg;
	char config_path[HOP_PATH_MAX];   /* "" = built-in defaults */
	const char *config_source;        /* "--config", "$HOP_CONFIG", ... */
	char db_path[HOP_PATH_MAX];       /* a file, or a PostgreSQL URL or conninfo */
	const char *db_source;            /* "--db", "$HOP_DB", "config", "url", "default" */
	bool db_server;                   /* db_path names a PostgreSQL database */
	char db_shown[HOP_PATH_MAX];      /* db_path as it may be shown: no password */
	struct hop_db *db;
	struct hop_actor actor;
	/* The Desks screen's places and who-is-in's zones, teams and places,
	 * read once while the database is unchanged (core's, freed by app_close). */
	struct bk_view_cache *view_cache;
	struct bk_who_cache *who_cache;
	/* Which days are holidays or closures at which site (workday.c). */
	struct workday_memo *workday_memo;
	/* Where app_db_set_aside kept the database it moved, "" none. */
	char replaced[HOP_PATH_MAX + 32];
};

struct app_options {
	const char *config_path;   /* --config, or NULL */
	const char *db_path;       /* --db, or NULL */
};

/* Locate and load the configuration, then decide the database (--db,
 * $HOP_DB, [database] url, [database] path, $XDG_DATA_HOME/hop/hop.db or
 * ~/.local/share/hop/hop.db; each of the first two a file or a PostgreSQL
 * URL).  Does not open the database. */
enum hop_status app_configure(struct hop_app *app, const struct app_options *opt,
                              struct hop_err *err);

/* Open the database (which must exist unless create) and resolve the actor.
 * A missing database is an error that says how to create one (hop init). */
enum hop_status app_open_db(struct hop_app *app, bool create, struct hop_err *err);
/* This process shows the screens (before app_open_db): the database keeps
 * its pages as screens read them best (db_for_screens). */
void app_for_screens(void);
/* May app->db_path be replaced by a new database ('hop init --force')?  Only
 * when it is hop's own database; otherwise HOP_ECONFLICT saying what it is. */
enum hop_status app_db_replaceable(const struct hop_app *app, struct hop_err *err);

/* Before 'init --force' makes a new database at app->db_path: only when it
 * is hop's (app_db_replaceable) and the actor is HR or an admin in it
 * (authz_database_replace), write its log into it and keep it beside as
 * PATH.replaced-YYYY-MM-DD (-2, -3 ... when that exists), named in
 * app->replaced.  Nothing is moved on refusal. */
enum hop_status app_db_set_aside(struct hop_app *app, struct hop_err *err);
/* The new database failed: put the kept one back where it was. */
void app_db_restore_aside(struct hop_app *app);
/* In the new database, the audit entry that it replaced one (none if not). */
enum hop_status app_db_audit_replaced(struct hop_app *app, struct hop_err *err);

/* A new, empty database file at path (its directory made when missing, its
 * mode as app_open_db gives one), *created true; an existing file is left
 * as it is (*created false). */
enum hop_status app_db_file_create(const char *path, bool *created, struct hop_err *err);
/* Remove a database file and the companion files SQLite keeps beside it. */
void app_db_file_remove(const char *path);

/* Re-read the acting user's record (after an edit of oneself, an import). */
enum hop_status app_resolve_actor(struct hop_app *app, struct hop_err *err);

void app_close(struct hop_app *app);

/* The acting login: $HOP_USER, else the login of the real user id. */
void app_actor_login(char *buf, size_t size);

#endif
