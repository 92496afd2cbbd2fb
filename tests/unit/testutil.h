/* Helpers shared by the cmocka unit tests. */
#ifndef HOP_TESTUTIL_H
#define HOP_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hop/core/app.h"
#include "hop/base/clock.h"
#include "hop/db/db_sqlite.h"

/* A fresh database file in $TMPDIR, opened as `login` (who becomes the first
 * admin when admin is true).  Today is fixed to 2026-11-23 (a Monday). */
static inline void test_app_open(struct hop_app *app, const char *login, int admin)
{
	char path[] = "/tmp/hop-unit-XXXXXX";
	int fd = mkstemp(path);
	struct hop_err err;

	assert_true(fd >= 0);
	close(fd);
	unlink(path);
	clock_set_today(date_from_ymd(2026, 11, 23));
	memset(app, 0, sizeof *app);
	config_defaults(&app->cfg);
	snprintf(app->db_path, sizeof app->db_path, "%s", path);
	snprintf(app->actor.login, sizeof app->actor.login, "%s", login);
	if (app_open_db(app, true, &err) != HOP_OK)
		fail_msg("open: %s", err.msg);
	if (admin) {
		if (person_add_first_admin(app, "Test Admin", &err) != HOP_OK)
			fail_msg("first admin: %s", err.msg);
		app_resolve_actor(app, &err);
	}
}

/* Act as someone else on the same database. */
static inline void test_act_as(struct hop_app *app, const char *login)
{
	struct hop_err err;
	snprintf(app->actor.login, sizeof app->actor.login, "%s", login);
	app_resolve_actor(app, &err);
}

static inline void test_app_close(struct hop_app *app)
{
	char path[HOP_PATH_MAX + 8];
	app_close(app);
	unlink(app->db_path);
	snprintf(path, sizeof path, "%s-wal", app->db_path);
	unlink(path);
	snprintf(path, sizeof path, "%s-shm", app->db_path);
	unlink(path);
}

#endif
