/* hop.ini: defaults, every kind of error with file:line:key, the sample file,
 * round trips through config_print, and where the file is looked for. */
#include "testutil.h"

#include <sys/stat.h>

#include "hop/config/config.h"

#include "config_files.h"

/* ---- defaults ---- */

static void test_defaults(void **state)
{
	struct hop_config c;
	(void)state;
	memset(&c, 0x55, sizeof c);
	config_defaults(&c);
	assert_string_equal(c.db_path, "");
	assert_string_equal(c.org_name, "hop");
	assert_string_equal(c.region, "BE");
	assert_string_equal(c.timezone, "Europe/Berlin");
	assert_string_equal(c.mail_domain, "hop.invalid");
	assert_int_equal(c.booking_horizon_days, 28);
	assert_int_equal(c.max_home_days, 3);
	assert_int_equal(c.min_office_days, 1);
	assert_int_equal(c.onboarding_office_weeks, 4);
	assert_int_equal(c.mentor_max_mentees, 2);
	assert_int_equal(c.rotation_years, 5);
	assert_int_equal(c.show_booker_names, CFG_NAMES_TEAM);
	assert_int_equal(c.fixed_desk_claim_days, 1);
	assert_int_equal(c.presence_auto_book, 1);
	assert_int_equal(c.feeds_keep_cancelled_days, 14);
	assert_int_equal(c.feeds_holidays, 0);
	assert_int_equal(c.onboarding_auto_start, 0);
	assert_int_equal(c.mentor_min_months, 12);
	assert_int_equal(c.mentor_absence_days, 10);
	assert_int_equal(c.review_after_months, 6);
	assert_int_equal(c.onboarding_reminder_days, 2);
	assert_int_equal(c.privacy_min_group, 5);
	assert_int_equal(c.colour, CFG_COLOUR_AUTO);
}

/* Each default, written in a file, passes the checks a file's value gets. */
static void test_defaults_pass_checks(void **state)
{
	struct hop_config c, d;
	struct hop_err err;
	(void)state;
	if (!have_zone("Europe/Berlin"))
		skip();
	config_defaults(&d);
	for (size_t i = 0; i < config_key_count; i++) {
		config_defaults(&c);
		if (config_key_set(&config_keys[i], config_keys[i].def, &c, &err) != HOP_OK)
			fail_msg("default of %s: %s", config_keys[i].key, err.msg);
	}
	/* A file with only section headers gives the defaults. */
	load_ok("[database]\n[organisation]\n[policy]\n[booking]\n[ui]\n", &c);
	assert_memory_equal(&c, &d, sizeof c);
	/* An empty file too. */
	load_ok("", &c);
	assert_memory_equal(&c, &d, sizeof c);
}

static void test_table(void **state)
{
	(void)state;
	assert_int_equal(config_key_count, 42);
	for (size_t i = 0; i < config_key_count; i++) {
		const struct config_key *k = &config_keys[i];
		assert_ptr_equal(config_key_find(k->section, k->key), k);
		assert_non_null(k->help);
		assert_true(k->type != CONFIG_INT || (k->min <= k->max));
	}
	assert_null(config_key_find("policy", "path"));
	assert_true(config_region_valid("BE"));
	assert_false(config_region_valid("be"));
	assert_false(config_region_valid("XX"));
	assert_string_equal(config_region_name("TH"), "Thüringen");
	assert_null(config_region_name("DE"));
}

/* ---- the shipped files ---- */

static char *slurp(const char *file)
{
	FILE *f = fopen(file, "rb");
	char *buf = calloc(1, 256 * 1024);
	assert_non_null(f);
	assert_non_null(buf);
	assert_true(fread(buf, 1, 256 * 1024 - 1, f) > 0);
	fclose(f);
	return buf;
}

/* Some line of text is, after optional ';', '#' and blanks, "KEY =" or "KEY=". */
static bool mentions_key(const char *text, const char *key)
{
	size_t n = strlen(key);
	for (const char *line = text; line; line = strchr(line, '\n'), line = line ? line + 1 : NULL) {
		const char *p = line;
		while (*p == ';' || *p == '#' || *p == ' ')
			p++;
		if (strncmp(p, key, n) == 0) {
			p += n;
			while (*p == ' ')
				p++;
			if (*p == '=')
				return true;
		}
	}
	return false;
}

static void test_sample_config(void **state)
{
	struct hop_config c, d;
	struct hop_err err;
	char *text;
	(void)state;

	if (config_load("sample-config/hop.ini", &c, &err) != HOP_OK)
		fail_msg("sample-config/hop.ini: %s", err.msg);
	/* The sample shows the defaults. */
	config_defaults(&d);
	assert_memory_equal(&c, &d, sizeof c);
	text = slurp("sample-config/hop.ini");
	for (size_t i = 0; i < config_key_count; i++)
		if (!mentions_key(text, config_keys[i].key))
			fail_msg("sample-config/hop.ini does not mention %s", config_keys[i].key);
	free(text);
}

static void test_man_page(void **state)
{
	char *text, want[128];
	(void)state;
	text = slurp("man/hop.ini.5");
	for (size_t i = 0; i < config_key_count; i++) {
		snprintf(want, sizeof want, "\n.It Cm %s", config_keys[i].key);
		if (!strstr(text, want))
			fail_msg("man/hop.ini.5 lacks '.It Cm %s'", config_keys[i].key);
	}
	free(text);
}

/* ---- values ---- */

static void test_values(void **state)
{
	struct hop_config c;
	(void)state;
	setenv("TZDIR", "/nonexistent-zoneinfo", 1);   /* syntax check only */
	load_ok("; a comment\n# another\n\n"
	        "[database]\npath = /var/lib/hop/hop.db\n"
	        "[organisation]\n"
	        "name = Landesamt für Straßenbau\n"
	        "region = by\n"
	        "timezone = America/Argentina/Buenos_Aires\n"
	        "mail_domain = Amt.Example.DE\n"
	        "[policy]\n"
	        "booking_horizon_days = 08\n"
	        "max_home_days = 2 ; inline comment\n"
	        "min_office_days=2# no blanks\n"
	        "   onboarding_office_weeks   =   +6   \n"
	        "mentor_max_mentees = '3'\n"
	        "rotation_years = \"7\" ; quoted\n"
	        "[booking]\nshow_booker_names = None\nfixed_desk_claim_days = 30\n"
	        "[ui]\ncolour = NEVER\n", &c);
	unsetenv("TZDIR");
	assert_string_equal(c.db_path, "/var/lib/hop/hop.db");
	assert_string_equal(c.org_name, "Landesamt für Straßenbau");
	assert_string_equal(c.region, "BY");
	assert_string_equal(c.timezone, "America/Argentina/Buenos_Aires");
	assert_string_equal(c.mail_domain, "amt.example.de");
	assert_int_equal(c.booking_horizon_days, 8);   /* base 10, not octal */
	assert_int_equal(c.max_home_days, 2);
	assert_int_equal(c.min_office_days, 2);
	assert_int_equal(c.onboarding_office_weeks, 6);
	assert_int_equal(c.mentor_max_mentees, 3);
	assert_int_equal(c.rotation_years, 7);
	assert_int_equal(c.show_booker_names, CFG_NAMES_NONE);
	assert_int_equal(c.fixed_desk_claim_days, 30);
	assert_int_equal(c.colour, CFG_COLOUR_NEVER);
}

static void test_quotes_and_comments(void **state)
{
	struct hop_config c;
	(void)state;
	load_ok("[organisation]\nname = \"Amt; Abteilung #3\" ; the name\n", &c);
	assert_string_equal(c.org_name, "Amt; Abteilung #3");
	load_ok("[organisation]\nname = 'Say \"hi\"; bye'\n", &c);
	assert_string_equal(c.org_name, "Say \"hi\"; bye");
	load_ok("[organisation]\nname = O'Brien & Söhne # owners\n", &c);
	assert_string_equal(c.org_name, "O'Brien & Söhne");
	load_ok("[organisation]\nname = \"  spaced  \"\n", &c);
	assert_string_equal(c.org_name, "  spaced  ");
	load_ok("[database]\npath =\n", &c);
	assert_string_equal(c.db_path, "");
	load_ok("[database]\npath = \"\"\n", &c);
	assert_string_equal(c.db_path, "");
	load_ok("[database]\npath = ; nothing\n", &c);
	assert_string_equal(c.db_path, "");
	/* Windows line ends and a missing last newline. */
	load_ok("[policy]\r\nmax_home_days = 4\r\nmin_office_days = 0", &c);
	assert_int_equal(c.max_home_days, 4);
	assert_int_equal(c.min_office_days, 0);
	/* Names are case-insensitive, as in iniparser; a section may come back. */
	load_ok("[Policy]\nMax_Home_Days = 5\n[ui]\ncolour = auto\n[POLICY]\nrotation_years = 15\n",
	        &c);
	assert_int_equal(c.max_home_days, 5);
	assert_int_equal(c.rotation_years, 15);
}

static void test_home_path(void **state)
{
	struct hop_config c;
	char *home = getenv("HOME") ? strdup(getenv("HOME")) : NULL;
	(void)state;
	setenv("HOME", "/home/jweiss", 1);
	load_ok("[database]\npath = ~/hop/hop.db\n", &c);
	assert_string_equal(c.db_path, "/home/jweiss/hop/hop.db");
	unsetenv("HOME");
	load_fails("[database]\npath = ~/hop.db\n", "2: [database] path: '~/hop.db' starts with ~");
	if (home)
		setenv("HOME", home, 1);
	free(home);
}

/* The role of a login: * stands for it, once. */
static void test_login_role(void **state)
{
	struct hop_config c;

	(void)state;
	load_ok("[database]\nurl = service=hop\nlogin_role = hop_*\n", &c);
	assert_string_equal(c.db_login_role, "hop_*");
	load_ok("[database]\nlogin_role = *\n", &c);
	assert_string_equal(c.db_login_role, "*");
	load_fails("[database]\nlogin_role = hop\n", "2: [database] login_role: 'hop' does not say");
	load_fails("[database]\nlogin_role = *_*\n", "2: [database] login_role: '*_*' does not say");
}

/* ---- errors: each names file, line and key ---- */

static void test_print_round_trip(void **state)
{
	struct hop_config a, b;
	struct hop_err err;
	static char out1[16384], out2[16384];
	(void)state;

	setenv("TZDIR", "/nonexistent-zoneinfo", 1);
	config_defaults(&a);
	print_to(&a, out1, sizeof out1);
	if (config_load(write_text(out1), &b, &err) != HOP_OK)
		fail_msg("defaults printed do not load: %s\n%s", err.msg, out1);
	assert_memory_equal(&a, &b, sizeof a);

	/* Values that need quoting, umlauts, everything off its default. */
	snprintf(a.db_path, sizeof a.db_path, "/srv/hop data/hop#1.db");
	snprintf(a.org_name, sizeof a.org_name, "Landesamt für Straßenbau; \"Nord\" \\");
	snprintf(a.mail_domain, sizeof a.mail_domain, "lfs.thueringen.de");
	print_to(&a, out1, sizeof out1);
	if (config_load(write_text(out1), &b, &err) != HOP_OK)
		fail_msg("printed settings do not load: %s\n%s", err.msg, out1);
	assert_string_equal(b.org_name, a.org_name);
	snprintf(a.org_name, sizeof a.org_name, "Landesamt für Straßenbau; \"Nord\"");
	snprintf(a.region, sizeof a.region, "TH");
	snprintf(a.timezone, sizeof a.timezone, "Etc/GMT+1");
	snprintf(a.mail_domain, sizeof a.mail_domain, "lfs.thueringen.de");
	a.booking_horizon_days = 365;
	a.max_home_days = 0;
	a.min_office_days = 5;
	a.onboarding_office_weeks = 52;
	a.mentor_max_mentees = 10;
	a.rotation_years = 1;
	a.colour = CFG_COLOUR_NEVER;
	print_to(&a, out1, sizeof out1);
	if (config_load(write_text(out1), &b, &err) != HOP_OK)
		fail_msg("printed settings do not load: %s\n%s", err.msg, out1);
	print_to(&b, out2, sizeof out2);
	assert_string_equal(out1, out2);
	assert_string_equal(b.org_name, "Landesamt für Straßenbau; \"Nord\"");
	assert_string_equal(b.db_path, "/srv/hop data/hop#1.db");
	assert_int_equal(b.colour, CFG_COLOUR_NEVER);
	assert_non_null(strstr(out1, "[policy]\n"));
	assert_non_null(strstr(out1, "\nmin_office_days = 5\n"));
	unsetenv("TZDIR");
}

/* ---- config_locate ---- */

static void mkfile(const char *dir, const char *name, char *out, size_t size)
{
	char cmd[HOP_PATH_MAX + 32];
	snprintf(cmd, sizeof cmd, "mkdir -p '%s'", dir);
	assert_int_equal(system(cmd), 0);
	snprintf(out, size, "%s/%s", dir, name);
	fclose(fopen(out, "w"));
}

static void test_locate(void **state)
{
	char xdg[256], home[256], xdgfile[300], homefile[300], envfile[300], clifile[300];
	char dir[300], found[HOP_PATH_MAX], sys[] = HOP_SYSCONFDIR "/hop/hop.ini";
	const char *source;
	struct hop_err err;
	struct stat st;
	(void)state;

	snprintf(xdg, sizeof xdg, "%s/xdg", tmpdir);
	snprintf(home, sizeof home, "%s/home", tmpdir);
	snprintf(dir, sizeof dir, "%s/hop", xdg);
	mkfile(dir, "hop.ini", xdgfile, sizeof xdgfile);
	snprintf(dir, sizeof dir, "%s/.config/hop", home);
	mkfile(dir, "hop.ini", homefile, sizeof homefile);
	mkfile(tmpdir, "env.ini", envfile, sizeof envfile);
	mkfile(tmpdir, "cli.ini", clifile, sizeof clifile);

	setenv("HOME", home, 1);
	setenv("XDG_CONFIG_HOME", xdg, 1);
	setenv("HOP_CONFIG", envfile, 1);
	assert_int_equal(config_locate(clifile, found, sizeof found, &source, &err), HOP_OK);
	assert_string_equal(found, clifile);
	assert_string_equal(source, "--config");
	assert_int_equal(config_locate(NULL, found, sizeof found, &source, &err), HOP_OK);
	assert_string_equal(found, envfile);
	assert_string_equal(source, "$HOP_CONFIG");
	unsetenv("HOP_CONFIG");
	assert_int_equal(config_locate(NULL, found, sizeof found, &source, &err), HOP_OK);
	assert_string_equal(found, xdgfile);
	assert_string_equal(source, "$XDG_CONFIG_HOME");
	setenv("HOP_CONFIG", "", 1);   /* empty counts as unset */
	setenv("XDG_CONFIG_HOME", "relative/xdg", 1);   /* ignored: not absolute */
	assert_int_equal(config_locate(NULL, found, sizeof found, &source, &err), HOP_OK);
	assert_string_equal(found, homefile);
	assert_string_equal(source, "~/.config");
	unsetenv("XDG_CONFIG_HOME");
	assert_int_equal(config_locate(NULL, found, sizeof found, &source, &err), HOP_OK);
	assert_string_equal(found, homefile);

	/* Nothing found: the system-wide file, if this machine has one, else none. */
	unlink(homefile);
	assert_int_equal(config_locate(NULL, found, sizeof found, &source, &err), HOP_OK);
	if (stat(sys, &st) == 0) {
		assert_string_equal(found, sys);
	} else {
		assert_string_equal(found, "");
		assert_string_equal(source, "built-in defaults");
	}

	/* An explicit file must exist; a directory is refused. */
	snprintf(dir, sizeof dir, "%s/missing.ini", tmpdir);
	assert_int_equal(config_locate(dir, found, sizeof found, &source, &err), HOP_ENOTFOUND);
	assert_non_null(strstr(err.msg, dir));
	assert_non_null(strstr(err.msg, "given with --config does not exist"));
	setenv("HOP_CONFIG", dir, 1);
	assert_int_equal(config_locate(NULL, found, sizeof found, &source, &err), HOP_ENOTFOUND);
	assert_non_null(strstr(err.msg, "named by $HOP_CONFIG does not exist"));
	assert_string_equal(found, "");
	setenv("HOP_CONFIG", tmpdir, 1);
	assert_int_equal(config_locate(NULL, found, sizeof found, &source, &err), HOP_EINVAL);
	assert_non_null(strstr(err.msg, "(from $HOP_CONFIG) is a directory"));
	unsetenv("HOP_CONFIG");
	assert_int_equal(config_locate("", found, sizeof found, &source, &err), HOP_EINVAL);

	/* A directory where the XDG file would be is an error, not skipped. */
	setenv("XDG_CONFIG_HOME", xdg, 1);
	unlink(xdgfile);
	assert_int_equal(mkdir(xdgfile, 0755), 0);
	assert_int_equal(config_locate(NULL, found, sizeof found, &source, &err), HOP_EINVAL);
	assert_non_null(strstr(err.msg, "(from $XDG_CONFIG_HOME) is a directory"));
	rmdir(xdgfile);
	unsetenv("XDG_CONFIG_HOME");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_defaults_pass_checks),
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_sample_config),
		cmocka_unit_test(test_man_page),
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_quotes_and_comments),
		cmocka_unit_test(test_home_path),
		cmocka_unit_test(test_login_role),
		cmocka_unit_test(test_print_round_trip),
		cmocka_unit_test(test_locate),
	};
	/* Messages in English whatever the environment says. */
	setenv("LC_ALL", "C.UTF-8", 1);
	unsetenv("HOP_CONFIG");
	return cmocka_run_group_tests(tests, setup, teardown);
}
