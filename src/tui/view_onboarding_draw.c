/* The Onboarding screen's drawing: the list of onboardings (columns that
 * fit the width, dropped rather than wrapped when it is narrow), and the
 * view's draw entry, which puts the checklist (view_onboarding_check.c) or
 * the list on the screen and the choosers over them (see
 * view_onboarding.c).  Every state has a symbol as well as a colour, so it
 * reads without colour too. */
#include <stdio.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/base/clock.h"
#include "hop/base/i18n.h"
#include "hop/core/onboarding/onboarding.h"
#include "colour.h"
#include "list.h"
#include "pick.h"
#include "text.h"
#include "tui_internal.h"
#include "view_onboarding_int.h"

#define DATE_W 8            /* "18.05.27" */

void onbs_line(int y, int x, const char *text, int width, enum tui_colour role)
{
	attrset(colour_attr(role));
	text_draw(stdscr, y, x, text, width);
	attrset(A_NORMAL);
}

/* ---- the list ---- */

struct list_cols {
	int name, team, start, mentor, prog, next;      /* widths; 0 = left out */
	int x_name, x_team, x_start, x_mentor, x_prog, x_next;
};

void onbs_measure(struct onbs_state *s)
{
	char buf[16];

	s->w_name = s->w_mentor = s->w_team = 0;
	s->w_dates = 6;
	for (size_t i = 0; i < s->nshown; i++) {
		const struct onb_summary *o = &s->all.v[s->shown[i]];
		s->w_name = onbs_max(s->w_name, text_width(o->person.name));
		s->w_mentor = onbs_max(s->w_mentor, text_width(o->mentor_name));
		s->w_team = onbs_max(s->w_team, text_width(o->person.team));
		s->w_dates = onbs_max(s->w_dates, text_width(tui_short_date(o->start, buf, sizeof buf)));
		s->w_dates = onbs_max(s->w_dates,
		                      text_width(tui_short_date(o->next_due, buf, sizeof buf)));
	}
	/* The dates in the list, as wide as the widest one shown. */
	s->w_dates = onbs_min(s->w_dates, DATE_W);
}

/* Shrink the widest of the n widths (not below its least) until they add
 * up to at most room; false when they cannot. */
static bool fit(int *const *w, const int *least, int n, int room)
{
	for (;;) {
		int sum = 0, widest = -1;

		for (int i = 0; i < n; i++) {
			sum += *w[i];
			if (*w[i] > least[i] && (widest < 0 || *w[i] > *w[widest]))
				widest = i;
		}
		if (sum <= room)
			return true;
		if (widest < 0)
			return false;
		(*w[widest])--;
	}
}

/* Name, team and mentor share what the fixed columns leave: each as wide as
 * its widest entry while they fit, else the widest cut first; on a narrow
 * terminal the team goes, then the mentor, rather than anything wrapping. */
static struct list_cols list_columns(const struct onbs_state *s, int width)
{
	static const int least[3] = { 12, 10, 10 };
	struct list_cols c;
	int dates = s->w_dates, flex, want[3];
	int *const w[3] = { &c.name, &c.mentor, &c.team };

	memset(&c, 0, sizeof c);
	want[0] = onbs_max(text_width(_("New hire")), s->w_name);
	want[1] = onbs_max(text_width(_("Mentor")), s->w_mentor);
	want[2] = onbs_max(text_width(_("Team")), s->w_team);
	c.start = onbs_max(dates, text_width(_("Start")));
	c.prog = onbs_max(5, text_width(_("Progress")));
	c.next = onbs_max(dates, text_width(_("Next due")));
	/* Five gaps of two between the six columns after the mark. */
	flex = width - 4 - c.start - c.prog - c.next - 2 * 5;
	for (int n = 3; n >= 1; n--) {
		for (int i = 0; i < 3; i++)
			*w[i] = i < n ? onbs_min(want[i], 32) : 0;
		if (fit(w, least, n, flex))
			break;
		if (n == 1) {
			c.name = onbs_max(1, flex);
			break;
		}
		flex += 2;      /* the gap of the column left out */
	}
	c.x_name = 4;
	c.x_team = c.x_name + c.name + 2;
	c.x_start = c.x_team + (c.team ? c.team + 2 : 0);
	c.x_mentor = c.x_start + c.start + 2;
	c.x_prog = c.x_mentor + (c.mentor ? c.mentor + 2 : 0);
	c.x_next = c.x_prog + c.prog + 2;
	return c;
}

struct list_ctx {
	const struct onbs_state *s;
	struct list_cols c;
	int width;
};

static void draw_list_row(void *ctx, const struct list_row *r, bool sel, int y)
{
	const struct list_ctx *lc = ctx;
	const struct onb_summary *o = &lc->s->all.v[lc->s->shown[r->item]];
	const struct list_cols *c = &lc->c;
	char buf[64];
	hop_date today = clock_today();

	attrset(colour_attr(sel ? TC_SELECTED : TC_NORMAL));
	text_fill(stdscr, y, 0, lc->width);
	if (sel)
		mvaddch(y, 0, '>');
	if (o->overdue > 0) {
		if (!sel)
			attrset(colour_attr(TC_WARN));
		text_draw(stdscr, y, 2, "!", 1);
	}
	attrset(colour_attr(sel ? TC_SELECTED : TC_NORMAL));
	text_draw(stdscr, y, c->x_name, o->person.name, c->name);
	if (c->team) {
		if (!sel)
			attrset(colour_attr(TC_DIM));
		text_draw(stdscr, y, c->x_team, o->person.team[0] ? o->person.team : "—", c->team);
	}
	attrset(colour_attr(sel ? TC_SELECTED : TC_NORMAL));
	text_draw(stdscr, y, c->x_start, tui_short_date(o->start, buf, sizeof buf), c->start);
	if (c->mentor) {
		if (!sel && !o->mentor_name[0])
			attrset(colour_attr(TC_DIM));
		text_draw(stdscr, y, c->x_mentor, o->mentor_name[0] ? o->mentor_name : "—", c->mentor);
	}
	attrset(colour_attr(sel ? TC_SELECTED : TC_NORMAL));
	snprintf(buf, sizeof buf, "%d/%d", o->mandatory_done, o->mandatory);
	text_draw(stdscr, y, c->x_prog, buf, c->prog);
	if (!sel && o->next_due != HOP_DATE_NONE && o->next_due < today)
		attrset(colour_attr(TC_WARN));
	text_draw(stdscr, y, c->x_next, o->next_due == HOP_DATE_NONE ? "—" :
	          tui_short_date(o->next_due, buf, sizeof buf), c->next);
	attrset(A_NORMAL);
}

/* How many onboardings, how many late, and the filters in force. */
static void draw_list_heading(const struct onbs_state *s, int y, int width)
{
	char head[160], filt[HOP_TEAM_NAME_MAX + 96] = "";
	size_t late = 0;
	int used;

	for (size_t i = 0; i < s->nshown; i++)
		late += s->all.v[s->shown[i]].overdue > 0;
	if (late)
		snprintf(head, sizeof head, ngettext("%zu onboarding · %zu with overdue steps",
		                                     "%zu onboardings · %zu with overdue steps",
		                                     s->nshown), s->nshown, late);
	else
		snprintf(head, sizeof head, ngettext("%zu onboarding", "%zu onboardings", s->nshown),
		         s->nshown);
	attrset(colour_attr(TC_HEADING));
	used = text_draw(stdscr, y, 0, head, width);
	if (s->overdue_only && s->team[0])
		snprintf(filt, sizeof filt, _("Overdue only · %s   (Esc clears)"), s->team);
	else if (s->overdue_only)
		snprintf(filt, sizeof filt, "%s", _("Overdue only   (Esc clears)"));
	else if (s->team[0])
		snprintf(filt, sizeof filt, _("Team: %s   (Esc clears)"), s->team);
	if (filt[0])
		onbs_line(y, used + 3, filt, width - used - 3, TC_STATUS_OK);
	attrset(A_NORMAL);
}

/* Below the list: what the row does not say of the selected onboarding. */
static void draw_list_detail(const struct onb_summary *o, int y, int width)
{
	char line[ONBS_LINE_MAX], until[32], late[96] = "", mentor[HOP_NAME_MAX + 64];

	if (!o)
		return;
	if (o->overdue)
		snprintf(late, sizeof late, ngettext(" · %d step overdue", " · %d steps overdue",
		                                     o->overdue), o->overdue);
	if (o->mentor_name[0])
		snprintf(mentor, sizeof mentor, _("mentor until %s"),
		         tui_date_text(o->mentor_until, false, until, sizeof until));
	else
		snprintf(mentor, sizeof mentor, "%s", _("no mentor yet"));
	snprintf(line, sizeof line, _("%s (%s) · %s%s · %s · template %s"), o->person.name,
	         o->person.login, onb_state_display(o->state), late, mentor, o->template);
	onbs_line(y, 0, line, width, TC_DIM);
}

static void draw_list(struct tui *t, struct onbs_state *s)
{
	int top = t->body_top, rows = t->body_rows, width = t->cols, vis;
	struct list_ctx ctx = { s, list_columns(s, width), width };
	const struct list_cols *c = &ctx.c;

	draw_list_heading(s, top, width);
	attrset(colour_attr(TC_DIM));
	text_draw(stdscr, top + 1, c->x_name, _("New hire"), c->name);
	if (c->team)
		text_draw(stdscr, top + 1, c->x_team, _("Team"), c->team);
	text_draw(stdscr, top + 1, c->x_start, _("Start"), c->start);
	if (c->mentor)
		text_draw(stdscr, top + 1, c->x_mentor, _("Mentor"), c->mentor);
	text_draw(stdscr, top + 1, c->x_prog, _("Progress"), c->prog);
	text_draw(stdscr, top + 1, c->x_next, _("Next due"), c->next);
	attrset(A_NORMAL);
	vis = rows - 4;
	if (vis > 0 && s->nshown == 0) {
		const char *empty = s->all.n
			? _("No onboarding matches the filters; Esc clears them.")
			: _("No onboarding that you follow is planned or running.");
		text_wrap(stdscr, top + 3, 2, empty, width - 4, vis - 1, false, false);
	}
	list_draw(&s->list, top + 2, vis, draw_list_row, &ctx);
	draw_list_detail(onbs_selected(s), top + rows - 1, width);
}

void onbs_draw(struct tui *t, void *state)
{
	struct onbs_state *s = state;

	if (s->view == VIEW_CHECKLIST && s->loaded)
		onbs_draw_checklist(t, s);
	else
		draw_list(t, s);
	if (s->ask == ASK_MENTOR || s->ask == ASK_TEAM)
		pick_draw(t, &s->pick);
	else if (s->ask == ASK_DETAIL)
		onbs_draw_detail(t, s);
}
