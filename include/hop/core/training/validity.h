/* Validity of training: how long a completion counts, and the status of one
 * person under one requirement on one day.  Pure functions over dates: the
 * callers gather the facts (records, requirement, the person's start, first
 * home day, exemptions) and these decide, so that every screen, report, feed
 * and the mobile-work gate give the same answer.
 *
 * The rules (research TRN-5, TRN-6, TRN-7), stated with their anchor so that
 * no certificate expires the day it is earned:
 *
 *  - event-anchored, N months: a completion on D is valid through
 *    D + N months - 1 day (done 10.03.2026, 12 months: valid through
 *    09.03.2027, overdue on 10.03.2027);
 *  - a renewal inside the renewal window (at most renewal_days before the
 *    old expiry, and not after it) continues from the old expiry: valid
 *    through old expiry + N months (no day lost); an earlier one re-anchors
 *    at its own day, a later one (after expiry) too;
 *  - calendar-anchored, N months from MM-DD ("once per calendar year" is
 *    12 months from 01-01): a completion satisfies the period it falls in,
 *    late or not; the next period is due by its own end;
 *  - no validity (0 months): a completion counts for ever. */
#ifndef HOP_TRAINING_VALIDITY_H
#define HOP_TRAINING_VALIDITY_H

#include <stdbool.h>
#include <stddef.h>
#include "hop/base/date.h"

struct trn_rule {
	int months;               /* 0: never expires */
	int renewal_days;         /* event-anchored: the renewal window */
	bool calendar;            /* calendar-anchored periods */
	int anchor_month;         /* calendar: the periods start on this day */
	int anchor_day;
};

/* The last valid day of a completion on done, given the last valid day of
 * the completions before it (HOP_DATE_NONE: none, or never expiring).
 * HOP_DATE_NONE when the rule never expires. */
hop_date trn_valid_until(const struct trn_rule *r, hop_date done, hop_date prev_until);

/* The last valid day after completions done[0..n) in ascending order (each
 * a passed or attended record), HOP_DATE_NONE when n is 0 or the rule
 * never expires (tell them apart by n). */
hop_date trn_chain_until(const struct trn_rule *r, const hop_date *done, size_t n);

/* Calendar-anchored: the period containing day, [*first, *last]. */
void trn_period(const struct trn_rule *r, hop_date day, hop_date *first, hop_date *last);

/* The status of one person under one requirement on one day. */
enum trn_status {
	TRN_NOT_REQUIRED,    /* the requirement does not apply that day */
	TRN_NEW,             /* never done, due later than the warning days: in grace */
	TRN_DUE,             /* due within the warning days (or, calendar: this period) */
	TRN_VALID,
	TRN_EXPIRING,        /* valid, expiring within the warning days */
	TRN_OVERDUE,
	TRN_EXEMPT,          /* excused with a reason until a day: never "valid" */
};
#define TRN_STATUS_COUNT 7

struct trn_facts {
	hop_date day;              /* the day asked about */
	bool required;             /* the requirement applies to the person that day */
	/* When it first falls due for this person, from its trigger: start date
	 * + grace (a working day), the day before the first home or mobile day,
	 * a change of team or role + grace, or the requirement's start + grace. */
	hop_date first_due;
	hop_date exempt_until;     /* an exemption covering day: its last day; else NONE */
	int warn_days;
	const hop_date *done;      /* passed or attended completions, ascending */
	size_t n;                  /* (those after day are ignored) */
};

struct trn_state {
	enum trn_status status;
	hop_date due;              /* by when it must be (re)done; NONE when never again */
	hop_date valid_until;      /* the last valid day now; NONE when none or for ever */
	hop_date last_done;        /* the latest completion on or before day; NONE */
};

void trn_status_of(const struct trn_rule *r, const struct trn_facts *f, struct trn_state *out);

/* As stored and in files ("overdue"), and for people (translated). */
const char *trn_status_name(enum trn_status s);
const char *trn_status_display(enum trn_status s);

#endif
