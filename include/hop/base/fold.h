/* Folding text for searches and sorting people's names: case, umlauts and
 * accents do not matter.  Knows no domain; people, teams and weekday words use it. */
#ifndef HOP_FOLD_H
#define HOP_FOLD_H

#include <stdbool.h>
#include <stddef.h>

/* Folding text for searches that ignore case and umlauts.  FOLD_AE writes
 * ä as "ae", FOLD_A as "a", FOLD_COLLAPSE also turns "ae"/"oe"/"ue" into
 * "a"/"o"/"u" (so "Mueller" and "Müller" meet); ß becomes "ss", other Latin
 * letters lose their accents, ASCII is lower-cased.  The result is never
 * longer than s; buf of strlen(s) + 1 bytes always suffices. */
enum fold_mode { FOLD_AE, FOLD_A, FOLD_COLLAPSE };
char *fold_text(const char *s, enum fold_mode mode, char *buf, size_t size);
/* Is query a case- and umlaut-insensitive substring of text?  "muller",
 * "mueller" and "Müller" all find "Müller"; "weiss" finds "Weiß". */
bool fold_matches(const char *text, const char *query);
/* Order of names as a German list has it (DIN 5007-1: ä as a, ß as ss, case
 * ignored).  Registered as the SQL collation "hop" when the database opens. */
int fold_collate(const char *a, size_t an, const char *b, size_t bn);

#endif
