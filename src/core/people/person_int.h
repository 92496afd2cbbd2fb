/* What the files of people share: reading people (person.c) and everyone in
 * parts (person_roster.c); adding one person (person_edit.c) and adding many
 * at once (person_bulk.c).  Private to src/core/people. */
#ifndef HOP_PERSON_INT_H
#define HOP_PERSON_INT_H

#include <stddef.h>
#include "hop/base/date.h"
#include "hop/core/people/person.h"
#include "hop/db/db.h"

/* The columns person_read expects, in this order, and their tables. */
#define PERSON_COLUMNS "p.id, p.login, p.name, coalesce(p.email, ''), " \
	"coalesce(p.team_id, 0), coalesce(t.name, ''), p.roles, p.start_date, p.end_date " \
	"FROM person p LEFT JOIN team t ON t.id = p.team_id "

void person_read(struct db_stmt *st, struct hop_person *p);

/* The audit detail of adding a person: "name: ...; email: ...; team: ...;
 * roles: ...; start: ..." (e-mail and team only when given, not ""). */
void person_add_detail(const char *name, const char *email, const char *team, unsigned roles,
                       hop_date start, char *buf, size_t size);

#endif
