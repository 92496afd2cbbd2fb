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
 *   other hop writer: it runs as a transaction of its own.
 * A write goes to the server with its savepoint or transaction in one round
 * trip (db_pg_pipe.c), and its rows, if it returns any, come whole. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/base/i18n.h"
#include "hop/base/vec.h"
#include "db_pg_int.h"

enum pg_state { PS_IDLE, PS_RUNNING, PS_WHOLE, PS_DONE };

struct pg_stmt {
	struct pg_conn *pc;
	char name[16];
	int nparams;
	char **vals;                /* owned; NULL binds NULL */
	bool write;                 /* runs under the write lock */
	enum pg_state state;
	enum db_step outcome;       /* of the last run, once PS_DONE */
	PGresult *row;              /* the current row (PS_RUNNING) */
	PGresult *whole;            /* a write's rows (PS_WHOLE), the current one rowi */
	int rowi;
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

struct prep {
	struct pg_stmt *s;
	const char *text;
	const Oid *types;
};

static int send_prepare(struct pg_conn *pc, void *arg)
{
	struct prep *p = arg;

	return pc->pq->PQsendPrepare(pc->c, p->s->name, p->text, p->s->nparams, p->types);
}

/* A parameter the server cannot type from where it stands ("?2 IS NULL",
 * "SELECT ?1") is text, as SQLite would have it: prepare again with that
 * parameter declared text, one at a time, as the server names them; one the
 * statement does not use is text from the start.  Inside a transaction a
 * failed prepare would abort it: each try has a savepoint, sent with it in
 * one round trip. */
static PGresult *prepare_typed(struct pg_conn *pc, struct pg_stmt *s, const char *text)
{
	static const char *const savepoint[] = { "SAVEPOINT hop_prep" };
	const struct pq_api *pq = pc->pq;
	bool sp = pq->PQtransactionStatus(pc->c) == PQTRANS_INTRANS;
	Oid *types = s->nparams ? calloc((size_t)s->nparams, sizeof *types) : NULL;
	bool *used = s->nparams ? calloc((size_t)s->nparams, sizeof *used) : NULL;
	PGresult *r = NULL;

	if (types && used) {
		pg_params_used(text, s->nparams, used);
		for (int i = 0; i < s->nparams; i++)
			if (!used[i])
				types[i] = 25;      /* TEXTOID */
	}
	free(used);

	for (int tries = 0; tries <= s->nparams; tries++) {
		struct prep p = { s, text, types };
		const char *state, *msg, *dollar;
		bool ok;
		int n;

		pq->PQclear(r);
		if (sp) {
			r = pg_pipeline(pc, savepoint, 1, send_prepare, &p, "RELEASE hop_prep", &ok);
			if (!r)
				break;
			if (ok)
				break;
			pg_run(pc, "ROLLBACK TO hop_prep; RELEASE hop_prep");
		} else {
			r = pq->PQprepare(pc->c, s->name, text, s->nparams, types);
			if (pq->PQresultStatus(r) == PGRES_COMMAND_OK)
				break;
		}
		state = pq->PQresultErrorField(r, PG_DIAG_SQLSTATE);
		msg = pq->PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY);
		dollar = msg ? strchr(msg, '$') : NULL;
		n = dollar ? atoi(dollar + 1) : 0;
		/* indeterminate_datatype; ambiguous_parameter where it stands twice */
		if (!types || !state || (strcmp(state, "42P18") != 0 && strcmp(state, "42P08") != 0) ||
		    n < 1 || n > s->nparams || types[n - 1])
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
	if (s->whole) {
		pc->pq->PQclear(s->whole);
		s->whole = NULL;
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

/* The rows a write changed, and whether it inserted (for db_last_id). */
static void count_changes(struct pg_conn *pc, PGresult *r)
{
	const char *cmd = pc->pq->PQcmdStatus(r);

	if (strncmp(cmd, "INSERT", 6) == 0 || strncmp(cmd, "UPDATE", 6) == 0 ||
	    strncmp(cmd, "DELETE", 6) == 0) {
		pc->changes = strtoll(pc->pq->PQcmdTuples(r), NULL, 10);
		pc->total_changes += pc->changes;
	}
	if (strncmp(cmd, "INSERT", 6) == 0)
		pc->inserted = true;
}

/* A read's last result: its outcome. */
static enum db_step finish(struct pg_stmt *s, PGresult *r)
{
	struct pg_conn *pc = s->pc;
	const struct pq_api *pq = pc->pq;
	ExecStatusType st = r ? pq->PQresultStatus(r) : PGRES_FATAL_ERROR;

	if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) {
		s->outcome = DB_DONE;
		count_changes(pc, r);
	} else {
		pg_keep_error(pc, r);
		s->outcome = pg_outcome(pc->sqlstate);
	}
	pq->PQclear(r);
	while ((r = next_result(s)))
		pq->PQclear(r);
	s->state = PS_DONE;
	return s->outcome;
}

static int send_exec(struct pg_conn *pc, void *arg)
{
	struct pg_stmt *s = arg;

	return pc->pq->PQsendQueryPrepared(pc->c, s->name, s->nparams,
	                                   (const char *const *)s->vals, NULL, NULL, 0);
}

/* A write, in one round trip with its own transaction under the write lock
 * (outside one) or its savepoint (inside); a failure rolls that back and
 * keeps its own error, not the rollback's.  DB_ROW when it returns rows. */
static enum db_step run_write(struct pg_stmt *s)
{
	static const char *const tx[] = { "BEGIN", PG_WRITE_LOCK };
	static const char *const sp[] = { "SAVEPOINT hop_st" };
	struct pg_conn *pc = s->pc;
	bool own = pc->db->depth == 0, ok;
	PGresult *r = pg_pipeline(pc, own ? tx : sp, own ? 2 : 1, send_exec, s,
	                          own ? "COMMIT" : "RELEASE hop_st", &ok);
	char state[sizeof pc->sqlstate], msg[sizeof pc->msg];

	s->state = PS_DONE;
	if (!ok) {
		memcpy(state, pc->sqlstate, sizeof state);
		memcpy(msg, pc->msg, sizeof msg);
		pg_run(pc, own ? "ROLLBACK" : "ROLLBACK TO hop_st; RELEASE hop_st");
		memcpy(pc->sqlstate, state, sizeof state);
		memcpy(pc->msg, msg, sizeof msg);
		pc->pq->PQclear(r);
		return s->outcome = pg_outcome(pc->sqlstate);
	}
	count_changes(pc, r);
	s->outcome = DB_DONE;
	if (pc->pq->PQresultStatus(r) == PGRES_TUPLES_OK && pc->pq->PQntuples(r) > 0) {
		s->whole = r;
		s->rowi = 0;
		s->state = PS_WHOLE;
		return DB_ROW;
	}
	pc->pq->PQclear(r);
	return DB_DONE;
}

/* A read: its rows come one at a time. */
static enum db_step start(struct pg_stmt *s)
{
	struct pg_conn *pc = s->pc;
	const struct pq_api *pq = pc->pq;

	pg_settle(pc);
	s->state = PS_DONE;
	if (!pq->PQsendQueryPrepared(pc->c, s->name, s->nparams, (const char *const *)s->vals,
	                             NULL, NULL, 0)) {
		pg_keep_error(pc, NULL);
		return s->outcome = DB_FAIL;
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
	if (s->state == PS_WHOLE) {
		if (++s->rowi < s->pc->pq->PQntuples(s->whole))
			return DB_ROW;
		s->pc->pq->PQclear(s->whole);
		s->whole = NULL;
		s->state = PS_DONE;
		return s->outcome;
	}
	if (s->row) {
		s->pc->pq->PQclear(s->row);
		s->row = NULL;
	}
	if (s->state == PS_IDLE && s->write)
		return run_write(s);
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
		/* The rows not read are dropped. */
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

/* The current row: a write's rows are whole, a read's come one at a time. */
static PGresult *current(struct pg_stmt *s, int *row)
{
	*row = s->whole ? s->rowi : 0;
	return s->whole ? s->whole : s->row;
}

static const char *value(struct pg_stmt *s, int col)
{
	int row;
	PGresult *r = current(s, &row);

	if (!r || s->pc->pq->PQgetisnull(r, row, col))
		return NULL;
	return s->pc->pq->PQgetvalue(r, row, col);
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
	int row;
	PGresult *r = current(s, &row);

	return r ? (size_t)s->pc->pq->PQgetlength(r, row, col) : 0;
}

bool pg_col_is_null(void *h, int col) { return value(h, col) == NULL; }
