/* PostgreSQL statements: prepared once per connection under a generated
 * name with core's ?NNN as $N, values bound as text (the server types each
 * parameter from where it stands, as it would a literal, so that one
 * statement serves a date column and a text one alike), rows read one at a
 * time (single-row mode: a feed of a million bookings never sits in memory
 * whole), and failures as the outcomes core tells apart.
 *
 * Two things SQLite does that PostgreSQL does not, done here:
 * - a failed statement inside a transaction leaves the transaction usable
 *   (core explains a refused booking by reading who holds the desk): each
 *   write inside a transaction runs inside a savepoint of its own;
 * - a write outside a transaction takes the write lock (db_pg.c) like any
 *   other hop writer: it runs as a transaction of its own. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/base/i18n.h"
#include "hop/base/vec.h"
#include "db_pg_int.h"

enum pg_state { PS_IDLE, PS_RUNNING, PS_DONE };

struct pg_stmt {
	struct pg_conn *pc;
	char name[16];
	int nparams;
	char **vals;                /* owned; NULL binds NULL */
	bool write;                 /* runs under the write lock */
	enum pg_state state;
	bool own_tx;                /* a write outside a transaction: BEGIN ... COMMIT */
	bool savepoint;             /* a write inside one: SAVEPOINT ... RELEASE */
	enum db_step outcome;       /* of the last run, once PS_DONE */
	PGresult *row;              /* the current row */
	PGresult **queue;           /* results drained while another statement ran */
	size_t nq, qhead, qcap;
};

/* The rows still coming for the busy statement go into its queue, so that
 * the connection is free for another statement (core reads inside loops). */
void pg_settle(struct pg_conn *pc)
{
	struct pg_stmt *s = pc->busy;
	PGresult *r;

	if (!s)
		return;
	while ((r = pc->pq->PQgetResult(pc->c))) {
		if (!vec_grow(&s->queue, &s->qcap, s->nq + 1, sizeof *s->queue)) {
			/* Out of memory: the rest is lost; the statement ends in a failure. */
			pc->pq->PQclear(r);
			continue;
		}
		s->queue[s->nq++] = r;
	}
	pc->busy = NULL;
}

/* A parameter the server cannot type from where it stands ("?2 IS NULL",
 * "SELECT ?1") is text, as SQLite would have it: prepare again with that
 * parameter declared text, one at a time, as the server names them.  Inside
 * a transaction a failed prepare would abort it: each try has a savepoint. */
static PGresult *prepare_typed(struct pg_conn *pc, struct pg_stmt *s, const char *text)
{
	const struct pq_api *pq = pc->pq;
	bool sp = pq->PQtransactionStatus(pc->c) == PQTRANS_INTRANS;
	Oid *types = s->nparams ? calloc((size_t)s->nparams, sizeof *types) : NULL;
	PGresult *r = NULL;

	for (int tries = 0; tries <= s->nparams; tries++) {
		const char *state, *msg, *dollar;
		int n;

		if (sp && !pg_run(pc, "SAVEPOINT hop_prep"))
			break;
		pq->PQclear(r);
		r = pq->PQprepare(pc->c, s->name, text, s->nparams, types);
		if (pq->PQresultStatus(r) == PGRES_COMMAND_OK) {
			if (sp)
				pg_run(pc, "RELEASE hop_prep");
			break;
		}
		if (sp)
			pg_run(pc, "ROLLBACK TO hop_prep; RELEASE hop_prep");
		state = pq->PQresultErrorField(r, PG_DIAG_SQLSTATE);
		msg = pq->PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY);
		dollar = msg ? strchr(msg, '$') : NULL;
		n = dollar ? atoi(dollar + 1) : 0;
		if (!types || !state || strcmp(state, "42P18") != 0 || n < 1 || n > s->nparams ||
		    types[n - 1])
			break;
		types[n - 1] = 25;      /* TEXTOID */
	}
	free(types);
	return r;
}

void *pg_prepare(struct hop_db *db, const char *sql, struct hop_err *err)
{
	struct pg_conn *pc = db->h;
	const struct pq_api *pq = pc->pq;
	struct pg_stmt *s = calloc(1, sizeof *s);
	char *text, what[160];
	PGresult *r;

	if (!s || !(text = pg_placeholders(sql, &s->nparams))) {
		free(s);
		hop_fail(err, HOP_ENOMEM, _("out of memory"));
		return NULL;
	}
	if (s->nparams && !(s->vals = calloc((size_t)s->nparams, sizeof *s->vals))) {
		free(text);
		free(s);
		hop_fail(err, HOP_ENOMEM, _("out of memory"));
		return NULL;
	}
	s->pc = pc;
	s->write = pg_is_write(sql);
	snprintf(s->name, sizeof s->name, "h%d", ++pc->next_name);
	pg_settle(pc);
	r = prepare_typed(pc, s, text);
	free(text);
	if (pq->PQresultStatus(r) != PGRES_COMMAND_OK) {
		pg_keep_error(pc, r);
		pq->PQclear(r);
		/* Which statement, for whoever ports core's SQL. */
		snprintf(what, sizeof what, "%s (%.100s)", _("preparing a statement"), sql);
		db_fail(db, err, what);
		free(s->vals);
		free(s);
		return NULL;
	}
	pq->PQclear(r);
	return s;
}

/* Forget the rest of a run: rows not read, results queued. */
static void drain(struct pg_stmt *s)
{
	struct pg_conn *pc = s->pc;
	PGresult *r;

	if (s->row) {
		pc->pq->PQclear(s->row);
		s->row = NULL;
	}
	if (pc->busy == s) {
		while ((r = pc->pq->PQgetResult(pc->c)))
			pc->pq->PQclear(r);
		pc->busy = NULL;
	}
	while (s->qhead < s->nq)
		pc->pq->PQclear(s->queue[s->qhead++]);
	s->nq = s->qhead = 0;
}

/* A write's own transaction or savepoint ends with the statement; a failure
 * keeps its own error, not that of the rollback. */
static void end_write(struct pg_stmt *s, bool ok)
{
	struct pg_conn *pc = s->pc;
	char state[sizeof pc->sqlstate], msg[sizeof pc->msg];

	if (!s->own_tx && !s->savepoint)
		return;
	memcpy(state, pc->sqlstate, sizeof state);
	memcpy(msg, pc->msg, sizeof msg);
	if (s->own_tx) {
		if (ok && !pg_run(pc, "COMMIT"))
			s->outcome = pg_outcome(pc->sqlstate);
		else if (!ok)
			pg_run(pc, "ROLLBACK");
	} else if (ok) {
		if (!pg_run(pc, "RELEASE hop_st"))
			s->outcome = DB_FAIL;
	} else {
		pg_run(pc, "ROLLBACK TO hop_st; RELEASE hop_st");
	}
	if (!ok) {
		memcpy(pc->sqlstate, state, sizeof state);
		memcpy(pc->msg, msg, sizeof msg);
	}
	s->own_tx = s->savepoint = false;
}

static PGresult *next_result(struct pg_stmt *s)
{
	PGresult *r;

	if (s->qhead < s->nq)
		return s->queue[s->qhead++];
	if (s->pc->busy != s)
		return NULL;
	if (!(r = s->pc->pq->PQgetResult(s->pc->c)))
		s->pc->busy = NULL;
	return r;
}

/* The run's last result: its outcome, the changes it made, the end of its
 * transaction or savepoint. */
static enum db_step finish(struct pg_stmt *s, PGresult *r)
{
	struct pg_conn *pc = s->pc;
	const struct pq_api *pq = pc->pq;
	ExecStatusType st = r ? pq->PQresultStatus(r) : PGRES_FATAL_ERROR;
	bool ok = st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK;

	if (ok) {
		const char *cmd = pq->PQcmdStatus(r);
		s->outcome = DB_DONE;
		if (strncmp(cmd, "INSERT", 6) == 0 || strncmp(cmd, "UPDATE", 6) == 0 ||
		    strncmp(cmd, "DELETE", 6) == 0)
			pc->changes = strtoll(pq->PQcmdTuples(r), NULL, 10);
		if (strncmp(cmd, "INSERT", 6) == 0)
			pc->inserted = true;
	} else {
		pg_keep_error(pc, r);
		s->outcome = pg_outcome(pc->sqlstate);
	}
	pq->PQclear(r);
	while ((r = next_result(s)))
		pq->PQclear(r);
	s->state = PS_DONE;
	end_write(s, ok);
	return s->outcome;
}

static enum db_step start(struct pg_stmt *s)
{
	struct pg_conn *pc = s->pc;
	const struct pq_api *pq = pc->pq;

	pg_settle(pc);
	s->state = PS_DONE;
	if (s->write && pc->db->depth == 0) {
		if (!pg_run(pc, "BEGIN; " PG_WRITE_LOCK)) {
			s->outcome = pg_outcome(pc->sqlstate);
			s->own_tx = true;
			end_write(s, false);
			return s->outcome == DB_DONE ? DB_FAIL : s->outcome;
		}
		s->own_tx = true;
	} else if (s->write) {
		if (!pg_run(pc, "SAVEPOINT hop_st"))
			return s->outcome = pg_outcome(pc->sqlstate);
		s->savepoint = true;
	}
	if (!pq->PQsendQueryPrepared(pc->c, s->name, s->nparams, (const char *const *)s->vals,
	                             NULL, NULL, 0)) {
		pg_keep_error(pc, NULL);
		s->outcome = DB_FAIL;
		end_write(s, false);
		return DB_FAIL;
	}
	pq->PQsetSingleRowMode(pc->c);
	pc->busy = s;
	s->state = PS_RUNNING;
	return DB_ROW;
}

enum db_step pg_step(struct db_stmt *st)
{
	struct pg_stmt *s = st->h;
	PGresult *r;
	enum db_step rc;

	if (s->state == PS_DONE)
		return s->outcome;
	if (s->row) {
		s->pc->pq->PQclear(s->row);
		s->row = NULL;
	}
	if (s->state == PS_IDLE && (rc = start(s)) != DB_ROW)
		return rc;
	r = next_result(s);
	if (r && s->pc->pq->PQresultStatus(r) == PGRES_SINGLE_TUPLE) {
		s->row = r;
		return DB_ROW;
	}
	return finish(s, r);
}

void pg_reset(void *h)
{
	struct pg_stmt *s = h;

	if (s->state == PS_RUNNING) {
		/* The rows not read are dropped; the run's end still ends its write. */
		PGresult *r;
		if (s->row) {
			s->pc->pq->PQclear(s->row);
			s->row = NULL;
		}
		while ((r = next_result(s)) && s->pc->pq->PQresultStatus(r) == PGRES_SINGLE_TUPLE)
			s->pc->pq->PQclear(r);
		finish(s, r);
	}
	drain(s);
	s->state = PS_IDLE;
}

void pg_clear(void *h)
{
	struct pg_stmt *s = h;

	pg_reset(h);
	for (int i = 0; i < s->nparams; i++) {
		free(s->vals[i]);
		s->vals[i] = NULL;
	}
}

void pg_finalize(void *h)
{
	struct pg_stmt *s = h;

	pg_clear(h);
	free(s->queue);
	free(s->vals);
	free(s);
}

static bool set_value(struct pg_stmt *s, int i, char *v)
{
	if (i < 1 || i > s->nparams) {
		free(v);
		return false;
	}
	free(s->vals[i - 1]);
	s->vals[i - 1] = v;
	return true;
}

bool pg_bind_int64(void *h, int i, int64_t v)
{
	char buf[24], *copy;

	snprintf(buf, sizeof buf, "%lld", (long long)v);
	return (copy = strdup(buf)) && set_value(h, i, copy);
}

bool pg_bind_null(void *h, int i) { return set_value(h, i, NULL); }

/* Text goes as a C string: a copy always, cut at len (the bulk paths bind
 * pieces of a line). */
bool pg_bind_text(void *h, int i, const char *text, size_t len, bool copy)
{
	char *v = malloc(len + 1);

	(void)copy;
	if (!v)
		return false;
	memcpy(v, text, len);
	v[len] = '\0';
	return set_value(h, i, v);
}

static const char *value(struct pg_stmt *s, int col)
{
	if (!s->row || s->pc->pq->PQgetisnull(s->row, 0, col))
		return NULL;
	return s->pc->pq->PQgetvalue(s->row, 0, col);
}

/* A boolean expression (x IS NULL) reads as 1 or 0, as in SQLite. */
int64_t pg_col_int64(void *h, int col)
{
	const char *v = value(h, col);

	if (!v)
		return 0;
	if (v[0] == 't' && !v[1])
		return 1;
	if (v[0] == 'f' && !v[1])
		return 0;
	return strtoll(v, NULL, 10);
}

const char *pg_col_text(void *h, int col) { return value(h, col); }

size_t pg_col_bytes(void *h, int col)
{
	struct pg_stmt *s = h;

	return s->row ? (size_t)s->pc->pq->PQgetlength(s->row, 0, col) : 0;
}

bool pg_col_is_null(void *h, int col) { return value(h, col) == NULL; }
