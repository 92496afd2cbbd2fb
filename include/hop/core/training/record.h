/* Training records: what a person did, as HR enters, imports or a session
 * writes it.  Records are never deleted: one entered in error is revoked
 * with a reason and kept.  valid_until is fixed when a record is written
 * (validity.h's rules); revoking one rewrites no later record.
 *
 * Who may: HR and admins write and revoke; a person, HR and admins read the
 * person's history (a lead sees the status of the team elsewhere, never
 * results). */
#ifndef HOP_TRAINING_RECORD_H
#define HOP_TRAINING_RECORD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "hop/base/date.h"
#include "hop/base/err.h"
#include "hop/core/people/person.h"
#include "hop/core/training/course.h"

struct hop_app;

#define HOP_CERTIFICATE_MAX 100
#define HOP_RECORD_NOTE_MAX 500

/* ---- the words ---- */

/* As stored and in files ("passed", "manual"), and for people (translated). */
const char *trn_result_name(enum trn_result r);
const char *trn_result_display(enum trn_result r);
const char *trn_source_name(enum trn_source s);
const char *trn_source_display(enum trn_source s);
/* The stored words back (TRN_PASSED, TRN_FROM_MANUAL for anything else). */
enum trn_result trn_result_from_text(const char *text);
enum trn_source trn_source_from_text(const char *text);
/* English or German, case ignored: passed|bestanden, failed|nicht
 * bestanden, attended|teilgenommen; session|veranstaltung, import,
 * manual|manuell. */
enum hop_status trn_result_parse(const char *text, enum trn_result *out, struct hop_err *err);
enum hop_status trn_source_parse(const char *text, enum trn_source *out, struct hop_err *err);

/* Hours as typed ("7.5", "7,5", "8"): tenths of an hour, 1..20000. */
enum hop_status trn_hours_parse(const char *text, int *hours_x10, struct hop_err *err);
/* "7.5", "8": buf of at least 16 bytes; "" for 0. */
char *trn_hours_format(int hours_x10, char *buf, size_t size);

/* ---- records ---- */

struct trn_record {
	int64_t id;
	char login[HOP_LOGIN_MAX + 1];
	char name[HOP_NAME_MAX + 1];
	char course[HOP_COURSE_CODE_MAX + 1];
	char title[HOP_COURSE_TITLE_MAX + 1];
	hop_date done_on;
	enum trn_result result;
	int hours_x10;                         /* 0: not given */
	char certificate[HOP_CERTIFICATE_MAX + 1];
	hop_date valid_from, valid_until;      /* NONE: failed, or (until) never expires */
	enum trn_source source;
	char note[HOP_RECORD_NOTE_MAX + 1];
	char created_by[HOP_LOGIN_MAX + 1];
	bool revoked;
	char revoked_by[HOP_LOGIN_MAX + 1];
	char revoked_at[24];
	char reason[HOP_RECORD_NOTE_MAX + 1];
};
struct trn_record_list { struct trn_record *v; size_t n, cap; };
void trn_record_list_free(struct trn_record_list *l);

/* What HR enters by hand (or a file's row gives). */
struct trn_record_entry {
	hop_date done_on;
	enum trn_result result;
	int hours_x10;                         /* 0: the course's */
	const char *certificate;               /* NULL or "": none */
	const char *note;
};
/* Check an entry's fields (a day not still to come, lengths). */
enum hop_status trn_record_check(const struct trn_record_entry *e, struct hop_err *err);

/* A record of course code for login, entered by hand (HR, admins): checked,
 * refused when the person already has a live record of the course on that
 * day, written with trn_record_write and committed.  out (may be NULL) the
 * record as written. */
enum hop_status trn_record_add(struct hop_app *app, const char *login, const char *code,
                               const struct trn_record_entry *e, struct trn_record *out,
                               struct hop_err *err);

/* login's records (NULL: the actor's), newest first; revoked ones too when
 * with_revoked.  The person, HR and admins. */
enum hop_status trn_records_of(struct hop_app *app, const char *login, bool with_revoked,
                               struct trn_record_list *out, struct hop_err *err);
/* One record by id (HR, admins, the person). */
enum hop_status trn_record_get(struct hop_app *app, int64_t id, struct trn_record *out,
                               struct hop_err *err);
/* Revoke record id with a reason (HR, admins): kept, audited.  The validity
 * of later records, computed from it when they were written, stays as it is.
 * out (may be NULL) the record after. */
enum hop_status trn_record_revoke(struct hop_app *app, int64_t id, const char *reason,
                                  struct trn_record *out, struct hop_err *err);

#endif
