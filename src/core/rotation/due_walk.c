/* Time in an area (ROT-1), from one person's periods: which period decides
 * each day (a secondment over a station over a post, as membership_team_on
 * says), and how far back the stretch in the area reaches.  Pure: the
 * periods are loaded by the caller, for 20,000 people at once. */
#include <stdlib.h>

#include "rot_int.h"

/* What decides a day: the covering period of the highest rank, the later
 * start on a tie; NULL when none covers it. */
static const struct rot_period *deciding(const struct rot_period *p, size_t n, hop_date day)
{
	const struct rot_period *best = NULL;

	for (size_t i = 0; i < n && p[i].start <= day; i++) {
		if (p[i].end != HOP_DATE_NONE && p[i].end < day)
			continue;
		if (!best || p[i].rank > best->rank ||
		    (p[i].rank == best->rank && p[i].start >= best->start))
			best = &p[i];
	}
	return best;
}

const struct rot_period *rot_anchor(const struct rot_period *p, size_t n, hop_date day)
{
	const struct rot_period *best = NULL, *last = NULL;

	for (size_t i = 0; i < n && p[i].start <= day; i++) {
		if (p[i].rank == 2)
			continue;
		if (p[i].end == HOP_DATE_NONE || p[i].end >= day) {
			if (!best || p[i].rank > best->rank)
				best = &p[i];
		} else if (!last || p[i].end >= last->end) {
			last = &p[i];
		}
	}
	return best ? best : last;
}

static int cmp_date(const void *a, const void *b)
{
	hop_date x = *(const hop_date *)a, y = *(const hop_date *)b;

	return (x > y) - (x < y);
}

enum day_kind { DAY_IN, DAY_GAP, DAY_OTHER };

static enum day_kind classify(const struct rot_period *d, rot_in_fn in, const void *ctx)
{
	if (!d)
		return DAY_GAP;
	if (!d->outside && in(ctx, d->team_id))
		return DAY_IN;
	/* A secondment elsewhere interrupts like a gap; a post or a station
	 * elsewhere is a move out of the area. */
	return d->rank == 2 ? DAY_GAP : DAY_OTHER;
}

hop_date rot_since(const struct rot_period *p, size_t n, hop_date day, rot_in_fn in,
                   const void *ctx, int reset_months)
{
	hop_date stack[64], *pts = stack, since = HOP_DATE_NONE, gap_end = HOP_DATE_NONE;
	size_t np = 0;

	if (2 * n > sizeof stack / sizeof *stack && !(pts = malloc(2 * n * sizeof *pts)))
		return HOP_DATE_NONE;
	/* The days on which what decides may change, up to day. */
	for (size_t i = 0; i < n; i++) {
		if (p[i].start <= day)
			pts[np++] = p[i].start;
		if (p[i].end != HOP_DATE_NONE && p[i].end < day)
			pts[np++] = p[i].end + 1;
	}
	qsort(pts, np, sizeof *pts, cmp_date);
	/* Walk back over the stretches between them, newest first. */
	for (size_t k = np; k-- > 0;) {
		hop_date s = pts[k], e = k + 1 < np ? pts[k + 1] - 1 : day;
		enum day_kind kind;

		if (k + 1 < np && pts[k + 1] == s)
			continue;
		kind = classify(deciding(p, n, s), in, ctx);
		if (kind == DAY_OTHER)
			break;
		if (kind == DAY_GAP) {
			if (gap_end == HOP_DATE_NONE)
				gap_end = e;
			continue;
		}
		/* A gap as long as reset_months (or longer) starts the clock anew. */
		if (gap_end != HOP_DATE_NONE && date_add_months(e + 1, reset_months) <= gap_end + 1)
			break;
		gap_end = HOP_DATE_NONE;
		since = s;
	}
	if (pts != stack)
		free(pts);
	return since;
}
