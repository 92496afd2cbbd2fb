/* What adding one person (person_edit.c) and adding many at once
 * (person_bulk.c) share.  Private to src/core/people. */
#ifndef HOP_PERSON_INT_H
#define HOP_PERSON_INT_H

#include <stddef.h>
#include "hop/base/date.h"

/* The audit detail of adding a person: "name: ...; email: ...; team: ...;
 * roles: ...; start: ..." (e-mail and team only when given, not ""). */
void person_add_detail(const char *name, const char *email, const char *team, unsigned roles,
                       hop_date start, char *buf, size_t size);

#endif
