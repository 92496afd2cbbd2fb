/* Onboarding: offsets, due days in working days (Berlin around Christmas, a
 * start on a holiday), templates as a snapshot, ticking and states, lists,
 * office clashes, permissions, cancelling keeps every row, CSV templates. */
#include "testutil.h"

#include "hop/core/audit.h"
#include "hop/core/onboarding/onboarding.h"
#include "hop/core/people/person.h"
#include "hop/core/presence/presence.h"

static int64_t count(struct hop_app *app, const char *sql)
{
	return test_sql_int(app->db, sql);
}

static void add(struct hop_app *app, const char *login, const char *team, unsigned roles,
                hop_date start)
{
	struct hop_person p;
	struct hop_err err;

	memset(&p, 0, sizeof p);
	snprintf(p.login, sizeof p.login, "%s", login);
	snprintf(p.name, sizeof p.name, "Person %s", login);
	snprintf(p.team, sizeof p.team, "%s", team ? team : "");
	p.roles = roles;
	p.start = start;
	p.end = HOP_DATE_NONE;
	if (person_add(app, &p, &err) != HOP_OK)
		fail_msg("add %s: %s", login, err.msg);
}

static void step(struct hop_app *app, const char *tpl, const char *title, enum onb_kind kind,
                 const char *owner, const char *due, bool office)
{
	struct onb_step_spec s = { .kind = kind, .in_office = office, .mandatory = true };
	struct hop_err err;
	bool added = false;

	if (onb_owner_parse(app, owner, &s.owner, s.owner_login, &err) != HOP_OK ||
	    onb_offset_parse(due, &s.offset, &err) != HOP_OK ||
	    template_step_set(app, tpl, title, SF_KIND | SF_OWNER | SF_OFFSET | SF_OFFICE, &s, 0,
	                      &added, &err) != HOP_OK)
		fail_msg("step %s: %s", title, err.msg);
	assert_true(added);
}

/* hr is HR and admin; a team with lead 'chef', a mentor 'pate'. */
static void setup(struct hop_app *app)
{
	struct hop_err err;

	test_app_open(app, "hr", 1);
	assert_int_equal(team_add(app, "Referat 11", NULL, &err), HOP_OK);
	add(app, "chef", "Referat 11", ROLE_EMPLOYEE | ROLE_LEAD, date_from_ymd(2010, 1, 4));
	assert_int_equal(team_edit(app, "Referat 11", NULL, "chef", &err), HOP_OK);
	add(app, "pate", "Referat 11", ROLE_EMPLOYEE, date_from_ymd(2015, 1, 5));
	add(app, "other", NULL, ROLE_EMPLOYEE, date_from_ymd(2015, 1, 5));
	assert_int_equal(template_add(app, "Standard", NULL, 0, true, &err), HOP_OK);
	step(app, "Standard", "IT-Zugang", ONB_ACCOUNT, "it", "-2", false);
	step(app, "Standard", "Begrüßung", ONB_TALK, "lead", "0", true);
	step(app, "Standard", "Drei Tage", ONB_DOCUMENT, "newhire", "+3", false);
	step(app, "Standard", "Pate Woche 1", ONB_TALK, "mentor", "+4", true);
}

static hop_date due_of(struct hop_app *app, const char *login, const char *title)
{
	struct onb_summary o;
	struct onb_step_list l;
	struct hop_err err;
	hop_date d = HOP_DATE_NONE;

	if (onboarding_show(app, login, &o, &l, &err) != HOP_OK)
		fail_msg("show: %s", err.msg);
	for (size_t i = 0; i < l.n; i++)
		if (strcmp(l.v[i].s.title, title) == 0)
			d = l.v[i].due;
	onb_step_list_free(&l);
	return d;
}

static void test_offsets(void **state)
{
	struct onb_offset o;
	struct hop_err err;
	char buf[64];

	(void)state;
	assert_int_equal(onb_offset_parse("+3", &o, &err), HOP_OK);
	assert_true(o.n == 3 && o.unit == UNIT_WORKDAYS);
	assert_int_equal(onb_offset_parse("-2 Arbeitstage", &o, &err), HOP_OK);
	assert_true(o.n == -2 && o.unit == UNIT_WORKDAYS);
	assert_int_equal(onb_offset_parse("2 Wochen", &o, &err), HOP_OK);
	assert_true(o.n == 2 && o.unit == UNIT_WEEKS);
	assert_int_equal(onb_offset_parse("6m", &o, &err), HOP_OK);
	assert_true(o.n == 6 && o.unit == UNIT_MONTHS);
	assert_string_equal(onb_offset_format(&o, buf, sizeof buf), "+6 months");
	assert_int_equal(onb_offset_parse("365 days", &o, &err), HOP_OK);
	/* Beyond a year, or no offset at all. */
	assert_int_equal(onb_offset_parse("366 days", &o, &err), HOP_EINVAL);
	assert_string_equal(err.msg, "366 days is more than a year; a step is due at most 365 days "
	                    "before or after the start");
	assert_int_equal(onb_offset_parse("13 months", &o, &err), HOP_EINVAL);
	assert_int_equal(onb_offset_parse("-261", &o, &err), HOP_EINVAL);
	assert_int_equal(onb_offset_parse("soon", &o, &err), HOP_EINVAL);
	assert_non_null(strstr(err.msg, "'soon' is not an offset from the start date"));
	assert_int_equal(onb_offset_parse("3 fortnights", &o, &err), HOP_EINVAL);
}

static void test_due_days_berlin(void **state)
{
	struct hop_app app;
	struct onb_summary o;
	struct hop_err err;

	(void)state;
	setup(&app);
	/* Wednesday 23.12.2026 in Berlin, with [policy] free_dec24_dec31 off:
	 * 24 Dec works, 25/26 Dec are holidays. */
	app.cfg.free_dec24_dec31 = 0;
	add(&app, "neu", "Referat 11", ROLE_EMPLOYEE, date_from_ymd(2026, 12, 23));
	assert_int_equal(onboarding_start(&app, "neu", NULL, &o, &err), HOP_OK);
	assert_string_equal(o.template, "Standard");
	assert_int_equal(o.state, ONB_PLANNED);
	assert_int_equal(o.steps, 5);
	assert_int_equal(due_of(&app, "neu", "Drei Tage"), date_from_ymd(2026, 12, 29));
	assert_int_equal(due_of(&app, "neu", "Begrüßung"), date_from_ymd(2026, 12, 23));
	assert_int_equal(due_of(&app, "neu", "IT-Zugang"), date_from_ymd(2026, 12, 21));
	assert_int_equal(due_of(&app, "neu", "Closing talk at the end of probation"),
	                 date_from_ymd(2027, 6, 23));
	/* With the policy on (the default) 24 Dec is free too: Mon 28, Tue 29
	 * and Wed 30 are the three working days. */
	app.cfg.free_dec24_dec31 = 1;
	add(&app, "frei", "Referat 11", ROLE_EMPLOYEE, date_from_ymd(2026, 12, 23));
	assert_int_equal(onboarding_start(&app, "frei", NULL, &o, &err), HOP_OK);
	assert_int_equal(due_of(&app, "frei", "Drei Tage"), date_from_ymd(2026, 12, 30));
	assert_int_equal(due_of(&app, "frei", "Begrüßung"), date_from_ymd(2026, 12, 23));

	/* A start on a public holiday (Neujahr, a Friday): day 0 is Monday. */
	add(&app, "jan", "Referat 11", ROLE_EMPLOYEE, date_from_ymd(2027, 1, 1));
	assert_int_equal(onboarding_start(&app, "jan", "standard", &o, &err), HOP_OK);
	assert_int_equal(due_of(&app, "jan", "Begrüßung"), date_from_ymd(2027, 1, 4));
	assert_int_equal(due_of(&app, "jan", "Drei Tage"), date_from_ymd(2027, 1, 7));
	test_app_close(&app);
}

static void test_snapshot_and_states(void **state)
{
	struct hop_app app;
	struct onb_summary o;
	struct onb_step_list l;
	struct hop_err err;
	int64_t steps;

	(void)state;
	setup(&app);
	add(&app, "neu", "Referat 11", ROLE_EMPLOYEE, date_from_ymd(2026, 11, 16));
	assert_int_equal(onboarding_start(&app, "neu", NULL, &o, &err), HOP_OK);
	assert_int_equal(o.state, ONB_RUNNING);
	/* A second is refused while one is open. */
	assert_int_equal(onboarding_start(&app, "neu", NULL, &o, &err), HOP_ECONFLICT);
	assert_non_null(strstr(err.msg, "Person neu already has an onboarding (running"));
	/* Later template edits change no running onboarding. */
	step(&app, "Standard", "Neu im Plan", ONB_OTHER, "hr", "+1", false);
	assert_int_equal(onboarding_show(&app, "neu", &o, NULL, &err), HOP_OK);
	assert_int_equal(o.steps, 5);
	/* Overdue: IT (-2 from 16 Nov), the welcome (16 Nov), three days (19 Nov),
	 * week one (20 Nov) -- today is 23 Nov. */
	assert_int_equal(o.overdue, 4);

	/* Ticking: the new hire their own, not the mentor's; HR any. */
	test_act_as(&app, "neu");
	assert_int_equal(onboarding_tick(&app, "neu", "Drei Tage", HOP_DATE_NONE, NULL, &err),
	                 HOP_OK);
	assert_int_equal(onboarding_tick(&app, "neu", "Drei Tage", HOP_DATE_NONE, NULL, &err),
	                 HOP_ECONFLICT);
	assert_int_equal(onboarding_tick(&app, "neu", "4", HOP_DATE_NONE, NULL, &err), HOP_EPERM);
	assert_non_null(strstr(err.msg, "is for mentor; only they, HR or the lead of the team"));
	test_act_as(&app, "chef");
	assert_int_equal(onboarding_tick(&app, "neu", "Begrüßung", date_from_ymd(2026, 11, 16),
	                                 "gut", &err), HOP_OK);
	assert_int_equal(onboarding_tick(&app, "neu", "5", date_from_ymd(2026, 12, 1), NULL, &err),
	                 HOP_EINVAL);   /* still to come */
	test_act_as(&app, "hr");
	assert_int_equal(onboarding_tick(&app, "neu", "1", HOP_DATE_NONE, NULL, &err), HOP_OK);
	assert_int_equal(onboarding_tick(&app, "neu", "4", HOP_DATE_NONE, NULL, &err), HOP_OK);
	assert_int_equal(onboarding_show(&app, "neu", &o, NULL, &err), HOP_OK);
	assert_int_equal(o.state, ONB_RUNNING);
	assert_int_equal(o.mandatory_done, 4);
	/* Dropping the last one finishes it; unticking opens it again. */
	assert_int_equal(onboarding_step_drop(&app, "neu", "5", &err), HOP_OK);
	assert_int_equal(onboarding_show(&app, "neu", &o, &l, &err), HOP_OK);
	assert_int_equal(o.state, ONB_DONE);
	assert_true(l.v[4].dropped);
	onb_step_list_free(&l);
	assert_int_equal(onboarding_untick(&app, "neu", "1", &err), HOP_OK);
	assert_int_equal(onboarding_show(&app, "neu", &o, NULL, &err), HOP_OK);
	assert_int_equal(o.state, ONB_RUNNING);

	/* Cancelling keeps every row; nothing is ever deleted. */
	steps = count(&app, "SELECT count(*) FROM onboarding_step");
	assert_int_equal(onboarding_cancel(&app, "neu", "left before starting", &err), HOP_OK);
	assert_int_equal(count(&app, "SELECT count(*) FROM onboarding_step"), steps);
	assert_int_equal(count(&app, "SELECT count(*) FROM onboarding WHERE state = 'cancelled'"), 1);
	assert_int_equal(count(&app, "SELECT count(*) FROM audit WHERE action = 'onboarding.cancel' "
	                       "AND actor = 'hr'"), 1);
	assert_true(test_sql_refused(app.db, "DELETE FROM onboarding_step"));
	assert_int_equal(count(&app, "SELECT count(*) FROM onboarding_step"), steps);
	assert_int_equal(onboarding_show(&app, "neu", &o, NULL, &err), HOP_OK);
	assert_int_equal(o.state, ONB_CANCELLED);
	/* A new one may start after it. */
	assert_int_equal(onboarding_start(&app, "neu", NULL, &o, &err), HOP_OK);
	assert_int_equal(o.steps, 6);
	test_app_close(&app);
}

static void test_lists_and_clash(void **state)
{
	struct hop_app app;
	struct onb_summary o;
	struct onb_summary_list sl;
	struct onb_item_list il;
	struct onb_step_list l;
	struct onb_filter f = { 0 };
	struct presence_result pr;
	struct hop_err err;
	bool found = false;

	(void)state;
	setup(&app);
	add(&app, "neu", "Referat 11", ROLE_EMPLOYEE, date_from_ymd(2026, 11, 30));
	assert_int_equal(onboarding_start(&app, "neu", NULL, &o, &err), HOP_OK);
	assert_int_equal(onboarding_list(&app, &f, &sl, &err), HOP_OK);
	assert_int_equal(sl.n, 1);
	assert_int_equal(sl.v[0].state, ONB_PLANNED);
	onb_summary_list_free(&sl);
	/* The IT step (-2: Thu 26 Nov) is not overdue until after that day. */
	assert_int_equal(onboarding_overdue(&app, NULL, &il, &err), HOP_OK);
	assert_int_equal(il.n, 0);
	onb_item_list_free(&il);
	clock_set_today(date_from_ymd(2026, 11, 27));
	assert_int_equal(onboarding_overdue(&app, "Referat 11", &il, &err), HOP_OK);
	assert_int_equal(il.n, 1);
	assert_string_equal(il.v[0].step.s.title, "IT-Zugang");
	assert_int_equal(il.v[0].days_late, 1);
	onb_item_list_free(&il);
	clock_set_today(date_from_ymd(2026, 11, 23));

	/* To do: the lead sees the welcome talk, the new hire their document;
	 * the IT step is the admins'. */
	test_act_as(&app, "chef");
	assert_int_equal(onboarding_todo(&app, &il, &err), HOP_OK);
	assert_int_equal(il.n, 2);   /* the welcome, the closing talk */
	assert_string_equal(il.v[0].step.s.title, "Begrüßung");
	onb_item_list_free(&il);
	test_act_as(&app, "neu");
	assert_int_equal(onboarding_todo(&app, &il, &err), HOP_OK);
	assert_int_equal(il.n, 1);
	assert_string_equal(il.v[0].step.s.title, "Drei Tage");
	onb_item_list_free(&il);
	test_act_as(&app, "hr");

	/* The welcome must be in the office; the new hire plans home then. */
	assert_int_equal(presence_set(&app, "neu", date_from_ymd(2026, 11, 30),
	                              date_from_ymd(2026, 11, 30), LOC_HOME, NULL, &pr, &err),
	                 HOP_OK);
	presence_result_free(&pr);
	assert_int_equal(onboarding_show(&app, "neu", &o, &l, &err), HOP_OK);
	for (size_t i = 0; i < l.n; i++)
		if (strcmp(l.v[i].s.title, "Begrüßung") == 0) {
			assert_int_equal(l.v[i].clash, LOC_HOME);
			found = true;
		} else {
			assert_int_equal(l.v[i].clash, LOC_NONE);
		}
	assert_true(found);
	onb_step_list_free(&l);
	test_app_close(&app);
}

static void test_person_steps_and_rights(void **state)
{
	struct hop_app app;
	struct onb_summary o;
	struct onb_step_spec s = { 0 };
	struct hop_err err;
	bool added;

	(void)state;
	setup(&app);
	add(&app, "neu", "Referat 11", ROLE_EMPLOYEE, date_from_ymd(2026, 12, 23));
	/* Not the new hire, nor someone of another team. */
	test_act_as(&app, "other");
	assert_int_equal(onboarding_start(&app, "neu", NULL, &o, &err), HOP_EPERM);
	assert_string_equal(err.msg, "only HR, an admin or the lead of Person neu's team can plan "
	                    "Person neu's onboarding and mentor");
	assert_int_equal(count(&app, "SELECT count(*) FROM onboarding"), 0);
	/* The lead may. */
	test_act_as(&app, "chef");
	assert_int_equal(onboarding_start(&app, "neu", NULL, &o, &err), HOP_OK);
	/* A step added for this person only; a date by hand. */
	s.kind = ONB_COURSE;
	s.owner = OWNER_NEWHIRE;
	assert_int_equal(onboarding_step_set(&app, "neu", "E-Akte", SF_KIND | SF_OWNER | SF_DUE, &s,
	                                     date_from_ymd(2027, 1, 15), 0, &added, &err), HOP_OK);
	assert_true(added);
	assert_int_equal(due_of(&app, "neu", "E-Akte"), date_from_ymd(2027, 1, 15));
	/* A new offset recomputes the day. */
	s.offset.n = 3;
	s.offset.unit = UNIT_WORKDAYS;
	assert_int_equal(onboarding_step_set(&app, "neu", "E-Akte", SF_OFFSET, &s, HOP_DATE_NONE, 0,
	                                     &added, &err), HOP_OK);
	assert_false(added);
	/* Three working days from Wed 23.12.2026: 24 Dec free, 25/26 holidays. */
	assert_int_equal(due_of(&app, "neu", "E-Akte"), date_from_ymd(2026, 12, 30));
	/* The template did not change. */
	assert_int_equal(count(&app, "SELECT count(*) FROM onb_template_step WHERE title = 'E-Akte'"),
	                 0);
	/* Bad input changes nothing. */
	assert_int_equal(onboarding_start(&app, "other", "Nope", &o, &err), HOP_EPERM);
	test_act_as(&app, "hr");
	assert_int_equal(onboarding_start(&app, "other", "Nope", &o, &err), HOP_ENOTFOUND);
	assert_string_equal(err.msg, "there is no onboarding template 'Nope'; the templates are "
	                    "'Standard'");
	assert_int_equal(onboarding_step_set(&app, "neu", "99", SF_NOTE, &s, HOP_DATE_NONE, 0, &added,
	                                     &err), HOP_ENOTFOUND);
	test_app_close(&app);
}

static void test_templates_csv(void **state)
{
	struct hop_app app;
	struct import_options opt = { false, false };
	struct import_report rep = { 0 };
	struct onb_template t;
	struct onb_template_steps steps;
	struct hop_err err;
	const char *good = "vorlage;titel;art;verantwortlich;fällig;büro;pflicht\n"
	                   "Azubi;Begrüßung;gespräch;lead;0;ja;ja\n"
	                   "Azubi;Lernplan;dokument;pate;+2 wochen;nein;nein\n";
	const char *bad = "template,title,kind,owner,due\n"
	                  "Azubi,Begrüßung,talk,lead,0\n"
	                  "Azubi,Zwei,talk,nobody,2 years\n";
	char buf[4096];
	FILE *in, *out;
	int64_t before;

	(void)state;
	setup(&app);
	in = fmemopen((void *)good, strlen(good), "r");
	assert_int_equal(import_templates(&app, in, "good.csv", &opt, &rep, &err), HOP_OK);
	fclose(in);
	assert_int_equal(rep.added, 2);
	import_report_free(&rep);
	assert_int_equal(template_get(&app, "Azubi", &t, &steps, &err), HOP_OK);
	assert_int_equal(steps.n, 2);
	assert_int_equal(steps.v[1].s.owner, OWNER_MENTOR);
	assert_int_equal(steps.v[1].s.offset.unit, UNIT_WEEKS);
	assert_false(steps.v[1].s.mandatory);
	onb_template_steps_free(&steps);

	/* A bad row: file:line, and nothing changes. */
	before = count(&app, "SELECT count(*) FROM onb_template_step");
	in = fmemopen((void *)bad, strlen(bad), "r");
	assert_int_equal(import_templates(&app, in, "bad.csv", &opt, &rep, &err), HOP_EINVAL);
	fclose(in);
	assert_non_null(rep.messages);
	assert_non_null(strstr(rep.messages, "bad.csv:3: owner: 'nobody' is neither an owner"));
	assert_non_null(strstr(rep.messages, "bad.csv:3: due: '2 years' is not an offset"));
	assert_string_equal(err.msg, "bad.csv: 1 of 2 rows has errors; nothing was imported");
	import_report_free(&rep);
	assert_int_equal(count(&app, "SELECT count(*) FROM onb_template_step"), before);

	/* Export and import again: the same steps, nothing changed. */
	out = fmemopen(buf, sizeof buf, "w");
	assert_int_equal(export_templates(&app, out, ',', "Azubi", &err), HOP_OK);
	fclose(out);
	/* "+2 weeks" would be a formula to a spreadsheet: guarded, read back. */
	assert_non_null(strstr(buf, "Azubi,Lernplan,document,mentor,'+2 weeks,no,no,,,,no"));
	in = fmemopen(buf, strlen(buf), "r");
	assert_int_equal(import_templates(&app, in, "again.csv", &opt, &rep, &err), HOP_OK);
	fclose(in);
	assert_int_equal(rep.unchanged, 2);
	import_report_free(&rep);
	test_app_close(&app);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_offsets),
		cmocka_unit_test(test_due_days_berlin),
		cmocka_unit_test(test_snapshot_and_states),
		cmocka_unit_test(test_lists_and_clash),
		cmocka_unit_test(test_person_steps_and_rights),
		cmocka_unit_test(test_templates_csv),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
