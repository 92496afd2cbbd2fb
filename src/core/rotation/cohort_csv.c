/* A cohort's plan from CSV (cohort.h): the columns login, team, from and
 * until that a generated plan is written in, so a plan made by hand or
 * changed in a spreadsheet can be checked and stored.  The first problem
 * stops the reading, named as "file:line: what to fix". */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "hop/base/clock.h"
#include "hop/base/csv.h"
#include "hop/base/i18n.h"
#include "hop/base/vec.h"
#include "cohort_int.h"

enum column { C_LOGIN, C_TEAM, C_FROM, C_UNTIL, C_COUNT };

static const struct { const char *word; enum column c; } words[] = {
	{ "login", C_LOGIN }, { "kennung", C_LOGIN },
	{ "team", C_TEAM }, { "station", C_TEAM },
	{ "from", C_FROM }, { "von", C_FROM }, { "start", C_FROM },
	{ "until", C_UNTIL }, { "bis", C_UNTIL }, { "end", C_UNTIL },
};
static const char *const canonical[C_COUNT] = { "login", "team", "from", "until" };

static char *trim(char *s)
{
	size_t n;

	while (*s == ' ' || *s == '\t')
		s++;
	n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		s[--n] = '\0';
	return s;
}

static enum hop_status header(const char *name, long line, char **f, size_t n, int *pos,
                              struct hop_err *err)
{
	for (int c = 0; c < C_COUNT; c++)
		pos[c] = -1;
	for (size_t i = 0; i < n; i++) {
		const char *w = trim(f[i]);
		int c = -1;
		/* A byte-order mark the reader left would make the first word unknown. */
		for (size_t k = 0; k < sizeof words / sizeof words[0]; k++)
			if (strcasecmp(w, words[k].word) == 0)
				c = (int)words[k].c;
		if (c < 0)
			return hop_fail(err, HOP_EINVAL, _("%s:%ld: unknown column '%.100s'; the columns "
			                "are login, team, from and until"), name, line, w);
		if (pos[c] >= 0)
			return hop_fail(err, HOP_EINVAL, _("%s:%ld: the column '%s' is there twice"), name,
			                line, canonical[c]);
		pos[c] = (int)i;
	}
	for (int c = 0; c < C_COUNT; c++)
		if (pos[c] < 0)
			return hop_fail(err, HOP_EINVAL, _("%s:%ld: the header has no column '%s'; the "
			                "first line must name the columns login, team, from and until"),
			                name, line, canonical[c]);
	return HOP_OK;
}

/* A day as files hold it: YYYY-MM-DD or DD.MM.YYYY, nothing relative. */
static enum hop_status file_date(const char *name, long line, const char *col,
                                 const char *text, hop_date *out, struct hop_err *err)
{
	bool shaped = *text != '\0' && strchr(text, '.') != NULL;
	struct hop_err e;

	if (date_parse_iso(text, out))
		return HOP_OK;
	for (const char *q = text; *q; q++)
		if (!((*q >= '0' && *q <= '9') || *q == '.'))
			shaped = false;
	if (shaped && date_parse(text, clock_today(), out, &e) == HOP_OK)
		return HOP_OK;
	return hop_fail(err, HOP_EINVAL, _("%s:%ld: %s: '%.100s' is not a date; write it as "
	                "YYYY-MM-DD or DD.MM.YYYY"), name, line, col, text);
}

static enum hop_status row(const struct cohort_problem *p, const char *name, long line,
                           char **f, size_t n, const int *pos, struct cohort_plan *out,
                           struct hop_err *err)
{
	const char *login, *team;
	struct cohort_place q = { .trainee = -1, .station = -1 };
	size_t need = 0;

	for (int c = 0; c < C_COUNT; c++)
		if ((size_t)pos[c] + 1 > need)
			need = (size_t)pos[c] + 1;
	if (n < need)
		return hop_fail(err, HOP_EINVAL, _("%s:%ld: the row has %zu fields; the header names "
		                "%zu"), name, line, n, need);
	login = trim(f[pos[C_LOGIN]]);
	team = trim(f[pos[C_TEAM]]);
	for (size_t i = 0; i < p->ntrainees; i++)
		if (strcasecmp(login, p->trainees[i].login) == 0)
			q.trainee = (int)i;
	if (q.trainee < 0)
		return hop_fail(err, HOP_EINVAL, _("%s:%ld: '%.64s' is not a trainee of cohort %s"),
		                name, line, login, p->name);
	for (size_t i = 0; i < p->nstations; i++)
		if (strcasecmp(team, p->stations[i].team) == 0)
			q.station = (int)i;
	if (q.station < 0) {
		char list[1024] = "";
		for (size_t i = 0; i < p->nstations && strlen(list) + 140 < sizeof list; i++)
			snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", i ? ", " : "",
			         p->stations[i].team);
		return hop_fail(err, HOP_EINVAL, _("%s:%ld: cohort %s has no station in '%.120s'; its "
		                "stations are: %s"), name, line, p->name, team, list[0] ? list : "-");
	}
	if (file_date(name, line, "from", trim(f[pos[C_FROM]]), &q.start, err) != HOP_OK ||
	    file_date(name, line, "until", trim(f[pos[C_UNTIL]]), &q.end, err) != HOP_OK)
		return err->status;
	if (q.end < q.start)
		return hop_fail(err, HOP_EINVAL, _("%s:%ld: the place would end before it begins"),
		                name, line);
	coh_place_months(p, &q);
	if (!vec_grow(&out->v, &out->cap, out->n + 1, sizeof *out->v))
		return hop_fail(err, HOP_ENOMEM, _("out of memory while reading a plan"));
	out->v[out->n++] = q;
	return HOP_OK;
}

enum hop_status cohort_plan_read_csv(const struct cohort_problem *p, const char *path,
                                     struct cohort_plan *out, struct hop_err *err)
{
	struct csv_reader *r;
	FILE *in;
	char **f;
	size_t n;
	long line;
	int pos[C_COUNT], rc = 0;
	bool head = true;
	enum hop_status st = HOP_OK;

	memset(out, 0, sizeof *out);
	if (!path || !*path)
		return hop_fail(err, HOP_EINVAL, _("name the file of the plan"));
	if (!(in = fopen(path, "r")))
		return hop_fail(err, HOP_EIO, _("cannot read %s: %s"), path, strerror(errno));
	if (!(r = csv_open(in, path))) {
		fclose(in);
		return hop_fail(err, HOP_ENOMEM, _("out of memory while reading a plan"));
	}
	while (st == HOP_OK && (rc = csv_next(r, &f, &n, &line, err)) == 1) {
		if (head)
			st = header(path, line, f, n, pos, err);
		else
			st = row(p, path, line, f, n, pos, out, err);
		head = false;
	}
	if (st == HOP_OK && rc < 0)
		st = err->status;
	if (st == HOP_OK && head)
		st = hop_fail(err, HOP_EINVAL, _("%s: the file is empty; its first line must name the "
		              "columns login, team, from and until"), path);
	csv_close(r);
	fclose(in);
	if (st != HOP_OK)
		cohort_plan_free(out);
	return st;
}
