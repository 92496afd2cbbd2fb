/* The course catalogue: the rules of a course, adding, changing and
 * retiring one (catalogue.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "hop/core/app.h"
#include "hop/core/audit.h"
#include "hop/core/training/catalogue.h"
#include "hop/core/training/record.h"
#include "hop/core/training/trn_authz.h"
#include "hop/base/clock.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"
#include "hop/core/text_check.h"
#include "trn_cat.h"

void trn_course_spec_init(struct trn_course_spec *s)
{
	memset(s, 0, sizeof *s);
	s->kind = TRN_INHOUSE;
	s->renewal_days = TRN_RENEWAL_DEFAULT;
}

enum hop_status trn_course_check_code(const char *code, struct hop_err *err)
{
	size_t n = code ? strlen(code) : 0;

	if (!n)
		return hop_fail(err, HOP_EINVAL, _("a course needs a code, such as IT-SEC"));
	if (n > HOP_COURSE_CODE_MAX)
		return hop_fail(err, HOP_EINVAL, _("the course code '%.40s...' is longer than %d "
		                "characters"), code, HOP_COURSE_CODE_MAX);
	for (const char *p = code; *p; p++)
		if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		      (*p >= '0' && *p <= '9') || *p == '.' || *p == '_' || *p == '-'))
			return hop_fail(err, HOP_EINVAL, _("the course code '%.40s' may have only "
			                "letters, digits, '.', '_' and '-'"), code);
	return HOP_OK;
}

enum hop_status trn_course_check(const struct trn_course_spec *s, struct hop_err *err)
{
	if (trn_course_check_code(s->code, err) != HOP_OK)
		return err->status;
	if (!s->title[0])
		return hop_fail(err, HOP_EINVAL, _("the course %s needs a title"), s->code);
	if (text_check_line(s->title, _("the title"), err) != HOP_OK ||
	    text_check_line(s->provider, _("the provider"), err) != HOP_OK)
		return err->status;
	if ((unsigned)s->kind >= TRN_KIND_COUNT)
		return hop_fail(err, HOP_EINVAL, _("unknown kind of course"));
	if (s->validity_months < 0 || s->validity_months > 240)
		return hop_fail(err, HOP_EINVAL, _("a validity of %d months is out of range: 1 to "
		                "240 months, or none"), s->validity_months);
	if (s->renewal_days < 0 || s->renewal_days > 366)
		return hop_fail(err, HOP_EINVAL, _("a renewal window of %d days is out of range: 0 "
		                "to 366 days"), s->renewal_days);
	if (s->hours_x10 < 0 || s->hours_x10 > 20000)
		return hop_fail(err, HOP_EINVAL, _("the hours must be more than 0 and at most 2000"));
	return HOP_OK;
}

static const char *const kind_german[TRN_KIND_COUNT] = {
	"extern", "online", "intern", "kolloquium", "unterweisung",
};

enum hop_status trn_kind_parse(const char *text, enum trn_kind *k, struct hop_err *err)
{
	for (int i = 0; i < TRN_KIND_COUNT; i++)
		if (text && (strcasecmp(text, trn_kind_name((enum trn_kind)i)) == 0 ||
		             strcasecmp(text, kind_german[i]) == 0)) {
			*k = (enum trn_kind)i;
			return HOP_OK;
		}
	if (text && (strcasecmp(text, "in-house") == 0 || strcasecmp(text, "inhouse") == 0)) {
		*k = TRN_INHOUSE;
		return HOP_OK;
	}
	return hop_fail(err, HOP_EINVAL, _("'%.40s' is not a kind of course: external, online, "
	                "inhouse, colloquium or instruction"), text ? text : "");
}

enum hop_status trn_validity_parse(const char *text, int *months, struct hop_err *err)
{
	static const char *const none[] = { "none", "never", "keine", "nie", "0", "-" };
	char *end;
	long v;

	for (size_t i = 0; text && i < sizeof none / sizeof none[0]; i++)
		if (strcasecmp(text, none[i]) == 0) {
			*months = 0;
			return HOP_OK;
		}
	v = text && *text ? strtol(text, &end, 10) : -1;
	if (!text || !*text || *end || v < 1 || v > 240)
		return hop_fail(err, HOP_EINVAL, _("'%.40s' is not a validity: 1 to 240 months, or "
		                "none for a course that never expires"), text ? text : "");
	*months = (int)v;
	return HOP_OK;
}

/* The live competence with code: *id 0 when none, *retired when retired. */
static enum hop_status competence_of(struct hop_app *app, const char *code, int64_t *id,
                                     char *spelled, bool *retired, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT id, code, retired_on IS NOT NULL "
	                           "FROM competence WHERE code = ?1", err);
	int rc;

	*id = 0;
	*retired = false;
	if (!st)
		return err->status;
	db_bind_text(st, 1, code);
	rc = db_step(st);
	if (rc == DB_ROW) {
		*id = db_col_int64(st, 0);
		db_col_copy(st, 1, spelled, HOP_COMPETENCE_CODE_MAX + 1);
		*retired = db_col_int(st, 2) != 0;
	}
	db_reset(st);
	if (rc != DB_ROW && rc != DB_DONE)
		return db_fail(app->db, err, _("reading competences"));
	return HOP_OK;
}

enum hop_status trn_competences_parse(struct hop_app *app, const char *text, char *out,
                                      size_t size, struct hop_err *err)
{
	char buf[HOP_COMPETENCE_LIST_MAX + 64], *save = NULL, *tok;
	int n = 0;

	out[0] = '\0';
	if (!text || !*text)
		return HOP_OK;
	if (strlen(text) >= sizeof buf)
		return hop_fail(err, HOP_EINVAL, _("a course serves at most %d competences"),
		                HOP_COURSE_COMPETENCES_MAX);
	snprintf(buf, sizeof buf, "%s", text);
	for (tok = strtok_r(buf, ",;", &save); tok; tok = strtok_r(NULL, ",;", &save)) {
		char code[HOP_COMPETENCE_CODE_MAX + 1], spelled[HOP_COMPETENCE_CODE_MAX + 1];
		size_t len;
		int64_t id;
		bool retired;

		while (*tok == ' ' || *tok == '\t')
			tok++;
		len = strlen(tok);
		while (len && (tok[len - 1] == ' ' || tok[len - 1] == '\t'))
			tok[--len] = '\0';
		if (!len)
			continue;
		if (len > HOP_COMPETENCE_CODE_MAX)
			return hop_fail(err, HOP_ENOTFOUND, _("no competence with the code '%.40s'"), tok);
		snprintf(code, sizeof code, "%s", tok);
		if (competence_of(app, code, &id, spelled, &retired, err) != HOP_OK)
			return err->status;
		if (!id)
			return hop_fail(err, HOP_ENOTFOUND, _("no competence with the code '%.40s'"),
			                code);
		if (retired)
			return hop_fail(err, HOP_EINVAL, _("the competence '%s' is retired"), spelled);
		if (trn_competence_listed(out, spelled))
			continue;
		if (++n > HOP_COURSE_COMPETENCES_MAX)
			return hop_fail(err, HOP_EINVAL, _("a course serves at most %d competences"),
			                HOP_COURSE_COMPETENCES_MAX);
		if (strlen(out) + strlen(spelled) + 2 > size)
			return hop_fail(err, HOP_EINVAL, _("a course serves at most %d competences"),
			                HOP_COURSE_COMPETENCES_MAX);
		if (out[0])
			strcat(out, ",");
		strcat(out, spelled);
	}
	return HOP_OK;
}

bool trn_competence_listed(const char *list, const char *code)
{
	size_t n = strlen(code);

	for (const char *p = list; *p; ) {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (len == n && strncasecmp(p, code, n) == 0)
			return true;
		if (!end)
			break;
		p = end + 1;
	}
	return false;
}

/* Make the course's competences those of list (already checked). */
enum hop_status trn_course_set_competences(struct hop_app *app, int64_t course_id,
                                           const char *list, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "DELETE FROM course_competence WHERE course_id = ?1",
	                             err);
	char buf[HOP_COMPETENCE_LIST_MAX + 1], *save = NULL, *tok;

	if (!st)
		return err->status;
	db_bind_int64(st, 1, course_id);
	if (db_run(st, _("changing a course's competences"), err) != HOP_OK)
		return err->status;
	snprintf(buf, sizeof buf, "%s", list);
	st = db_stmt(app->db, "INSERT INTO course_competence (course_id, competence_id) "
	             "SELECT ?1, id FROM competence WHERE code = ?2", err);
	if (!st)
		return err->status;
	for (tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		db_bind_int64(st, 1, course_id);
		db_bind_text(st, 2, tok);
		if (db_run(st, _("changing a course's competences"), err) != HOP_OK)
			return err->status;
	}
	return HOP_OK;
}

/* Bind the fields of s to ?2..?10 of an insert or update. */
static void bind_spec(struct db_stmt *st, const struct trn_course_spec *s)
{
	db_bind_text(st, 2, s->title);
	db_bind_text(st, 3, trn_kind_name(s->kind));
	db_bind_text(st, 4, s->provider[0] ? s->provider : NULL);
	if (s->hours_x10 > 0)
		db_bind_int(st, 5, s->hours_x10);
	else
		db_bind_null(st, 5);
	if (s->validity_months > 0)
		db_bind_int(st, 6, s->validity_months);
	else
		db_bind_null(st, 6);
	db_bind_int(st, 7, s->renewal_days);
	db_bind_int(st, 8, s->needs_approval);
	db_bind_text(st, 9, s->description[0] ? s->description : NULL);
}

/* A code no other course (but id) has, in any case. */
static enum hop_status code_free(struct hop_app *app, const char *code, int64_t id,
                                 struct hop_err *err)
{
	struct trn_course c;
	struct hop_err e;
	enum hop_status st = trn_course_get(app, code, &c, &e);

	if (st == HOP_ENOTFOUND)
		return HOP_OK;
	if (st != HOP_OK) {
		*err = e;
		return st;
	}
	if (c.id == id)
		return HOP_OK;
	return hop_fail(err, HOP_ECONFLICT, _("the code %s is already the course '%s'%s"), c.code,
	                c.title, c.retired ? _(" (retired)") : "");
}

enum hop_status trn_course_insert(struct hop_app *app, const struct trn_course_spec *s,
                                  int64_t *id, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "INSERT INTO course (code, title, kind, provider, "
	                           "hours_x10, validity_months, renewal_days, needs_approval, "
	                           "description, created_on) "
	                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", err);

	if (!st)
		return err->status;
	db_bind_text(st, 1, s->code);
	bind_spec(st, s);
	db_bind_today(st, 10);
	if (db_run(st, _("adding a course"), err) != HOP_OK)
		return err->status;
	*id = db_last_id(app->db);
	return trn_course_set_competences(app, *id, s->competences, err);
}

enum hop_status trn_course_update(struct hop_app *app, int64_t id,
                                  const struct trn_course_spec *s, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "UPDATE course SET code = ?1, title = ?2, kind = ?3, "
	                           "provider = ?4, hours_x10 = ?5, validity_months = ?6, "
	                           "renewal_days = ?7, needs_approval = ?8, description = ?9 "
	                           "WHERE id = ?10", err);

	if (!st)
		return err->status;
	db_bind_text(st, 1, s->code);
	bind_spec(st, s);
	db_bind_int64(st, 10, id);
	if (db_run(st, _("changing a course"), err) != HOP_OK)
		return err->status;
	return trn_course_set_competences(app, id, s->competences, err);
}

enum hop_status course_add(struct hop_app *app, const struct trn_course_spec *s,
                           struct hop_err *err)
{
	struct trn_course_spec n = *s;
	char object[HOP_COURSE_CODE_MAX + 8], detail[HOP_COURSE_TITLE_MAX + 200],
	     hours[16];
	int64_t id;

	if (authz_course_manage(app, err) != HOP_OK || trn_course_check(s, err) != HOP_OK ||
	    trn_competences_parse(app, s->competences, n.competences, sizeof n.competences,
	                          err) != HOP_OK)
		return err->status;
	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	if (code_free(app, s->code, 0, err) != HOP_OK || trn_course_insert(app, &n, &id, err) != HOP_OK)
		goto fail;
	snprintf(object, sizeof object, "course:%s", s->code);
	snprintf(detail, sizeof detail, "%s; %s; hours %s; validity %d months; window %d days%s",
	         s->title, trn_kind_name(s->kind), trn_hours_format(s->hours_x10, hours,
	         sizeof hours), s->validity_months, s->renewal_days,
	         s->needs_approval ? "; needs approval" : "");
	return audit_commit(app, "course.add", object, detail, err);
fail:
	db_rollback(app->db);
	return err->status;
}

/* Do two comma-separated lists of codes name the same competences, in
 * whatever order? */
static bool same_set(const char *a, const char *b)
{
	char buf[HOP_COMPETENCE_LIST_MAX + 1], *save = NULL, *tok;
	int na = 0, nb = 0;

	snprintf(buf, sizeof buf, "%s", a);
	for (tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save), na++)
		if (!trn_competence_listed(b, tok))
			return false;
	snprintf(buf, sizeof buf, "%s", b);
	for (tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save))
		nb++;
	return na == nb;
}

/* What an edit changes, into detail (audit_change). */
void trn_course_diff(const struct trn_course_spec *o, const struct trn_course_spec *n,
                     char *detail, size_t size)
{
	char a[24], b[24];

	detail[0] = '\0';
	if (strcmp(o->code, n->code))
		audit_change(detail, size, "code", o->code, n->code);
	if (strcmp(o->title, n->title))
		audit_change(detail, size, "title", o->title, n->title);
	if (o->kind != n->kind)
		audit_change(detail, size, "kind", trn_kind_name(o->kind), trn_kind_name(n->kind));
	if (strcmp(o->provider, n->provider))
		audit_change(detail, size, "provider", o->provider, n->provider);
	if (o->hours_x10 != n->hours_x10)
		audit_change(detail, size, "hours", trn_hours_format(o->hours_x10, a, sizeof a),
		             trn_hours_format(n->hours_x10, b, sizeof b));
	if (!same_set(o->competences, n->competences))
		audit_change(detail, size, "competences", o->competences, n->competences);
	if (o->validity_months != n->validity_months) {
		snprintf(a, sizeof a, "%d", o->validity_months);
		snprintf(b, sizeof b, "%d", n->validity_months);
		audit_change(detail, size, "validity", o->validity_months ? a : "",
		             n->validity_months ? b : "");
	}
	if (o->renewal_days != n->renewal_days) {
		snprintf(a, sizeof a, "%d", o->renewal_days);
		snprintf(b, sizeof b, "%d", n->renewal_days);
		audit_change(detail, size, "renewal", a, b);
	}
	if (o->needs_approval != n->needs_approval)
		audit_change(detail, size, "approval", o->needs_approval ? "yes" : "no",
		             n->needs_approval ? "yes" : "no");
	if (strcmp(o->description, n->description))
		audit_change(detail, size, "description", o->description[0] ? "..." : "",
		             n->description[0] ? "..." : "");
}

/* The fields of s that fields names, over o. */
void trn_course_apply(struct trn_course_spec *o, unsigned fields, const struct trn_course_spec *s)
{
	if (fields & CF_CODE)
		snprintf(o->code, sizeof o->code, "%s", s->code);
	if (fields & CF_TITLE)
		snprintf(o->title, sizeof o->title, "%s", s->title);
	if (fields & CF_KIND)
		o->kind = s->kind;
	if (fields & CF_PROVIDER)
		snprintf(o->provider, sizeof o->provider, "%s", s->provider);
	if (fields & CF_HOURS)
		o->hours_x10 = s->hours_x10;
	if (fields & CF_COMPETENCES)
		snprintf(o->competences, sizeof o->competences, "%s", s->competences);
	if (fields & CF_VALIDITY)
		o->validity_months = s->validity_months;
	if (fields & CF_RENEWAL)
		o->renewal_days = s->renewal_days;
	if (fields & CF_APPROVAL)
		o->needs_approval = s->needs_approval;
	if (fields & CF_DESCRIPTION)
		snprintf(o->description, sizeof o->description, "%s", s->description);
}

static enum hop_status set_retired(struct hop_app *app, int64_t id, bool retire,
                                   struct hop_err *err)
{
	struct db_stmt *st = retire
		? db_stmt(app->db, "UPDATE course SET retired_on = ?2 WHERE id = ?1", err)
		: db_stmt(app->db, "UPDATE course SET retired_on = NULL WHERE id = ?1", err);

	if (!st)
		return err->status;
	db_bind_int64(st, 1, id);
	if (retire)
		db_bind_today(st, 2);
	return db_run(st, retire ? _("retiring a course") : _("changing a course"), err);
}

enum hop_status course_edit(struct hop_app *app, const char *code, unsigned fields,
                            const struct trn_course_spec *s, char *changes, size_t size,
                            struct hop_err *err)
{
	struct trn_course_info i;
	struct trn_course_spec n, given = *s;
	char object[HOP_COURSE_CODE_MAX + 8], detail[2 * HOP_COMPETENCE_LIST_MAX + 1200];

	if (changes && size)
		changes[0] = '\0';
	if (authz_course_manage(app, err) != HOP_OK)
		return err->status;
	if ((fields & CF_COMPETENCES) &&
	    trn_competences_parse(app, s->competences, given.competences,
	                          sizeof given.competences, err) != HOP_OK)
		return err->status;
	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	if (course_show(app, code, &i, err) != HOP_OK)
		goto fail;
	n = i.s;
	trn_course_apply(&n, fields, &given);
	if (trn_course_check(&n, err) != HOP_OK ||
	    ((fields & CF_CODE) && code_free(app, n.code, i.c.id, err) != HOP_OK))
		goto fail;
	trn_course_diff(&i.s, &n, detail, sizeof detail);
	if ((fields & CF_ACTIVATE) && i.retired != HOP_DATE_NONE) {
		if (set_retired(app, i.c.id, false, err) != HOP_OK)
			goto fail;
		audit_change(detail, sizeof detail, "retired", "yes", "no");
	}
	if (!detail[0]) {
		db_rollback(app->db);
		return HOP_OK;
	}
	if (trn_course_update(app, i.c.id, &n, err) != HOP_OK)
		goto fail;
	snprintf(object, sizeof object, "course:%s", i.c.code);
	return audit_commit_report(app, "course.edit", object, detail, changes, size, err);
fail:
	db_rollback(app->db);
	return err->status;
}

enum hop_status course_retire(struct hop_app *app, const char *code, struct hop_err *err)
{
	struct trn_course c;
	char object[HOP_COURSE_CODE_MAX + 8];

	if (authz_course_manage(app, err) != HOP_OK)
		return err->status;
	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	if (trn_course_get(app, code, &c, err) != HOP_OK)
		goto fail;
	if (c.retired) {
		hop_fail(err, HOP_ECONFLICT, _("the course %s is already retired"), c.code);
		goto fail;
	}
	if (set_retired(app, c.id, true, err) != HOP_OK)
		goto fail;
	snprintf(object, sizeof object, "course:%s", c.code);
	return audit_commit(app, "course.retire", object, c.title, err);
fail:
	db_rollback(app->db);
	return err->status;
}

enum hop_status trn_course_text(char *field, size_t size, const char *what, const char *value,
                                struct hop_err *err)
{
	size_t n = value ? strlen(value) : 0;

	if (n >= size)
		return hop_fail(err, HOP_EINVAL, _("the %s is %zu bytes long; the limit is %zu"), what,
		                n, size - 1);
	snprintf(field, size, "%s", value ? value : "");
	return HOP_OK;
}
