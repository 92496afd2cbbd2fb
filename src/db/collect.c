/* Reading every row of a query into a growing list (see collect_int.h). */
#include <stdlib.h>
#include <string.h>

#include "hop/base/i18n.h"
#include "hop/base/vec.h"
#include "hop/db/collect.h"

static void list_free(void *vp, size_t *n, size_t *cap)
{
	void *v;

	memcpy(&v, vp, sizeof v);
	free(v);
	v = NULL;
	memcpy(vp, &v, sizeof v);
	*n = *cap = 0;
}

enum hop_status collect_rows(struct hop_db *db, struct db_stmt *st, const struct collect *c,
                             void *vp, size_t *n, size_t *cap, struct hop_err *err)
{
	char *v;
	int rc;

	while ((rc = db_step(st)) == DB_ROW) {
		if (!vec_grow(vp, cap, *n + 1, c->elem)) {
			db_reset(st);
			list_free(vp, n, cap);
			return hop_fail(err, HOP_ENOMEM, "%s", _(c->oom));
		}
		memcpy(&v, vp, sizeof v);
		c->read(st, v + (*n)++ * c->elem);
	}
	db_reset(st);
	if (rc != DB_DONE) {
		list_free(vp, n, cap);
		return db_fail(db, err, _(c->what));
	}
	return HOP_OK;
}
