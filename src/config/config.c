/* Loading hop.ini.
 *
 * hop reads the file line by line first, so that every error can name file,
 * line and key (iniparser 4.1 only says "syntax error" or silently takes the
 * last of two duplicate keys).  Only a file that passes is loaded with
 * iniparser, whose values, checked against what hop read, fill the struct. */
#include <ctype.h>
#include <errno.h>
#include <libintl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <iniparser.h>

#include "hop/base/fold.h"
#include "hop/config/config.h"
#include "hop/base/i18n.h"

#define MAX_SECTIONS 16
#define SNIPPET_MAX 60        /* bytes of a malformed line quoted in a message */
#define ONE_ERROR_MAX 400     /* bytes of one message among several */
#define TAIL_RESERVE 80       /* room kept for "(N more errors not shown)" */

enum { SEC_NONE = -1, SEC_UNKNOWN = -2 };

struct seen {
	int line;                                /* 0: not in the file */
	char value[HOP_CONFIG_LINE_MAX + 1];
};

struct scan {
	const char *file;
	struct hop_err *err;
	size_t len;                /* bytes used in err->msg */
	int errors, hidden;
	enum hop_status status;    /* of the first error */
	const char *sections[MAX_SECTIONS];
	size_t nsections;
	int section;               /* index into sections, or SEC_NONE / SEC_UNKNOWN */
	struct hop_config cfg;     /* values converted while scanning */
	struct seen *seen;         /* one per config_keys row */
};

/* ---- collecting errors: all of them, as many as fit ---- */

/* Cut s to at most max bytes without splitting a UTF-8 sequence. */
static void cut_utf8(char *s, size_t max)
{
	size_t n = strlen(s);

	if (n <= max)
		return;
	n = max - 3;
	while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
		n--;
	memcpy(s + n, "...", 4);
}

static void scan_error(struct scan *sc, enum hop_status st, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void scan_error(struct scan *sc, enum hop_status st, const char *fmt, ...)
{
	char one[HOP_ERR_MSG_MAX];
	size_t n, room = sizeof sc->err->msg - sc->len;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(one, sizeof one, fmt, ap);
	va_end(ap);
	if (sc->errors++ == 0) {
		sc->status = st;
		sc->err->status = st;
		snprintf(sc->err->msg, sizeof sc->err->msg, "%s", one);
		sc->len = strlen(sc->err->msg);
		return;
	}
	cut_utf8(one, ONE_ERROR_MAX);
	n = strlen(one);
	if (sc->hidden || n + 1 + TAIL_RESERVE >= room) {
		sc->hidden++;
		return;
	}
	sc->err->msg[sc->len++] = '\n';
	memcpy(sc->err->msg + sc->len, one, n + 1);
	sc->len += n;
}

static void scan_finish_errors(struct scan *sc)
{
	char tail[TAIL_RESERVE];

	if (!sc->hidden)
		return;
	snprintf(tail, sizeof tail,
	         ngettext("(%d more error not shown)", "(%d more errors not shown)", sc->hidden),
	         sc->hidden);
	snprintf(sc->err->msg + sc->len, sizeof sc->err->msg - sc->len, "\n%s", tail);
}

/* ---- suggestions ---- */

/* Close enough to be a typo of candidate. */
static bool near(const char *typed, const char *candidate)
{
	int limit = (int)strlen(candidate) / 3;
	limit = limit < 2 ? 2 : limit;
	return fold_distance(typed, candidate, limit) <= limit;
}

/* ---- sections ---- */

static void sections_init(struct scan *sc)
{
	for (size_t i = 0; i < config_key_count; i++) {
		size_t j = 0;
		while (j < sc->nsections && strcmp(sc->sections[j], config_keys[i].section) != 0)
			j++;
		if (j == sc->nsections && j < MAX_SECTIONS)
			sc->sections[sc->nsections++] = config_keys[i].section;
	}
}

/* "[database], [organisation], [policy], [ui]" */
static void sections_list(const struct scan *sc, char *buf, size_t size)
{
	size_t len = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < sc->nsections && len < size; i++)
		len += (size_t)snprintf(buf + len, size - len, "%s[%s]", i ? ", " : "",
		                        sc->sections[i]);
}

/* "booking_horizon_days, max_home_days, ..." */
static void keys_list(const char *section, char *buf, size_t size)
{
	size_t len = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < config_key_count && len < size; i++)
		if (strcmp(config_keys[i].section, section) == 0)
			len += (size_t)snprintf(buf + len, size - len, "%s%s", len ? ", " : "",
			                        config_keys[i].key);
}

/* The first key of that name in any section. */
static const struct config_key *key_anywhere(const char *key)
{
	for (size_t i = 0; i < config_key_count; i++)
		if (strcmp(config_keys[i].key, key) == 0)
			return &config_keys[i];
	return NULL;
}

/* ---- one line ---- */

static bool blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

/* Strip blanks at both ends, in place; returns the start. */
static char *strip(char *s)
{
	size_t n;

	while (blank(*s))
		s++;
	n = strlen(s);
	while (n > 0 && blank(s[n - 1]))
		s[--n] = '\0';
	return s;
}

static void lower(char *s)
{
	for (; *s; s++)
		*s = (char)tolower((unsigned char)*s);
}

/* The line as quoted in a message: short, control bytes shown as '?'. */
static void snippet(const char *line, char out[SNIPPET_MAX + 1])
{
	char buf[HOP_CONFIG_LINE_MAX + 1];

	snprintf(buf, sizeof buf, "%s", line);
	for (char *p = buf; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = '?';
	cut_utf8(buf, SNIPPET_MAX);
	memcpy(out, buf, strlen(buf) + 1);
}

static void malformed(struct scan *sc, int lineno, const char *line)
{
	char s[SNIPPET_MAX + 1];

	snippet(line, s);
	scan_error(sc, HOP_EINVAL,
	           _("%s:%d: malformed line '%s': expected '[section]', 'key = value' or a comment"),
	           sc->file, lineno, s);
}

static void section_line(struct scan *sc, int lineno, char *line)
{
	size_t len = strlen(line);
	char list[256], shown[SNIPPET_MAX + 1], whole[SNIPPET_MAX + 1];
	char *name;

	snippet(line, whole);
	line[len - 1] = '\0';
	name = strip(line + 1);
	if (!*name || strpbrk(name, "[]")) {
		malformed(sc, lineno, whole);
		sc->section = SEC_UNKNOWN;
		return;
	}
	lower(name);
	for (size_t i = 0; i < sc->nsections; i++) {
		if (strcmp(sc->sections[i], name) == 0) {
			sc->section = (int)i;
			return;
		}
	}
	sc->section = SEC_UNKNOWN;   /* its keys are not reported one by one */
	snippet(name, shown);
	for (size_t i = 0; i < sc->nsections; i++) {
		if (near(name, sc->sections[i])) {
			scan_error(sc, HOP_EINVAL, _("%s:%d: unknown section [%s]; did you mean [%s]?"),
			           sc->file, lineno, shown, sc->sections[i]);
			return;
		}
	}
	sections_list(sc, list, sizeof list);
	scan_error(sc, HOP_EINVAL, _("%s:%d: unknown section [%s]; the sections are %s"), sc->file,
	           lineno, shown, list);
}

static void unknown_key(struct scan *sc, int lineno, const char *section, const char *key)
{
	const struct config_key *k = key_anywhere(key);
	char list[512], shown[SNIPPET_MAX + 1];

	snippet(key, shown);
	if (k) {
		scan_error(sc, HOP_EINVAL, _("%s:%d: [%s] %s: this key belongs in [%s]; move it there"),
		           sc->file, lineno, section, shown, k->section);
		return;
	}
	for (size_t i = 0; i < config_key_count; i++) {
		if (strcmp(config_keys[i].section, section) == 0 && near(key, config_keys[i].key)) {
			scan_error(sc, HOP_EINVAL, _("%s:%d: [%s] %s: unknown key; did you mean %s?"),
			           sc->file, lineno, section, shown, config_keys[i].key);
			return;
		}
	}
	for (size_t i = 0; i < config_key_count; i++) {
		if (near(key, config_keys[i].key)) {
			scan_error(sc, HOP_EINVAL,
			           _("%s:%d: [%s] %s: unknown key; did you mean %s in [%s]?"), sc->file,
			           lineno, section, shown, config_keys[i].key, config_keys[i].section);
			return;
		}
	}
	keys_list(section, list, sizeof list);
	scan_error(sc, HOP_EINVAL, _("%s:%d: [%s] %s: unknown key; the keys of [%s] are %s"),
	           sc->file, lineno, section, shown, section, list);
}

static void key_line(struct scan *sc, int lineno, char *line, char *eq)
{
	char *key, *value, *rest, quote;
	const char *section;
	const struct config_key *k;
	struct hop_err e;
	size_t idx;

	*eq = '\0';
	key = strip(line);
	if (!*key) {
		*eq = '=';
		malformed(sc, lineno, line);
		return;
	}
	lower(key);   /* as iniparser does */
	value = eq + 1;
	while (blank(*value))
		value++;

	if (sc->section == SEC_UNKNOWN)
		return;
	if (sc->section == SEC_NONE) {
		char list[256], shown[SNIPPET_MAX + 1];
		snippet(key, shown);
		if ((k = key_anywhere(key)))
			scan_error(sc, HOP_EINVAL,
			           _("%s:%d: %s comes before any section; put it under [%s]"), sc->file,
			           lineno, shown, k->section);
		else {
			sections_list(sc, list, sizeof list);
			scan_error(sc, HOP_EINVAL,
			           _("%s:%d: %s comes before any section; the sections are %s"),
			           sc->file, lineno, shown, list);
		}
		return;
	}
	section = sc->sections[sc->section];
	if (!(k = config_key_find(section, key))) {
		unknown_key(sc, lineno, section, key);
		return;
	}

	/* The value as iniparser 4.1 reads it: inside matching quotes, or up to a
	 * ';' or '#' that starts a comment. */
	if (*value == '"' || *value == '\'') {
		quote = *value++;
		if (!(rest = strchr(value, quote))) {
			scan_error(sc, HOP_EINVAL,
			           _("%s:%d: [%s] %s: the value has no closing %c; add it at the end of the value"),
			           sc->file, lineno, section, k->key, quote);
			return;
		}
		*rest++ = '\0';
		while (blank(*rest))
			rest++;
		if (*rest && *rest != ';' && *rest != '#') {
			scan_error(sc, HOP_EINVAL,
			           _("%s:%d: [%s] %s: text after the closing %c; put all of the value inside the quotes, or start a comment with ';'"),
			           sc->file, lineno, section, k->key, quote);
			return;
		}
	} else {
		value[strcspn(value, ";#")] = '\0';
		value = strip(value);
	}

	idx = (size_t)(k - config_keys);
	if (sc->seen[idx].line) {
		scan_error(sc, HOP_EINVAL,
		           _("%s:%d: [%s] %s: set a second time (first on line %d); remove one of the two"),
		           sc->file, lineno, section, k->key, sc->seen[idx].line);
		return;
	}
	sc->seen[idx].line = lineno;
	memcpy(sc->seen[idx].value, value, strlen(value) + 1);
	if (config_key_set(k, value, &sc->cfg, &e) != HOP_OK)
		scan_error(sc, e.status, "%s:%d: [%s] %s: %s", sc->file, lineno, section, k->key,
		           e.msg);
}

static void scan_line(struct scan *sc, int lineno, const char *raw, size_t len)
{
	char buf[HOP_CONFIG_LINE_MAX + 1];
	char *line, *eq;
	size_t n;

	if (memchr(raw, '\0', len)) {
		scan_error(sc, HOP_EINVAL,
		           _("%s:%d: the line contains a NUL byte; a configuration file must be text"),
		           sc->file, lineno);
		return;
	}
	if (len > HOP_CONFIG_LINE_MAX) {
		scan_error(sc, HOP_EINVAL, _("%s:%d: the line is %zu bytes long; at most %d are allowed"),
		           sc->file, lineno, len, HOP_CONFIG_LINE_MAX);
		return;
	}
	memcpy(buf, raw, len);
	buf[len] = '\0';
	line = buf;
	if (lineno == 1 && strncmp(line, "\xef\xbb\xbf", 3) == 0) {
		/* iniparser would take the mark as part of the first name. */
		scan_error(sc, HOP_EINVAL,
		           _("%s:1: the file starts with a byte order mark; save it as UTF-8 without BOM"),
		           sc->file);
		line += 3;
	}
	line = strip(line);
	n = strlen(line);
	if (n == 0)
		return;
	if (line[n - 1] == '\\') {
		/* iniparser joins such a line with the next one, even a comment. */
		scan_error(sc, HOP_EINVAL,
		           _("%s:%d: the line ends with '\\', which would join it with the next line; remove the backslash"),
		           sc->file, lineno);
		return;
	}
	if (line[0] == ';' || line[0] == '#')
		return;
	if (line[0] == '[' && line[n - 1] == ']') {
		section_line(sc, lineno, line);
		return;
	}
	if (!(eq = strchr(line, '='))) {
		malformed(sc, lineno, line);
		return;
	}
	key_line(sc, lineno, line, eq);
}

/* ---- the file ---- */

static enum hop_status read_file(const char *path, char **data, size_t *size,
                                 struct hop_err *err)
{
	FILE *f = fopen(path, "rb");
	struct stat st;
	size_t n;
	char *buf;

	if (!f)
		return hop_fail(err, errno == ENOENT ? HOP_ENOTFOUND : HOP_EIO,
		                _("cannot open the configuration file %s: %s"), path, strerror(errno));
	if (fstat(fileno(f), &st) != 0) {
		int e = errno;
		fclose(f);
		return hop_fail(err, HOP_EIO, _("cannot read the configuration file %s: %s"), path,
		                strerror(e));
	}
	if (!S_ISREG(st.st_mode)) {
		bool dir = S_ISDIR(st.st_mode);
		fclose(f);
		return hop_fail(err, HOP_EINVAL, dir
		                ? _("%s is a directory; give the path of a configuration file")
		                : _("%s is not a regular file; give the path of a configuration file"),
		                path);
	}
	if (st.st_size > HOP_CONFIG_FILE_MAX) {
		fclose(f);
		return hop_fail(err, HOP_EINVAL,
		                _("%s is larger than 1 MiB; that is not a hop configuration file"), path);
	}
	if (!(buf = malloc(HOP_CONFIG_FILE_MAX + 1))) {
		fclose(f);
		return hop_fail(err, HOP_ENOMEM, _("out of memory reading %s"), path);
	}
	n = fread(buf, 1, HOP_CONFIG_FILE_MAX + 1, f);
	if (ferror(f)) {
		int e = errno;
		free(buf);
		fclose(f);
		return hop_fail(err, HOP_EIO, _("cannot read the configuration file %s: %s"), path,
		                strerror(e));
	}
	fclose(f);
	if (n > HOP_CONFIG_FILE_MAX) {   /* it grew since fstat */
		free(buf);
		return hop_fail(err, HOP_EINVAL,
		                _("%s is larger than 1 MiB; that is not a hop configuration file"), path);
	}
	*data = buf;
	*size = n;
	return HOP_OK;
}

static void scan_all(struct scan *sc, const char *data, size_t size)
{
	const char *p = data, *end = data + size;
	int lineno = 0;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);

		scan_line(sc, ++lineno, p, len);
		p += len + (nl ? 1 : 0);
	}
}

/* iniparser reports through a callback; keep its first message for ours. */
static char ini_message[256];

static int ini_capture(const char *fmt, ...)
{
	va_list ap;

	if (ini_message[0])
		return 0;
	va_start(ap, fmt);
	vsnprintf(ini_message, sizeof ini_message, fmt, ap);
	va_end(ap);
	for (char *p = ini_message; *p; p++)
		if (*p == '\n')
			*p = ' ';
	strip(ini_message);
	return 0;
}

/* Load the file with iniparser and take the values from its dictionary. */
static void take_values(struct scan *sc, const char *path, struct hop_config *out)
{
	dictionary *d;
	int in_dict = 0, in_scan = 0;

	ini_message[0] = '\0';
	iniparser_set_error_callback(ini_capture);
	if (!(d = iniparser_load(path))) {
		scan_error(sc, HOP_EIO, _("%s: iniparser cannot read the file: %s"), path,
		           ini_message);
		return;
	}
	config_defaults(out);
	for (size_t i = 0; i < config_key_count; i++) {
		const struct config_key *k = &config_keys[i];
		const struct seen *s = &sc->seen[i];
		char name[128];
		const char *v;
		struct hop_err e;

		if (!s->line)
			continue;
		in_scan++;
		snprintf(name, sizeof name, "%s:%s", k->section, k->key);
		v = iniparser_getstring(d, name, NULL);
		/* Another iniparser version may unescape or unquote differently. */
		if (!v || strcmp(v, s->value) != 0)
			scan_error(sc, HOP_EINVAL,
			           _("%s:%d: [%s] %s: iniparser reads the value as '%s' but hop as '%s'; write it without quotes and backslashes"),
			           path, s->line, k->section, k->key, v ? v : "", s->value);
		else if (config_key_set(k, v, out, &e) != HOP_OK)
			scan_error(sc, e.status, "%s:%d: [%s] %s: %s", path, s->line, k->section,
			           k->key, e.msg);
	}
	for (int i = 0; i < iniparser_getnsec(d); i++)
		in_dict += iniparser_getsecnkeys(d, iniparser_getsecname(d, i));
	if (in_dict != in_scan)
		scan_error(sc, HOP_EIO, _("%s: the file changed while hop read it; try again"), path);
	iniparser_freedict(d);
}

enum hop_status config_load(const char *path, struct hop_config *cfg, struct hop_err *err)
{
	struct hop_config result;
	struct scan *sc;
	char *data = NULL;
	size_t size = 0;
	enum hop_status st;

	config_defaults(cfg);
	hop_err_clear(err);
	if (read_file(path, &data, &size, err) != HOP_OK)
		return err->status;
	if (!(sc = calloc(1, sizeof *sc)) ||
	    !(sc->seen = calloc(config_key_count, sizeof *sc->seen))) {
		free(sc);
		free(data);
		return hop_fail(err, HOP_ENOMEM, _("out of memory reading %s"), path);
	}
	sc->file = path;
	sc->err = err;
	sc->section = SEC_NONE;
	sections_init(sc);
	config_defaults(&sc->cfg);
	scan_all(sc, data, size);
	free(data);
	if (!sc->errors)
		take_values(sc, path, &result);
	scan_finish_errors(sc);
	st = sc->errors ? sc->status : HOP_OK;
	if (st == HOP_OK)
		st = config_keys_agree(&result, path, err);
	if (st == HOP_OK)
		*cfg = result;
	free(sc->seen);
	free(sc);
	return st;
}
