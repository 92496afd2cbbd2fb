/* Privileges (base/priv): an ordinary run trusts its environment as before; a
 * privileged one (hop installed setgid, priv_assume here) ignores every
 * variable that changes what hop trusts, refuses the files the caller picks,
 * and makes its new database the group's.  tests/cli/test_setgid.sh runs the
 * real thing with two users. */
#include "testutil.h"

#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <sys/stat.h>

#include "hop/base/priv.h"
#include "hop/config/config.h"

static const char *const trusted[] = {
	"HOP_USER", "HOP_DB", "HOP_CONFIG", "HOP_TODAY", "HOPLOCALEDIR", "HOME",
	"XDG_CONFIG_HOME", "XDG_DATA_HOME", "TZDIR", "LOGNAME",
};

static void set_all(void)
{
	for (size_t i = 0; i < sizeof trusted / sizeof *trusted; i++)
		setenv(trusted[i], "/tmp/hop-priv-elsewhere", 1);
}

static int reset(void **state)
{
	(void)state;
	priv_assume(false);
	return 0;
}

/* Run as an ordinary user: nothing changes. */
static void test_unprivileged(void **state)
{
	char login[64];

	(void)state;
	priv_init();
	assert_false(hop_privileged());
	set_all();
	for (size_t i = 0; i < sizeof trusted / sizeof *trusted; i++)
		assert_string_equal(priv_getenv(trusted[i]), "/tmp/hop-priv-elsewhere");
	setenv("HOP_USER", "mallory", 1);
	app_actor_login(login, sizeof login);
	assert_string_equal(login, "mallory");
	/* Dropping to the ids one already has always works, and nests. */
	assert_true(priv_user_begin());
	assert_true(priv_user_begin());
	priv_user_end();
	priv_user_end();
	assert_int_equal(getegid(), getgid());
}

/* Privileged: every trusted variable reads as unset. */
static void test_environment_ignored(void **state)
{
	struct passwd *pw = getpwuid(getuid());
	char login[64];

	(void)state;
	set_all();
	priv_assume(true);
	assert_true(hop_privileged());
	for (size_t i = 0; i < sizeof trusted / sizeof *trusted; i++)
		assert_null(priv_getenv(trusted[i]));
	/* NO_COLOR and TERM change nothing hop trusts: plain getenv reads them. */
	setenv("HOP_USER", "mallory", 1);
	app_actor_login(login, sizeof login);
	assert_non_null(pw);
	assert_string_equal(login, pw->pw_name);
}

/* Privileged: only the system-wide configuration is looked for. */
static void test_config_places(void **state)
{
	struct config_place pl[CONFIG_PLACES];

	(void)state;
	set_all();
	setenv("HOP_CONFIG", "/tmp/hop-priv-elsewhere.ini", 1);
	priv_assume(true);
	config_places(NULL, pl);
	assert_int_equal(pl[1].state, CONFIG_PLACE_UNSET);   /* $HOP_CONFIG */
	assert_int_equal(pl[2].state, CONFIG_PLACE_UNSET);   /* XDG / ~/.config */
	assert_string_equal(pl[3].path, HOP_SYSCONFDIR "/hop/hop.ini");
	priv_assume(false);
	config_places(NULL, pl);
	assert_string_equal(pl[1].path, "/tmp/hop-priv-elsewhere.ini");
}

/* Privileged: a database or configuration the caller names is refused. */
static void test_options_refused(void **state)
{
	struct app_options opt = { NULL, "/tmp/hop-priv-mine.db" };
	struct hop_app app;
	struct hop_err err;

	(void)state;
	priv_assume(true);
	assert_int_equal(app_configure(&app, &opt, &err), HOP_EPERM);
	assert_non_null(strstr(err.msg, "uses only the database and the configuration that "
	                       HOP_SYSCONFDIR "/hop/hop.ini names"));
	opt.db_path = NULL;
	opt.config_path = "/tmp/hop-priv-mine.ini";
	assert_int_equal(app_configure(&app, &opt, &err), HOP_EPERM);
	/* $HOP_DB does not take the place of a configured database. */
	setenv("HOP_DB", "/tmp/hop-priv-mine.db", 1);
	opt.config_path = NULL;
	if (app_configure(&app, &opt, &err) == HOP_OK)
		assert_string_not_equal(app.db_path, "/tmp/hop-priv-mine.db");
	else
		assert_non_null(strstr(err.msg, "names no database"));
}

/* A new database is 0600 (0660 in a set-group-ID directory), whatever the
 * umask says. */
static void test_new_database_mode(void **state)
{
	char dir[] = "/tmp/hop-priv-XXXXXX";
	char sub[64];
	struct hop_app app;
	struct hop_err err;
	struct stat sb;
	mode_t old = umask(0);

	(void)state;
	assert_non_null(mkdtemp(dir));
	memset(&app, 0, sizeof app);
	config_defaults(&app.cfg);
	snprintf(app.actor.login, sizeof app.actor.login, "tester");
	snprintf(app.db_path, sizeof app.db_path, "%s/a.db", dir);
	assert_int_equal(app_open_db(&app, true, &err), HOP_OK);
	assert_int_equal(stat(app.db_path, &sb), 0);
	assert_int_equal(sb.st_mode & 07777, 0600);
	assert_int_equal(stat(strcat(strcpy(sub, app.db_path), "-wal"), &sb), 0);
	assert_int_equal(sb.st_mode & 07777, 0600);
	app_close(&app);
	unlink(app.db_path);

	snprintf(sub, sizeof sub, "%s/shared", dir);
	assert_int_equal(mkdir(sub, 0770), 0);
	assert_int_equal(chmod(sub, 02770), 0);
	snprintf(app.db_path, sizeof app.db_path, "%s/b.db", sub);
	assert_int_equal(app_open_db(&app, true, &err), HOP_OK);
	assert_int_equal(stat(app.db_path, &sb), 0);
	assert_int_equal(sb.st_mode & 07777, 0660);
	app_close(&app);
	umask(old);
	snprintf(sub, sizeof sub, "rm -rf '%s'", dir);
	assert_int_equal(system(sub), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_unprivileged, reset),
		cmocka_unit_test_teardown(test_environment_ignored, reset),
		cmocka_unit_test_teardown(test_config_places, reset),
		cmocka_unit_test_teardown(test_options_refused, reset),
		cmocka_unit_test_teardown(test_new_database_mode, reset),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
