/* The Week screen's drawing: the heading, the grid of people and days, the
 * footer with the office counts and the explanation of the selected cell, and
 * the details box of one cell.  It only reads the state in view_week_int.h
 * (and notes the rows shown, for paging). */
#include <stdio.h>

#include "hop/core/booking/booking.h"
#include "hop/base/i18n.h"
#include "hop/core/presence/presence.h"
#include "colour.h"
#include "pick.h"
#include "text.h"
#include "tui_internal.h"
#include "view_week_int.h"

#define LABEL_MAX 96
/* Lines under the grid: a rule, in office, desks free, the explanation (2). */
#define FOOT_ROWS 5

/* ---- drawing ---- */

static const char *loc_symbol(enum presence_loc loc)
{
	switch (loc) {
	case LOC_OFFICE: return "●";
	case LOC_HOME: return "⌂";
	case LOC_MOBILE: return "◆";
	case LOC_AWAY: return "–";
	case LOC_TRIP: return "→";
	case LOC_NONE:
	default: return "·";
	}
}

static enum tui_colour loc_role(enum presence_loc loc)
{
	switch (loc) {
	case LOC_OFFICE: return TC_OFFICE;
	case LOC_HOME:
	case LOC_MOBILE: return TC_REMOTE;
	case LOC_AWAY:
	case LOC_TRIP: return TC_AWAY;
	case LOC_NONE:
	default: return TC_DIM;
	}
}

/* A cell as text for width columns: symbol, word and desk where they fit,
 * else the symbol and the desk, else the symbol and the one-letter code.
 * A note adds "✎", a deviation "!", so both show without colour. */
static void cell_text(const struct presence_cell *c, int width, char *buf, size_t size)
{
	char desk[HOP_CODE_MAX + 16] = "", marks[16] = "";
	const char *half = c->desk[0] && c->desk_half != HALF_DAY ? half_display(c->desk_half) : "";
	const char *word = c->loc == LOC_NONE ? _("not set") : presence_loc_display(c->loc);
	int room;

	if (c->desk[0])
		snprintf(desk, sizeof desk, half[0] ? " %s %s" : " %s", c->desk, half);
	snprintf(marks, sizeof marks, "%s%s", c->note[0] ? " ✎" : "", c->deviation ? " !" : "");
	snprintf(buf, size, "%s %s%s%s", loc_symbol(c->loc), word, desk, marks);
	if (text_width(buf) <= width)
		return;
	/* Narrow columns (80 columns, German words): the desk before the
	 * word, then the desk alone (the half day is in the details), then
	 * the word cut with an ellipsis — never a lone letter. */
	if (c->desk[0]) {
		snprintf(buf, size, "%s%s%s", loc_symbol(c->loc), desk, marks);
		if (text_width(buf) <= width)
			return;
		snprintf(buf, size, "%s %s%s", loc_symbol(c->loc), c->desk, marks);
		if (text_width(buf) <= width)
			return;
	}
	/* "Not set" needs no word where there is no room: the dot says it. */
	if (c->loc == LOC_NONE) {
		snprintf(buf, size, "%s%s", loc_symbol(c->loc), marks);
		return;
	}
	room = width - text_width(loc_symbol(c->loc)) - 1 - text_width(marks);
	snprintf(buf, size, "%s %s", loc_symbol(c->loc), word);
	if (room >= 2 && text_width(word) > room) {
		/* Cut the word to room - 1 columns and add "…". */
		char cut[64];
		size_t n = 0;
		int w = 0;
		const unsigned char *p = (const unsigned char *)word;
		while (p[n] && n < sizeof cut - 4) {
			size_t len = (p[n] & 0x80) == 0 ? 1 : (p[n] & 0xE0) == 0xC0 ? 2 :
			             (p[n] & 0xF0) == 0xE0 ? 3 : 4;
			if (w + 1 > room - 1)
				break;
			n += len;
			w++;
		}
		snprintf(cut, sizeof cut, "%.*s…", (int)n, word);
		snprintf(buf, size, "%s %s%s", loc_symbol(c->loc), cut, marks);
		return;
	}
	if (room < 2)
		snprintf(buf, size, "%s %s%s", loc_symbol(c->loc), presence_loc_code(c->loc), marks);
	else
		snprintf(buf, size, "%s %s%s", loc_symbol(c->loc), word, marks);
}

/* "Mon 23.11." / "Mo 23.11." with the presence day's star and the day off's cross. */
static void day_heading(const struct presence_week_day *d, char *buf, size_t size)
{
	static const char *const en[5] = { "Mon", "Tue", "Wed", "Thu", "Fri" };
	static const char *const de[5] = { "Mo", "Di", "Mi", "Do", "Fr" };
	int y, m, dd, wd = date_weekday(d->day) - 1;
	const char *name = wd >= 0 && wd < 5 ? (i18n_is_german() ? de[wd] : en[wd]) : "";

	date_to_ymd(d->day, &y, &m, &dd);
	snprintf(buf, size, "%s%s %02d.%02d.", !d->working ? "✕ " : d->team_day ? "★ " : "", name,
	         dd, m);
}

struct grid {
	int name_w, day_w;
	int x_day[PRESENCE_DAYS];
};

static struct grid grid(const struct week_state *s, int cols)
{
	struct grid g;
	int widest = 0;

	for (size_t i = 0; i < s->w.nrows; i++) {
		int w = text_width(s->w.rows[i].person.name);
		widest = w > widest ? w : widest;
	}
	g.name_w = widest + 4;      /* "> " in front, " !" behind */
	if (g.name_w > cols / 4)
		g.name_w = cols / 4;
	if (g.name_w < 12)
		g.name_w = 12;
	g.day_w = (cols - g.name_w) / PRESENCE_DAYS - 1;
	for (int d = 0; d < PRESENCE_DAYS; d++)
		g.x_day[d] = g.name_w + d * (g.day_w + 1) + 1;
	return g;
}

static void draw_heading(struct tui *t, const struct week_state *s, int y)
{
	char label[LABEL_MAX], team[HOP_TEAM_NAME_MAX + 64];
	int used;

	presence_week_label(s->monday, label, sizeof label);
	attrset(colour_attr(TC_HEADING));
	used = text_draw(stdscr, y, 0, label, t->cols);
	if (s->loaded) {
		snprintf(team, sizeof team,
		         ngettext("%s · %zu person", "%s · %zu people", s->w.nrows),
		         s->w.team.name, s->w.nrows);
		attrset(colour_attr(TC_NORMAL));
		text_draw(stdscr, y, used + 4, team, t->cols - used - 4);
	}
	attrset(A_NORMAL);
}

/* What a row needs to be drawn: the week and the grid's columns. */
struct row_ctx {
	const struct week_state *s;
	struct grid g;
};

static void draw_row(void *ctx, const struct list_row *lr, bool sel_row_, int y)
{
	const struct row_ctx *rc = ctx;
	const struct week_state *s = rc->s;
	const struct presence_row *r = &s->w.rows[lr->item];
	const struct grid *g = &rc->g;
	char text[HOP_NAME_MAX + HOP_CODE_MAX + 64];

	attrset(colour_attr(TC_NORMAL));
	text_fill(stdscr, y, 0, g->name_w);
	if (sel_row_) {
		attron(A_BOLD);
		mvaddstr(y, 0, ">");
	}
	text_draw(stdscr, y, 2, r->person.name, g->name_w - 4);
	attrset(A_NORMAL);
	if (r->deviations) {
		attrset(colour_attr(TC_WARN));
		mvaddstr(y, g->name_w - 2, "!");
	}
	for (int d = 0; d < PRESENCE_DAYS; d++) {
		const struct presence_cell *c = &r->days[d];

		if (!s->w.days[d].working)
			continue;           /* the column carries the reason instead */
		cell_text(c, g->day_w, text, sizeof text);
		attrset(colour_attr(c->deviation ? TC_WARN : loc_role(c->loc)));
		text_draw_pad(stdscr, y, g->x_day[d], text, g->day_w);
	}
	attrset(A_NORMAL);
}

/* Paint width columns at (y, x) in role, keeping the characters. */
static void recolour(int y, int x, int width, enum tui_colour role)
{
	attr_t a = colour_attr(role);

	mvchgat(y, x, width, a & ~A_COLOR, (short)PAIR_NUMBER(a), NULL);
}

/* Two footer lines: in office of the team, desks free in the team's zones. */
static void draw_footer(const struct week_state *s, int y, const struct grid *g, int cols)
{
	char text[64];

	attrset(colour_attr(TC_DIM));
	mvhline(y, 0, ACS_HLINE, cols);
	text_draw(stdscr, y + 1, 0, _("In office"), g->name_w - 1);
	text_draw(stdscr, y + 2, 0, _("Desks free"), g->name_w - 1);
	for (int d = 0; d < PRESENCE_DAYS; d++) {
		const struct presence_week_day *wd = &s->w.days[d];

		if (!wd->working) {
			attrset(colour_attr(TC_HOLIDAY));
			text_draw(stdscr, y + 1, g->x_day[d], "✕", g->day_w);
			text_draw(stdscr, y + 2, g->x_day[d], "✕", g->day_w);
			continue;
		}
		snprintf(text, sizeof text, "%d / %zu", wd->in_office, s->w.nrows);
		attrset(colour_attr(wd->team_day ? TC_TEAMDAY : TC_NORMAL));
		text_draw(stdscr, y + 1, g->x_day[d], text, g->day_w);
		if (wd->desks)
			snprintf(text, sizeof text, _("%d of %d"), wd->desks_free, wd->desks);
		else
			snprintf(text, sizeof text, "%s", _("no team zone"));
		/* Fewer desks free than people not yet in would be a problem on a presence day. */
		attrset(colour_attr(wd->desks && wd->desks_free == 0 ? TC_WARN : TC_NORMAL));
		text_draw(stdscr, y + 2, g->x_day[d], text, g->day_w);
	}
	attrset(A_NORMAL);
}

/* What the selected cell needs said: the day off's reason, the presence
 * day's note, the day's own note, the person's deviations (the selected
 * day's first). */
static void explanation(const struct week_state *s, char *buf, size_t size)
{
	const struct presence_row *r = week_sel_row(s);
	const struct presence_week_day *wd = &s->w.days[s->list.col];
	size_t used = 0;

	buf[0] = '\0';
	if (!wd->working)
		used += (size_t)snprintf(buf, size, "✕ %s", wd->why);
	else if (wd->team_day)
		used += (size_t)snprintf(buf, size, wd->team_day_note[0] ? _("★ Presence day: %s")
		                                                         : _("★ Presence day%s"),
		                         wd->team_day_note);
	if (!r)
		return;
	if (wd->working && r->days[s->list.col].note[0] && used < size)
		used += (size_t)snprintf(buf + used, size - used, "%s✎ %s", used ? "   " : "",
		                         r->days[s->list.col].note);
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < s->w.dev.n && used < size; i++) {
			const struct agreement_deviation *dv = &s->w.dev.v[i];
			bool today = dv->day == wd->day;

			if (dv->person_id != r->person.id || (pass == 0) != today)
				continue;
			used += (size_t)snprintf(buf + used, size - used, "%s! %s", used ? "   " : "",
			                         dv->text);
		}
	}
}

static void draw_explanation(const struct week_state *s, int y, int rows, int cols)
{
	char text[2048];

	explanation(s, text, sizeof text);
	if (!text[0])
		return;
	attrset(colour_attr(TC_WARN));
	text_wrap(stdscr, y, 0, text, cols - 1, rows, false, false);
	attrset(A_NORMAL);
}

static void draw_detail(struct tui *t, const struct week_state *s);

void week_draw(struct tui *t, void *state)
{
	struct week_state *s = state;
	int top = t->body_top, rows = t->body_rows, cols = t->cols, vis, y;
	char text[HOP_WHY_MAX + 16];
	struct row_ctx ctx = { s, { 0 } };
	const struct grid *g = &ctx.g;
	size_t sel, first;

	/* The day shown selected is the day the Desks screen opens on. */
	if (s->loaded) {
		t->has_day = true;
		t->day = s->w.days[s->list.col].day;
	}
	draw_heading(t, s, top);
	if (!s->loaded) {
		int n;

		attrset(colour_attr(TC_NORMAL));
		n = text_wrap(stdscr, top + 2, 2, s->error, cols - 4, rows - 2, false, false);
		attrset(colour_attr(TC_DIM));
		text_wrap(stdscr, top + 3 + n, 2, _("T chooses a team: leads among the teams they "
		                                    "lead, HR and admins among all teams."),
		          cols - 4, rows - 3 - n, false, false);
		attrset(A_NORMAL);
		goto overlay;
	}
	ctx.g = grid(s, cols);
	attrset(colour_attr(TC_DIM));
	text_draw(stdscr, top + 1, 2, _("Name"), g->name_w - 2);
	for (int d = 0; d < PRESENCE_DAYS; d++) {
		const struct presence_week_day *wd = &s->w.days[d];

		day_heading(wd, text, sizeof text);
		if (text_width(text) > g->day_w) {
			/* "★ Wed 25.11." in a narrow column: the date keeps its
			 * month ("★ 25.11."), the weekday goes (the order says it). */
			int yy, m, dd;
			date_to_ymd(wd->day, &yy, &m, &dd);
			snprintf(text, sizeof text, "%s%02d.%02d.", !wd->working ? "✕ " :
			         wd->team_day ? "★ " : "", dd, m);
		}
		attrset(colour_attr(!wd->working ? TC_HOLIDAY : wd->team_day ? TC_TEAMDAY : TC_DIM));
		text_draw(stdscr, top + 1, g->x_day[d], text, g->day_w);
	}
	vis = rows - 2 - FOOT_ROWS;
	list_draw(&s->list, top + 2, vis, draw_row, &ctx);
	if (vis <= 0)
		goto overlay;
	if (s->w.nrows == 0) {
		attrset(colour_attr(TC_NORMAL));
		text_wrap(stdscr, top + 3, 2, _("This team has no current members."), cols - 4,
		          vis, false, false);
	}
	/* A day off: the reason down its column, instead of a cell per person. */
	for (int d = 0; d < PRESENCE_DAYS; d++) {
		int n = (int)(s->w.nrows < (size_t)vis ? s->w.nrows : (size_t)vis);

		if (s->w.days[d].working)
			continue;
		snprintf(text, sizeof text, "✕ %s", s->w.days[d].why);
		attrset(colour_attr(TC_HOLIDAY));
		text_wrap(stdscr, top + 2, g->x_day[d], text, g->day_w, n > 0 ? n : 1, false, false);
	}
	sel = s->list.sel;
	first = s->list.top;
	if (s->w.nrows && sel >= first && sel < first + (size_t)vis) {
		/* A marked span (v) shows as the selection stretched over its days. */
		for (int d = 0; d < PRESENCE_DAYS; d++)
			if (d == s->list.col || week_in_span(s, s->w.days[d].day))
				recolour(top + 2 + (int)(sel - first), g->x_day[d], g->day_w,
				         TC_SELECTED);
	}
	y = top + rows - FOOT_ROWS;
	draw_footer(s, y, g, cols);
	draw_explanation(s, y + 3, 2, cols);
overlay:
	attrset(A_NORMAL);
	if (s->mode == MODE_TEAMS || s->mode == MODE_DESKS)
		pick_draw(t, &s->pick);
	else if (s->mode == MODE_DETAIL)
		draw_detail(t, s);
}

/* ---- the details box ---- */

#define DETAIL_LINES 12

static void draw_detail(struct tui *t, const struct week_state *s)
{
	const struct presence_row *r = week_sel_row(s);
	const struct presence_week_day *wd = &s->w.days[s->list.col];
	const struct presence_cell *c;
	const char *labels[DETAIL_LINES], *values[DETAIL_LINES];
	char date[HOP_DATE_HUMAN_LEN], title[HOP_NAME_MAX + HOP_DATE_HUMAN_LEN + 8];
	char loc[128], desk[HOP_CODE_MAX + 32], teamday[HOP_PRESENCE_NOTE_MAX + 32];
	char devs[DETAIL_LINES][400];
	int n = 0, nd = 0, label_w = 0, width, height, top, left, value_w, total = 0;
	int lines[DETAIL_LINES];

	if (!r)
		return;
	c = &r->days[s->list.col];
	snprintf(title, sizeof title, _("%s · %s"), r->person.name,
	         date_format_human(wd->day, date, sizeof date));
	if (!wd->working) {
		labels[n] = _("Working day");
		values[n++] = wd->why;
	} else {
		const char *src = c->source == PSRC_DAY ? _("set for this day")
			: c->source == PSRC_DEFAULT ? _("the weekly default")
			: c->source == PSRC_BOOKING ? _("a desk booked")
			: c->source == PSRC_ONBOARDING ? _("Onboarding")
			: c->source == PSRC_SECONDMENT ? _("secondment outside") : _("nothing set");
		snprintf(loc, sizeof loc, "%s %s (%s)", loc_symbol(c->loc),
		         c->loc == LOC_NONE ? _("not set") : presence_loc_display(c->loc), src);
		labels[n] = _("Location");
		values[n++] = loc;
		labels[n] = _("Note");
		values[n++] = c->note[0] ? c->note : "—";
		if (c->set_by[0]) {   /* the lead changed the person's day */
			labels[n] = _("Set by");
			values[n++] = c->set_by;
		}
		if (c->desk[0] && c->desk_half && c->desk_half != HALF_DAY)
			snprintf(desk, sizeof desk, "%s (%s)", c->desk, half_display(c->desk_half));
		else
			snprintf(desk, sizeof desk, "%s", c->desk[0] ? c->desk : _("none booked"));
		labels[n] = _("Desk");
		values[n++] = desk;
	}
	if (wd->team_day)
		snprintf(teamday, sizeof teamday, "★ %s", wd->team_day_note[0] ? wd->team_day_note
		                                                               : _("yes"));
	else
		snprintf(teamday, sizeof teamday, "%s", _("no"));
	labels[n] = _("Presence day");
	values[n++] = teamday;
	for (size_t i = 0; i < s->w.dev.n && n < DETAIL_LINES; i++) {
		const struct agreement_deviation *dv = &s->w.dev.v[i];

		if (dv->person_id != r->person.id)
			continue;
		snprintf(devs[nd], sizeof devs[nd], "! %s", dv->text);
		labels[n] = nd == 0 ? _("Deviations") : "";
		values[n++] = devs[nd++];
	}
	if (!nd) {
		labels[n] = _("Deviations");
		values[n++] = _("none this week");
	}
	for (int i = 0; i < n; i++) {
		int w = text_width(labels[i]);
		label_w = w > label_w ? w : label_w;
	}
	width = t->cols - 4 < 90 ? t->cols - 4 : 90;
	/* Long values (a deviation's explanation) wrap onto up to three lines. */
	value_w = width - 6 - label_w;
	for (int i = 0; i < n; i++) {
		lines[i] = text_wrap(stdscr, 0, 0, values[i], value_w, 3, false, true);
		lines[i] = lines[i] < 1 ? 1 : lines[i];
		total += lines[i];
	}
	height = total + 4;
	if (height > t->body_rows)
		height = t->body_rows;
	top = t->body_top + (t->body_rows - height) / 2;
	left = (t->cols - width) / 2;
	attrset(colour_attr(TC_HELP));
	tui_box(top, left, height, width);
	attron(A_BOLD);
	text_draw(stdscr, top, left + 2, title, width - 4);
	attroff(A_BOLD);
	for (int i = 0, y = top + 1; i < n && y < top + height - 3; y += lines[i], i++) {
		int room = top + height - 3 - y;

		text_draw(stdscr, y, left + 2, labels[i], label_w);
		text_wrap(stdscr, y, left + 4 + label_w, values[i], value_w,
		          lines[i] < room ? lines[i] : room, false, false);
	}
	text_draw(stdscr, top + height - 2, left + 2, _("s location  n note  b desk  M move  "
	                                                 "d cancel desk  other keys close"),
	          width - 4);
	attrset(A_NORMAL);
}
