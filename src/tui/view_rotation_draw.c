/* The Rotation screen's drawing (see view_rotation.c): the timeline of a
 * team or of the actor, months across with one character each; the due
 * list; a cohort's plan on the same months with a letter per station, and
 * its check below.  Every mark is a character as well as a colour (! due,
 * E an exception on file, | or ▼ today), so that it reads without colour
 * too; what does not fit is cut, never wrapped. */
#include <stdio.h>
#include <string.h>

#include "hop/base/i18n.h"
#include "hop/core/app.h"
#include "colour.h"
#include "list.h"
#include "pick.h"
#include "form.h"
#include "text.h"
#include "tui_internal.h"
#include "view_rotation_int.h"

#define DATE_W 8            /* "18.05.27" */


static void line(int y, int x, const char *text, int width, enum tui_colour role)
{
	attrset(colour_attr(role));
	text_draw(stdscr, y, x, text, width);
	attrset(A_NORMAL);
}

/* The names' column: wider on wide terminals. */
static int name_width(int width)
{
	return width >= 100 ? 24 : 18;
}

static int months_x(int width)
{
	return 2 + name_width(width) + 1;
}

int rot_months_fit(int width)
{
	return rot_max(12, rot_min(120, width - months_x(width) - 1));
}

char rot_kind_letter(enum membership_kind k)
{
	switch (k) {
	case MEMBER_STATION:    return 'S';
	case MEMBER_SECONDMENT: return 'A';
	case MEMBER_ACTING:     return 'V';
	default:                return '=';
	}
}

static enum tui_colour kind_colour(enum membership_kind k)
{
	switch (k) {
	case MEMBER_STATION:    return TC_REMOTE;
	case MEMBER_SECONDMENT: return TC_AWAY;
	case MEMBER_ACTING:     return TC_DIM;
	default:                return TC_NORMAL;
	}
}

/* Which period a month shows when several cover it: a secondment over a
 * station over an acting post over the post. */
static int kind_rank(enum membership_kind k)
{
	switch (k) {
	case MEMBER_SECONDMENT: return 3;
	case MEMBER_STATION:    return 2;
	case MEMBER_ACTING:     return 1;
	default:                return 0;
	}
}

/* The years above the months (each at its January, the first one at the
 * left when there is room), and the months' initials below, today's marked. */
static void draw_axis(struct tui *t, const struct rot_state *s, int y, int months)
{
	/* TRANSLATORS: the initials of the twelve months, January to December,
	 * one character each, above the timeline's columns. */
	const char *initials = _("JFMAMJJASOND");
	int x0 = months_x(t->cols), today = rot_month_index(s->today);
	char year[8];

	attrset(colour_attr(TC_DIM));
	text_fill(stdscr, y, 0, t->cols);
	text_fill(stdscr, y + 1, 0, t->cols);
	for (int m = 0; m < months; m++) {
		int mi = s->left + m, month = mi % 12;
		char one[8] = "";

		if (month == 0 || (m == 0 && month <= 7)) {
			snprintf(year, sizeof year, "%d", mi / 12);
			text_draw(stdscr, y, x0 + m, year, rot_min(4, months - m));
		}
		if (mi == today) {
			attrset(colour_attr(TC_TEAMDAY));
			text_draw(stdscr, y + 1, x0 + m, text_utf8() ? "▼" : "v", 1);
			attrset(colour_attr(TC_DIM));
			continue;
		}
		/* The initials are ASCII in every language hop speaks; anything else
		 * shows as a dot rather than half a character. */
		one[0] = strlen(initials) == 12 ? initials[month] : '.';
		text_draw(stdscr, y + 1, x0 + m, one, 1);
	}
	attrset(A_NORMAL);
}

/* One month's cell: the character and its colour. */
struct cell {
	char text[ROT_LETTER_MAX];
	enum tui_colour role;
};

static void draw_cell(int y, int x, const struct cell *c, bool today)
{
	attrset(colour_attr(c->role) | (today ? A_UNDERLINE : 0));
	if (today && strcmp(c->text, " ") == 0)
		text_draw(stdscr, y, x, "|", 1);
	else
		text_draw(stdscr, y, x, c->text, 1);
	attrset(A_NORMAL);
}

/* ---- the timeline ---- */

static void person_cell(const struct rot_state *s, const struct rotation_timeline_row *r, int mi,
                        struct cell *c)
{
	hop_date from = rot_month_day(mi), to = rot_month_day(mi + 1) - 1;
	int best = -1, today = rot_month_index(s->today), due;

	snprintf(c->text, sizeof c->text, " ");
	c->role = TC_NORMAL;
	for (size_t i = 0; i < r->nperiods; i++) {
		const struct rotation_period *p = &r->periods[i];

		if (p->start > to || (p->end != HOP_DATE_NONE && p->end < from))
			continue;
		if (kind_rank(p->kind) > best) {
			best = kind_rank(p->kind);
			snprintf(c->text, sizeof c->text, "%c", rot_kind_letter(p->kind));
			c->role = kind_colour(p->kind);
		}
	}
	if (r->due == HOP_DATE_NONE)
		return;
	due = rot_month_index(r->due);
	if (mi == due) {
		snprintf(c->text, sizeof c->text, "%s", r->exception ? "E" : "!");
		c->role = r->exception ? TC_FIXED : r->overdue ? TC_WARN : TC_TEAMDAY;
	} else if (r->overdue && mi > due && mi <= today && best >= 0) {
		/* The months stayed past the due date. */
		c->role = r->exception ? TC_FIXED : TC_WARN;
	}
}

struct tl_ctx {
	struct tui *t;
	const struct rot_state *s;
	int months;
};

static void draw_tl_row(void *ctx, const struct list_row *lr, bool sel, int y)
{
	const struct tl_ctx *c = ctx;
	const struct rot_state *s = c->s;
	const struct rotation_timeline_row *r = &s->tl.v[lr->item];
	int x0 = months_x(c->t->cols), today = rot_month_index(s->today);
	enum tui_colour name_role = sel ? TC_SELECTED : r->overdue && !r->exception ? TC_WARN
	                                                                         : TC_NORMAL;

	text_fill(stdscr, y, 0, c->t->cols);
	if (sel)
		mvaddch(y, 0, '>');
	attrset(colour_attr(name_role));
	text_draw_pad(stdscr, y, 2, r->name, name_width(c->t->cols));
	attrset(A_NORMAL);
	for (int m = 0; m < c->months; m++) {
		struct cell cell;

		person_cell(s, r, s->left + m, &cell);
		draw_cell(y, x0 + m, &cell, s->left + m == today);
	}
}

/* The line at the bottom: the selected person's due date and exception in words. */
static void draw_tl_detail(struct tui *t, const struct rot_state *s, int y)
{
	size_t i = list_item(&s->tl_list);
	char text[ROT_LINE_MAX], due[32], review[32];
	const struct rotation_timeline_row *r;

	if (i == LIST_NONE || i >= s->tl.n)
		return;
	r = &s->tl.v[i];
	if (r->due == HOP_DATE_NONE)
		snprintf(text, sizeof text, _("%s (%s) · no rotation due"), r->name, r->login);
	else if (r->exception)
		snprintf(text, sizeof text, _("%s (%s) · due %s · exception on file, review %s"),
		         r->name, r->login, tui_date_text(r->due, false, due, sizeof due),
		         tui_date_text(r->exception_review, false, review, sizeof review));
	else
		snprintf(text, sizeof text, r->overdue ? _("%s (%s) · due %s · overdue")
		                                       : _("%s (%s) · due %s"),
		         r->name, r->login, tui_date_text(r->due, false, due, sizeof due));
	line(y, 0, text, t->cols,
	     r->overdue && !r->exception ? TC_WARN : r->exception ? TC_FIXED : TC_DIM);
}

static void draw_timeline(struct tui *t, struct rot_state *s)
{
	int top = t->body_top, rows = t->body_rows, months = rot_months_fit(t->cols);
	struct tl_ctx ctx = { t, s, months };
	char head[ROT_LINE_MAX];
	int due = 0, late = 0;

	/* The terminal grew or shrank: read the months that now show. */
	if (months != s->loaded_months)
		rot_load_timeline(t, s);
	for (size_t i = 0; i < s->tl.n; i++) {
		due += s->tl.v[i].due != HOP_DATE_NONE;
		late += s->tl.v[i].overdue && !s->tl.v[i].exception;
	}
	if (s->own)
		snprintf(head, sizeof head, "%s", _("Your assignments, month by month"));
	else
		snprintf(head, sizeof head,
		         ngettext("%s · %zu person · %d with a due date · %d overdue",
		                  "%s · %zu people · %d with a due date · %d overdue", s->tl.n),
		         s->team, s->tl.n, due, late);
	line(top, 0, head, t->cols, TC_HEADING);
	draw_axis(t, s, top + 1, months);
	if (s->tl.n == 0)
		text_wrap(stdscr, top + 4, 2, s->own ? _("You have no assignment in these months.")
		                                     : _("No one is in the team in these months."),
		          t->cols - 4, 2, false, false);
	else
		list_draw(&s->tl_list, top + 3, rows - 5, draw_tl_row, &ctx);
	line(top + rows - 2, 0,
	     _("= post  S station  A secondment  V acting  ! due  E exception  ▼ today"), t->cols,
	     TC_DIM);
	draw_tl_detail(t, s, top + rows - 1);
}

/* ---- the due list ---- */

struct due_cols { int name, area, x_area, x_since, x_due, x_state, state; };

static struct due_cols due_columns(int width)
{
	struct due_cols c;

	c.name = width >= 100 ? 26 : 20;
	c.area = width >= 100 ? 24 : 16;
	c.x_area = 2 + c.name + 2;
	c.x_since = c.x_area + c.area + 2;
	c.x_due = c.x_since + DATE_W + 2;
	c.x_state = c.x_due + DATE_W + 2;
	c.state = rot_max(4, width - c.x_state);
	return c;
}

static const char *due_state(const struct rotation_due *d)
{
	if (d->exception && d->review_overdue)
		return _("review overdue");
	if (d->exception)
		return _("exception");
	if (d->overdue)
		return _("overdue");
	return "";
}

static enum tui_colour due_role(const struct rotation_due *d)
{
	if (d->exception)
		return d->review_overdue ? TC_WARN : TC_FIXED;
	return d->overdue ? TC_WARN : TC_NORMAL;
}

struct due_ctx {
	const struct rot_state *s;
	struct due_cols c;
	int width;
};

static void draw_due_row(void *ctx, const struct list_row *lr, bool sel, int y)
{
	const struct due_ctx *dc = ctx;
	const struct rotation_due *d = &dc->s->due.v[lr->item];
	enum tui_colour base = sel ? TC_SELECTED : TC_NORMAL;
	char since[32], due[32];

	attrset(colour_attr(base));
	text_fill(stdscr, y, 0, dc->width);
	if (sel)
		mvaddch(y, 0, '>');
	text_draw(stdscr, y, 2, d->name, dc->c.name);
	text_draw(stdscr, y, dc->c.x_area, d->area[0] ? d->area : _("(lead)"), dc->c.area);
	text_draw(stdscr, y, dc->c.x_since, tui_short_date(d->since, since, sizeof since), DATE_W);
	attrset(colour_attr(sel ? base : due_role(d)));
	text_draw(stdscr, y, dc->c.x_due, tui_short_date(d->due, due, sizeof due), DATE_W);
	text_draw(stdscr, y, dc->c.x_state, due_state(d), dc->c.state);
	attrset(A_NORMAL);
}

static void draw_due(struct tui *t, struct rot_state *s)
{
	int top = t->body_top, rows = t->body_rows, late = 0;
	struct due_ctx ctx = { s, due_columns(t->cols), t->cols };
	char head[ROT_LINE_MAX], a[32], b[32];
	size_t i = list_item(&s->due_list);

	for (size_t j = 0; j < s->due.n; j++)
		late += s->due.v[j].overdue && !s->due.v[j].exception;
	snprintf(head, sizeof head,
	         ngettext("Rotations due within %d month · %zu · %d overdue",
	                  "Rotations due within %d months · %zu · %d overdue",
	                  (unsigned long)t->app->cfg.rotation_due_within_months),
	         t->app->cfg.rotation_due_within_months, s->due.n, late);
	line(top, 0, head, t->cols, TC_HEADING);
	attrset(colour_attr(TC_DIM));
	text_draw(stdscr, top + 1, 2, _("Name"), ctx.c.name);
	text_draw(stdscr, top + 1, ctx.c.x_area, _("Area"), ctx.c.area);
	text_draw(stdscr, top + 1, ctx.c.x_since, _("Since"), DATE_W);
	text_draw(stdscr, top + 1, ctx.c.x_due, _("Due"), DATE_W);
	text_draw(stdscr, top + 1, ctx.c.x_state, _("State"), ctx.c.state);
	attrset(A_NORMAL);
	if (s->due.n == 0)
		text_wrap(stdscr, top + 3, 2, _("No rotation is due in this time."), t->cols - 4, 1,
		          false, false);
	list_draw(&s->due_list, top + 2, rows - 3, draw_due_row, &ctx);
	if (i != LIST_NONE && i < s->due.n) {
		const struct rotation_due *d = &s->due.v[i];
		char text[ROT_LINE_MAX];

		if (d->exception)
			snprintf(text, sizeof text, _("%s (%s) · %s · %d years · exception, review %s"),
			         d->name, d->login, d->team, d->period_years,
			         tui_date_text(d->exception_review, false, a, sizeof a));
		else
			snprintf(text, sizeof text, _("%s (%s) · %s · %d years · due %s"), d->name,
			         d->login, d->team, d->period_years,
			         tui_date_text(d->due, false, b, sizeof b));
		line(top + rows - 1, 0, text, t->cols, due_role(d) == TC_NORMAL ? TC_DIM : due_role(d));
	}
}

/* ---- a cohort's plan ---- */

static void trainee_cell(const struct rot_state *s, size_t tr, int mi, struct cell *c)
{
	int m = mi - rot_month_index(s->prob.start);

	snprintf(c->text, sizeof c->text, " ");
	c->role = TC_NORMAL;
	if (m < 0 || m >= s->prob.months)
		return;
	if (cohort_blocked(&s->prob, tr, m)) {
		snprintf(c->text, sizeof c->text, "#");
		c->role = TC_DIM;
	}
	for (size_t i = 0; s->has_plan && i < s->plan.n; i++) {
		const struct cohort_place *p = &s->plan.v[i];

		if (p->trainee != (int)tr || m < p->from || m >= p->from + p->months)
			continue;
		if (p->station >= 0 && (size_t)p->station < s->prob.nstations)
			snprintf(c->text, sizeof c->text, "%s", s->letters[p->station]);
		c->role = TC_REMOTE;
		for (size_t v = 0; v < s->viol.n; v++)
			if (s->viol.v[v].trainee == (int)tr && s->viol.v[v].month == m)
				c->role = TC_WARN;
	}
}

static void draw_co_row(void *ctx, const struct list_row *lr, bool sel, int y)
{
	const struct tl_ctx *c = ctx;
	const struct rot_state *s = c->s;
	int x0 = months_x(c->t->cols), today = rot_month_index(s->today);

	text_fill(stdscr, y, 0, c->t->cols);
	if (sel)
		mvaddch(y, 0, '>');
	attrset(colour_attr(sel ? TC_SELECTED : TC_NORMAL));
	text_draw_pad(stdscr, y, 2, s->prob.trainees[lr->item].name, name_width(c->t->cols));
	attrset(A_NORMAL);
	for (int m = 0; m < c->months; m++) {
		struct cell cell;

		trainee_cell(s, lr->item, s->left + m, &cell);
		draw_cell(y, x0 + m, &cell, s->left + m == today);
	}
}

/* The stations' letters and names, as far as they fit. */
static void draw_legend(struct tui *t, const struct rot_state *s, int y)
{
	char text[ROT_LINE_MAX];
	size_t used = 0;

	text[0] = '\0';
	for (size_t i = 0; i < s->prob.nstations && used < sizeof text; i++)
		used += (size_t)snprintf(text + used, sizeof text - used, "%s%s %s", i ? "  " : "",
		                         s->letters[i], s->prob.stations[i].team);
	if (used < sizeof text)
		snprintf(text + used, sizeof text - used, "  %s", _("# block"));
	line(y, 0, text, t->cols, TC_DIM);
}

/* What the plan is and where it came from, for the heading. */
static const char *plan_words(const struct rot_state *s, char *buf, size_t size)
{
	const char *method = s->res.method == COHORT_EXACT ? _("exact method")
	                     : s->res.by_heuristic ? _("heuristic and GLPK") : _("GLPK");

	if (s->generated)
		snprintf(buf, size, _("generated, not kept: %s, %s, %.2f s"),
		         cohort_outcome_display(s->res.outcome), method, s->res.seconds);
	else if (!s->has_plan)
		snprintf(buf, size, "%s", _("no plan yet"));
	else if (s->info.published)
		snprintf(buf, size, "%s", _("published"));
	else
		snprintf(buf, size, "%s", _("draft"));
	return buf;
}

/* Below the trainees: the check's verdict and its first sentences, or why
 * no plan exists. */
static void draw_check(struct tui *t, const struct rot_state *s, int y, int lines)
{
	char text[ROT_LINE_MAX];

	if (s->generated && !s->has_plan) {
		line(y, 0, cohort_outcome_display(s->res.outcome), t->cols, TC_WARN);
		if (lines > 1)
			text_wrap(stdscr, y + 1, 2, s->res.why[0] ? s->res.why :
			          _("No plan was found within the time limit."), t->cols - 4,
			          lines - 1, false, false);
		return;
	}
	if (!s->has_plan) {
		line(y, 0, _("No plan yet: g generates one."), t->cols, TC_DIM);
		return;
	}
	if (s->viol.n == 0) {
		line(y, 0, _("Check: the plan is valid."), t->cols, TC_FREE);
		return;
	}
	snprintf(text, sizeof text, ngettext("Check: %zu violation", "Check: %zu violations",
	                                     s->viol.n), s->viol.n);
	line(y, 0, text, t->cols, TC_WARN);
	for (int i = 0; i + 1 < lines && (size_t)i < s->viol.n; i++)
		line(y + 1 + i, 2, s->viol.v[i].text, t->cols - 2, TC_NORMAL);
}

static void draw_cohort(struct tui *t, struct rot_state *s)
{
	int top = t->body_top, rows = t->body_rows, months = rot_months_fit(t->cols), checks;
	struct tl_ctx ctx = { t, s, months };
	char head[ROT_LINE_MAX], start[32], what[256];

	if (!s->cohort_ok) {
		line(top, 0, _("A cohort's plan"), t->cols, TC_HEADING);
		text_wrap(stdscr, top + 2, 2, _("No cohort is chosen: c chooses one."), t->cols - 4, 2,
		          false, false);
		return;
	}
	snprintf(head, sizeof head,
	         ngettext("%s · from %s · %d months · %zu trainee · %s",
	                  "%s · from %s · %d months · %zu trainees · %s", s->prob.ntrainees),
	         s->prob.name, tui_short_date(s->prob.start, start, sizeof start), s->prob.months,
	         s->prob.ntrainees, plan_words(s, what, sizeof what));
	line(top, 0, head, t->cols, TC_HEADING);
	draw_axis(t, s, top + 1, months);
	/* The check takes up to four lines; the trainees what is left. */
	checks = rot_min(4, rot_max(1, rows - 3 - 1 - (int)s->prob.ntrainees));
	list_draw(&s->co_list, top + 3, rows - 4 - checks, draw_co_row, &ctx);
	draw_legend(t, s, top + rows - 1 - checks);
	draw_check(t, s, top + rows - checks, checks);
}

void rot_draw(struct tui *t, void *state)
{
	struct rot_state *s = state;

	switch (s->mode) {
	case ROT_DUE:    draw_due(t, s); break;
	case ROT_COHORT: draw_cohort(t, s); break;
	default:         draw_timeline(t, s); break;
	}
	switch (s->ask) {
	case ROT_ASK_TEAM:
	case ROT_ASK_COHORT:
		pick_draw(t, &s->pick);
		break;
	case ROT_ASK_ASSIGN:
	case ROT_ASK_EXCEPTION:
		form_draw(t, &s->form);
		break;
	case ROT_ASK_DETAIL:
		rot_detail_draw(t, s);
		break;
	default:
		break;
	}
}
