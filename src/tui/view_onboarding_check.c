/* The Onboarding screen's checklist: one new hire's steps with their state,
 * due day, office mark and clash, who does them, the selected step's details
 * in two lines below them, and the box with all about a step (see
 * view_onboarding.c). */
#include <stdio.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/base/clock.h"
#include "hop/base/i18n.h"
#include "hop/core/onboarding/onboarding.h"
#include "hop/core/presence/presence.h"
#include "colour.h"
#include "list.h"
#include "text.h"
#include "tui_internal.h"
#include "view_onboarding_int.h"

/* A step's state as a symbol and a role: ✓ done, · open, ! overdue, – dropped. */
static const char *step_symbol(const struct onb_step *st, enum tui_colour *role)
{
	if (st->dropped) {
		*role = TC_DIM;
		return "–";
	}
	if (st->done_on != HOP_DATE_NONE) {
		*role = TC_FREE;
		return "✓";
	}
	if (st->overdue) {
		*role = TC_WARN;
		return "!";
	}
	*role = TC_NORMAL;
	return "·";
}

/* "! home", "! mentor: home": where the new hire (or the mentor) plans to be
 * on the day of a step that must happen in the office. */
static void clash_text(const struct onb_step *st, char *buf, size_t size)
{
	buf[0] = '\0';
	if (st->clash == LOC_NONE)
		return;
	if (st->clash_mentor)
		snprintf(buf, size, _("! mentor: %s"), presence_loc_display(st->clash));
	else
		snprintf(buf, size, _("! %s"), presence_loc_display(st->clash));
}

struct step_cols {
	int num, due, title, who, clash;
	int x_num, x_state, x_due, x_office, x_title, x_who, x_clash;
};

/* Who and the clash as wide as their widest entries, the title the rest
 * but at least half; on a narrow terminal who and the clash are cut first,
 * then who goes (the details below the steps name both). */
static struct step_cols step_columns(const struct onbs_state *s, int width)
{
	struct step_cols c;
	char buf[64];
	int rest, maxnum = 1, clash;

	memset(&c, 0, sizeof c);
	c.due = 6;
	c.who = text_width(_("Who"));
	for (size_t i = 0; i < s->steps.n; i++) {
		const struct onb_step *st = &s->steps.v[i];
		maxnum = onbs_max(maxnum, st->number);
		c.due = onbs_max(c.due, text_width(tui_short_date(st->due, buf, sizeof buf)));
		c.who = onbs_max(c.who, text_width(st->owner_shown));
		clash_text(st, buf, sizeof buf);
		c.clash = onbs_max(c.clash, text_width(buf));
	}
	c.due = onbs_max(c.due, text_width(_("Due")));
	c.who = onbs_min(c.who, 14);
	c.clash = clash = onbs_min(c.clash, 24);
	c.num = maxnum >= 100 ? 3 : maxnum >= 10 ? 2 : 1;
	c.x_num = 2;
	c.x_state = c.x_num + c.num + 1;
	c.x_due = c.x_state + 2;
	c.x_office = c.x_due + c.due + 1;
	c.x_title = c.x_office + 2;
	rest = width - c.x_title;
	while (rest - 2 - c.who - (c.clash ? 2 + c.clash : 0) < onbs_max(24, rest / 2) &&
	       (c.who > 10 || c.clash > 10)) {
		if (c.who >= c.clash && c.who > 10)
			c.who--;
		else
			c.clash--;
	}
	c.title = rest - 2 - c.who - (c.clash ? 2 + c.clash : 0);
	if (c.title < 24) {
		c.who = 0;
		c.clash = onbs_min(clash, 24);
		c.title = rest - (c.clash ? 2 + c.clash : 0);
	}
	c.x_who = c.x_title + c.title + 2;
	c.x_clash = c.x_who + (c.who ? c.who + 2 : 0);
	return c;
}

struct step_ctx {
	const struct onbs_state *s;
	struct step_cols c;
	int width;
};

static void draw_step_row(void *ctx, const struct list_row *r, bool sel, int y)
{
	const struct step_ctx *sc = ctx;
	const struct onb_step *st = &sc->s->steps.v[r->item];
	const struct step_cols *c = &sc->c;
	enum tui_colour role, base = sel ? TC_SELECTED : st->dropped ? TC_DIM : TC_NORMAL;
	const char *sym = step_symbol(st, &role);
	char buf[HOP_NAME_MAX + 64];

	attrset(colour_attr(base));
	text_fill(stdscr, y, 0, sc->width);
	if (sel)
		mvaddch(y, 0, '>');
	snprintf(buf, sizeof buf, "%*d", c->num, st->number);
	text_draw(stdscr, y, c->x_num, buf, c->num);
	if (!sel)
		attrset(colour_attr(role));
	text_draw(stdscr, y, c->x_state, sym, 1);
	attrset(colour_attr(st->overdue && !sel ? TC_WARN : base));
	text_draw(stdscr, y, c->x_due, tui_short_date(st->due, buf, sizeof buf), c->due);
	attrset(colour_attr(base));
	if (st->s.in_office)
		text_draw(stdscr, y, c->x_office, "●", 1);
	text_draw(stdscr, y, c->x_title, st->s.title, c->title);
	if (c->who) {
		if (!sel && !st->dropped)
			attrset(colour_attr(TC_DIM));
		text_draw(stdscr, y, c->x_who, st->owner_shown, c->who);
	}
	if (c->clash && st->clash != LOC_NONE) {
		clash_text(st, buf, sizeof buf);
		attrset(colour_attr(sel ? TC_SELECTED : TC_WARN));
		text_draw(stdscr, y, c->x_clash, buf, c->clash);
	}
	attrset(A_NORMAL);
}

/* The state of a step in a sentence: done by whom and when, open, overdue,
 * dropped. */
static void state_text(const struct onb_step *st, char *buf, size_t size)
{
	char date[32];
	int late = (int)(clock_today() - st->due);

	if (st->dropped)
		snprintf(buf, size, "%s", _("Dropped: no longer asked for."));
	else if (st->done_on != HOP_DATE_NONE && st->done_note[0])
		snprintf(buf, size, _("Done on %s by %s: %s"),
		         tui_date_text(st->done_on, true, date, sizeof date), st->done_by,
		         st->done_note);
	else if (st->done_on != HOP_DATE_NONE)
		snprintf(buf, size, _("Done on %s by %s."),
		         tui_date_text(st->done_on, true, date, sizeof date), st->done_by);
	else if (st->overdue)
		snprintf(buf, size, ngettext("Open, due %s: %d day overdue.",
		                             "Open, due %s: %d days overdue.", late),
		         tui_date_text(st->due, true, date, sizeof date), late);
	else
		snprintf(buf, size, _("Open, due %s."), tui_date_text(st->due, true, date, sizeof date));
}

/* The clash in a sentence, "" when there is none. */
static void clash_sentence(const struct onbs_state *s, const struct onb_step *st, char *buf,
                           size_t size)
{
	buf[0] = '\0';
	if (st->clash == LOC_NONE)
		return;
	if (st->clash_mentor)
		snprintf(buf, size, _("Must happen in the office, but the mentor plans %s that day."),
		         presence_loc_display(st->clash));
	else
		snprintf(buf, size, _("Must happen in the office, but %s plans %s that day."),
		         s->cur.person.name, presence_loc_display(st->clash));
}

/* Who, the mentor and the progress, above the steps. */
static void draw_checklist_heading(const struct onbs_state *s, int y, int width)
{
	const struct onb_summary *o = &s->cur;
	char line[ONBS_LINE_MAX], date[32], prog[160], late[64];

	/* The team last: the list shows it, and it is what a narrow line may cut. */
	snprintf(line, sizeof line, _("%s (%s) · %s · start %s · %s"), o->person.name,
	         o->person.login, onb_state_display(o->state),
	         tui_date_text(o->start, false, date, sizeof date),
	         o->person.team[0] ? o->person.team : _("no team"));
	onbs_line(y, 0, line, width, TC_HEADING);
	snprintf(prog, sizeof prog, ngettext("%d of %d mandatory step done",
	                                     "%d of %d mandatory steps done", o->mandatory),
	         o->mandatory_done, o->mandatory);
	snprintf(late, sizeof late, "%s", "");
	if (o->overdue)
		snprintf(late, sizeof late, ngettext(" · %d overdue", " · %d overdue", o->overdue),
		         o->overdue);
	/* The mentor's last day, then the overdue count (the rows mark them)
	 * give way when the line is too narrow for them. */
	for (int pass = 0; pass < 3; pass++) {
		const char *more = pass < 2 ? late : "";

		if (!o->mentor_name[0])
			snprintf(line, sizeof line, _("Mentor: none yet (m chooses one) · %s%s"), prog,
			         more);
		else if (pass == 0)
			snprintf(line, sizeof line, _("Mentor: %s until %s · %s%s"), o->mentor_name,
			         tui_date_text(o->mentor_until, false, date, sizeof date), prog, more);
		else
			snprintf(line, sizeof line, _("Mentor: %s · %s%s"), o->mentor_name, prog, more);
		if (text_width(line) <= width)
			break;
	}
	onbs_line(y + 1, 0, line, width, o->overdue ? TC_WARN : TC_NORMAL);
}

/* Two lines below the steps: the selected step's state and its note or clash. */
static void draw_step_detail(const struct onbs_state *s, int y, int width)
{
	const struct onb_step *st = onbs_sel_step(s);
	char line[ONBS_LINE_MAX], more[ONBS_LINE_MAX];

	if (!st)
		return;
	state_text(st, more, sizeof more);
	snprintf(line, sizeof line, _("%d · %s · %s · %s · %s"), st->number,
	         onb_kind_display(st->s.kind), st->owner_shown,
	         st->s.mandatory ? _("mandatory") : _("optional"), more);
	onbs_line(y, 0, line, width, st->overdue ? TC_WARN : TC_NORMAL);
	clash_sentence(s, st, line, sizeof line);
	if (line[0]) {
		onbs_line(y + 1, 0, line, width, TC_WARN);
	} else if (st->s.note[0]) {
		snprintf(line, sizeof line, _("Note: %s"), st->s.note);
		onbs_line(y + 1, 0, line, width, TC_DIM);
	}
}

void onbs_draw_checklist(struct tui *t, struct onbs_state *s)
{
	int top = t->body_top, rows = t->body_rows, width = t->cols, vis;
	struct step_ctx ctx = { s, step_columns(s, width), width };
	const struct step_cols *c = &ctx.c;

	draw_checklist_heading(s, top, width);
	attrset(colour_attr(TC_DIM));
	text_draw(stdscr, top + 2, c->x_num, "#", c->num);
	text_draw(stdscr, top + 2, c->x_due, _("Due"), c->due);
	text_draw(stdscr, top + 2, c->x_title, _("Step"), c->title);
	if (c->who)
		text_draw(stdscr, top + 2, c->x_who, _("Who"), c->who);
	attrset(A_NORMAL);
	vis = rows - 3 - 2;
	if (vis > 0 && s->steps.n == 0)
		text_wrap(stdscr, top + 3, 2, _("This checklist has no steps."), width - 4, 1, false,
		          false);
	list_draw(&s->steps_list, top + 3, vis, draw_step_row, &ctx);
	draw_step_detail(s, top + rows - 2, width);
}

/* ---- the details box ---- */

#define DETAIL_LINES 10

void onbs_draw_detail(struct tui *t, const struct onbs_state *s)
{
	const struct onb_step *st = onbs_sel_step(s);
	const char *labels[DETAIL_LINES], *values[DETAIL_LINES];
	char title[HOP_STEP_TITLE_MAX + 16], due[64], date[32], state[ONBS_LINE_MAX],
	     clash[ONBS_LINE_MAX], head[HOP_NAME_MAX + 32];
	int n = 0, label_w = 0, width, height, top, left, value_w, total = 0;
	int lines[DETAIL_LINES];

	if (!st)
		return;
	snprintf(head, sizeof head, _("%s · step %d"), s->cur.person.name, st->number);
	snprintf(title, sizeof title, "%s", st->s.title);
	tui_date_text(st->due, true, date, sizeof date);
	if (st->due_fixed)
		snprintf(due, sizeof due, _("%s (set by hand)"), date);
	else
		snprintf(due, sizeof due, "%s", date);
	state_text(st, state, sizeof state);
	clash_sentence(s, st, clash, sizeof clash);
	labels[n] = _("Step");
	values[n++] = title;
	labels[n] = _("Kind");
	values[n++] = onb_kind_display(st->s.kind);
	labels[n] = _("Who");
	values[n++] = st->owner_shown;
	labels[n] = _("Due");
	values[n++] = due;
	labels[n] = _("Where");
	values[n++] = st->s.in_office ? _("● in the office") : _("anywhere");
	labels[n] = _("Needed");
	values[n++] = st->s.mandatory ? _("mandatory") : _("optional");
	labels[n] = _("State");
	values[n++] = state;
	if (clash[0]) {
		labels[n] = _("Plans");
		values[n++] = clash;
	}
	labels[n] = _("Note");
	values[n++] = st->s.note[0] ? st->s.note : "—";
	for (int i = 0; i < n; i++)
		label_w = onbs_max(label_w, text_width(labels[i]));
	width = onbs_min(t->cols - 4, 90);
	value_w = width - 6 - label_w;
	for (int i = 0; i < n; i++) {
		lines[i] = onbs_max(1, text_wrap(stdscr, 0, 0, values[i], value_w, 3, false, true));
		total += lines[i];
	}
	height = onbs_min(total + 4, t->body_rows);
	top = t->body_top + (t->body_rows - height) / 2;
	left = (t->cols - width) / 2;
	attrset(colour_attr(TC_HELP));
	tui_box(top, left, height, width);
	attron(A_BOLD);
	text_draw(stdscr, top, left + 2, head, width - 4);
	attroff(A_BOLD);
	for (int i = 0, y = top + 1; i < n && y < top + height - 3; y += lines[i], i++) {
		int room = top + height - 3 - y;

		text_draw(stdscr, y, left + 2, labels[i], label_w);
		text_wrap(stdscr, y, left + 4 + label_w, values[i], value_w, onbs_min(lines[i], room),
		          false, false);
	}
	text_draw(stdscr, top + height - 2, left + 2, _("Press any key to close."), width - 4);
	attrset(A_NORMAL);
}
