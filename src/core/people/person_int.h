/* What the files of people share (person.c: reading people; person_roster.c:
 * everyone in parts).  Private to src/core/people. */
#ifndef HOP_PERSON_INT_H
#define HOP_PERSON_INT_H

#include "hop/core/people/person.h"
#include "hop/db/db.h"

/* The columns person_read expects, in this order, and their tables. */
#define PERSON_COLUMNS "p.id, p.login, p.name, coalesce(p.email, ''), " \
	"coalesce(p.team_id, 0), coalesce(t.name, ''), p.roles, p.start_date, p.end_date " \
	"FROM person p LEFT JOIN team t ON t.id = p.team_id "

void person_read(struct db_stmt *st, struct hop_person *p);

#endif
