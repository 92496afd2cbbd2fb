/* Knowing that nothing changed since the feeds were last published, without
 * rendering them: the writes keep data_rev (db/sqlite/0010_data_rev.sql),
 * inserts raise each table's largest id, and the run remembers what it saw. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/base/clock.h"
#include "hop/base/i18n.h"
#include "hop/config/config.h"
#include "hop/core/app.h"
#include "hop/db/db.h"
#include "pub_int.h"

/* What the database holds now: data_rev and every feed table's last id.  In
 * SQLite an id is the rowid, so max(id) is one step down its b-tree and
 * tells an insert that data_rev (updates and deletes only) does not count;
 * the two tables keyed by a pair count their rows instead (an insert adds
 * one, a delete moves data_rev).  PostgreSQL's data_rev counts inserts too
 * (db/postgresql/0010_data_rev.sql), so there the rest only agrees. */
#define DATA_FINGERPRINT_SQL "SELECT (SELECT n FROM data_rev WHERE id = 1)" \
	" || ':' || coalesce((SELECT max(id) FROM area), 0)" \
	" || ':' || coalesce((SELECT max(team_id) FROM area_team), 0)" \
	" || ':' || coalesce((SELECT max(id) FROM booking), 0)" \
	" || ':' || coalesce((SELECT max(id) FROM closure), 0)" \
	" || ':' || coalesce((SELECT max(id) FROM cohort), 0)" \
	" || ':' || coalesce((SELECT max(id) FROM cohort_block), 0)" \
	" || ':' || coalesce((SELECT count(*) FROM cohort_plan), 0)" \
	" || ':' || coalesce((SELECT max(id) FROM cohort_plan_change), 0)" \
	" || ':' || coalesce((SELECT max(id) FROM cohort_station), 0)" \
	" || ':' || coalesce((SELECT count(*) FROM cohort_trainee), 0)" \
	" || ':' || coalesce((SELECT max(id) FROM competence), 0)" \
	" || ':' || coalesce((SELECT max(id) FROM course), 0)" \
	" || ':' || coalesce((SELECT max(id) FROM course_session), 0)" \
	" || ':' || coalesce((SELECT max(id) FROM desk), 0)" \
	" || ':' || coalesce((SELECT max(id) FROM enrolment), 0)" \
	" || ':' || coalesce((SELECT max(id) FROM exemption), 0)" \
	" || ':' || coalesce((SELECT max(id) FROM floor), 0)" \
	" || ':' || coalesce((SELECT max(id) FROM membership), 0)" \
	" || ':' || coalesce((SELECT max(id) FROM mentorship), 0)" \
	" || ':' || coalesce((SELECT max(id) FROM onb_template), 0)" \
	" || ':' || coalesce((SELECT max(id) FROM onb_template_step), 0)" \
	" || ':' || coalesce((SELECT max(id) FROM onboarding), 0)" \
	" || ':' || coalesce((SELECT max(id) FROM onboarding_step), 0)" \
	" || ':' || coalesce((SELECT max(id) FROM person), 0)" \
	" || ':' || coalesce((SELECT max(id) FROM requirement), 0)" \
	" || ':' || coalesce((SELECT max(id) FROM rotation_exception), 0)" \
	" || ':' || coalesce((SELECT max(id) FROM self_assessment), 0)" \
	" || ':' || coalesce((SELECT max(id) FROM site), 0)" \
	" || ':' || coalesce((SELECT max(id) FROM team), 0)" \
	" || ':' || coalesce((SELECT max(id) FROM team_day), 0)" \
	" || ':' || coalesce((SELECT max(id) FROM team_day_removed), 0)" \
	" || ':' || coalesce((SELECT max(id) FROM training_record), 0)" \
	" || ':' || coalesce((SELECT max(id) FROM zone), 0)"

/* The configuration shapes the feeds (time zone, domain of the UIDs, what
 * they include): its printed form, hashed (FNV-1a). */
static unsigned long long config_hash(const struct hop_config *cfg)
{
	char *text = NULL;
	size_t len = 0;
	unsigned long long h = 1469598103934665603ULL;
	FILE *f = open_memstream(&text, &len);

	if (!f)
		return 0;
	config_print(cfg, f);
	fclose(f);
	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)text[i];
		h *= 1099511628211ULL;
	}
	free(text);
	return h;
}

enum hop_status pub_state_now(struct hop_app *app, const char *dir, char *out, size_t size,
                              struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, DATA_FINGERPRINT_SQL, err);
	char today[HOP_DATE_ISO_LEN];
	char *real = realpath(dir, NULL);
	int rc;

	if (!st) {
		free(real);
		return err->status;
	}
	rc = db_step(st);
	if (rc != DB_ROW) {
		db_reset(st);
		free(real);
		return db_fail(app->db, err, _("reading what changed since the feeds were published"));
	}
	snprintf(out, size, "%s\t%s\t%llx\t%s", real ? real : dir, date_format(clock_today(), today),
	         config_hash(&app->cfg), db_col_text(st, 0));
	db_reset(st);
	free(real);
	return HOP_OK;
}

/* The state and the number of feeds of the last complete run, "" none. */
static void state_get(struct hop_app *app, char *state, size_t size, size_t *feeds)
{
	struct hop_err err;
	struct db_stmt *st = db_stmt(app->db, "SELECT value FROM app_state "
	                           "WHERE key = 'feeds_published'", &err);
	const char *v, *tab;

	state[0] = '\0';
	*feeds = 0;
	if (!st)
		return;
	if (db_step(st) == DB_ROW && (v = db_col_text(st, 0)) && (tab = strrchr(v, '\t'))) {
		snprintf(state, size, "%.*s", (int)(tab - v), v);
		*feeds = (size_t)strtoull(tab + 1, NULL, 10);
	}
	db_reset(st);
}

bool pub_unchanged(struct hop_app *app, const char *dir, const char *now, size_t *feeds)
{
	char was[PUB_STATE_MAX];
	size_t files = 0;
	bool index = false;
	DIR *d;
	struct dirent *e;

	state_get(app, was, sizeof was, feeds);
	if (!was[0] || strcmp(was, now) != 0 || !*feeds)
		return false;
	/* And the files are all still there (none removed by hand). */
	if (!(d = opendir(dir)))
		return false;
	while ((e = readdir(d))) {
		if (strcmp(e->d_name, "index.txt") == 0)
			index = true;
		else if (pub_feed_file(e->d_name))
			files++;
	}
	closedir(d);
	return index && files == *feeds;
}

void pub_state_put(struct hop_app *app, const char *now, size_t feeds)
{
	struct hop_err err;
	char value[PUB_STATE_MAX + 24];
	struct db_stmt *st;

	snprintf(value, sizeof value, "%s\t%zu", now, feeds);
	/* A database that cannot be written now only costs the next run its
	 * shortcut. */
	if (db_begin(app->db, &err) != HOP_OK)
		return;
	st = db_stmt(app->db, "INSERT INTO app_state (key, value) VALUES ('feeds_published', ?1) "
	             "ON CONFLICT (key) DO UPDATE SET value = excluded.value", &err);
	if (st) {
		db_bind_text(st, 1, value);
		if (db_step(st) == DB_DONE) {
			db_reset(st);
			db_commit(app->db, &err);
			return;
		}
		db_reset(st);
	}
	db_rollback(app->db);
}
