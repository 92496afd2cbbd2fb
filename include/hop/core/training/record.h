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

#endif
