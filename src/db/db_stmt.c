/* Statements, whatever the engine: stepping, the two common ways to run one,
 * typed binders and readers.  Each is one call into the connection's driver;
 * dates and the cut of copied text are decided here, once. */
#include <string.h>

#include "hop/base/clock.h"
#include "db_int.h"

enum db_step db_step(struct db_stmt *st) { return st->drv->step(st); }

void db_reset(struct db_stmt *st) { st->drv->reset(st->h); }

enum hop_status db_run(struct db_stmt *st, const char *what, struct hop_err *err)
{
	enum db_step rc = db_step(st);

	db_reset(st);
	return rc == DB_DONE ? HOP_OK : db_fail(st->db, err, what);
}

enum hop_status db_get(struct db_stmt *st, db_read_fn read, void *out, bool *found,
                       const char *what, struct hop_err *err)
{
	enum db_step rc = db_step(st);

	*found = rc == DB_ROW;
	if (*found && read)
		read(st, out);
	db_reset(st);
	if (rc != DB_ROW && rc != DB_DONE)
		return db_fail(st->db, err, what);
	return HOP_OK;
}

struct text_buf {
	char *buf;
	size_t size;
};

static void read_text(struct db_stmt *st, void *out)
{
	struct text_buf *t = out;

	db_col_copy(st, 0, t->buf, t->size);
}

enum hop_status db_get_text(struct db_stmt *st, char *buf, size_t size, bool *found,
                            const char *what, struct hop_err *err)
{
	struct text_buf t = { buf, size };

	if (size)
		buf[0] = '\0';
	return db_get(st, read_text, &t, found, what, err);
}

static void read_int64(struct db_stmt *st, void *out)
{
	*(int64_t *)out = db_col_int64(st, 0);
}

enum hop_status db_get_int64(struct db_stmt *st, int64_t *v, bool *found, const char *what,
                             struct hop_err *err)
{
	return db_get(st, read_int64, v, found, what, err);
}

void db_clear(struct db_stmt *st) { st->drv->clear(st->h); }

bool db_bind_int(struct db_stmt *st, int i, int v) { return st->drv->bind_int64(st->h, i, v); }

bool db_bind_int64(struct db_stmt *st, int i, int64_t v)
{
	return st->drv->bind_int64(st->h, i, v);
}

bool db_bind_null(struct db_stmt *st, int i) { return st->drv->bind_null(st->h, i); }

bool db_bind_text(struct db_stmt *st, int i, const char *text)
{
	if (!text)
		return st->drv->bind_null(st->h, i);
	return st->drv->bind_text(st->h, i, text, strlen(text), true);
}

bool db_bind_text_static(struct db_stmt *st, int i, const char *text, size_t len)
{
	return st->drv->bind_text(st->h, i, text, len, false);
}

bool db_bind_date(struct db_stmt *st, int i, hop_date day)
{
	char buf[HOP_DATE_ISO_LEN];

	if (day == HOP_DATE_NONE)
		return st->drv->bind_null(st->h, i);
	date_format(day, buf);
	return st->drv->bind_text(st->h, i, buf, strlen(buf), true);
}

bool db_bind_today(struct db_stmt *st, int i) { return db_bind_date(st, i, clock_today()); }

int db_col_int(struct db_stmt *st, int col) { return (int)st->drv->col_int64(st->h, col); }

int64_t db_col_int64(struct db_stmt *st, int col) { return st->drv->col_int64(st->h, col); }

const char *db_col_text(struct db_stmt *st, int col) { return st->drv->col_text(st->h, col); }

size_t db_col_bytes(struct db_stmt *st, int col) { return st->drv->col_bytes(st->h, col); }

bool db_col_is_null(struct db_stmt *st, int col) { return st->drv->col_is_null(st->h, col); }

hop_date db_col_date(struct db_stmt *st, int col)
{
	const char *t = st->drv->col_text(st->h, col);
	hop_date d;

	if (!t || !date_parse_iso(t, &d))
		return HOP_DATE_NONE;
	return d;
}

void db_col_copy(struct db_stmt *st, int col, char *buf, size_t size)
{
	const unsigned char *t = (const unsigned char *)st->drv->col_text(st->h, col);
	size_t n;

	if (!size)
		return;
	if (!t) {
		buf[0] = '\0';
		return;
	}
	n = strlen((const char *)t);
	if (n >= size) {
		/* Cut at a character boundary, never inside a UTF-8 sequence. */
		n = size - 1;
		while (n > 0 && (t[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(buf, t, n);
	buf[n] = '\0';
}
