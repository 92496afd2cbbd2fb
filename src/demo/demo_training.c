/* The demo's training: the ten DigComp competence areas of the survey with
 * its mean needs as benchmarks, a German catalogue as an authority keeps it
 * (the yearly safety instruction, IT security and data protection before
 * mobile work, first aid, fire wardens, E-Akte, leading at a distance for
 * leads, "Lernen von Expert:innen" colloquia, ...), its requirements, a few
 * coming sessions (online, and in a meeting room booked through the booking
 * rules), five years of records for everyone (some overdue, some expiring)
 * and self-assessed needs.  A large organisation gets a catalogue of 40
 * courses, 8 of them required, and about fifty records a person: a million
 * rows for 20,000 people, inserted by one prepared statement inside the
 * demo's transaction.  Its own random stream. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/audit.h"
#include "hop/core/booking/booking.h"
#include "hop/core/calendar/workday.h"
#include "hop/core/training/competence.h"
#include "hop/core/training/validity.h"
#include "hop/base/clock.h"
#include "hop/base/i18n.h"
#include "hop/db/db.h"
#include "demo_internal.h"

#define YEAR 365
/* From this size on the organisation gets the benchmark's catalogue. */
#define LARGE 1000

static const struct { const char *code, *name; int benchmark; } competences[] = {
	{ "wissen", "Wissen generieren, Prozesse verbessern", 337 },
	{ "dokumente", "Gemeinsames Arbeiten an Dokumenten", 316 },
	{ "technik", "Technische Probleme lösen", 292 },
	{ "it-sicherheit", "IT-Sicherheit", 289 },
	{ "inhalte", "Digitale Inhalte entwickeln", 285 },
	{ "datenschutz", "Datenschutz", 275 },
	{ "kommunikation", "Kommunikation (Video, Chat)", 271 },
	{ "glaubwuerdigkeit", "Glaubwürdigkeit digitaler Inhalte", 224 },
	{ "suchen", "Suchen und Filtern", 208 },
	{ "netiquette", "Netiquette", 206 },
};
#define NCOMP (sizeof competences / sizeof competences[0])

/* A course of the catalogue; req: required of everyone (scope all), of
 * leads (role), or not at all; trigger as stored. */
enum req { NONE, ALL, LEADS };
struct course_spec {
	const char *code, *title, *kind, *provider;
	int hours_x10, months;
	enum req req;
	const char *trigger;
	int grace;
	const char *competence;   /* code, or NULL */
	int pct_per_year;         /* optional courses: who takes one a year, in percent */
};

static const struct course_spec catalogue[] = {
	{ "SU", "Sicherheitsunterweisung (jährlich)", "instruction", NULL, 10, 12, ALL, "start", 0,
	  NULL, 0 },
	{ "ITS", "IT-Sicherheit Grundschulung", "online", "Behördenakademie", 20, 24, ALL, "mobile",
	  0, "it-sicherheit", 0 },
	{ "DS", "Datenschutz-Grundschulung", "online", "Behördenakademie", 20, 24, ALL, "mobile",
	  0, "datenschutz", 0 },
	{ "FAD", "Führen auf Distanz", "inhouse", NULL, 75, 36, LEADS, "change", 180,
	  "kommunikation", 0 },
	{ "EH", "Erste Hilfe (Ersthelferausbildung)", "external", "Deutsches Rotes Kreuz", 90, 24,
	  NONE, NULL, 0, NULL, 4 },
	{ "BSH", "Brandschutzhelfer", "external", "Feuerwehrschule", 40, 36, NONE, NULL, 0, NULL,
	  3 },
	{ "EAKTE", "E-Akte: Grundlagen", "inhouse", NULL, 40, 0, NONE, NULL, 0, "dokumente", 10 },
	{ "LVE", "Lernen von Expert:innen: Kolloquium", "colloquium", NULL, 15, 0, NONE, NULL, 0,
	  "wissen", 20 },
	{ "VIDEO", "Videokonferenzen sicher moderieren", "online", NULL, 15, 0, NONE, NULL, 0,
	  "kommunikation", 8 },
	{ "BARR", "Barrierefreie Dokumente", "inhouse", NULL, 35, 0, NONE, NULL, 0, "inhalte", 5 },
	{ "VERG", "Vergaberecht kompakt", "external", "Verwaltungsakademie", 75, 0, NONE, NULL, 0,
	  NULL, 3 },
	{ "KONFL", "Konfliktgespräche führen", "inhouse", NULL, 75, 0, NONE, NULL, 0, NULL, 3 },
};
#define NCATALOGUE (sizeof catalogue / sizeof catalogue[0])

/* The benchmark's further required courses (to 8) and optional ones (to 40). */
static const struct course_spec bench_required[] = {
	{ "EH-A", "Erste Hilfe Auffrischung", "external", "Deutsches Rotes Kreuz", 45, 24, ALL,
	  "none", 90, NULL, 0 },
	{ "BS-U", "Brandschutzunterweisung", "instruction", NULL, 10, 24, ALL, "start", 30, NULL,
	  0 },
	{ "KORR", "Korruptionsprävention", "online", NULL, 15, 36, ALL, "none", 90, NULL, 0 },
	{ "AGG", "Allgemeines Gleichbehandlungsgesetz", "online", NULL, 10, 36, ALL, "start", 90,
	  NULL, 0 },
};
#define NBENCH_REQUIRED (sizeof bench_required / sizeof bench_required[0])
#define BENCH_COURSES 40

struct course_row {
	int64_t id;
	struct trn_rule rule;
	int hours_x10;
	enum req req;
	int pct_per_year;
};

struct tr {
	struct hop_app *app;
	struct rng r;
	hop_date today;
	struct course_row c[BENCH_COURSES];
	int nc;
	size_t records;
	char now[24];
};

static enum hop_status add_course(struct tr *t, const struct course_spec *s, const char *code,
                                  const char *title, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(t->app->db, "INSERT INTO course (code, title, kind, provider, "
	        "hours_x10, validity_months, created_on) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", err);
	struct course_row *c = &t->c[t->nc];

	if (!st)
		return err->status;
	db_bind_text(st, 1, code);
	db_bind_text(st, 2, title);
	db_bind_text(st, 3, s->kind);
	db_bind_text(st, 4, s->provider);
	db_bind_int(st, 5, s->hours_x10);
	if (s->months)
		db_bind_int(st, 6, s->months);
	else
		db_bind_null(st, 6);
	db_bind_date(st, 7, t->today - 6 * YEAR);
	if (db_run(st, _("adding the demo's courses"), err) != HOP_OK)
		return err->status;
	memset(c, 0, sizeof *c);
	c->id = db_last_id(t->app->db);
	c->rule.months = s->months;
	c->rule.renewal_days = 90;
	c->hours_x10 = s->hours_x10;
	c->req = s->req;
	c->pct_per_year = s->pct_per_year;
	if (s->competence) {
		st = db_stmt(t->app->db, "INSERT INTO course_competence (course_id, competence_id) "
		             "SELECT ?1, id FROM competence WHERE code = ?2", err);
		if (!st)
			return err->status;
		db_bind_int64(st, 1, c->id);
		db_bind_text(st, 2, s->competence);
		if (db_run(st, _("adding the demo's courses"), err) != HOP_OK)
			return err->status;
	}
	if (s->req != NONE) {
		st = db_stmt(t->app->db, "INSERT INTO requirement (course_id, scope, role, "
		        "grace_days, warn_days, trigger_on, from_on, created_at, created_by) "
		        "VALUES (?1, ?2, ?3, ?4, 30, ?5, ?6, ?7, ?8)", err);
		if (!st)
			return err->status;
		db_bind_int64(st, 1, c->id);
		db_bind_text(st, 2, s->req == LEADS ? "role" : "all");
		if (s->req == LEADS)
			db_bind_int(st, 3, ROLE_LEAD);
		else
			db_bind_null(st, 3);
		db_bind_int(st, 4, s->grace);
		db_bind_text(st, 5, s->trigger ? s->trigger : "none");
		db_bind_date(st, 6, t->today - 6 * YEAR);
		db_bind_text(st, 7, t->now);
		db_bind_text(st, 8, t->app->actor.login);
		if (db_run(st, _("adding the demo's requirements"), err) != HOP_OK)
			return err->status;
	}
	t->nc++;
	return HOP_OK;
}

static enum hop_status add_catalogue(struct tr *t, bool large, struct hop_err *err)
{
	static const char *const topics[] = {
		"Excel für Fortgeschrittene", "Zeitmanagement", "Bürgerkommunikation",
		"Haushaltsrecht", "Projektmanagement", "Agiles Arbeiten", "Verwaltungsrecht",
		"Wissensmanagement", "Präsentieren", "Gesundheitsmanagement", "Englisch im Beruf",
		"Digitale Barrierefreiheit", "Onlinezugangsgesetz", "Prozessmodellierung",
		"Informationsfreiheit", "Archivierung",
	};
	for (size_t i = 0; i < NCATALOGUE; i++)
		if (add_course(t, &catalogue[i], catalogue[i].code, catalogue[i].title, err) != HOP_OK)
			return err->status;
	if (!large)
		return HOP_OK;
	for (size_t i = 0; i < NBENCH_REQUIRED; i++)
		if (add_course(t, &bench_required[i], bench_required[i].code, bench_required[i].title,
		               err) != HOP_OK)
			return err->status;
	for (int i = 0; t->nc < BENCH_COURSES; i++) {
		struct course_spec s = { .kind = i % 3 ? "inhouse" : "external", .hours_x10 = 60,
		                         .pct_per_year = 22 };
		char code[16];
		snprintf(code, sizeof code, "K%02d", i + 1);
		if (add_course(t, &s, code, topics[i % (sizeof topics / sizeof topics[0])],
		               err) != HOP_OK)
			return err->status;
	}
	return HOP_OK;
}

static enum hop_status add_record(struct tr *t, struct db_stmt *st, int64_t person,
                                  const struct course_row *c, hop_date done, hop_date *prev,
                                  struct hop_err *err)
{
	hop_date until = trn_valid_until(&c->rule, done, *prev);

	db_bind_int64(st, 1, person);
	db_bind_int64(st, 2, c->id);
	db_bind_date(st, 3, done);
	db_bind_int(st, 4, c->hours_x10);
	db_bind_date(st, 5, until);
	if (db_run(st, _("adding the demo's training records"), err) != HOP_OK)
		return err->status;
	*prev = until;
	t->records++;
	return HOP_OK;
}

/* One person's history: each required course renewed a little before it
 * runs out (one in eight lets one lapse, now overdue or soon expiring), and
 * optional courses now and then. */
static enum hop_status person_records(struct tr *t, struct db_stmt *st, int64_t id,
                                      bool lead, hop_date start, struct hop_err *err)
{
	hop_date from = start > t->today - 5 * YEAR ? start : t->today - 5 * YEAR;
	bool lapse = rng_pct(&t->r, 12);

	for (int k = 0; k < t->nc; k++) {
		const struct course_row *c = &t->c[k];
		hop_date prev = HOP_DATE_NONE, done;
		if (c->req == NONE || (c->req == LEADS && !lead))
			continue;
		done = from + (hop_date)rng_below(&t->r, 20);
		while (done <= t->today) {
			if (add_record(t, st, id, c, done, &prev, err) != HOP_OK)
				return err->status;
			if (prev == HOP_DATE_NONE)
				break;
			/* Renewed within the last two months of validity; a lapse
			 * leaves the last one standing. */
			done = prev - (hop_date)rng_below(&t->r, 60);
			if (lapse && done + 120 > t->today)
				break;
		}
	}
	for (int k = 0; k < t->nc; k++) {
		const struct course_row *c = &t->c[k];
		hop_date prev = HOP_DATE_NONE;
		if (c->req != NONE || !c->pct_per_year)
			continue;
		for (hop_date y = from; y + YEAR <= t->today + YEAR; y += YEAR)
			if (rng_pct(&t->r, (uint32_t)c->pct_per_year)) {
				hop_date done = y + (hop_date)rng_below(&t->r, YEAR);
				if (done > t->today || done < start)
					continue;
				if (add_record(t, st, id, c, done, &prev, err) != HOP_OK)
					return err->status;
			}
	}
	return HOP_OK;
}

static enum hop_status add_records_and_needs(struct tr *t, struct hop_err *err)
{
	struct db_stmt *people = db_stmt(t->app->db, "SELECT id, roles, start_date FROM person "
	        "WHERE start_date <= ?1 ORDER BY id", err);
	struct db_stmt *rec, *need;
	enum db_step r;

	if (!people)
		return err->status;
	rec = db_stmt(t->app->db, "INSERT INTO training_record (person_id, course_id, done_on, "
	        "result, hours_x10, valid_from, valid_until, source, created_at, created_by) "
	        "VALUES (?1, ?2, ?3, 'passed', ?4, ?3, ?5, 'import', ?6, ?7)", err);
	need = db_stmt(t->app->db, "INSERT INTO self_assessment (person_id, competence_id, need, "
	        "stated_on, created_at) SELECT ?1, id, ?3, ?4, ?5 FROM competence WHERE code = ?2",
	        err);
	if (!rec || !need)
		return err->status;
	db_bind_text(rec, 6, t->now);
	db_bind_text(rec, 7, t->app->actor.login);
	db_bind_text(need, 5, t->now);
	db_bind_date(people, 1, t->today);
	while ((r = db_step(people)) == DB_ROW) {
		int64_t id = db_col_int64(people, 0);
		bool lead = (db_col_int(people, 1) & ROLE_LEAD) != 0;
		hop_date start = db_col_date(people, 2);
		if (person_records(t, rec, id, lead, start, err) != HOP_OK)
			goto fail;
		/* Two in three state their needs, around the survey's means. */
		if (!rng_pct(&t->r, 67))
			continue;
		for (size_t k = 0; k < NCOMP; k++) {
			int n = (competences[k].benchmark + (int)rng_below(&t->r, 100)) / 100
			        + (int)rng_below(&t->r, 3) - 1;
			if (!rng_pct(&t->r, 70))
				continue;
			db_bind_int64(need, 1, id);
			db_bind_text(need, 2, competences[k].code);
			db_bind_int(need, 3, n < 1 ? 1 : n > 5 ? 5 : n);
			db_bind_date(need, 4, t->today - (hop_date)rng_below(&t->r, 300));
			if (db_run(need, _("adding the demo's training needs"), err) != HOP_OK)
				goto fail;
		}
	}
	db_clear(people);
	if (r != DB_DONE)
		return db_fail(t->app->db, err, _("adding the demo's training records"));
	return HOP_OK;
fail:
	db_clear(people);
	return err->status;
}


/* A session of course_id on day from 09:00 to 12:00: in room (booked for
 * the morning through the booking rules, as the sessions module does) or
 * online when room is NULL or taken that day. */
static enum hop_status add_session(struct hop_app *app, int64_t course_id, hop_date day,
                                   const char *room, int capacity, const char *now,
                                   struct hop_err *err)
{
	struct booking_request rq = { .day = day, .half = HALF_AM, .desk = room,
	                              .attendees = capacity, .note = "Schulung" };
	struct hop_booking made = { 0 };
	struct hop_err ignore;
	char start[20], end[20], d[HOP_DATE_ISO_LEN];
	struct db_stmt *st;
	int64_t id;

	if (room && booking_book(app, &rq, &made, &ignore) != HOP_OK)
		made.id = 0;
	date_format(day, d);
	snprintf(start, sizeof start, "%sT09:00", d);
	snprintf(end, sizeof end, "%sT12:00", d);
	st = db_stmt(app->db, "INSERT INTO course_session (course_id, starts_at, ends_at, room_id, "
	        "online_url, capacity, trainer_name, created_at, created_by) "
	        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, course_id);
	db_bind_text(st, 2, start);
	db_bind_text(st, 3, end);
	if (made.id) {
		db_bind_int64(st, 4, made.desk_id);
		db_bind_null(st, 5);
	} else {
		db_bind_null(st, 4);
		db_bind_text(st, 5, "https://lernen.hop.invalid/raum/demo");
	}
	db_bind_int(st, 6, capacity);
	db_bind_text(st, 7, made.id ? "Fachkraft für Arbeitssicherheit" : "Behördenakademie");
	db_bind_text(st, 8, now);
	db_bind_text(st, 9, app->actor.login);
	if (db_run(st, _("adding the demo's sessions"), err) != HOP_OK)
		return err->status;
	if (!made.id)
		return HOP_OK;
	id = db_last_id(app->db);
	st = db_stmt(app->db, "INSERT INTO course_session_booking (session_id, booking_id) "
	             "VALUES (?1, ?2)", err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, id);
	db_bind_int64(st, 2, made.id);
	return db_run(st, _("adding the demo's sessions"), err);
}

/* Two safety instructions in a meeting room and two online IT-security
 * sessions in the coming weeks, on working days. */
static enum hop_status add_sessions(struct tr *t, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(t->app->db, "SELECT code FROM desk WHERE kind = 'meeting-room' "
	                             "AND retired_on IS NULL ORDER BY capacity DESC, code LIMIT 1",
	                             err);
	char room[40] = "";
	bool found;
	int made = 0;

	if (!st || db_get_text(st, room, sizeof room, &found, _("adding the demo's sessions"),
	                       err) != HOP_OK)
		return err->status;
	for (hop_date d = t->today + 7; made < 4 && d < t->today + 28; d++) {
		/* Tuesdays and Thursdays that are working days (not a holiday, nor
		 * 24 or 31 December where the policy frees them). */
		if (date_weekday(d) > 5 || (date_weekday(d) != 2 && date_weekday(d) != 4) ||
		    !workday_is_working(t->app, 0, d))
			continue;
		if (add_session(t->app, t->c[made < 2 ? 0 : 1].id, d,
		                made < 2 && room[0] ? room : NULL, made < 2 ? 8 : 20, t->now,
		                err) != HOP_OK)
			return err->status;
		made++;
	}
	return HOP_OK;
}

enum hop_status demo_training(struct hop_app *app, int people, uint64_t seed,
                              struct hop_err *err)
{
	struct tr t = { .app = app, .r = rng_stream(seed, 7), .today = clock_today() };
	char detail[96];

	char d[HOP_DATE_ISO_LEN];

	snprintf(t.now, sizeof t.now, "%sT08:00:00Z", date_format(t.today, d));
	for (size_t i = 0; i < NCOMP; i++)
		if (trn_competence_add(app, competences[i].code, competences[i].name,
		                       competences[i].benchmark, err) != HOP_OK)
			return err->status;
	if (add_catalogue(&t, people >= LARGE, err) != HOP_OK ||
	    add_records_and_needs(&t, err) != HOP_OK ||
	    add_sessions(&t, err) != HOP_OK)
		return err->status;
	snprintf(detail, sizeof detail, "courses=%d records=%zu", t.nc, t.records);
	return audit_write(app, "demo.training", "demo", detail, err);
}
