/* The data-protection duties (DSGVO): what hop holds about one person
 * (Art. 15, right of access), and deleting or anonymising what has outlived
 * its purpose (Art. 5 (1) e, storage limitation) by [privacy] keep_*. */
#ifndef HOP_PRIVACY_H
#define HOP_PRIVACY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "hop/base/err.h"

struct hop_app;

/* ---- right of access: src/core/privacy/person_data.c ---- */

/* One part of what hop holds about a person: "person" (one record),
 * "bookings", "presence" ... (lists of records). */
struct person_data_section {
	const char *name;             /* the key in the output */
	bool one;                     /* a single record rather than a list */
	int ncols;
	const char *const *cols;      /* the field names */
	const char *types;            /* per field: 't' text, 'n' number */
	const char *sql;              /* ?1 the person's id, ?2 their login */
};

enum person_data_event { PD_BEGIN, PD_ROW, PD_END };

/* Called PD_BEGIN and PD_END around each section, PD_ROW with each record's
 * values (ncols of them; NULL for none) in between. */
typedef enum hop_status (*person_data_fn)(void *ctx, enum person_data_event ev,
                                          const struct person_data_section *sec,
                                          const char *const *values, struct hop_err *err);

/* Everything hop holds about login, section by section, each record handed
 * to fn as it is read (a person with 20,000 bookings is never held whole).
 * Only the person, HR and admins may ask (authz_person_data); the request is
 * audited ("person.data") before anything is read. */
enum hop_status person_data(struct hop_app *app, const char *login, person_data_fn fn,
                            void *ctx, struct hop_err *err);
/* The sections, in the order person_data hands them out (for tests). */
const struct person_data_section *person_data_sections(size_t *n);

/* ---- retention: src/core/privacy/purge.c ---- */

/* What a purge did (or, dry, would do) to one table. */
struct purge_count {
	const char *table;            /* "booking" */
	const char *what;             /* "deleted", "anonymised", "cleared" (N_()) */
	int64_t n;
};
#define PURGE_COUNTS_MAX 48
struct purge_report {
	char days_before[11];         /* presence days and bookings before this day went */
	char audit_before[11];        /* audit entries before this day went */
	char left_before[11];         /* people whose last day was before this day */
	int64_t people;               /* people anonymised */
	struct purge_count v[PURGE_COUNTS_MAX];
	size_t n;
};

/* Delete presence days and bookings older than [privacy] keep_days_months,
 * audit entries older than keep_audit_months, and anonymise people who left
 * longer ago than keep_people_months ("former employee #ID" in every table,
 * their personal records deleted or their free text cleared).  All in one
 * transaction with its own audit entry ("purge"); dry_run does the same and
 * rolls it back, so the counts are exactly what a run would do.  HR and
 * admins only (authz_purge). */
enum hop_status privacy_purge(struct hop_app *app, bool dry_run, struct purge_report *rep,
                              struct hop_err *err);

#endif
