/* The parts of the PostgreSQL driver that need no server, and so are unit
 * tested without one: telling a server from a file, core's ?NNN placeholders
 * as PostgreSQL's $N (and SQLite's planner hint INDEXED BY left out), a
 * SQLSTATE as the outcome core tells apart, which statements write, and
 * COPY's text format both ways. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/base/vec.h"
#include "db_pg_int.h"

/* A URL, or a conninfo: "host=db1 dbname=hop", "service=hop".  A file whose
 * name starts "word=" is written "./word=..." (hop(1) says so). */
bool db_pg_is_target(const char *t)
{
	const char *p = t;

	if (strncmp(t, "postgresql://", 13) == 0 || strncmp(t, "postgres://", 11) == 0)
		return true;
	while (*p == ' ')
		p++;
	if (!isalpha((unsigned char)*p))
		return false;
	while (isalnum((unsigned char)*p) || *p == '_')
		p++;
	while (*p == ' ')
		p++;
	return *p == '=';
}

/* Copy a quoted run (string literal, quoted name) or a comment verbatim. */
static const char *skip_quoted(const char *s, char q, char **o)
{
	*(*o)++ = *s++;
	while (*s) {
		if (*s == q && s[1] == q) {             /* '' inside a literal */
			*(*o)++ = *s++;
			*(*o)++ = *s++;
			continue;
		}
		if (*s == q) {
			*(*o)++ = *s++;
			break;
		}
		*(*o)++ = *s++;
	}
	return s;
}

/* At s, the case-insensitive word w (not inside a longer word)? */
static bool word_at(const char *sql, const char *s, const char *w)
{
	size_t n = strlen(w);

	return (s == sql || !(isalnum((unsigned char)s[-1]) || s[-1] == '_')) &&
	       strncasecmp(s, w, n) == 0 && !(isalnum((unsigned char)s[n]) || s[n] == '_');
}

/* SQLite's "INDEXED BY name" and "NOT INDEXED" at s tell its planner which
 * index to use (core names one where SQLite's own choice is slow); they
 * change no result, and PostgreSQL's planner chooses for itself.  The
 * length to leave out, 0 if neither is there. */
static size_t sqlite_hint(const char *sql, const char *s)
{
	const char *p = s;

	if (word_at(sql, p, "NOT")) {
		p += 3;
		while (isspace((unsigned char)*p))
			p++;
		return word_at(sql, p, "INDEXED") ? (size_t)(p + 7 - s) : 0;
	}
	if (!word_at(sql, p, "INDEXED"))
		return 0;
	p += 7;
	while (isspace((unsigned char)*p))
		p++;
	if (!word_at(sql, p, "BY"))
		return 0;
	p += 2;
	while (isspace((unsigned char)*p))
		p++;
	while (isalnum((unsigned char)*p) || *p == '_')
		p++;
	return (size_t)(p - s);
}

char *pg_placeholders(const char *sql, int *nparams)
{
	/* "?" becomes "$" and a bare "?" gains at most 5 digits. */
	size_t n = strlen(sql);
	char *out = malloc(n * 6 + 1), *o = out;
	const char *s = sql;
	int high = 0;

	if (!out)
		return NULL;
	while (*s) {
		if (*s == '\'' || *s == '"') {
			s = skip_quoted(s, *s, &o);
		} else if (s[0] == '-' && s[1] == '-') {
			while (*s && *s != '\n')
				*o++ = *s++;
		} else if (s[0] == '/' && s[1] == '*') {
			const char *end = strstr(s + 2, "*/");
			size_t len = end ? (size_t)(end + 2 - s) : strlen(s);
			memcpy(o, s, len);
			o += len;
			s += len;
		} else if (sqlite_hint(sql, s)) {
			s += sqlite_hint(sql, s);
		} else if (*s == '?') {
			int v;
			s++;
			*o++ = '$';
			if (isdigit((unsigned char)*s)) {
				v = 0;
				while (isdigit((unsigned char)*s)) {
					v = v * 10 + (*s - '0');
					*o++ = *s++;
				}
			} else {
				/* SQLite numbers a bare ? one above the highest so far. */
				v = high + 1;
				o += sprintf(o, "%d", v);
			}
			if (v > high)
				high = v;
		} else {
			*o++ = *s++;
		}
	}
	*o = '\0';
	*nparams = high;
	return out;
}

void pg_params_used(const char *text, int nparams, bool *used)
{
	for (int i = 0; i < nparams; i++)
		used[i] = false;
	for (const char *s = text; (s = strchr(s, '$')); s++) {
		int v = atoi(s + 1);
		if (v >= 1 && v <= nparams)
			used[v - 1] = true;
	}
}

/* The SQLSTATEs of PostgreSQL's appendix A that core tells apart. */
enum db_step pg_outcome(const char *state)
{
	static const struct { const char *state; enum db_step outcome; } map[] = {
		{ "23505", DB_UNIQUE },         /* unique_violation */
		{ "23503", DB_FOREIGN },        /* foreign_key_violation */
		{ "23514", DB_CHECK },          /* check_violation */
		{ "23502", DB_CHECK },          /* not_null_violation */
		{ "23P01", DB_CHECK },          /* exclusion_violation: overlapping posts */
		{ "P0001", DB_CHECK },          /* raise_exception: a trigger refused, as
		                                 * SQLite's RAISE(ABORT) does */
		{ "40001", DB_RETRY },          /* serialization_failure */
		{ "40P01", DB_RETRY },          /* deadlock_detected */
		{ "55P03", DB_BUSY },           /* lock_not_available: lock_timeout passed */
		{ "57014", DB_BUSY },           /* query_canceled: statement_timeout */
	};

	if (!state)
		return DB_FAIL;
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (strcmp(state, map[i].state) == 0)
			return map[i].outcome;
	return DB_FAIL;
}

static bool word_is(const char *s, const char *w)
{
	size_t n = strlen(w);

	return strncasecmp(s, w, n) == 0 && !isalnum((unsigned char)s[n]) && s[n] != '_';
}

bool pg_is_write(const char *sql)
{
	const char *s = sql;

	while (isspace((unsigned char)*s))
		s++;
	if (word_is(s, "INSERT") || word_is(s, "UPDATE") || word_is(s, "DELETE"))
		return true;
	if (!word_is(s, "WITH"))
		return false;
	/* A WITH that writes names INSERT, UPDATE or DELETE outside quotes. */
	for (; *s; s++) {
		if (*s == '\'') {
			while (*++s && *s != '\'')
				;
			if (!*s)
				break;
		} else if ((s == sql || !isalnum((unsigned char)s[-1])) &&
		           (word_is(s, "INSERT") || word_is(s, "UPDATE") || word_is(s, "DELETE"))) {
			return true;
		}
	}
	return false;
}

void pg_trim_message(const char *msg, char *buf, size_t size)
{
	size_t n;

	if (!msg)
		msg = "";
	if (strncmp(msg, "ERROR:  ", 8) == 0)
		msg += 8;
	else if (strncmp(msg, "FATAL:  ", 8) == 0)
		msg += 8;
	snprintf(buf, size, "%s", msg);
	n = strcspn(buf, "\n");
	buf[n] = '\0';
}

/* ---- COPY's text format (the bulk path of a copy) ---- */

static bool put(char **out, size_t *len, size_t *cap, const char *s, size_t n)
{
	if (!vec_grow(out, cap, *len + n + 1, 1))
		return false;
	memcpy(*out + *len, s, n);
	*len += n;
	return true;
}

/* A field as COPY FROM reads it: \N for NULL; a backslash, newline,
 * carriage return and tab escaped; every other byte as it is. */
bool pg_copy_escape(char **out, size_t *len, size_t *cap, const struct db_value *v)
{
	const char *s, *run;

	if (!v->text)
		return put(out, len, cap, "\\N", 2);
	if (!vec_grow(out, cap, *len + v->len + 1, 1))
		return false;
	for (s = run = v->text; s < v->text + v->len; s++) {
		const char *esc = *s == '\\' ? "\\\\" : *s == '\n' ? "\\n" : *s == '\r' ? "\\r" :
		                  *s == '\t' ? "\\t" : NULL;
		if (!esc)
			continue;
		if (!put(out, len, cap, run, (size_t)(s - run)) || !put(out, len, cap, esc, 2))
			return false;
		run = s + 1;
	}
	return put(out, len, cap, run, (size_t)(s - run));
}

static int digit(char c, int base)
{
	int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 :
	        c >= 'A' && c <= 'F' ? c - 'A' + 10 : 99;
	return d < base ? d : -1;
}

/* One escape after a backslash at *p (p < end): its byte into *o. */
static void unescape(const char **p, const char *end, char **o)
{
	static const char from[] = "bfnrtv", to[] = "\b\f\n\r\t\v";
	const char *hit = strchr(from, **p);
	int base = **p == 'x' ? 16 : 8, max = base == 16 ? 2 : 3, v = 0, n = 0;

	if (**p && hit) {
		*(*o)++ = to[hit - from];
		(*p)++;
		return;
	}
	if (base == 16)
		(*p)++;
	while (n < max && *p < end && digit(**p, base) >= 0) {
		v = v * base + digit(**p, base);
		(*p)++;
		n++;
	}
	if (n)
		*(*o)++ = (char)v;
	else if (base == 16)
		*(*o)++ = 'x';          /* "\x" without digits is an x */
	else
		*(*o)++ = *(*p)++;      /* "\\" and any other character stand for themselves */
}

/* A line of COPY TO's text format: fields split at tabs, \N as NULL, the
 * escapes of PostgreSQL's documentation undone; each field ends in a NUL
 * written over its tab or the newline. */
bool pg_copy_decode(char *line, size_t len, struct db_value *v, size_t n)
{
	const char *p = line, *end = line + len;

	if (len && end[-1] == '\n')
		end--;
	for (size_t i = 0; i < n; i++) {
		char *o = (char *)p, *start = o;
		if (end - p >= 2 && p[0] == '\\' && p[1] == 'N' && (p + 2 == end || p[2] == '\t')) {
			v[i].text = NULL;
			v[i].len = 0;
			p += 2;
		} else {
			while (p < end && *p != '\t') {
				if (*p == '\\' && p + 1 < end) {
					p++;
					unescape(&p, end, &o);
				} else {
					*o++ = *p++;
				}
			}
			v[i].text = start;
			v[i].len = (size_t)(o - start);
		}
		if (i + 1 < n ? p >= end || *p != '\t' : p != end)
			return false;
		if (v[i].text)
			*o = '\0';
		p++;
	}
	return true;
}
