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
/* fold_text, and then the dashes and spaces people type one for another made
 * alike: every dash (- ‐ ‑ ‒ – — ― −) is "-", a soft hyphen is dropped, a run
 * of blanks (space, tab, no-break spaces) is one space, and blanks at either
 * end or beside a dash go: "Referat Z 2 – Haushalt" and "referat z 2 -
 * haushalt" are both "referat z 2-haushalt".  Newlines stay.  Never longer
 * than fold_text's result; buf of strlen(s) + 1 bytes always suffices. */
char *fold_key(const char *s, enum fold_mode mode, char *buf, size_t size);
/* Is query a case- and umlaut-insensitive substring of text (both as
 * fold_key folds them)?  "muller", "mueller" and "Müller" all find "Müller";
 * "weiss" finds "Weiß", "Z 2 - Haushalt" finds "Referat Z 2 – Haushalt". */
bool fold_matches(const char *text, const char *query);
/* Order of names as a German list has it (DIN 5007-1: ä as a, ß as ss, case
 * ignored).  Registered as the SQL collation "hop" when the database opens. */
int fold_collate(const char *a, size_t an, const char *b, size_t bn);

/* The optimal string alignment distance of a and b (insertions, deletions,
 * substitutions and swaps of neighbours, byte by byte), for "did you mean":
 * "Wiess" is 1 from "Weiss".  Counting stops above limit (0 to 8): the result
 * is then limit + 1, as it is for strings longer than 255 bytes. */
int fold_distance(const char *a, const char *b, int limit);

#endif
