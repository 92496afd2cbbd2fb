/* A person as people name them (person_find in person.h): a login, a name
 * as typed ("Jürgen Weiß", "Juergen Weiss", "jurgen weiss"), or the beginning
 * of a name or of a word of it ("Jürgen W", "Weiß").
 *
 * The login is one indexed look-up.  A name is found in one pass over
 * everyone's login and name as the index person_names holds them (no table
 * rows read), folding only the names that could meet the text
 * (ref_may_match); whether the people found have left is then asked of them
 * alone.  About 2 ms for 20,000 people, and only when the text is no login.
 *
 * Anyone may list everyone (person list, --all), so the names a refusal
 * offers reveal no more than that list; a suggestion names only people still
 * employed, as the list does by default. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/base/fold.h"
#include "hop/base/i18n.h"
#include "hop/base/vec.h"
#include "hop/db/db.h"
#include "hop/core/people/person.h"
#include "ref_int.h"

/* A match found up to this many times is asked about one person at a time
 * whether they have left; more, and everyone who has left is read once. */
#define ASK_EACH_MAX 64

struct match {
	char login[HOP_LOGIN_MAX + 1];
	char name[HOP_NAME_MAX + 1];
	char key[REF_KEY_MAX];    /* the name folded */
	int rank;                 /* enum ref_rank; for a miss, the distance */
	int former;               /* -1 not yet known, 0 employed, 1 left */
};

struct matches {
	struct match *v;
	size_t n, cap;
	bool oom;
	const char *q, *lower;    /* folded; the text in lower case (for logins) */
	size_t qlen;
	int limit;                /* a miss: the most edits a suggestion may be away */
};

static void push(struct matches *m, const char *login, const char *name, const char *key,
                 int rank)
{
	struct match *x;

	if (!vec_grow(&m->v, &m->cap, m->n + 1, sizeof *m->v)) {
		m->oom = true;
		return;
	}
	x = &m->v[m->n++];
	snprintf(x->login, sizeof x->login, "%s", login);
	snprintf(x->name, sizeof x->name, "%s", name);
	snprintf(x->key, sizeof x->key, "%s", key);
	x->rank = rank;
	x->former = -1;
}

/* Everyone's login and name to take(): the names that might meet q (all of
 * them without q), folded. */
typedef void (*take_fn)(struct matches *m, const char *login, const char *name,
                        const char *key);

static enum hop_status scan(struct hop_app *app, struct matches *m, const char *q,
                            take_fn take, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT login, name FROM person", err);
	char key[REF_KEY_MAX];
	int rc;

	if (!st)
		return err->status;
	while ((rc = db_step(st)) == DB_ROW && !m->oom) {
		const char *login = db_col_text(st, 0), *name = db_col_text(st, 1);

		if (!login || !name || (q && !ref_may_match(name, q)))
			continue;
		take(m, login, name, ref_key(name, key, sizeof key));
	}
	db_reset(st);
	if (rc != DB_DONE && rc != DB_ROW)
		return db_fail(app->db, err, _("reading people"));
	if (m->oom)
		return hop_fail(err, HOP_ENOMEM, _("out of memory while reading people"));
	return HOP_OK;
}

static void take_match(struct matches *m, const char *login, const char *name, const char *key)
{
	enum ref_rank r = ref_match(key, m->q, m->qlen);

	if (r != REF_NONE)
		push(m, login, name, key, (int)r);
}

static void take_near(struct matches *m, const char *login, const char *name, const char *key)
{
	int d = ref_distance(key, m->q, m->qlen, m->limit);
	int dl = fold_distance(m->lower, login, m->limit);

	d = dl < d ? dl : d;
	if (d <= m->limit)
		push(m, login, name, key, d);
}

/* ---- who has left ---- */

static int by_text(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Whether the matches of rank (all with rank < 0) have left. */
static enum hop_status mark_former(struct hop_app *app, struct matches *m, int rank,
                                   struct hop_err *err)
{
	size_t todo = 0;
	struct db_stmt *st;

	for (size_t i = 0; i < m->n; i++)
		todo += (rank < 0 || m->v[i].rank == rank) && m->v[i].former < 0;
	if (!todo)
		return HOP_OK;
	if (todo <= ASK_EACH_MAX) {
		st = db_stmt(app->db, "SELECT 1 FROM person WHERE login = ?1 AND end_date < ?2", err);
		if (!st)
			return err->status;
		db_bind_today(st, 2);
		for (size_t i = 0; i < m->n; i++) {
			bool left;

			if ((rank >= 0 && m->v[i].rank != rank) || m->v[i].former >= 0)
				continue;
			db_bind_text(st, 1, m->v[i].login);
			if (db_get(st, NULL, NULL, &left, _("reading people"), err) != HOP_OK)
				return err->status;
			m->v[i].former = left;
		}
		return HOP_OK;
	}
	/* Many: the few who have left, read once and looked up in memory. */
	{
		char **gone = NULL, *key;
		size_t n = 0, cap = 0;
		int rc;

		st = db_stmt(app->db, "SELECT login FROM person WHERE end_date < ?1", err);
		if (!st)
			return err->status;
		db_bind_today(st, 1);
		while ((rc = db_step(st)) == DB_ROW) {
			const char *login = db_col_text(st, 0);
			if (!login || !vec_grow(&gone, &cap, n + 1, sizeof *gone) ||
			    !(gone[n] = strdup(login)))
				break;
			n++;
		}
		db_reset(st);
		if (rc == DB_ROW || rc == DB_DONE) {
			qsort(gone, n, sizeof *gone, by_text);
			for (size_t i = 0; i < m->n; i++) {
				key = m->v[i].login;
				if ((rank < 0 || m->v[i].rank == rank) && m->v[i].former < 0)
					m->v[i].former = bsearch(&key, gone, n, sizeof *gone, by_text) != NULL;
			}
		}
		for (size_t i = 0; i < n; i++)
			free(gone[i]);
		free(gone);
		if (rc == DB_ROW)
			return hop_fail(err, HOP_ENOMEM, _("out of memory while reading people"));
		if (rc != DB_DONE)
			return db_fail(app->db, err, _("reading people"));
	}
	return HOP_OK;
}

/* ---- choosing ---- */

/* The order a refusal names people in: by name folded, then as stored, then
 * by login. */
static int by_name(const struct match *x, const struct match *y)
{
	int d = strcmp(x->key, y->key);

	if (!d)
		d = strcmp(x->name, y->name);
	return d ? d : strcmp(x->login, y->login);
}

/* The matches of rank that have left (former) or not, first in m->v; how many. */
static size_t gather(struct matches *m, int rank, int former)
{
	size_t k = 0;

	for (size_t i = 0; i < m->n; i++) {
		if (m->v[i].rank != rank || m->v[i].former != former)
			continue;
		if (i != k) {
			struct match t = m->v[k];
			m->v[k] = m->v[i];
			m->v[i] = t;
		}
		k++;
	}
	return k;
}

static enum hop_status refuse_ambiguous(const char *text, struct match *v, size_t n,
                                        struct hop_err *err)
{
	char names[REF_NAMED * (HOP_NAME_MAX + HOP_LOGIN_MAX + 8)];
	size_t used = 0;

	/* The first REF_NAMED by name to the front, in order (there may be
	 * thousands, and only these are named). */
	for (size_t i = 0; i < n && i < REF_NAMED; i++) {
		size_t min = i;
		for (size_t j = i + 1; j < n; j++)
			if (by_name(&v[j], &v[min]) < 0)
				min = j;
		if (min != i) {
			struct match t = v[i];
			v[i] = v[min];
			v[min] = t;
		}
	}
	names[0] = '\0';
	for (size_t i = 0; i < n && i < REF_NAMED && used < sizeof names; i++)
		used += (size_t)snprintf(names + used, sizeof names - used, "%s%s (%s)", i ? ", " : "",
		                         v[i].name, v[i].login);
	return hop_refuse(err, HOP_EINVAL, HOP_R_PERSON_AMBIGUOUS, HOP_ABOUT(.n = (int)n),
	                  _("'%.200s' names %zu people: %s%s"), text, n, names,
	                  n > REF_NAMED ? ", ..." : "");
}

/* The one the matches name, best first: a whole name of someone employed, of
 * someone who has left; a word, a beginning of someone employed; a word, a
 * beginning of someone who has left.  *login "" when there is no match. */
static enum hop_status choose(struct hop_app *app, struct matches *m, const char *text,
                              char *login, struct hop_err *err)
{
	static const struct { enum ref_rank rank; int former; } order[] = {
		{ REF_WHOLE, 0 }, { REF_WHOLE, 1 }, { REF_WORD, 0 }, { REF_PREFIX, 0 },
		{ REF_WORD, 1 }, { REF_PREFIX, 1 },
	};

	login[0] = '\0';
	for (size_t o = 0; o < sizeof order / sizeof order[0]; o++) {
		size_t n, exact = 0, at = 0;

		if (mark_former(app, m, (int)order[o].rank, err) != HOP_OK)
			return err->status;
		if (!(n = gather(m, (int)order[o].rank, order[o].former)))
			continue;
		/* Of several, the one named exactly as typed. */
		for (size_t i = 0; i < n; i++)
			if (strcmp(m->v[i].name, text) == 0 && exact++ == 0)
				at = i;
		if (n > 1 && exact != 1)
			return refuse_ambiguous(text, m->v, n, err);
		snprintf(login, HOP_LOGIN_MAX + 1, "%s", m->v[n > 1 ? at : 0].login);
		return HOP_OK;
	}
	return HOP_OK;
}

/* ---- a miss ---- */

static bool login_like(const char *text)
{
	struct hop_err ignore;
	return person_check_login(text, &ignore) == HOP_OK;
}

static enum hop_status refuse_miss(struct hop_app *app, const char *text, struct matches *m,
                                   struct hop_err *err)
{
	char said[HOP_ERR_MSG_MAX];
	const struct match *best = NULL;
	size_t ties = 0;

	m->n = 0;
	m->limit = ref_limit(m->qlen);
	if (m->limit > 0 && (scan(app, m, NULL, take_near, err) != HOP_OK ||
	                     mark_former(app, m, -1, err) != HOP_OK))
		return err->status;
	for (size_t i = 0; i < m->n; i++) {
		if (m->v[i].former)
			continue;
		if (!best || m->v[i].rank < best->rank) {
			best = &m->v[i];
			ties = 0;
		}
		ties += m->v[i].rank == best->rank;
	}
	if (login_like(text))
		snprintf(said, sizeof said, _("there is no person with the login '%.64s'"), text);
	else
		snprintf(said, sizeof said, _("there is no person with the login or name '%.200s'"),
		         text);
	/* One nearest is a suggestion; several as near are a guess. */
	if (best && ties == 1)
		return hop_refuse(err, HOP_ENOTFOUND, HOP_R_NO_PERSON, HOP_ABOUT(.login = text),
		                  _("%s (did you mean %s, %s?)"), said, best->name, best->login);
	return hop_refuse(err, HOP_ENOTFOUND, HOP_R_NO_PERSON, HOP_ABOUT(.login = text), "%s", said);
}

/* ---- the look-up ---- */

/* A login typed with capitals ("JWeiss"). */
static enum hop_status by_lower_login(struct hop_app *app, const char *lower,
                                      struct hop_person *out, struct hop_err *err)
{
	struct hop_err miss;

	if (strlen(lower) > HOP_LOGIN_MAX || !login_like(lower))
		return HOP_ENOTFOUND;
	switch (person_get(app, lower, out, &miss)) {
	case HOP_OK:
		return HOP_OK;
	case HOP_ENOTFOUND:
		return HOP_ENOTFOUND;
	default:
		*err = miss;
		return err->status;
	}
}

enum hop_status person_find(struct hop_app *app, const char *text, struct hop_person *out,
                            struct hop_err *err)
{
	char q[REF_KEY_MAX], lower[REF_KEY_MAX], login[HOP_LOGIN_MAX + 1];
	struct matches m = { .q = q, .lower = lower };
	enum hop_status st = person_get(app, text, out, err);
	size_t i;

	if (st != HOP_ENOTFOUND || !*text)
		return st;
	for (i = 0; text[i] && i + 1 < sizeof lower; i++)
		lower[i] = (char)(text[i] >= 'A' && text[i] <= 'Z' ? text[i] + 32 : text[i]);
	lower[i] = '\0';
	if (strcmp(lower, text) != 0 && (st = by_lower_login(app, lower, out, err)) != HOP_ENOTFOUND)
		return st;
	m.qlen = strlen(ref_key(text, q, sizeof q));
	if (m.qlen && (scan(app, &m, q, take_match, err) != HOP_OK ||
	               choose(app, &m, text, login, err) != HOP_OK)) {
		free(m.v);
		return err->status;
	}
	if (m.qlen && login[0])
		st = person_get(app, login, out, err);
	else
		st = refuse_miss(app, text, &m, err);
	free(m.v);
	return st;
}
