/* Writing hop.ini files to a scratch directory and loading them, for the
 * configuration's unit tests (test_config.c, test_config_errors.c). */
#ifndef HOP_TEST_CONFIG_FILES_H
#define HOP_TEST_CONFIG_FILES_H

#include <sys/stat.h>

#include "testutil.h"
#include "hop/config/config.h"

static char tmpdir[64];
static char path[HOP_PATH_MAX];
static int nfile;

static inline int setup(void **state)
{
	(void)state;
	snprintf(tmpdir, sizeof tmpdir, "/tmp/hop-cfg-XXXXXX");
	assert_non_null(mkdtemp(tmpdir));
	return 0;
}

static inline int teardown(void **state)
{
	char cmd[128];
	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

/* Write text (n bytes; -1 for strlen) to a fresh file in tmpdir; sets path. */
static inline const char *write_n(const char *text, long n)
{
	FILE *f;

	snprintf(path, sizeof path, "%s/c%d.ini", tmpdir, ++nfile);
	f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, n < 0 ? strlen(text) : (size_t)n, f),
	                 n < 0 ? strlen(text) : (size_t)n);
	assert_int_equal(fclose(f), 0);
	return path;
}

static inline const char *write_text(const char *text)
{
	return write_n(text, -1);
}

static inline void load_ok(const char *text, struct hop_config *cfg)
{
	struct hop_err err;
	if (config_load(write_text(text), cfg, &err) != HOP_OK)
		fail_msg("expected to load, got: %s", err.msg);
}

/* Loading text must fail, and the message must contain "FILE:" + want. */
static inline void load_fails(const char *text, const char *want)
{
	struct hop_config cfg;
	struct hop_err err;
	char expect[HOP_PATH_MAX + 512];

	assert_int_equal(config_load(write_text(text), &cfg, &err), HOP_EINVAL);
	snprintf(expect, sizeof expect, "%s:%s", path, want);
	if (!strstr(err.msg, expect))
		fail_msg("message\n  %s\nlacks\n  %s", err.msg, expect);
}

static inline void print_to(const struct hop_config *cfg, char *buf, size_t size)
{
	FILE *f = fmemopen(buf, size, "w");
	assert_non_null(f);
	config_print(cfg, f);
	assert_int_equal(fclose(f), 0);
}

static inline bool have_zone(const char *name)
{
	char file[256];
	struct stat st;
	snprintf(file, sizeof file, "/usr/share/zoneinfo/%s", name);
	return stat(file, &st) == 0;
}

#endif
