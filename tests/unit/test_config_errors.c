/* hop.ini: every kind of error is refused with file:line:key and a message a
 * person can act on, and every error of a file is reported. */
#include "config_files.h"

static void test_error_syntax(void **state)
{
	(void)state;
	load_fails("[policy]\nmax_home_days 3\n",
	           "2: malformed line 'max_home_days 3': expected '[section]', 'key = value' or a comment");
	load_fails("[policy]\n= 3\n", "2: malformed line '= 3'");
	load_fails("[]\n", "1: malformed line '[]'");
	load_fails("[  ]\n", "1: malformed line '[  ]'");
	load_fails("[a]b]\n", "1: malformed line '[a]b]'");
	load_fails("[policy] ; the rules\n", "1: malformed line '[policy] ; the rules'");
	load_fails("[policy\nmax_home_days = 3\n", "1: malformed line '[policy'");
	load_fails("max_home_days = 3\n[policy]\n",
	           "1: max_home_days comes before any section; put it under [policy]");
	load_fails("colour_mode = 3\n",
	           "1: colour_mode comes before any section; the sections are [database], [organisation], [policy], [booking], [presence], [ui], [export], [feeds], [onboarding]");
	load_fails("[policy]\nmax_home_days = 3 \\\nmin_office_days = 1\n",
	           "2: the line ends with '\\'");
	load_fails("; C:\\\n[policy]\n", "1: the line ends with '\\'");
	load_fails("\xef\xbb\xbf[policy]\n", "1: the file starts with a byte order mark");
	load_fails("[organisation]\nname = \"Amt\n",
	           "2: [organisation] name: the value has no closing \"");
	load_fails("[organisation]\nname = \"Amt\" Nord\n",
	           "2: [organisation] name: text after the closing \"");
}

static void test_error_nul(void **state)
{
	struct hop_config c;
	struct hop_err err;
	(void)state;
	assert_int_equal(config_load(write_n("[policy]\nmax_\0home_days = 3\n", 28), &c, &err),
	                 HOP_EINVAL);
	assert_non_null(strstr(err.msg, ":2: the line contains a NUL byte"));
}

static void test_error_names(void **state)
{
	(void)state;
	load_fails("[organization]\n", "1: unknown section [organization]; did you mean [organisation]?");
	load_fails("[frobnicate]\nx = 1\n",
	           "1: unknown section [frobnicate]; the sections are [database], [organisation], [policy], [booking], [presence], [ui], [export], [feeds], [onboarding]");
	load_fails("[policy]\nmax_home_day = 3\n",
	           "2: [policy] max_home_day: unknown key; did you mean max_home_days?");
	load_fails("[policy]\nmax_hoem_days = 3\n", "2: [policy] max_hoem_days: unknown key; did you mean max_home_days?");
	load_fails("[policy]\nMax_Home_Day = 3\n", "2: [policy] max_home_day: unknown key; did you mean max_home_days?");
	load_fails("[organisation]\nmax_home_days = 3\n",
	           "2: [organisation] max_home_days: this key belongs in [policy]; move it there");
	load_fails("[ui]\nmail_domian = x.de\n",
	           "2: [ui] mail_domian: unknown key; did you mean mail_domain in [organisation]?");
	load_fails("[ui]\nfrobnicate = 1\n",
	           "2: [ui] frobnicate: unknown key; the keys of [ui] are colour");
	load_fails("[policy]\nmax_home_days = 3\n\n[policy]\nmax_home_days = 2\n",
	           "5: [policy] max_home_days: set a second time (first on line 2); remove one of the two");
	load_fails("[policy]\nmax_home_days = 3\nMAX_HOME_DAYS = 2\n",
	           "3: [policy] max_home_days: set a second time (first on line 2)");
}

static void test_error_numbers(void **state)
{
	(void)state;
	load_fails("[policy]\nmax_home_days = three\n",
	           "2: [policy] max_home_days: 'three' is not a whole number");
	load_fails("[policy]\nmax_home_days = 9\n",
	           "2: [policy] max_home_days: 9 is out of range; use 0 to 5");
	load_fails("[policy]\nmax_home_days = -1\n", "2: [policy] max_home_days: -1 is out of range; use 0 to 5");
	load_fails("[policy]\nbooking_horizon_days = 0x10\n",
	           "2: [policy] booking_horizon_days: '0x10' is not a whole number");
	load_fails("[policy]\nbooking_horizon_days = 3.5\n",
	           "2: [policy] booking_horizon_days: '3.5' is not a whole number");
	load_fails("[policy]\nbooking_horizon_days = 99999999999999999999\n",
	           "2: [policy] booking_horizon_days: 99999999999999999999 is out of range; use 1 to 365");
	load_fails("[policy]\nbooking_horizon_days = 0\n",
	           "2: [policy] booking_horizon_days: 0 is out of range; use 1 to 365");
	load_fails("[policy]\nrotation_years =\n",
	           "2: [policy] rotation_years: no value given; use a whole number from 1 to 15");
	load_fails("[policy]\nmentor_max_mentees = \" 2\"\n",
	           "2: [policy] mentor_max_mentees: ' 2' is not a whole number");
	load_fails("[ui]\ncolour = always\n",
	           "2: [ui] colour: 'always' is not allowed here; use one of: auto, never");
	load_fails("[ui]\ncolour = yes\n", "2: [ui] colour: 'yes' is not allowed here");
	load_fails("[booking]\nshow_booker_names = some\n",
	           "2: [booking] show_booker_names: 'some' is not allowed here; use one of: all, team, none");
	load_fails("[booking]\nfixed_desk_claim_days = 31\n",
	           "2: [booking] fixed_desk_claim_days: 31 is out of range; use 0 to 30");
}

static void test_error_strings(void **state)
{
	char big[400];
	(void)state;
	load_fails("[organisation]\nregion = XX\n",
	           "2: [organisation] region: 'XX' is not a Bundesland code; use one of BW BY BE BB HB HH HE MV NI NW RP SL SN ST SH TH");
	load_fails("[organisation]\nregion = Berlin\n",
	           "2: [organisation] region: 'Berlin' is not a Bundesland code; use BE for Berlin");
	load_fails("[organisation]\nname =\n",
	           "2: [organisation] name: no value given; write one, or remove the line to get the default 'hop'");
	load_fails("[organisation]\nname = Amt\xff\n",
	           "2: [organisation] name: the value is not valid UTF-8");
	load_fails("[organisation]\nname = Amt\tNord\n",
	           "2: [organisation] name: the value contains a control character");
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	{
		char text[600];
		snprintf(text, sizeof text, "[organisation]\nname = %s\n", big);
		load_fails(text, "2: [organisation] name: the value is 399 bytes long; at most 127 are allowed");
	}
	load_fails("[organisation]\nmail_domain = amt example.de\n",
	           "2: [organisation] mail_domain: 'amt example.de' is not a host name");
	load_fails("[organisation]\nmail_domain = -amt.de\n", "2: [organisation] mail_domain: '-amt.de' is not a host name");
	load_fails("[organisation]\nmail_domain = amt..de\n", "2: [organisation] mail_domain: 'amt..de' is not");
	load_fails("[organisation]\nmail_domain = amt.de.\n", "2: [organisation] mail_domain: 'amt.de.' is not");
	load_fails("[organisation]\ntimezone = Europe/../etc/passwd\n",
	           "2: [organisation] timezone: 'Europe/../etc/passwd' is not a time zone name; use an IANA name such as Europe/Berlin");
	load_fails("[organisation]\ntimezone = Berlin Time\n", "2: [organisation] timezone: 'Berlin Time' is not a time zone name");
	load_fails("[organisation]\ntimezone = /etc/localtime\n", "2: [organisation] timezone: '/etc/localtime' is not a time zone name");
	load_fails("[database]\npath = hop.db\n",
	           "2: [database] path: 'hop.db' is not an absolute path; use a full path such as /var/lib/hop/hop.db or ~/hop.db");
}

/* With a zone database, the zone must be in it ($TZDIR as glibc reads it). */
static void test_error_zone_file(void **state)
{
	char zdir[128], zfile[160], text[64];
	struct hop_config c;
	FILE *f;
	(void)state;

	snprintf(zdir, sizeof zdir, "%s/zoneinfo", tmpdir);
	assert_int_equal(mkdir(zdir, 0755), 0);
	snprintf(zfile, sizeof zfile, "%s/Europe", zdir);
	assert_int_equal(mkdir(zfile, 0755), 0);
	snprintf(zfile, sizeof zfile, "%s/Europe/Berlin", zdir);
	assert_non_null(f = fopen(zfile, "w"));
	fclose(f);
	setenv("TZDIR", zdir, 1);
	load_ok("[organisation]\ntimezone = Europe/Berlin\n", &c);
	assert_string_equal(c.timezone, "Europe/Berlin");
	snprintf(text, sizeof text, "[organisation]\ntimezone = Europe/Berln\n");
	load_fails(text, "2: [organisation] timezone: there is no time zone 'Europe/Berln' (no file ");
	load_fails("[organisation]\ntimezone = Europe\n", "2: [organisation] timezone: there is no time zone 'Europe' (no file ");
	unsetenv("TZDIR");
}

static void test_error_limits(void **state)
{
	struct hop_config c;
	struct hop_err err;
	char *text;
	(void)state;

	/* A line of exactly the limit is fine, one byte more is not. */
	text = calloc(1, 2 * HOP_CONFIG_LINE_MAX);
	assert_non_null(text);
	strcpy(text, "[policy]\n# ");
	memset(text + strlen(text), 'x', HOP_CONFIG_LINE_MAX - 2);
	strcat(text, "\n");
	load_ok(text, &c);
	strcpy(text, "[policy]\n# ");
	memset(text + strlen(text), 'x', HOP_CONFIG_LINE_MAX - 1);
	strcat(text, "\n");
	load_fails(text, "2: the line is 1001 bytes long; at most 1000 are allowed");
	free(text);

	text = malloc(HOP_CONFIG_FILE_MAX + 2);
	assert_non_null(text);
	memset(text, '\n', HOP_CONFIG_FILE_MAX + 1);
	text[HOP_CONFIG_FILE_MAX + 1] = '\0';
	assert_int_equal(config_load(write_text(text), &c, &err), HOP_EINVAL);
	assert_non_null(strstr(err.msg, "is larger than 1 MiB"));
	assert_non_null(strstr(err.msg, path));
	free(text);

	assert_int_equal(config_load("/nonexistent/hop.ini", &c, &err), HOP_ENOTFOUND);
	assert_string_equal(err.msg, "cannot open the configuration file /nonexistent/hop.ini: No such file or directory");
	assert_int_equal(config_load(tmpdir, &c, &err), HOP_EINVAL);
	assert_non_null(strstr(err.msg, "is a directory"));
}

/* Every error of the file, one per line; on failure cfg has the defaults. */
static void test_error_all_reported(void **state)
{
	struct hop_config c, d;
	struct hop_err err;
	char *text, *p;
	int lines = 1;
	(void)state;

	memset(&c, 0x55, sizeof c);
	assert_int_equal(config_load(write_text("[policy]\nmax_home_days = 0\nmin_office_days = 7\n"
	                                        "[organisation]\nregion = XX\nname = Amt\n"),
	                             &c, &err), HOP_EINVAL);
	config_defaults(&d);
	assert_memory_equal(&c, &d, sizeof c);
	assert_non_null(strstr(err.msg, ":3: [policy] min_office_days: 7 is out of range"));
	assert_non_null(strchr(err.msg, '\n'));
	assert_non_null(strstr(err.msg, ":5: [organisation] region: 'XX'"));

	/* 300 bad lines: as many as fit, then how many more. */
	text = calloc(300, 32);
	assert_non_null(text);
	strcpy(text, "[policy]\n");
	for (int i = 0; i < 300; i++)
		strcat(text, "nonsense\n");
	assert_int_equal(config_load(write_text(text), &c, &err), HOP_EINVAL);
	for (p = err.msg; (p = strchr(p, '\n')); p++)
		lines++;
	assert_true(lines > 5);
	assert_true(strlen(err.msg) < sizeof err.msg - 1);
	assert_non_null(strstr(err.msg, "more errors not shown)"));
	assert_non_null(strstr(err.msg, ":2: malformed line 'nonsense'"));
	free(text);
}

/* ---- config_print ---- */

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_error_syntax),
		cmocka_unit_test(test_error_nul),
		cmocka_unit_test(test_error_names),
		cmocka_unit_test(test_error_numbers),
		cmocka_unit_test(test_error_strings),
		cmocka_unit_test(test_error_zone_file),
		cmocka_unit_test(test_error_limits),
		cmocka_unit_test(test_error_all_reported),
	};
	/* Messages in English whatever the environment says. */
	setenv("LC_ALL", "C.UTF-8", 1);
	unsetenv("HOP_CONFIG");
	return cmocka_run_group_tests(tests, setup, teardown);
}
