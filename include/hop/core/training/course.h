/* The course catalogue's shared vocabulary: a course as every training
 * module reads it, and the look-up by code.  The catalogue's commands (add,
 * edit, retire, list, CSV) live in catalogue.h. */
#ifndef HOP_TRAINING_COURSE_H
#define HOP_TRAINING_COURSE_H

#include <stdbool.h>
#include <stdint.h>
#include "hop/base/date.h"
#include "hop/base/err.h"

struct hop_app;

#define HOP_COURSE_CODE_MAX 32
#define HOP_COURSE_TITLE_MAX 200

/* external provider, online, in-house, colloquium ("Lernen von
 * Expert:innen"), instruction (Unterweisung). */
enum trn_kind { TRN_EXTERNAL, TRN_ONLINE, TRN_INHOUSE, TRN_COLLOQUIUM, TRN_INSTRUCTION };
#define TRN_KIND_COUNT 5

/* The outcome of a training, and where a record came from. */
enum trn_result { TRN_PASSED, TRN_FAILED, TRN_ATTENDED };
#define TRN_RESULT_COUNT 3
enum trn_source { TRN_FROM_SESSION, TRN_FROM_IMPORT, TRN_FROM_MANUAL };
#define TRN_SOURCE_COUNT 3

struct trn_course {
	int64_t id;
	char code[HOP_COURSE_CODE_MAX + 1];
	char title[HOP_COURSE_TITLE_MAX + 1];
	enum trn_kind kind;
	int hours_x10;            /* tenths of an hour; 0 = not given */
	int validity_months;      /* 0 = never expires */
	int renewal_days;
	bool needs_approval;
	bool retired;
};

/* As stored ("colloquium") and for people (translated). */
const char *trn_kind_name(enum trn_kind k);
const char *trn_kind_display(enum trn_kind k);
enum trn_kind trn_kind_from_text(const char *text);

/* The course with code (any case), retired ones included: HOP_ENOTFOUND
 * "no course with the code 'X'" (reason HOP_R_NO_COURSE) otherwise. */
enum hop_status trn_course_get(struct hop_app *app, const char *code, struct trn_course *out,
                               struct hop_err *err);
enum hop_status trn_course_by_id(struct hop_app *app, int64_t id, struct trn_course *out,
                                 struct hop_err *err);

#endif
