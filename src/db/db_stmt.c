/* Statements: stepping, binding and reading typed values, with the engine's
 * result codes turned into the few outcomes core tells apart. */
#include <string.h>

#include "hop/base/clock.h"
#include "db_int.h"

enum db_step db_step(struct db_stmt *st)
{
	int rc = sqlite3_step(st->h);

	switch (rc) {
	case SQLITE_ROW: return DB_ROW;
	case SQLITE_DONE: return DB_DONE;
	case SQLITE_CONSTRAINT_UNIQUE:
	case SQLITE_CONSTRAINT_PRIMARYKEY: return DB_UNIQUE;
	case SQLITE_CONSTRAINT_FOREIGNKEY: return DB_FOREIGN;
	case SQLITE_CONSTRAINT_CHECK:
	case SQLITE_CONSTRAINT_NOTNULL:
	/* A trigger that refuses a write guards a rule as a CHECK does (two
	 * overlapping posts of one person). */
	case SQLITE_CONSTRAINT_TRIGGER: return DB_CHECK;
	}
	if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
		return DB_BUSY;
	return DB_FAIL;
}

void db_reset(struct db_stmt *st) { sqlite3_reset(st->h); }

void db_clear(struct db_stmt *st)
{
	sqlite3_reset(st->h);
	sqlite3_clear_bindings(st->h);
}

bool db_bind_int(struct db_stmt *st, int i, int v)
{
	return sqlite3_bind_int(st->h, i, v) == SQLITE_OK;
}

bool db_bind_int64(struct db_stmt *st, int i, int64_t v)
{
	return sqlite3_bind_int64(st->h, i, v) == SQLITE_OK;
}

bool db_bind_null(struct db_stmt *st, int i) { return sqlite3_bind_null(st->h, i) == SQLITE_OK; }

bool db_bind_text(struct db_stmt *st, int i, const char *text)
{
	if (!text)
		return sqlite3_bind_null(st->h, i) == SQLITE_OK;
	return sqlite3_bind_text(st->h, i, text, -1, SQLITE_TRANSIENT) == SQLITE_OK;
}

bool db_bind_text_static(struct db_stmt *st, int i, const char *text, size_t len)
{
	return sqlite3_bind_text(st->h, i, text, (int)len, SQLITE_STATIC) == SQLITE_OK;
}

bool db_bind_date(struct db_stmt *st, int i, hop_date day)
{
	char buf[HOP_DATE_ISO_LEN];

	if (day == HOP_DATE_NONE)
		return sqlite3_bind_null(st->h, i) == SQLITE_OK;
	return sqlite3_bind_text(st->h, i, date_format(day, buf), -1, SQLITE_TRANSIENT) ==
	       SQLITE_OK;
}

bool db_bind_today(struct db_stmt *st, int i) { return db_bind_date(st, i, clock_today()); }

int db_col_int(struct db_stmt *st, int col) { return sqlite3_column_int(st->h, col); }

int64_t db_col_int64(struct db_stmt *st, int col) { return sqlite3_column_int64(st->h, col); }

const char *db_col_text(struct db_stmt *st, int col)
{
	return (const char *)sqlite3_column_text(st->h, col);
}

size_t db_col_bytes(struct db_stmt *st, int col) { return (size_t)sqlite3_column_bytes(st->h, col); }

bool db_col_is_null(struct db_stmt *st, int col)
{
	return sqlite3_column_type(st->h, col) == SQLITE_NULL;
}

hop_date db_col_date(struct db_stmt *st, int col)
{
	const char *t = (const char *)sqlite3_column_text(st->h, col);
	hop_date d;

	if (!t || !date_parse_iso(t, &d))
		return HOP_DATE_NONE;
	return d;
}

void db_col_copy(struct db_stmt *st, int col, char *buf, size_t size)
{
	const unsigned char *t = sqlite3_column_text(st->h, col);
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
