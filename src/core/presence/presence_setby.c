/* Who set a presence day when it was not the person themself: a lead for a
 * member, facilities or an admin.  'presence show', the Week screen and the
 * person's feed say it, so that nobody learns of such a change only from the
 * audit log.  The few setters of a week or a feed are read once each. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"
#include "hop/base/vec.h"
#include "presence_int.h"

void pr_setters_free(struct pr_setters *c)
{
	free(c->v);
	memset(c, 0, sizeof *c);
}

/* "Maria Eins (lead)": the role that lets them set another's day. */
static void label(const char *name, unsigned roles, char *buf, size_t size)
{
	if (roles & ROLE_LEAD)
		snprintf(buf, size, _("%s (lead)"), name);
	else if (roles & ROLE_FACILITIES)
		snprintf(buf, size, _("%s (facilities)"), name);
	else if (roles & ROLE_ADMIN)
		snprintf(buf, size, _("%s (admin)"), name);
	else
		snprintf(buf, size, "%s", name);
}

enum hop_status pr_setter_get(struct hop_app *app, struct pr_setters *c, int64_t id,
                              const struct pr_setter **out, struct hop_err *err)
{
	struct pr_setter *s;
	struct db_stmt *st;
	char name[HOP_NAME_MAX + 1];
	int rc;

	*out = NULL;
	if (!id)
		return HOP_OK;
	for (size_t i = 0; i < c->n; i++)
		if (c->v[i].id == id) {
			*out = &c->v[i];
			return HOP_OK;
		}
	st = db_stmt(app->db, "SELECT login, name, roles FROM person WHERE id = ?1", err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, id);
	rc = db_step(st);
	if (rc != DB_ROW) {
		db_reset(st);
		if (rc == DB_DONE)
			return HOP_OK;   /* gone: say nothing rather than fail the day */
		return db_fail(app->db, err, _("reading a person"));
	}
	if (!vec_grow(&c->v, &c->cap, c->n + 1, sizeof *c->v)) {
		db_reset(st);
		return hop_fail(err, HOP_ENOMEM, _("out of memory"));
	}
	s = &c->v[c->n++];
	s->id = id;
	db_col_copy(st, 0, s->login, sizeof s->login);
	db_col_copy(st, 1, name, sizeof name);
	label(name, (unsigned)db_col_int(st, 2), s->label, sizeof s->label);
	db_reset(st);
	*out = s;
	return HOP_OK;
}
