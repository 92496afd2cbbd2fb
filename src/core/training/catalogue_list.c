/* Reading the catalogue: the list and one course, with its competences and
 * how many people have a live record of it. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "hop/core/app.h"
#include "hop/core/training/catalogue.h"
#include "hop/db/collect.h"
#include "hop/db/db.h"
#include "hop/base/fold.h"
#include "hop/base/i18n.h"
#include "trn_cat.h"

void trn_course_list_free(struct trn_course_list *l)
{
	free(l->v);
	memset(l, 0, sizeof *l);
}

#define INFO_COLUMNS "c.id, c.code, c.title, c.kind, coalesce(c.provider, ''), " \
	"coalesce(c.hours_x10, 0), coalesce(c.validity_months, 0), c.renewal_days, " \
	"c.needs_approval, coalesce(c.description, ''), c.created_on, c.retired_on, " \
	"(SELECT count(*) FROM training_record r WHERE r.course_id = c.id " \
	"AND r.revoked_at IS NULL), " \
	"(SELECT count(DISTINCT r.person_id) FROM training_record r WHERE r.course_id = c.id " \
	"AND r.revoked_at IS NULL) FROM course c "

static void read_info(struct db_stmt *st, void *out)
{
	struct trn_course_info *i = out;

	memset(i, 0, sizeof *i);
	i->c.id = db_col_int64(st, 0);
	db_col_copy(st, 1, i->s.code, sizeof i->s.code);
	db_col_copy(st, 2, i->s.title, sizeof i->s.title);
	i->s.kind = trn_kind_from_text(db_col_text(st, 3));
	db_col_copy(st, 4, i->s.provider, sizeof i->s.provider);
	i->s.hours_x10 = db_col_int(st, 5);
	i->s.validity_months = db_col_int(st, 6);
	i->s.renewal_days = db_col_int(st, 7);
	i->s.needs_approval = db_col_int(st, 8) != 0;
	db_col_copy(st, 9, i->s.description, sizeof i->s.description);
	i->created = db_col_date(st, 10);
	i->retired = db_col_date(st, 11);
	i->records = db_col_int(st, 12);
	i->people = db_col_int(st, 13);
	memcpy(i->c.code, i->s.code, sizeof i->c.code);
	memcpy(i->c.title, i->s.title, sizeof i->c.title);
	i->c.kind = i->s.kind;
	i->c.hours_x10 = i->s.hours_x10;
	i->c.validity_months = i->s.validity_months;
	i->c.renewal_days = i->s.renewal_days;
	i->c.needs_approval = i->s.needs_approval;
	i->c.retired = i->retired != HOP_DATE_NONE;
}

static const struct collect info_rows = {
	sizeof(struct trn_course_info), read_info,
	N_("out of memory while listing courses"), N_("listing courses"),
};

/* The competences of every course in l, in one pass over the links. */
static enum hop_status competences(struct hop_app *app, struct trn_course_list *l,
                                   struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT cc.course_id, k.code FROM course_competence cc "
	                           "JOIN competence k ON k.id = cc.competence_id "
	                           "ORDER BY cc.course_id, k.position, k.code", err);
	size_t at = 0;
	int rc;

	if (!st)
		return err->status;
	while ((rc = db_step(st)) == DB_ROW) {
		int64_t course = db_col_int64(st, 0);
		const char *code = db_col_text(st, 1);
		struct trn_course_spec *s = NULL;

		/* The list is by code, the links by course: a catalogue is tens
		 * of courses, so look each up. */
		for (at = 0; at < l->n && !s; at++)
			if (l->v[at].c.id == course)
				s = &l->v[at].s;
		if (!s || !code)
			continue;
		if (strlen(s->competences) + strlen(code) + 2 <= sizeof s->competences) {
			if (s->competences[0])
				strcat(s->competences, ",");
			strcat(s->competences, code);
		}
	}
	db_reset(st);
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("reading competences"));
	return HOP_OK;
}

enum hop_status course_list(struct hop_app *app, bool with_retired, const char *search,
                            struct trn_course_list *out, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT " INFO_COLUMNS
	                           "WHERE (?1 <> 0 OR c.retired_on IS NULL) ORDER BY c.code", err);

	memset(out, 0, sizeof *out);
	if (!st)
		return err->status;
	db_bind_int(st, 1, with_retired);
	if (collect_rows(app->db, st, &info_rows, &out->v, &out->n, &out->cap, err) != HOP_OK)
		return err->status;
	if (search && *search) {
		size_t k = 0;
		for (size_t i = 0; i < out->n; i++)
			if (fold_matches(out->v[i].s.code, search) ||
			    fold_matches(out->v[i].s.title, search) ||
			    fold_matches(out->v[i].s.provider, search))
				out->v[k++] = out->v[i];
		out->n = k;
	}
	if (competences(app, out, err) != HOP_OK) {
		trn_course_list_free(out);
		return err->status;
	}
	return HOP_OK;
}

enum hop_status course_show(struct hop_app *app, const char *code, struct trn_course_info *out,
                            struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT " INFO_COLUMNS "WHERE c.code = ?1", err);
	struct trn_course_list l = { out, 1, 1 };
	bool found;

	if (!st)
		return err->status;
	db_bind_text(st, 1, code);
	if (db_get(st, read_info, out, &found, _("reading a course"), err) != HOP_OK)
		return err->status;
	if (!found)
		return hop_refuse(err, HOP_ENOTFOUND, HOP_R_NO_COURSE, NULL,
		                  _("no course with the code '%.40s'"), code);
	return competences(app, &l, err);
}
