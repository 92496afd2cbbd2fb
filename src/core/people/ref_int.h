/* How people and teams are named in what people type (person_find.c,
 * team_find.c): names compared folded, a reference ranked by how it meets a
 * name, and how far a miss is from a name, for "did you mean". */
#ifndef HOP_PEOPLE_REF_INT_H
#define HOP_PEOPLE_REF_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "hop/core/people/person.h"

/* A folded name fits in this (folding never lengthens a name). */
#define REF_KEY_MAX (HOP_NAME_MAX + 1)
/* At most this many candidates are named in a refusal. */
#define REF_NAMED 5

/* text as names are compared: case, umlauts (ü = ue = u, ß = ss), accents,
 * dashes and runs of blanks do not matter (fold_key, FOLD_COLLAPSE). */
char *ref_key(const char *text, char *buf, size_t size);

/* How a folded reference q meets a folded name key, best first: the whole
 * name; a whole word or words of it ("weiss" or "jurgen" in "jurgen weiss");
 * the beginning of the name or of a word of it ("jurgen w", "wei"); not at all. */
enum ref_rank { REF_WHOLE, REF_WORD, REF_PREFIX, REF_NONE };
enum ref_rank ref_match(const char *key, const char *q, size_t qlen);

/* Could raw, a name as stored, meet the folded reference q at all?  False
 * only when no word of raw begins with q's first letter (either case), so
 * that a scan folds few names: a word beginning with any letter beyond
 * ASCII, or after one (a dash, a no-break space), might fold to it. */
bool ref_may_match(const char *raw, const char *q);

/* The most edits a folded reference of qlen bytes may be away from a name to
 * be suggested (0: too short to guess at). */
int ref_limit(size_t qlen);
/* How far q is from key: from the name, from the name from a word on, or
 * from as much of either as q is long (a slip in the first letters typed);
 * limit + 1 when further than limit. */
int ref_distance(const char *key, const char *q, size_t qlen, int limit);

#endif
