/* What adding one person (person_edit.c) and adding many at once
 * (person_bulk.c) share.  Private to src/core/people. */
#ifndef HOP_PERSON_INT_H
#define HOP_PERSON_INT_H

#include <stddef.h>
#include "hop/core/people/person.h"

/* The audit detail of adding p: "name: ...; email: ...; team: ...; roles:
 * ...; start: ..." (e-mail and team only when p has them). */
void person_add_detail(const struct hop_person *p, char *buf, size_t size);

#endif
