/* hop init: create the database (empty, or with the demo organisation), and
 * hop whoami: who hop thinks you are, and which files it uses. */
#include <errno.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hop/cli/cli.h"
#include "hop/demo/demo.h"
#include "hop/base/i18n.h"
#include "hop/core/people/person.h"
#include "hop/core/whoami.h"

/* The files SQLite keeps beside a database in WAL mode (and a rollback
 * journal, should one be left from elsewhere). */
static const char *const db_suffixes[] = { "", "-wal", "-shm", "-journal" };

/* Remove the database and its companion files; missing ones are fine. */
static enum hop_status remove_db_files(const char *path, struct hop_err *err)
{
	for (size_t i = 0; i < sizeof db_suffixes / sizeof db_suffixes[0]; i++) {
		char f[HOP_PATH_MAX + 16];
		snprintf(f, sizeof f, "%s%s", path, db_suffixes[i]);
		if (unlink(f) != 0 && errno != ENOENT)
			return hop_fail(err, HOP_EIO, _("cannot remove %s: %s"), f, strerror(errno));
	}
	return HOP_OK;
}

/* The real name from the passwd entry (GECOS up to the first comma), else the login. */
static void passwd_name(const char *login, char *buf, size_t size)
{
	struct passwd *pw = getpwnam(login);
	size_t n = 0;

	if (pw && pw->pw_gecos) {
		n = strcspn(pw->pw_gecos, ",");
		if (n >= size)
			n = 0;     /* an absurd GECOS field: fall back to the login */
		memcpy(buf, pw->pw_gecos, n);
	}
	buf[n] = '\0';
	if (!buf[0])
		snprintf(buf, size, "%s", login);
}

/* A whole decimal number in lo..hi; anything else is a usage error. */
static bool parse_number(const char *text, long lo, long hi, long *out)
{
	char *end;
	long v;

	if (!((*text >= '0' && *text <= '9') || *text == '-'))
		return false;
	errno = 0;
	v = strtol(text, &end, 10);
	if (errno || *end || v < lo || v > hi)
		return false;
	*out = v;
	return true;
}

static bool parse_seed(const char *text, uint64_t *out)
{
	char *end;
	unsigned long long v;

	if (*text < '0' || *text > '9')
		return false;
	errno = 0;
	v = strtoull(text, &end, 10);
	if (errno || *end)
		return false;
	*out = v;
	return true;
}

/* How many people (including those who have left) and teams there are now. */
static enum hop_status count_org(struct hop_app *app, size_t *people, size_t *teams,
                                 struct hop_err *err)
{
	struct person_filter f = { NULL, NULL, true };
	struct hop_person_list pl = { 0 };
	struct hop_team_list tl = { 0 };

	if (person_list(app, &f, &pl, err) != HOP_OK)
		return err->status;
	*people = pl.n;
	person_list_free(&pl);
	if (team_list(app, false, &tl, err) != HOP_OK)
		return err->status;
	*teams = tl.n;
	team_list_free(&tl);
	return HOP_OK;
}

static enum hop_status fill(struct hop_app *app, bool demo, const struct demo_options *dopt,
                            const char *name, struct hop_err *err)
{
	if (demo)
		return demo_generate(app, dopt, err);
	if (person_add_first_admin(app, name, err) != HOP_OK)
		return err->status;
	return app_resolve_actor(app, err);
}

int cmd_init(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "demo", no_argument, NULL, 'D' },
		{ "people", required_argument, NULL, 'p' },
		{ "seed", required_argument, NULL, 's' },
		{ "force", no_argument, NULL, 'f' },
		{ "name", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_args a = { .name = "init", .opts = opts };
	struct demo_options dopt = { DEMO_DEFAULT_PEOPLE, 0, NULL };
	struct hop_app *app = &ctx->app;
	struct hop_err err;
	struct stat sb;
	bool demo = false, force = false;
	const char *name_arg = NULL;
	char name[HOP_NAME_MAX + 1], roles[96];
	size_t people = 0, teams = 0;
	long v;
	int c, rc;

	while ((c = cli_option(&a, argc, argv)) > 0) {
		switch (c) {
		case 'D':
			demo = true;
			break;
		case 'p':
			if (!parse_number(optarg, 1, DEMO_MAX_PEOPLE, &v))
				return cli_usage_error("init", NULL, _("--people needs a whole number "
				                       "from 1 to %d, not '%s'"), DEMO_MAX_PEOPLE, optarg);
			dopt.people = (int)v;
			demo = true;
			break;
		case 's':
			if (!parse_seed(optarg, &dopt.seed))
				return cli_usage_error("init", NULL, _("--seed needs a whole number "
				                       "from 0 to %llu, not '%s'"), ULLONG_MAX, optarg);
			demo = true;
			break;
		case 'f':
			force = true;
			break;
		case 'n':
			name_arg = optarg;
			break;
		}
	}
	if ((rc = cli_operands(&a, 0, 0, NULL)) || (rc = cli_configure(ctx)))
		return rc;
	if (app->db_server) {
		/* A PostgreSQL database is created by its administrator; hop sets up an
		 * empty one and refuses one that holds an organisation already. */
		if (force)
			return cli_failf(HOP_ECONFLICT, _("--force replaces a database file only; "
			                 "hop does not empty a PostgreSQL database (drop it and create "
			                 "it empty to start again)"));
	} else if (lstat(app->db_path, &sb) == 0) {
		if (!force)
			return cli_failf(HOP_ECONFLICT, _("%s already exists; 'hop init --force' "
			                 "replaces it, and everything in it is lost"), app->db_path);
		if (!S_ISREG(sb.st_mode))
			return cli_failf(HOP_ECONFLICT, _("%s exists and is not a regular file; "
			                 "hop will not remove it"), app->db_path);
		/* --force replaces a hop database, never whatever a mistyped --db
		 * names, only for its HR and admins, and keeps the old one beside. */
		if (app_db_set_aside(app, &err) != HOP_OK)
			return cli_fail(&err);
	} else if (errno != ENOENT) {
		return cli_failf(HOP_EIO, _("cannot check %s: %s"), app->db_path, strerror(errno));
	} else if (remove_db_files(app->db_path, &err) != HOP_OK) {
		/* A -wal without its database belongs to nothing; SQLite must not replay
		 * it into the new file. */
		return cli_fail(&err);
	}

	/* --name goes to core as typed, so that a name too long is refused, not cut. */
	if (!name_arg)
		passwd_name(app->actor.login, name, sizeof name);
	dopt.admin_name = name_arg ? name_arg : name;

	if (app_open_db(app, true, &err) != HOP_OK) {
		if (!app->db_server) {
			remove_db_files(app->db_path, NULL);
			app_db_restore_aside(app);
		}
		return cli_fail(&err);
	}
	ctx->opened = true;
	if (fill(app, demo, &dopt, dopt.admin_name, &err) != HOP_OK ||
	    app_db_audit_replaced(app, &err) != HOP_OK ||
	    count_org(app, &people, &teams, &err) != HOP_OK) {
		/* Leave nothing half-made behind, so that a retry starts clean,
		 * and the replaced database where it was. */
		app_close(app);
		ctx->opened = false;
		if (!app->db_server) {
			remove_db_files(app->db_path, NULL);
			app_db_restore_aside(app);
		}
		return cli_fail(&err);
	}

	role_format(app->actor.roles, roles, sizeof roles);
	if (demo)
		printf(ngettext("Created %s: %zu people in %zu team; you are '%s' (%s).\n",
		                "Created %s: %zu people in %zu teams; you are '%s' (%s).\n", teams),
		       app->db_shown, people, teams, app->actor.login, roles);
	else
		printf(_("Created %s; you are '%s', %s (%s).\n"), app->db_shown, app->actor.login,
		       app->actor.person.name, roles);
	if (app->replaced[0])
		printf(_("The database it replaced is kept as %s.\n"), app->replaced);
	return 0;
}

/* Where the database path came from, as a phrase for 'hop whoami'. */
static const char *db_origin(const struct hop_app *app, char *buf, size_t size)
{
	const char *s = app->db_source ? app->db_source : "default";

	if (strcmp(s, "--db") == 0)
		return _("from --db");
	if (strcmp(s, "$HOP_DB") == 0)
		return _("from $HOP_DB");
	if (strcmp(s, "default") == 0)
		return _("the default location");
	if (strcmp(s, "url") == 0) {
		snprintf(buf, size, _("from [database] url in %s"), app->config_path);
		return buf;
	}
	snprintf(buf, size, _("from [database] path in %s"), app->config_path);
	return buf;
}

int cmd_whoami(struct cli_ctx *ctx, int argc, char **argv)
{
	struct hop_app *app = &ctx->app;
	struct hop_whoami who;
	struct hop_err err;
	char origin[HOP_PATH_MAX + 64], roles[96], last[HOP_DATE_ISO_LEN];
	int rc;

	(void)argv;
	if (argc > 1)
		return cli_usage_error("whoami", NULL, _("unexpected argument '%s'"), argv[1]);
	if ((rc = cli_configure(ctx)) != 0)
		return rc;

	printf(_("Login:     %s\n"), app->actor.login);
	if (app->config_path[0])
		printf(_("Config:    %s (%s)\n"), app->config_path,
		       app->config_source ? app->config_source : "");
	else
		printf(_("Config:    none found, built-in defaults\n"));
	printf(_("Database:  %s (%s)\n"), app->db_shown, db_origin(app, origin, sizeof origin));
	fflush(stdout);

	if ((rc = cli_open(ctx)) != 0)
		return rc;
	if (whoami_get(app, &who, &err) != HOP_OK)
		return cli_fail(&err);
	printf(_("Schema:    version %d (this hop knows up to %d)\n"), who.schema,
	       who.schema_latest);
	if (who.role[0])
		printf(_("DB role:   %s (the role this connection has in the database)\n"), who.role);
	switch (who.state) {
	case WHOAMI_UNREGISTERED:
		printf(_("Person:    not registered; you may read but change nothing. "
		         "HR or an admin can add you with 'hop person add %s'.\n"), app->actor.login);
		return 0;
	case WHOAMI_FORMER:
		printf(_("Person:    %s, whose last day was %s; you may read but change nothing\n"),
		       who.person.name, date_format(who.person.end, last));
		break;
	case WHOAMI_CURRENT:
		printf(_("Person:    %s\n"), who.person.name);
		break;
	}
	printf(_("Team:      %s\n"), who.person.team[0] ? who.person.team : _("none"));
	printf(_("Roles:     %s\n"), role_format(who.person.roles, roles, sizeof roles));
	return 0;
}
