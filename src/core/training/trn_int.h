/* What the training modules share inside src/core/training: writing a
 * record (from a session, an import or by hand).  Private to the folder. */
#ifndef HOP_TRN_INT_H
#define HOP_TRN_INT_H

#include <stdint.h>
#include "hop/core/training/course.h"

/* One record to write.  certificate_no and note may be NULL. */
struct trn_record_new {
	int64_t person_id;
	int64_t course_id;
	hop_date done_on;
	enum trn_result result;
	int hours_x10;              /* 0: the course's hours */
	const char *certificate_no;
	enum trn_source source;
	int64_t enrolment_id;       /* source session: the enrolment; else 0 */
	const char *note;
};

/* Write r inside the caller's transaction: valid_until from the course's
 * validity, continued from the person's latest live record of the course
 * inside the course's renewal window (trn_valid_until; a failed result is
 * valid nowhere); audit "training.record"; and when the result is passed or
 * attended, the person's open onboarding steps of kind course that name the
 * course are ticked (done on done_on, by the writer).  *id the new record's. */
enum hop_status trn_record_write(struct hop_app *app, const struct trn_record_new *r,
                                 int64_t *id, struct hop_err *err);

#endif
