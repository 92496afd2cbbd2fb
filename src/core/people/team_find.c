/* A team as people name it (team_find in person.h): its name or slug, the
 * name as typed with other dashes, case or umlauts ("Referat Z 2 - Haushalt"
 * for "Referat Z 2 – Haushalt"), a word of it, or the beginning of either.
 * An organisation has a few thousand teams at most: their names are read and
 * folded for each look-up that is not the exact name. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/base/fold.h"
#include "hop/base/i18n.h"
#include "hop/db/db.h"
#include "hop/core/people/person.h"
#include "ref_int.h"

struct tfound {
	const char *q;
	size_t qlen;
	enum ref_rank best;
	size_t n;                                   /* teams of that rank */
	char top[REF_NAMED][HOP_TEAM_NAME_MAX + 1];   /* the first of them by name */
	size_t ntop;
	bool miss;                                  /* the second pass: how near each is */
	int limit, near;                            /* the nearest distance */
	size_t nnear;
	char nearest[HOP_TEAM_NAME_MAX + 1];
};

static void take(struct tfound *f, const char *name, const char *slug)
{
	char key[REF_KEY_MAX];
	enum ref_rank r;
	size_t at;
	int d;

	if (!f->miss && !ref_may_match(name, f->q))
		return;
	ref_key(name, key, sizeof key);
	r = f->miss ? REF_NONE : ref_match(key, f->q, f->qlen);
	if (f->miss) {
		d = ref_distance(key, f->q, f->qlen, f->limit);
		if (slug) {
			int ds = fold_distance(f->q, slug, f->limit);
			d = ds < d ? ds : d;
		}
		if (d < f->near) {
			f->near = d;
			f->nnear = 0;
			snprintf(f->nearest, sizeof f->nearest, "%s", name);
		}
		if (d == f->near && d <= f->limit)
			f->nnear++;
		return;
	}
	if (r == REF_NONE)
		return;
	if (r > f->best)
		return;
	if (r < f->best) {
		f->best = r;
		f->n = f->ntop = 0;
	}
	/* The first REF_NAMED by name, in order (the teams come unsorted:
	 * sorting them all by the collation would cost more than the rest). */
	f->n++;
	for (at = f->ntop; at > 0 && fold_collate(name, strlen(name), f->top[at - 1],
	                                          strlen(f->top[at - 1])) < 0; at--)
		;
	if (at >= REF_NAMED)
		return;
	if (f->ntop < REF_NAMED)
		f->ntop++;
	memmove(f->top[at + 1], f->top[at], (f->ntop - 1 - at) * sizeof f->top[0]);
	snprintf(f->top[at], sizeof f->top[0], "%s", name);
}

enum hop_status team_find(struct hop_app *app, const char *text, struct hop_team *out,
                          struct hop_err *err)
{
	char q[REF_KEY_MAX], names[REF_NAMED * (HOP_TEAM_NAME_MAX + 4) + 8] = "";
	struct tfound f = { .q = q, .best = REF_NONE };
	enum hop_status st = team_get(app, text, out, err);
	struct db_stmt *s;
	size_t used = 0;
	int rc;

	if (st != HOP_ENOTFOUND || !*text)
		return st;
	f.qlen = strlen(ref_key(text, q, sizeof q));
	f.limit = ref_limit(f.qlen);
	f.near = f.limit + 1;
	if (!f.qlen)
		return st;
	/* The matches; for a miss, a second pass for the nearest name. */
	for (int pass = 0; pass < 2 && !f.n; pass++) {
		f.miss = pass == 1;
		s = db_stmt(app->db, "SELECT name, slug FROM team WHERE dissolved_on IS NULL", err);
		if (!s)
			return err->status;
		while ((rc = db_step(s)) == DB_ROW) {
			const char *name = db_col_text(s, 0), *slug = db_col_text(s, 1);
			if (name)
				take(&f, name, slug);
		}
		db_reset(s);
		if (rc != DB_DONE)
			return db_fail(app->db, err, _("reading teams"));
		if (!f.limit)
			break;
	}
	if (f.n == 1)
		return team_get(app, f.top[0], out, err);
	if (f.n > 1) {
		for (size_t i = 0; i < f.ntop; i++)
			used += (size_t)snprintf(names + used, sizeof names - used, "%s'%s'",
			                         i ? ", " : "", f.top[i]);
		return hop_refuse(err, HOP_EINVAL, HOP_R_TEAM_AMBIGUOUS, HOP_ABOUT(.n = (int)f.n),
		                  _("'%.120s' could be %zu teams: %s%s"), text, f.n, names,
		                  f.n > f.ntop ? ", ..." : "");
	}
	/* One nearest is a suggestion; several as near are a guess. */
	if (f.near <= f.limit && f.nnear == 1)
		return hop_refuse(err, HOP_ENOTFOUND, HOP_R_NO_TEAM, NULL,
		                  _("there is no team '%.120s' (did you mean '%s'?)"), text, f.nearest);
	return hop_refuse(err, HOP_ENOTFOUND, HOP_R_NO_TEAM, NULL, _("there is no team '%.120s'"),
	                  text);
}
