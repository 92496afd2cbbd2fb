/* The course catalogue: HR and admins add, change, retire and list
 * courses; everyone may read it.  A course is never deleted: a retired one
 * keeps its records and is offered no more.  Every change is audited.
 *
 * A course's code is letters, digits and . _ - (at most 32), unique in any
 * case; its validity 1 to 240 months, or none (never expires); its renewal
 * window 0 to 366 days; its hours more than 0 and at most 2000 (tenths); the
 * competences it serves by their codes (the competence catalogue). */
#ifndef HOP_TRAINING_CATALOGUE_H
#define HOP_TRAINING_CATALOGUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "hop/base/date.h"
#include "hop/base/err.h"
#include "hop/core/import/import.h"
#include "hop/core/training/course.h"

struct hop_app;

#define HOP_PROVIDER_MAX 200
#define HOP_COURSE_DESCRIPTION_MAX 2000
#define HOP_COURSE_COMPETENCES_MAX 20
#define HOP_COMPETENCE_CODE_MAX 32
/* "DC1,DC2,...": the competence codes of a course, comma-separated. */
#define HOP_COMPETENCE_LIST_MAX (HOP_COURSE_COMPETENCES_MAX * (HOP_COMPETENCE_CODE_MAX + 1))

/* A course as the catalogue keeps it. */
struct trn_course_spec {
	char code[HOP_COURSE_CODE_MAX + 1];
	char title[HOP_COURSE_TITLE_MAX + 1];
	enum trn_kind kind;
	char provider[HOP_PROVIDER_MAX + 1];
	int hours_x10;                        /* 0 = not given */
	char competences[HOP_COMPETENCE_LIST_MAX + 1];   /* "" = none */
	int validity_months;                  /* 0 = never expires */
	int renewal_days;
	bool needs_approval;
	char description[HOP_COURSE_DESCRIPTION_MAX + 1];
};
/* Which fields an edit gives. */
enum trn_course_field {
	CF_TITLE = 1 << 0, CF_KIND = 1 << 1, CF_PROVIDER = 1 << 2, CF_HOURS = 1 << 3,
	CF_COMPETENCES = 1 << 4, CF_VALIDITY = 1 << 5, CF_RENEWAL = 1 << 6,
	CF_APPROVAL = 1 << 7, CF_DESCRIPTION = 1 << 8, CF_CODE = 1 << 9,
	CF_ACTIVATE = 1 << 10,                /* a retired course in use again */
};
#define TRN_RENEWAL_DEFAULT 90

/* The defaults of a new course: in-house, no validity, 90 days' window. */
void trn_course_spec_init(struct trn_course_spec *s);
/* Code, title, lengths and ranges, checked as a whole. */
enum hop_status trn_course_check(const struct trn_course_spec *s, struct hop_err *err);
enum hop_status trn_course_check_code(const char *code, struct hop_err *err);
/* Copy value into a field of size bytes (such as s->title), or say that it
 * is too long: "the what is N bytes long; the limit is M". */
enum hop_status trn_course_text(char *field, size_t size, const char *what, const char *value,
                                struct hop_err *err);
/* English or German words: external|extern, online, inhouse|in-house|intern,
 * colloquium|kolloquium, instruction|unterweisung. */
enum hop_status trn_kind_parse(const char *text, enum trn_kind *k, struct hop_err *err);
/* Months 1..240, or none|never|keine|0 for a course that never expires. */
enum hop_status trn_validity_parse(const char *text, int *months, struct hop_err *err);
/* The competence codes of text (comma-separated, blanks ignored) as the
 * catalogue spells them, each known: normalised into out ("" for none). */
enum hop_status trn_competences_parse(struct hop_app *app, const char *text, char *out,
                                      size_t size, struct hop_err *err);

struct trn_course_info {
	struct trn_course c;
	struct trn_course_spec s;
	hop_date created, retired;            /* retired NONE = in use */
	int records;                          /* live records */
	int people;                           /* people with a live record */
};
struct trn_course_list { struct trn_course_info *v; size_t n, cap; };
void trn_course_list_free(struct trn_course_list *l);

/* Add a course (HR, admins). */
enum hop_status course_add(struct hop_app *app, const struct trn_course_spec *s,
                           struct hop_err *err);
/* Change the fields of code that fields names; changes (may be NULL) says
 * what changed ("title: a -> b; ..."), "" when nothing did. */
enum hop_status course_edit(struct hop_app *app, const char *code, unsigned fields,
                            const struct trn_course_spec *s, char *changes, size_t size,
                            struct hop_err *err);
/* Retire a course: kept with its records, offered no more. */
enum hop_status course_retire(struct hop_app *app, const char *code, struct hop_err *err);
/* The catalogue by code (retired ones too when with_retired). */
enum hop_status course_list(struct hop_app *app, bool with_retired, const char *search,
                            struct trn_course_list *out, struct hop_err *err);
/* One course with everything the catalogue keeps. */
enum hop_status course_show(struct hop_app *app, const char *code, struct trn_course_info *out,
                            struct hop_err *err);

/* ---- files ---- */

/* Columns (English or German, any order): code|kürzel (required),
 * title|titel (required), kind|art, provider|anbieter, hours|stunden,
 * competences|kompetenzen, validity_months|validity|gültigkeit,
 * renewal_days|erneuerung, needs_approval|genehmigung,
 * description|beschreibung, retired|ausgemustert.  Existing codes are
 * updated with the columns the file has.  HR and admins. */
enum hop_status import_courses(struct hop_app *app, FILE *in, const char *name,
                               const struct import_options *opt, struct import_report *rep,
                               struct hop_err *err);
enum hop_status export_courses(struct hop_app *app, FILE *out, char sep, bool with_retired,
                               struct hop_err *err);

/* Columns: login|kennung, course|kurs, done_on|datum|am, result|ergebnis,
 * hours|stunden, certificate|zertifikat|nachweis, note|notiz.  Each row a
 * new record (source import); a row the same as a live record (person,
 * course, day, result) is unchanged.  HR and admins. */
enum hop_status import_records(struct hop_app *app, FILE *in, const char *name,
                               const struct import_options *opt, struct import_report *rep,
                               struct hop_err *err);
/* Every live record (revoked ones too with with_revoked), by person and day. */
enum hop_status export_records(struct hop_app *app, FILE *out, char sep, bool with_revoked,
                               struct hop_err *err);

#endif
