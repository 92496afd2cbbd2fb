/* The audit log: every change, with actor, time, action and object.
 * Entries are written inside the transaction of the change they describe,
 * so a change and its record stand or fall together. */
#ifndef HOP_AUDIT_H
#define HOP_AUDIT_H

#include <stddef.h>
#include <stdint.h>
#include "hop/base/date.h"
#include "hop/base/err.h"

struct hop_app;

/* action: "person.add", "person.edit", "team.remove", "import.people", ...
 * object: "person:jweiss", "team:referat-11", ...  detail may be NULL. */
enum hop_status audit_write(struct hop_app *app, const char *action, const char *object,
                            const char *detail, struct hop_err *err);
/* The end of a change inside db_begin: its entry, then the commit.  On
 * failure the transaction is rolled back and err's status returned. */
enum hop_status audit_commit(struct hop_app *app, const char *action, const char *object,
                             const char *detail, struct hop_err *err);
/* audit_commit for an edit that reports what it changed: detail, once saved,
 * also into changes (size bytes; changes may be NULL). */
enum hop_status audit_commit_report(struct hop_app *app, const char *action, const char *object,
                                    const char *detail, char *changes, size_t size,
                                    struct hop_err *err);
/* Append "field: old -> new" to a detail of size bytes ("; " between two
 * changes); "(none)" stands for an empty value. */
void audit_change(char *detail, size_t size, const char *field, const char *old,
                  const char *new);

struct hop_audit_entry {
	int64_t id;
	char at[24];
	char actor[40];
	char action[48];
	char object[160];
	char *detail;        /* owned; NULL if none */
};
struct hop_audit_list {
	struct hop_audit_entry *v;
	size_t n, cap;
};
void audit_list_free(struct hop_audit_list *l);

struct audit_filter {
	const char *actor;    /* NULL = any */
	const char *object;   /* exact "person:x", or a prefix ending in ':' ("person:") */
	hop_date since;       /* HOP_DATE_NONE = any */
	int limit;            /* 0 = no limit; newest first */
};
/* Refused (authz_audit_read) for an actor or object of someone else's unless
 * the actor is HR or an admin; everyone else reads only their own entries. */
enum hop_status audit_list(struct hop_app *app, const struct audit_filter *f,
                           struct hop_audit_list *out, struct hop_err *err);

#endif
