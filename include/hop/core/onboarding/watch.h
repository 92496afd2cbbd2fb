/* What the Onboarding screen asks of core besides onboarding.h: which
 * onboardings the actor watches, and a new hire's mentor changed in one
 * step.  Kept apart from onboarding.h while the command line of onboarding
 * is finished on its own branch; the rules still live only in core. */
#ifndef HOP_ONBOARDING_WATCH_H
#define HOP_ONBOARDING_WATCH_H

#include <stdbool.h>
#include "hop/base/err.h"
#include "hop/core/onboarding/onboarding.h"

struct hop_app;

/* Does the actor watch o?  HR and admins every onboarding; a lead those of
 * the people in teams they lead; everyone their own and, as a mentor, their
 * mentees'. */
bool onboarding_watches(struct hop_app *app, const struct onb_summary *o);

/* The onboardings of onboarding_list (f as there; NULL = open ones) that the
 * actor watches: the actor's own first, then by start date.  Someone hop
 * does not know watches none. */
enum hop_status onboarding_watch(struct hop_app *app, const struct onb_filter *f,
                                 struct onb_summary_list *out, struct hop_err *err);

/* End newhire's mentorship from today on (one not begun is cancelled) and
 * make mentor theirs for the usual period, in one transaction: both or
 * neither.  The rules and permissions of mentor_end and mentor_assign. */
enum hop_status mentor_change(struct hop_app *app, const char *newhire, const char *mentor,
                              struct mentorship *out, struct hop_err *err);

#endif
