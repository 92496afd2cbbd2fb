/* A course as every training module reads it, and the words of its kinds. */
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/training/course.h"
#include "hop/base/i18n.h"
#include "hop/db/db.h"

static const char *const kind_names[TRN_KIND_COUNT] = {
	"external", "online", "inhouse", "colloquium", "instruction",
};

const char *trn_kind_name(enum trn_kind k)
{
	return (unsigned)k < TRN_KIND_COUNT ? kind_names[k] : kind_names[TRN_INHOUSE];
}

const char *trn_kind_display(enum trn_kind k)
{
	switch (k) {
	case TRN_EXTERNAL:    return _("external");
	case TRN_ONLINE:      return _("online");
	case TRN_INHOUSE:     return _("in-house");
	case TRN_COLLOQUIUM:  return _("colloquium");
	case TRN_INSTRUCTION: return _("instruction");
	}
	return "";
}

enum trn_kind trn_kind_from_text(const char *text)
{
	for (int k = 0; k < TRN_KIND_COUNT; k++)
		if (text && strcmp(text, kind_names[k]) == 0)
			return (enum trn_kind)k;
	return TRN_INHOUSE;
}

#define COURSE_COLUMNS "id, code, title, kind, coalesce(hours_x10, 0), " \
	"coalesce(validity_months, 0), renewal_days, needs_approval, retired_on IS NOT NULL " \
	"FROM course "

static void read_course(struct db_stmt *st, void *out)
{
	struct trn_course *c = out;

	c->id = db_col_int64(st, 0);
	db_col_copy(st, 1, c->code, sizeof c->code);
	db_col_copy(st, 2, c->title, sizeof c->title);
	c->kind = trn_kind_from_text(db_col_text(st, 3));
	c->hours_x10 = db_col_int(st, 4);
	c->validity_months = db_col_int(st, 5);
	c->renewal_days = db_col_int(st, 6);
	c->needs_approval = db_col_int(st, 7) != 0;
	c->retired = db_col_int(st, 8) != 0;
}

enum hop_status trn_course_get(struct hop_app *app, const char *code, struct trn_course *out,
                               struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT " COURSE_COLUMNS "WHERE code = ?1", err);
	bool found;

	if (!st)
		return err->status;
	db_bind_text(st, 1, code);
	if (db_get(st, read_course, out, &found, _("reading a course"), err) != HOP_OK)
		return err->status;
	return found ? HOP_OK : hop_refuse(err, HOP_ENOTFOUND, HOP_R_NO_COURSE, NULL,
	                                   _("no course with the code '%.40s'"), code);
}

enum hop_status trn_course_by_id(struct hop_app *app, int64_t id, struct trn_course *out,
                                 struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT " COURSE_COLUMNS "WHERE id = ?1", err);
	bool found;

	if (!st)
		return err->status;
	db_bind_int64(st, 1, id);
	if (db_get(st, read_course, out, &found, _("reading a course"), err) != HOP_OK)
		return err->status;
	return found ? HOP_OK : hop_refuse(err, HOP_ENOTFOUND, HOP_R_NO_COURSE, NULL,
	                                   _("no course with the id %lld"), (long long)id);
}
