/* Who am I to hop: the acting login, what the database knows of it and which
 * schema the database has.  For 'hop whoami' and the TUI's status line, so that
 * neither needs the db layer. */
#ifndef HOP_WHOAMI_H
#define HOP_WHOAMI_H

#include "hop/base/err.h"
#include "hop/core/people/person.h"

struct hop_app;

enum whoami_state {
	WHOAMI_UNREGISTERED,   /* no person with this login */
	WHOAMI_CURRENT,        /* a current person: their roles apply */
	WHOAMI_FORMER,         /* their last day has passed: may read, may change nothing */
};

struct hop_whoami {
	enum whoami_state state;
	struct hop_person person;   /* valid unless WHOAMI_UNREGISTERED */
	int schema;                 /* the database's schema version */
	int schema_latest;          /* the newest this hop knows */
	char role[128];             /* the database role connected as; "" for a file */
};

/* app must have its database open. */
enum hop_status whoami_get(struct hop_app *app, struct hop_whoami *out, struct hop_err *err);
/* The database engine and its version ("SQLite 3.40.1"), for 'hop --version'. */
const char *whoami_engine(void);

#endif
