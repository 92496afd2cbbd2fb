/* The people import's own state, shared by its two files: import.c reads
 * and checks what a row says by itself (the columns, logins, names, dates),
 * import_people_db.c what the database says about it (its team, whether the
 * login exists and what an edit changes), stages the new people and writes.
 * What the database says is asked once without the write lock and again
 * under it when the data has changed in between (import_run).  Private to
 * src/core/import. */
#ifndef HOP_IMPORT_PEOPLE_INT_H
#define HOP_IMPORT_PEOPLE_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "hop/base/err.h"
#include "hop/core/import/import.h"
#include "hop/core/people/person.h"
#include "import_int.h"

enum column { C_LOGIN, C_NAME, C_EMAIL, C_TEAM, C_ROLES, C_START, C_END, C_COUNT };

/* A team name of the file, looked up once however many rows name it. */
struct team_ref {
	char typed[HOP_TEAM_NAME_MAX + 1];   /* as the file writes it */
	enum { TEAM_ACTIVE, TEAM_DISSOLVED, TEAM_NONE, TEAM_NEW } kind;
	struct hop_team t;                   /* ACTIVE, DISSOLVED: the team */
	size_t new_team;                     /* NEW: index into new_teams */
};

struct row {
	struct import_row b;       /* line, exists (the login is in the database: an edit), msg */
	/* What the file says, checked by itself ("" and 0 where not): */
	char login[HOP_LOGIN_MAX + 1];
	uint32_t name, email;      /* in im->text */
	uint32_t team_name;        /* in im->text, as the file writes it; 0: none or not a name */
	unsigned roles;            /* 0: not given */
	hop_date start, end;
	bool has[C_COUNT];         /* the file has the column (the cell may be empty) */
	bool dates_ok;             /* start and end are dates (or empty) */
	/* What the database says (import_people_db.c): */
	const struct team_ref *team;  /* the row's team; NULL = none */
	unsigned fields;           /* an existing person: what the file changes (person_field) */
	/* What was staged (import_people_stage): a new person, in this team. */
	bool staged;
	int64_t staged_team;
	int staged_new;
};

struct import {
	struct import_base b;      /* app, name, the rows: what import_run handles */
	const struct import_options *opt;
	int pos[C_COUNT];          /* field index of each column, -1 if absent */
	const char *colname[C_COUNT]; /* the column's name as the file writes it */
	char (*new_teams)[HOP_TEAM_NAME_MAX + 1];
	size_t nteams, team_cap;
	/* Each team name of the file once: an open hash table (power of 2). */
	struct team_ref **teams;
	size_t nrefs, team_slots;
	bool staging;              /* rows were staged (person_stage) */
	/* The rows' texts, each ending in NUL; offset 0 is "". */
	char *text;
	size_t ntext, text_cap;
};

/* A text of the rows (struct row's name, email, team_name). */
static inline const char *import_people_text(const struct import *im, uint32_t at)
{
	return at ? im->text + at : "";
}

/* Forget what the database said (team lookups, new teams): before resolving
 * every row again, and at the end. */
void import_people_forget(struct import *im);
/* import_format's resolve, stage and write for people. */
enum hop_status import_people_resolve(void *im, struct hop_err *err);
enum hop_status import_people_stage(void *im, struct hop_err *err);
enum hop_status import_people_write(void *im, const struct import_report *rep, struct hop_err *err);

#endif
