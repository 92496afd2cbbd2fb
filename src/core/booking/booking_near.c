/* A new hire's first weeks side by side with the mentor: the free desk
 * nearest to the mentor's.  Places have no positions, so "nearest" is what
 * the codes say: the desks of the mentor's zone in natural code order (3.13,
 * 3.14, 3.15 ...), counted from the mentor's desk. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"
#include "hop/core/onboarding/onboarding.h"
#include "booking_int.h"

struct zone_desk { int64_t id; char code[HOP_CODE_MAX + 1]; };

static int zone_desk_cmp(const void *a, const void *b)
{
	const struct zone_desk *x = a, *y = b;
	int c = desk_code_compare(x->code, y->code);

	if (c)
		return c;
	return x->id < y->id ? -1 : x->id > y->id;
}

void bk_near_free(struct bk_near *n)
{
	if (!n)
		return;
	free(n->ids);
	memset(n, 0, sizeof *n);
}

enum hop_status bk_near_mentor(struct hop_app *app, int64_t person_id, hop_date day,
                               struct bk_near *out, struct hop_err *err)
{
	struct onb_mentor_desk md;
	struct zone_desk *v = NULL;
	size_t n = 0, cap = 0;
	struct db_stmt *st;
	bool oom = false;
	int rc;

	memset(out, 0, sizeof *out);
	if (onboarding_mentor_desk(app, person_id, day, &md, err) != HOP_OK)
		return err->status;
	if (!md.desk_id)
		return HOP_OK;
	/* The zone's desks in force that day (a few dozen), the mentor's among them. */
	st = db_stmt(app->db, "SELECT id, code FROM desk WHERE zone_id = ?1 AND kind = 'desk' "
	             "AND (retired_on IS NULL OR retired_on > ?2 OR id = ?3)", err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, md.zone_id);
	db_bind_date(st, 2, day);
	db_bind_int64(st, 3, md.desk_id);
	while ((rc = db_step(st)) == DB_ROW) {
		if ((oom = !bk_fit(&v, sizeof *v, NULL, n, &cap)))
			break;
		v[n].id = db_col_int64(st, 0);
		db_col_copy(st, 1, v[n].code, sizeof v[n].code);
		n++;
	}
	db_reset(st);
	if (!oom && rc == DB_DONE && n && !(out->ids = malloc(n * sizeof *out->ids)))
		oom = true;
	if (oom || rc != DB_DONE) {
		free(v);
		bk_near_free(out);
		return oom ? hop_fail(err, HOP_ENOMEM, _("out of memory while looking for free "
		                      "places")) : db_fail(app->db, err, _("reading the desks"));
	}
	qsort(v, n, sizeof *v, zone_desk_cmp);
	for (size_t i = 0; i < n; i++) {
		out->ids[i] = v[i].id;
		if (v[i].id == md.desk_id)
			out->at = i;
	}
	free(v);
	out->n = n;
	out->zone_id = md.zone_id;
	out->why.near_mentor = true;
	snprintf(out->why.mentor_login, sizeof out->why.mentor_login, "%s", md.mentor_login);
	snprintf(out->why.mentor_name, sizeof out->why.mentor_name, "%s", md.mentor_name);
	snprintf(out->why.mentor_desk, sizeof out->why.mentor_desk, "%s", md.desk);
	return HOP_OK;
}

size_t bk_near_distance(const struct bk_near *n, const struct bk_place *p)
{
	if (!n->zone_id || p->zone_id != n->zone_id || p->kind != DESK_KIND_DESK)
		return SIZE_MAX;
	for (size_t i = 0; i < n->n; i++)
		if (n->ids[i] == p->id)
			return i < n->at ? n->at - i : i - n->at;
	return SIZE_MAX;
}
