/* Reading a day: who is in (booking_who), the Desks screen's day
 * (booking_day_view) with its per-connection cache, and what is free. */
#include "booking_org.h"

/* ---- who is in ---- */

/* "name|team|half|desk" of each row of 'hop who', in order, ";"-separated. */
static void who_text(struct hop_app *app, const char *team, const char *site, char *buf,
                     size_t size)
{
	struct hop_who_list l;
	struct hop_err err;
	size_t used = 0;

	test_ok(booking_who(app, TUE24, team, site, &l, &err), &err);
	assert_int_equal(l.day, TUE24);
	buf[0] = '\0';
	for (size_t i = 0; i < l.n; i++) {
		const struct hop_who *w = &l.v[i];
		assert_non_null(w->site);
		if (w->hidden) {
			assert_string_equal(w->login, "");
			assert_int_equal(w->person_id, 0);
		}
		used += (size_t)snprintf(buf + used, size - used, "%s%s|%s|%u|%s", i ? ";" : "",
		                         w->hidden ? "?" : w->name, w->team, w->half, w->desk);
		assert_true(used < size);
	}
	booking_who_free(&l);
}

static void test_who(void **state)
{
	struct hop_app app;
	struct hop_err err;
	struct hop_who_list l;
	char text[1024];
	(void)state;

	org(&app);
	test_ok(team_add(&app, "Älteste", NULL, &err), &err);
	person(&app, "zoe", "Zoë Zander", "Älteste", ROLE_EMPLOYEE);
	person(&app, "anja", "Änja Adler", "Referat 11", ROLE_EMPLOYEE);
	test_ok(book(&app, "anna", TUE24, "S1", HALF_DAY, &err), &err);
	test_ok(book(&app, "bernd", TUE24, "S2", HALF_AM, &err), &err);
	test_ok(book(&app, "carl", TUE24, "N1", HALF_PM, &err), &err);
	test_ok(book(&app, "carl", TUE24, "R8", HALF_AM, &err), &err);
	test_ok(book(&app, "ed", TUE24, "O1", HALF_DAY, &err), &err);
	test_ok(book(&app, "zoe", TUE24, "S10", HALF_DAY, &err), &err);
	test_ok(book(&app, "anja", TUE24, "O2", HALF_PM, &err), &err);
	test_ok(book(&app, "anna", WED25, "S2", HALF_DAY, &err), &err);    /* another day */
	test_ok(booking_cancel(&app, TUE24, "S1", HALF_DAY, "anna", &(int){ 0 }, &err), &err);
	test_ok(book(&app, "anna", TUE24, "S1", HALF_DAY, &err), &err);     /* again, after a cancel */

	/* Facilities see everyone: by team in the German order (Älteste before
	 * Referat, Änja before Anna), no team last; a person's morning first. */
	test_act_as(&app, "fritz");
	who_text(&app, NULL, NULL, text, sizeof text);
	assert_string_equal(text, "Zoë Zander|Älteste|3|S10;"
	                    "Änja Adler|Referat 11|2|O2;Anna Berg|Referat 11|3|S1;"
	                    "Bernd Weiß|Referat 11|1|S2;"
	                    "Carl Öztürk|Referat 12|1|R8;Carl Öztürk|Referat 12|2|N1;"
	                    "Ed Kuhn||3|O1");
	/* What the rows carry. */
	test_ok(booking_who(&app, TUE24, NULL, NULL, &l, &err), &err);
	assert_int_equal(l.n, 7);
	assert_string_equal(l.v[2].login, "anna");
	assert_string_equal(l.v[2].site, "Haus");
	assert_string_equal(l.v[2].floor, "3. OG");
	assert_string_equal(l.v[2].zone, "Süd");
	assert_int_equal(l.v[2].kind, DESK_KIND_DESK);
	assert_int_equal(l.v[2].attendees, 1);
	assert_true(l.v[2].person_id > 0 && l.v[2].id > 0 && l.v[2].desk_id > 0);
	assert_int_equal(l.v[4].kind, DESK_KIND_MEETING_ROOM);
	assert_string_equal(l.v[4].floor, "4. OG");
	assert_string_equal(l.v[4].zone, "Ost");
	booking_who_free(&l);

	/* carl sees his own and, with names for teams only, nobody else's: the
	 * hidden rows last, mornings first, then by code in natural order. */
	app.cfg.show_booker_names = CFG_NAMES_TEAM;
	test_act_as(&app, "carl");
	who_text(&app, NULL, NULL, text, sizeof text);
	assert_string_equal(text, "Carl Öztürk|Referat 12|1|R8;Carl Öztürk|Referat 12|2|N1;"
	                    "?||3|O1;?||3|S1;?||1|S2;?||3|S10;?||2|O2");

	/* ed, without a team, sees himself first: hidden bookers come after
	 * people without a team. */
	test_act_as(&app, "ed");
	who_text(&app, NULL, NULL, text, sizeof text);
	assert_string_equal(text, "Ed Kuhn||3|O1;?||1|R8;?||3|S1;?||1|S2;?||3|S10;?||2|N1;?||2|O2");

	/* One team, one site. */
	test_act_as(&app, "anna");
	who_text(&app, "Referat 11", NULL, text, sizeof text);
	assert_string_equal(text, "Änja Adler|Referat 11|2|O2;Anna Berg|Referat 11|3|S1;"
	                    "Bernd Weiß|Referat 11|1|S2");
	test_act_as(&app, "admin");
	test_ok(site_add(&app, "Anderswo", NULL, NULL, NULL, &err), &err);
	test_act_as(&app, "anna");
	who_text(&app, NULL, "Anderswo", text, sizeof text);
	assert_string_equal(text, "");
	test_act_as(&app, "fritz");
	who_text(&app, "Referat 12", "Haus", text, sizeof text);
	assert_string_equal(text, "Carl Öztürk|Referat 12|1|R8;Carl Öztürk|Referat 12|2|N1");
	assert_int_equal(booking_who(&app, TUE24, NULL, "Nirgendwo", &l, &err), HOP_ENOTFOUND);
	assert_int_equal(booking_who(&app, TUE24, "Referat 99", NULL, &l, &err), HOP_ENOTFOUND);
	assert_int_equal(booking_who(&app, HOP_DATE_NONE, NULL, NULL, &l, &err), HOP_EINVAL);
	/* A day without bookings. */
	test_ok(booking_who(&app, THU26, NULL, NULL, &l, &err), &err);
	assert_int_equal(l.n, 0);
	booking_who_free(&l);
	test_app_close(&app);
}

/* ---- cancelling ---- */

/* ---- the day view ---- */

static const struct desk_day *find(const struct desk_day_view *v, const char *code)
{
	for (size_t i = 0; i < v->n; i++)
		if (strcmp(v->v[i].code, code) == 0)
			return &v->v[i];
	fail_msg("no %s in the view", code);
	return NULL;
}

static void test_day_view(void **state)
{
	struct hop_app app;
	struct hop_err err;
	struct desk_day_view v;
	const struct desk_day *d;
	(void)state;

	org(&app);
	test_ok(book(&app, "bernd", TUE24, "S1", HALF_AM, &err), &err);
	test_ok(book(&app, "anna", TUE24, "S2", HALF_DAY, &err), &err);
	test_ok(book(&app, "carl", TUE24, "F1", HALF_AM, &err), &err);
	test_ok(book(&app, "carl", TUE24, "N1", HALF_PM, &err), &err);
	test_act_as(&app, "anna");
	test_ok(booking_day_view(&app, TUE24, NULL, &v, &err), &err);
	assert_true(v.working_day);
	assert_int_equal(v.n, 11);
	/* Grouped by site, floor, zone; codes in natural order. */
	assert_int_equal(v.nzones, 3);
	assert_string_equal(v.zones[0].name, "Nord");
	assert_string_equal(v.zones[1].name, "Süd");
	assert_string_equal(v.zones[2].name, "Ost");
	assert_string_equal(v.v[2].code, "S1");
	assert_string_equal(v.v[3].code, "S2");
	assert_string_equal(v.v[4].code, "S10");
	assert_string_equal(v.v[5].code, "TR");
	assert_int_equal(v.v[2].zone, 1);
	d = find(&v, "S1");
	assert_int_equal(d->am.state, SLOT_BOOKED);
	assert_string_equal(d->am.name, "Bernd Weiß");        /* her team */
	assert_int_equal(d->pm.state, SLOT_FREE);
	d = find(&v, "S2");
	assert_int_equal(d->am.state, SLOT_MINE);
	assert_int_equal(d->pm.state, SLOT_MINE);
	d = find(&v, "N1");
	assert_int_equal(d->pm.state, SLOT_BOOKED);
	assert_string_equal(d->pm.name, "");                  /* another team: hidden */
	assert_true(d->pm.booking_id > 0);
	d = find(&v, "F1");
	assert_int_equal(d->am.state, SLOT_FIXED);
	assert_int_equal(d->pm.state, SLOT_FIXED);            /* claimed: the day is carl's */
	assert_string_equal(d->owner_name, "Carl Öztürk");
	assert_int_equal(find(&v, "TR")->am.state, SLOT_FREE);    /* her team's room */
	assert_int_equal(find(&v, "M1")->am.state, SLOT_CLOSED);  /* leads only */
	assert_int_equal(v.bookable, 22);
	assert_int_equal(v.booked, 5);
	desk_day_view_free(&v);

	/* carl sees his fixed desk's free half as free. */
	test_act_as(&app, "carl");
	test_ok(booking_day_view(&app, TUE24, NULL, &v, &err), &err);
	d = find(&v, "F1");
	assert_int_equal(d->am.state, SLOT_MINE);
	assert_int_equal(d->pm.state, SLOT_FREE);
	assert_int_equal(find(&v, "TR")->am.state, SLOT_CLOSED);
	desk_day_view_free(&v);

	/* A filter: desks with a monitor only. */
	{
		struct desk_filter f = { .attrs = ATTR_MONITOR, .rooms = 0 };
		test_ok(booking_day_view(&app, TUE24, &f, &v, &err), &err);
		assert_int_equal(v.n, 3);
		assert_int_equal(v.booked, 2);
		desk_day_view_free(&v);
	}

	/* One zone: its places, its desks counted, every string there to print. */
	{
		struct desk_filter f = { .zone = "Ost", .rooms = -1 };
		test_ok(booking_day_view(&app, TUE24, &f, &v, &err), &err);
		assert_int_equal(v.n, 5);
		assert_int_equal(v.nzones, 1);
		assert_string_equal(v.zones[0].site, "Haus");
		assert_string_equal(v.zones[0].floor, "4. OG");
		assert_string_equal(v.zones[0].team, "");
		assert_int_equal(v.zones[0].desks, 3);
		assert_string_equal(v.v[0].code, "F1");
		assert_string_equal(v.v[0].am.name, "Carl Öztürk");   /* carl's own */
		assert_int_equal(v.v[0].am.state, SLOT_MINE);
		assert_string_equal(v.v[0].pm.name, "");
		assert_string_equal(v.v[1].code, "M1");
		assert_string_equal(v.v[1].owner_name, "");
		assert_string_equal(v.v[1].am.login, "");
		assert_string_equal(v.v[4].code, "R8");
		assert_int_equal(v.booked, 1);
		desk_day_view_free(&v);
	}

	/* A Saturday: nothing bookable. */
	test_ok(booking_day_view(&app, SAT28, NULL, &v, &err), &err);
	assert_false(v.working_day);
	has(v.not_working, "Saturday");
	assert_int_equal(v.bookable, 0);
	for (size_t i = 0; i < v.n; i++) {
		assert_int_equal(v.v[i].am.state, SLOT_CLOSED);
		assert_int_equal(v.v[i].pm.state, SLOT_CLOSED);
	}
	desk_day_view_free(&v);
	test_app_close(&app);
}

/* The Desks screen's places and who's maps are kept on the connection: a
 * write on it, or a commit from another connection, must show in the next
 * call; a view made before keeps its strings after the cache is read again. */
static void test_cache_invalidation(void **state)
{
	struct hop_app app, other;
	struct hop_err err;
	struct desk_day_view v, before;
	char buf[2048];
	(void)state;

	org(&app);
	test_act_as(&app, "anna");
	test_ok(booking_day_view(&app, TUE24, NULL, &before, &err), &err);
	assert_int_equal(before.n, 11);
	test_ok(booking_day_view(&app, WED25, NULL, &v, &err), &err);     /* from the cache */
	assert_int_equal(v.n, 11);
	desk_day_view_free(&v);
	who_text(&app, NULL, NULL, buf, sizeof buf);
	assert_string_equal(buf, "");

	/* A write on this connection. */
	test_act_as(&app, "admin");
	place(&app, "S3", "Süd", DESK_KIND_DESK, 0, 0, NULL, BOOKABLE_ALL);
	test_ok(book(&app, "anna", TUE24, "S3", HALF_AM, &err), &err);
	test_act_as(&app, "anna");
	test_ok(booking_day_view(&app, TUE24, NULL, &v, &err), &err);
	assert_int_equal(v.n, 12);
	assert_int_equal(find(&v, "S3")->am.state, SLOT_MINE);
	assert_int_equal(v.zones[1].desks, 4);
	desk_day_view_free(&v);
	who_text(&app, NULL, NULL, buf, sizeof buf);
	assert_string_equal(buf, "Anna Berg|Referat 11|1|S3");
	/* The view read before the write still has its strings. */
	assert_string_equal(before.v[0].code, "N1");
	assert_string_equal(before.zones[0].name, "Nord");
	assert_string_equal(before.zones[0].site, "Haus");
	desk_day_view_free(&before);

	/* A commit from another connection to the same file. */
	memset(&other, 0, sizeof other);
	config_defaults(&other.cfg);
	snprintf(other.db_path, sizeof other.db_path, "%s", app.db_path);
	snprintf(other.actor.login, sizeof other.actor.login, "%s", "admin");
	test_ok(app_open_db(&other, false, &err), &err);
	place(&other, "N3", "Nord", DESK_KIND_DESK, 0, 0, NULL, BOOKABLE_ALL);
	test_ok(zone_add(&other, "Haus", "5. OG", 5, "West", NULL, &err), &err);
	place(&other, "W1", "West", DESK_KIND_DESK, 0, 0, "bernd", BOOKABLE_ALL);
	test_ok(book(&other, "anna", WED25, "N3", HALF_PM, &err), &err);
	test_ok(book(&other, "bernd", TUE24, "W1", HALF_DAY, &err), &err);
	app_close(&other);

	test_ok(booking_day_view(&app, WED25, NULL, &v, &err), &err);
	assert_int_equal(v.n, 14);
	assert_int_equal(v.nzones, 4);
	assert_string_equal(v.zones[3].name, "West");
	assert_int_equal(find(&v, "N3")->pm.state, SLOT_MINE);
	assert_string_equal(find(&v, "W1")->owner_name, "Bernd Weiß");
	desk_day_view_free(&v);
	who_text(&app, NULL, NULL, buf, sizeof buf);
	assert_string_equal(buf, "Anna Berg|Referat 11|1|S3;Bernd Weiß|Referat 11|3|W1");

	/* who keeps everyone's names too: a rename from the other connection. */
	snprintf(other.actor.login, sizeof other.actor.login, "%s", "admin");
	test_ok(app_open_db(&other, false, &err), &err);
	{
		struct person_edit e = { .fields = PF_NAME };
		snprintf(e.name, sizeof e.name, "%s", "Anna Zorn");
		test_ok(person_edit(&other, "anna", &e, &err), &err);
	}
	app_close(&other);
	who_text(&app, NULL, NULL, buf, sizeof buf);
	assert_string_equal(buf, "Anna Zorn|Referat 11|1|S3;Bernd Weiß|Referat 11|3|W1");
	test_app_close(&app);
}

static void test_free_places(void **state)
{
	struct hop_app app;
	struct hop_err err;
	struct hop_desk_list l;
	struct desk_filter f = { .rooms = 0 };
	(void)state;

	org(&app);
	test_ok(book(&app, "bernd", TUE24, "S1", HALF_AM, &err), &err);
	test_ok(book(&app, "carl", TUE24, "F1", HALF_AM, &err), &err);
	test_act_as(&app, "anna");
	test_ok(booking_free(&app, TUE24, HALF_DAY, &f, &l, &err), &err);
	/* N1 N2 S2 S10 O1 O2: not S1 (morning taken), not F1 (claimed). */
	assert_int_equal(l.n, 6);
	assert_string_equal(l.v[0].code, "N1");
	assert_string_equal(l.v[2].code, "S2");
	assert_string_equal(l.v[3].code, "S10");
	desk_list_free(&l);
	test_ok(booking_free(&app, TUE24, HALF_PM, &f, &l, &err), &err);
	assert_int_equal(l.n, 7);
	desk_list_free(&l);
	f.rooms = 1;
	test_ok(booking_free(&app, TUE24, HALF_DAY, &f, &l, &err), &err);
	assert_int_equal(l.n, 2);                 /* TR, R8; not M1 (leads) */
	desk_list_free(&l);
	assert_int_equal(booking_free(&app, SAT28, HALF_DAY, &f, &l, &err), HOP_EINVAL);
	test_app_close(&app);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_who),
		cmocka_unit_test(test_day_view),
		cmocka_unit_test(test_cache_invalidation),
		cmocka_unit_test(test_free_places),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
