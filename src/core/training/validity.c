/* Validity of training and the status under a requirement: the rules of
 * include/hop/core/training/validity.h, over dates only. */
#include "hop/core/training/validity.h"

#include "hop/base/i18n.h"

/* Periods of a calendar rule are counted from its anchor in the year 2000,
 * so that a period longer than a year (every two years) starts in the same
 * years whatever day is asked about. */
#define EPOCH_YEAR 2000

void trn_period(const struct trn_rule *r, hop_date day, hop_date *first, hop_date *last)
{
	int months = r->months > 0 ? r->months : 12;
	hop_date epoch = date_from_ymd(EPOCH_YEAR, r->anchor_month, 1);
	int y, m, d, k, since;

	/* The anchor day is applied by date_add_months from the first of the
	 * month, so that 29 February becomes the 28th in other years. */
	date_to_ymd(day, &y, &m, &d);
	since = (y - EPOCH_YEAR) * 12 + (m - r->anchor_month);
	k = since >= 0 ? since / months : -((-since + months - 1) / months);
	for (;;) {
		hop_date f = date_add_months(epoch, k * months) + (r->anchor_day - 1);
		hop_date next = date_add_months(epoch, (k + 1) * months) + (r->anchor_day - 1);
		if (f > day) {
			k--;
			continue;
		}
		if (next <= day) {
			k++;
			continue;
		}
		*first = f;
		*last = next - 1;
		return;
	}
}

hop_date trn_valid_until(const struct trn_rule *r, hop_date done, hop_date prev_until)
{
	hop_date first, last;

	if (r->months <= 0)
		return HOP_DATE_NONE;
	if (r->calendar) {
		trn_period(r, done, &first, &last);
		return prev_until != HOP_DATE_NONE && prev_until > last ? prev_until : last;
	}
	/* Inside the renewal window: the new validity starts the day after the
	 * old one ends, so renewing early loses nothing. */
	if (prev_until != HOP_DATE_NONE && done <= prev_until &&
	    done >= prev_until - r->renewal_days)
		return date_add_months(prev_until + 1, r->months) - 1;
	return date_add_months(done, r->months) - 1;
}

hop_date trn_chain_until(const struct trn_rule *r, const hop_date *done, size_t n)
{
	hop_date until = HOP_DATE_NONE;

	for (size_t i = 0; i < n; i++)
		until = trn_valid_until(r, done[i], until);
	return until;
}

/* Never done: new, due or overdue by the first due day. */
static void first_time(const struct trn_facts *f, hop_date due, struct trn_state *out)
{
	out->due = due;
	if (due == HOP_DATE_NONE)
		out->status = TRN_NEW;
	else if (f->day > due)
		out->status = TRN_OVERDUE;
	else if (due - f->day <= f->warn_days)
		out->status = TRN_DUE;
	else
		out->status = TRN_NEW;
}

static void calendar_status(const struct trn_rule *r, const struct trn_facts *f, size_t n,
                            struct trn_state *out)
{
	hop_date ps, pe, prev_first, prev_last;

	trn_period(r, f->day, &ps, &pe);
	trn_period(r, ps - 1, &prev_first, &prev_last);
	if (n && out->last_done >= ps) {
		/* This period is satisfied; the next one is due by its end. */
		out->status = TRN_VALID;
		out->valid_until = pe;
		trn_period(r, pe + 1, &prev_first, &out->due);
	} else if (n && out->last_done >= prev_first) {
		out->status = TRN_DUE;
		out->due = pe;
	} else if (f->first_due != HOP_DATE_NONE && f->first_due >= ps) {
		/* Subject to it only since this period: the trigger decides. */
		first_time(f, f->first_due, out);
	} else if (n) {
		out->status = TRN_OVERDUE;
		out->due = ps - 1;
	} else {
		first_time(f, f->first_due, out);
	}
}

void trn_status_of(const struct trn_rule *r, const struct trn_facts *f, struct trn_state *out)
{
	size_t n = 0;
	hop_date until;

	out->status = TRN_NOT_REQUIRED;
	out->due = out->valid_until = out->last_done = HOP_DATE_NONE;
	if (!f->required)
		return;
	while (n < f->n && f->done[n] <= f->day)
		n++;
	if (n)
		out->last_done = f->done[n - 1];
	if (f->exempt_until != HOP_DATE_NONE && f->exempt_until >= f->day) {
		out->status = TRN_EXEMPT;
		out->due = f->exempt_until + 1;
		return;
	}
	if (r->calendar && r->months > 0) {
		calendar_status(r, f, n, out);
		return;
	}
	if (!n) {
		first_time(f, f->first_due, out);
		return;
	}
	until = trn_chain_until(r, f->done, n);
	if (until == HOP_DATE_NONE) {
		out->status = TRN_VALID;
		return;
	}
	out->valid_until = until;
	out->due = until;
	if (f->day > until)
		out->status = TRN_OVERDUE;
	else if (f->warn_days > 0 && until - f->day <= f->warn_days)
		out->status = TRN_EXPIRING;
	else
		out->status = TRN_VALID;
}

const char *trn_status_name(enum trn_status s)
{
	static const char *const names[TRN_STATUS_COUNT] = {
		"not-required", "new", "due", "valid", "expiring", "overdue", "exempt",
	};
	return (unsigned)s < TRN_STATUS_COUNT ? names[s] : "not-required";
}

const char *trn_status_display(enum trn_status s)
{
	switch (s) {
	case TRN_NOT_REQUIRED: return _("not required");
	case TRN_NEW:          return _("new");
	case TRN_DUE:          return _("due");
	case TRN_VALID:        return _("valid");
	case TRN_EXPIRING:     return _("expiring");
	case TRN_OVERDUE:      return _("overdue");
	case TRN_EXEMPT:       return _("exempt");
	}
	return "";
}
