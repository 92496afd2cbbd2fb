/* Errors with a reason, phrased by the front end: a core refusal carries its
 * reason and facts and names no command or option; the command line's advice
 * (cli_advice) completes it to the text hop has always printed, the screens'
 * advice (tui_advice) names keys, never commands. */
#include "booking_org.h"

#include "hop/cli/cli.h"
#include "hop/core/people/person.h"
#include "hop/core/places/place.h"
#include "../../src/tui/advice.h"

/* Core's sentence names no command and no option. */
static void plain_(const struct hop_err *err, int line)
{
	if (strstr(err->msg, "'hop ") || strstr(err->msg, " --") || strstr(err->msg, "(--"))
		fail_msg("line %d: command syntax in core's '%s'", line, err->msg);
}
#define plain(err) plain_((err), __LINE__)

/* What the command line prints after "hop: ". */
static const char *cli_text(const struct hop_err *err)
{
	static char text[HOP_ERR_MSG_MAX + CLI_ADVICE_MAX];
	char advice[CLI_ADVICE_MAX];

	snprintf(text, sizeof text, "%s%s", err->msg,
	         cli_advice(err->reason, &err->facts, advice, sizeof advice));
	return text;
}

static void test_booking_refusals(void **state)
{
	struct hop_app app;
	struct hop_err err;
	(void)state;

	org(&app);
	test_ok(book(&app, "anna", TUE24, "S1", HALF_AM, &err), &err);

	/* A place already booked: the place and the day. */
	assert_int_equal(book(&app, "bernd", TUE24, "S1", HALF_DAY, &err), HOP_ECONFLICT);
	plain(&err);
	assert_int_equal(err.reason, HOP_R_PLACE_BOOKED);
	assert_string_equal(err.facts.place, "S1");
	assert_int_equal(err.facts.day, TUE24);
	assert_string_equal(cli_text(&err), "desk S1 is already booked by Anna Berg on Tue 24 Nov "
	                    "2026 (AM); 'hop free 2026-11-24' shows what is free");

	/* One desk per person: the desk held, the day, whose, and whether it is
	 * the actor's own. */
	assert_int_equal(book(&app, "anna", TUE24, "S2", HALF_AM, &err), HOP_ECONFLICT);
	plain(&err);
	assert_int_equal(err.reason, HOP_R_HOLDS_DESK);
	assert_true(err.facts.self);
	assert_string_equal(cli_text(&err), "you have already booked desk S1 on Tue 24 Nov 2026 "
	                    "(AM), and one person holds one desk at a time; cancel it first with "
	                    "'hop cancel 2026-11-24 S1'");
	assert_int_equal(book_full(&app, "lena", TUE24, "S2", HALF_AM, "anna", 0, NULL, &err),
	                 HOP_ECONFLICT);
	plain(&err);
	assert_false(err.facts.self);
	assert_string_equal(err.facts.login, "anna");
	assert_string_equal(cli_text(&err), "Anna Berg has already booked desk S1 on Tue 24 Nov "
	                    "2026 (AM), and one person holds one desk at a time; cancel it first "
	                    "with 'hop cancel 2026-11-24 S1 --for anna'");

	/* Nothing to cancel. */
	test_act_as(&app, "bernd");
	assert_int_equal(booking_cancel(&app, WED25, NULL, HALF_DAY, NULL, NULL, &err),
	                 HOP_ENOTFOUND);
	plain(&err);
	assert_int_equal(err.reason, HOP_R_NO_BOOKING);
	assert_true(err.facts.self);
	assert_string_equal(cli_text(&err), "you have no booking on Wed 25 Nov 2026 (all day); "
	                    "'hop bookings --mine' lists yours");

	/* A room too small for the group. */
	assert_int_equal(book_full(&app, "anna", WED25, "R8", HALF_DAY, NULL, 9, NULL, &err),
	                 HOP_EINVAL);
	plain(&err);
	assert_int_equal(err.reason, HOP_R_ROOM_TOO_SMALL);
	assert_string_equal(cli_text(&err), "meeting room R8 holds 8 people, not 9; choose a "
	                    "larger room ('hop free DATE --people N')");

	/* --any without a team to be near. */
	{
		struct booking_request rq = { .day = WED25, .half = HALF_DAY, .any = true,
		                              .near_team = true };
		test_act_as(&app, "ed");
		assert_int_equal(booking_book(&app, &rq, NULL, &err), HOP_EINVAL);
		plain(&err);
		assert_int_equal(err.reason, HOP_R_NEAR_TEAM_NO_TEAM);
		assert_string_equal(cli_text(&err), "Ed Kuhn is in no team, so there are no team "
		                    "zones to look in; leave out --near-team");
	}
	test_app_close(&app);
}

static void test_lookup_refusals(void **state)
{
	struct hop_app app;
	struct hop_err err;
	struct hop_person p;
	struct hop_site s;
	struct hop_zone z;
	(void)state;

	org(&app);
	assert_int_equal(person_get(&app, "nemo", &p, &err), HOP_ENOTFOUND);
	plain(&err);
	assert_int_equal(err.reason, HOP_R_NO_PERSON);
	assert_string_equal(err.facts.login, "nemo");
	assert_string_equal(cli_text(&err), "there is no person with the login 'nemo'; 'hop person "
	                    "list --all' shows everyone");

	assert_int_equal(site_get(&app, "Nirgendwo", &s, &err), HOP_ENOTFOUND);
	plain(&err);
	assert_int_equal(err.reason, HOP_R_NO_SITE);
	assert_string_equal(err.facts.site, "Nirgendwo");
	assert_string_equal(cli_text(&err), "there is no site 'Nirgendwo'; 'hop site list' shows "
	                    "the sites, 'hop site add NAME' adds one");

	/* A zone looked for on a site: the advice lists that site's zones. */
	assert_int_equal(zone_get(&app, "Haus/3. OG/West", &z, &err), HOP_ENOTFOUND);
	plain(&err);
	assert_int_equal(err.reason, HOP_R_NO_ZONE);
	assert_string_equal(err.facts.site, "Haus");
	assert_string_equal(cli_text(&err), "site 'Haus' has no zone 'West' on a floor '3. OG'; "
	                    "'hop zone list --site \"Haus\"' shows its zones");
	assert_int_equal(zone_get(&app, "West", &z, &err), HOP_ENOTFOUND);
	assert_string_equal(cli_text(&err), "there is no zone 'West'; 'hop zone list' shows the "
	                    "zones");

	/* A plural advice follows the facts' number. */
	test_act_as(&app, "admin");
	assert_int_equal(zone_edit(&app, "Süd", NULL, "", &err), HOP_ECONFLICT);
	plain(&err);
	assert_int_equal(err.reason, HOP_R_ZONE_TEAM_PLACES);
	assert_int_equal(err.facts.n, 1);
	assert_string_equal(cli_text(&err), "zone 'Süd' has 1 place only its team may book; make "
	                    "it bookable by all first ('hop desk edit CODE --bookable all') or give "
	                    "the zone another team");
	test_app_close(&app);
}

/* hop_fail has no reason; hop_err_prefix keeps one. */
static void test_reason_kept(void **state)
{
	struct hop_err err;
	char advice[CLI_ADVICE_MAX];
	(void)state;

	hop_refuse(&err, HOP_ENOTFOUND, HOP_R_NO_SITE, HOP_ABOUT(.site = "Haus"),
	           "there is no site '%s'", "Haus");
	hop_err_prefix(&err, "desks.csv:3: ");
	assert_string_equal(err.msg, "desks.csv:3: there is no site 'Haus'");
	assert_int_equal(err.reason, HOP_R_NO_SITE);
	assert_string_equal(err.facts.site, "Haus");
	hop_fail(&err, HOP_EINVAL, "plain");
	assert_int_equal(err.reason, HOP_R_NONE);
	assert_string_equal(err.facts.site, "");
	assert_string_equal(cli_advice(err.reason, &err.facts, advice, sizeof advice), "");
	assert_int_equal(hop_refuse(NULL, HOP_EINVAL, HOP_R_NO_SITE, NULL, "x"), HOP_EINVAL);
}

/* Every reason has the command line's advice (that is why it exists); the
 * screens' advice never names a command or an option. */
static void test_every_reason(void **state)
{
	struct hop_err err;
	char cli[CLI_ADVICE_MAX], tui[HOP_ERR_MSG_MAX + 256];
	(void)state;

	for (int r = 1; r <= HOP_R_LAST; r++) {
		for (int self = 0; self <= 1; self++) {
			hop_refuse(&err, HOP_EINVAL, (enum hop_reason)r, HOP_ABOUT(.place = "1.08",
			           .login = "anna", .team = "referat-11", .site = "Haus", .zone = "Süd",
			           .day = TUE24, .n = 2, .self = self), "sentence");
			if (!*cli_advice(err.reason, &err.facts, cli, sizeof cli))
				fail_msg("reason %d has no advice on the command line", r);
			tui_advice(&err, tui, sizeof tui);
			if (strncmp(tui, "sentence", 8) != 0 || strstr(tui, "hop ") ||
			    strstr(tui, "--"))
				fail_msg("reason %d: the screens say '%s'", r, tui);
		}
	}
	/* The screens name their keys where one helps ... */
	hop_refuse(&err, HOP_ECONFLICT, HOP_R_HOLDS_DESK, HOP_ABOUT(.place = "S1", .self = true),
	           "you have already booked desk S1");
	assert_string_equal(tui_advice(&err, tui, sizeof tui), "you have already booked desk S1; "
	                    "M on the Week screen moves it to another desk, d on the Desks screen "
	                    "cancels it");
	/* ... and say nothing more where none does. */
	hop_refuse(&err, HOP_EINVAL, HOP_R_ROOM_CAPACITY, HOP_ABOUT(.place = "R1"),
	           "room R1: the capacity must be 2 to 500 people");
	assert_string_equal(tui_advice(&err, tui, sizeof tui),
	                    "room R1: the capacity must be 2 to 500 people");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_booking_refusals),
		cmocka_unit_test(test_lookup_refusals),
		cmocka_unit_test(test_reason_kept),
		cmocka_unit_test(test_every_reason),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
