/* Running with privileges hop did not start with: a setgid (or setuid)
 * install for a whole authority, where the group owns the database and the
 * person at the keyboard does not.  Decided once, at start-up; then every
 * environment variable that changes what hop trusts goes through
 * priv_getenv, and every file a person names is opened with their own rights
 * (priv_user_begin .. priv_user_end).  An ordinary install is unprivileged
 * and none of this changes anything. */
#ifndef HOP_PRIV_H
#define HOP_PRIV_H

#include <stdbool.h>

/* Call first in main, before anything reads the environment or opens a
 * file: records the ids and, when privileged, makes sure descriptors 0, 1
 * and 2 are open (a database must never become stderr) and drops TZ (the
 * day is the host's, not the caller's). */
void priv_init(void);

/* Does hop run with a real and effective user or group id that differ? */
bool hop_privileged(void);

/* getenv for a variable that changes what hop trusts (HOP_USER, HOP_DB,
 * HOP_CONFIG, HOP_TODAY, HOPLOCALEDIR, HOME, XDG_*, TZDIR): NULL when
 * privileged, as secure_getenv. */
const char *priv_getenv(const char *name);

/* Act with the real user's and group's rights until priv_user_end (calls
 * nest).  false, errno set, when that is impossible: the caller must then
 * not touch the file. */
bool priv_user_begin(void);
void priv_user_end(void);

/* For tests: behave as if privileged (or not) without being so. */
void priv_assume(bool privileged);

#endif
