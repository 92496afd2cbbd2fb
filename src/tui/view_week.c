/* The Week screen, hop's home: the people of a team down the side, Monday to
 * Friday of an ISO week across, each cell where the person works that day and,
 * for office days, the desk.  Presence days and days off stand out, deviations
 * from the office agreement are marked on the row and explained below it.
 *
 * All it shows comes from core's presence_week, read once per week or team
 * change (and after a change made here), never per key.  Changes go through
 * presence_set, presence_clear and booking_book; what core refuses is shown in
 * core's words.  Which teams a person may switch to is asked of core's authz. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/app.h"
#include "hop/authz.h"
#include "hop/booking.h"
#include "hop/clock.h"
#include "hop/i18n.h"
#include "hop/person.h"
#include "hop/presence.h"
#include "colour.h"
#include "pick.h"
#include "text.h"
#include "tui_internal.h"

#define TEAM_LABEL_MAX (HOP_TEAM_NAME_MAX + HOP_NAME_MAX + 8)
#define LABEL_MAX 96
/* Lines under the grid: a rule, in office, desks free, the explanation (2). */
#define FOOT_ROWS 5

enum mode {
	MODE_GRID,
	MODE_DETAIL,        /* the details box of the selected cell */
	MODE_TEAMS,         /* the team chooser */
};

static struct {
	hop_date monday;
	char team[HOP_TEAM_NAME_MAX + 1];   /* "" = the actor's team */
	struct presence_week w;
	bool loaded;
	char error[HOP_ERR_MSG_MAX];        /* why there is no week to show */
	size_t sel, top;                    /* selected row, first row shown */
	int day;                            /* selected day, 0 = Monday */
	int list_rows;
	enum mode mode;
	/* The team chooser: the teams offered, one label each. */
	struct hop_team_list teams;
	char (*team_labels)[TEAM_LABEL_MAX];
	const char **team_items;
	size_t *team_index;                 /* chooser item -> index into teams */
	size_t nitems;
	struct tui_pick pick;
} W;

static const struct tui_keyhelp week_keys[] = {
	{ N_("j k  ↓ ↑"), N_("next / previous person") },
	{ N_("l  → ←"), N_("next / previous day (h sets home, so ← goes back)") },
	{ N_("Home End PgUp PgDn"), N_("first / last person, a page up / down") },
	{ N_("[  ]"), N_("previous / next week") },
	{ N_("t"), N_("this week, today's day") },
	{ N_("o h m a"), N_("set the day to office, home, mobile or away (yours; a lead's "
	                    "for members)") },
	{ N_("x"), N_("clear the day's entry, so the weekly default applies again") },
	{ N_("b"), N_("book a desk near the team for the day (and mark it office)") },
	{ N_("Enter"), N_("details of the day: location, note, desk, presence day, deviations") },
	{ N_("T"), N_("show another team (the teams you lead; HR and admins: any)") },
	{ N_("r"), N_("read the week again from the database") },
	{ N_("● ⌂ ◆ –  → ·"), N_("office, home, mobile, away, business trip, not set") },
	{ N_("★  ✕  !"), N_("presence day, not a working day, deviation from the office "
	                    "agreement") },
};

/* ---- the data ---- */

static const struct presence_row *sel_row(void)
{
	return W.loaded && W.sel < W.w.nrows ? &W.w.rows[W.sel] : NULL;
}

static void select_login(const char *login)
{
	for (size_t i = 0; login && i < W.w.nrows; i++) {
		if (strcmp(W.w.rows[i].person.login, login) == 0) {
			W.sel = i;
			return;
		}
	}
	if (W.sel >= W.w.nrows)
		W.sel = W.w.nrows ? W.w.nrows - 1 : 0;
}

/* Read the week of W.team from W.monday: one call to core.  On failure the
 * week shown before stays, and the reason goes to the status line. */
static bool load(struct tui *t)
{
	struct presence_week w;
	struct hop_err err;
	char keep[HOP_LOGIN_MAX + 1] = "";
	const struct presence_row *r = sel_row();

	if (r)
		snprintf(keep, sizeof keep, "%s", r->person.login);
	memset(&w, 0, sizeof w);
	if (presence_week(t->app, W.team[0] ? W.team : NULL, W.monday, &w, &err) != HOP_OK) {
		presence_week_free(&w);
		tui_status(t, true, "%s", err.msg);
		if (!W.loaded)
			snprintf(W.error, sizeof W.error, "%s", err.msg);
		return false;
	}
	if (W.loaded && W.w.team.id != w.team.id)
		keep[0] = '\0';
	presence_week_free(&W.w);
	W.w = w;
	W.loaded = true;
	W.error[0] = '\0';
	W.monday = w.monday;
	select_login(keep[0] ? keep : t->app->actor.login);
	return true;
}

/* Go to the week of day; back to the week shown if it cannot be read. */
static void go_to(struct tui *t, hop_date day)
{
	hop_date was = W.monday;

	W.monday = day - (date_weekday(day) - 1);
	if (!load(t) && W.loaded)
		W.monday = was;
}

static void week_open(struct tui *t)
{
	hop_date today = clock_today();

	W.monday = today - (date_weekday(today) - 1);
	W.day = date_weekday(today) <= 5 ? date_weekday(today) - 1 : 0;
	load(t);
}

static void teams_free(void)
{
	team_list_free(&W.teams);
	free(W.team_labels);
	free(W.team_items);
	free(W.team_index);
	W.team_labels = NULL;
	W.team_items = NULL;
	W.team_index = NULL;
	W.nitems = 0;
}

static void week_close(struct tui *t)
{
	(void)t;
	if (W.mode == MODE_TEAMS)
		pick_close(&W.pick);
	presence_week_free(&W.w);
	teams_free();
	memset(&W, 0, sizeof W);
}

/* ---- moving ---- */

static void move_rows(long delta)
{
	long n = (long)W.w.nrows, s = (long)W.sel + delta;

	if (!n)
		return;
	W.sel = (size_t)(s < 0 ? 0 : s >= n ? n - 1 : s);
}

static void move_day(int delta)
{
	int d = W.day + delta;

	W.day = d < 0 ? 0 : d >= PRESENCE_DAYS ? PRESENCE_DAYS - 1 : d;
}

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

	if (c->desk[0])
		snprintf(desk, sizeof desk, half[0] ? " %s %s" : " %s", c->desk, half);
	snprintf(marks, sizeof marks, "%s%s", c->note[0] ? " ✎" : "", c->deviation ? " !" : "");
	snprintf(buf, size, "%s %s%s%s", loc_symbol(c->loc),
	         c->loc == LOC_NONE ? _("not set") : presence_loc_display(c->loc), desk, marks);
	if (text_width(buf) <= width)
		return;
	if (c->desk[0]) {
		snprintf(buf, size, "%s%s%s", loc_symbol(c->loc), desk, marks);
		if (text_width(buf) <= width)
			return;
	}
	snprintf(buf, size, "%s %s%s", loc_symbol(c->loc), presence_loc_code(c->loc), marks);
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

static struct grid grid(int cols)
{
	struct grid g;
	int widest = 0;

	for (size_t i = 0; i < W.w.nrows; i++) {
		int w = text_width(W.w.rows[i].person.name);
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

static void draw_heading(struct tui *t, int y)
{
	char label[LABEL_MAX], team[HOP_TEAM_NAME_MAX + 64];
	int used;

	presence_week_label(W.monday, label, sizeof label);
	attrset(colour_attr(TC_HEADING));
	used = text_draw(stdscr, y, 0, label, t->cols);
	if (W.loaded) {
		snprintf(team, sizeof team,
		         ngettext("%s · %zu person", "%s · %zu people", W.w.nrows),
		         W.w.team.name, W.w.nrows);
		attrset(colour_attr(TC_NORMAL));
		text_draw(stdscr, y, used + 4, team, t->cols - used - 4);
	}
	attrset(A_NORMAL);
}

static void draw_row(const struct presence_row *r, bool sel_row_, int y,
                     const struct grid *g)
{
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

		if (!W.w.days[d].working)
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
static void draw_footer(int y, const struct grid *g, int cols)
{
	char text[64];

	attrset(colour_attr(TC_DIM));
	mvhline(y, 0, ACS_HLINE, cols);
	text_draw(stdscr, y + 1, 0, _("In office"), g->name_w - 1);
	text_draw(stdscr, y + 2, 0, _("Desks free"), g->name_w - 1);
	for (int d = 0; d < PRESENCE_DAYS; d++) {
		const struct presence_week_day *wd = &W.w.days[d];

		if (!wd->working) {
			attrset(colour_attr(TC_HOLIDAY));
			text_draw(stdscr, y + 1, g->x_day[d], "✕", g->day_w);
			text_draw(stdscr, y + 2, g->x_day[d], "✕", g->day_w);
			continue;
		}
		snprintf(text, sizeof text, "%d / %zu", wd->in_office, W.w.nrows);
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
 * day's note, the person's deviations (the selected day's first). */
static void explanation(char *buf, size_t size)
{
	const struct presence_row *r = sel_row();
	const struct presence_week_day *wd = &W.w.days[W.day];
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
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < W.w.dev.n && used < size; i++) {
			const struct agreement_deviation *dv = &W.w.dev.v[i];
			bool today = dv->day == wd->day;

			if (dv->person_id != r->person.id || (pass == 0) != today)
				continue;
			used += (size_t)snprintf(buf + used, size - used, "%s! %s", used ? "   " : "",
			                         dv->text);
		}
	}
}

static void draw_explanation(int y, int rows, int cols)
{
	char text[2048];

	explanation(text, sizeof text);
	if (!text[0])
		return;
	attrset(colour_attr(TC_WARN));
	text_wrap(stdscr, y, 0, text, cols - 1, rows, false, false);
	attrset(A_NORMAL);
}

static void draw_detail(struct tui *t);

static void week_draw(struct tui *t, const struct tui_view *v)
{
	int top = t->body_top, rows = t->body_rows, cols = t->cols, vis, y;
	char text[HOP_WHY_MAX + 16];
	struct grid g;

	(void)v;
	draw_heading(t, top);
	if (!W.loaded) {
		int n;

		attrset(colour_attr(TC_NORMAL));
		n = text_wrap(stdscr, top + 2, 2, W.error, cols - 4, rows - 2, false, false);
		attrset(colour_attr(TC_DIM));
		text_wrap(stdscr, top + 3 + n, 2, _("T chooses a team: leads among the teams they "
		                                    "lead, HR and admins among all teams."),
		          cols - 4, rows - 3 - n, false, false);
		attrset(A_NORMAL);
		goto overlay;
	}
	g = grid(cols);
	attrset(colour_attr(TC_DIM));
	text_draw(stdscr, top + 1, 2, _("Name"), g.name_w - 2);
	for (int d = 0; d < PRESENCE_DAYS; d++) {
		const struct presence_week_day *wd = &W.w.days[d];

		day_heading(wd, text, sizeof text);
		attrset(colour_attr(!wd->working ? TC_HOLIDAY : wd->team_day ? TC_TEAMDAY : TC_DIM));
		text_draw(stdscr, top + 1, g.x_day[d], text, g.day_w);
	}
	vis = rows - 2 - FOOT_ROWS;
	W.list_rows = vis;
	if (vis <= 0)
		goto overlay;
	if (W.w.nrows == 0) {
		attrset(colour_attr(TC_NORMAL));
		text_wrap(stdscr, top + 3, 2, _("This team has no current members."), cols - 4,
		          vis, false, false);
	}
	if (W.sel < W.top)
		W.top = W.sel;
	if (W.sel >= W.top + (size_t)vis)
		W.top = W.sel - (size_t)vis + 1;
	if (W.top + (size_t)vis > W.w.nrows)
		W.top = W.w.nrows > (size_t)vis ? W.w.nrows - (size_t)vis : 0;
	for (int i = 0; i < vis && W.top + (size_t)i < W.w.nrows; i++)
		draw_row(&W.w.rows[W.top + i], W.top + (size_t)i == W.sel, top + 2 + i, &g);
	/* A day off: the reason down its column, instead of a cell per person. */
	for (int d = 0; d < PRESENCE_DAYS; d++) {
		int n = (int)(W.w.nrows < (size_t)vis ? W.w.nrows : (size_t)vis);

		if (W.w.days[d].working)
			continue;
		snprintf(text, sizeof text, "✕ %s", W.w.days[d].why);
		attrset(colour_attr(TC_HOLIDAY));
		text_wrap(stdscr, top + 2, g.x_day[d], text, g.day_w, n > 0 ? n : 1, false, false);
	}
	if (W.w.nrows && W.sel >= W.top && W.sel < W.top + (size_t)vis)
		recolour(top + 2 + (int)(W.sel - W.top), g.x_day[W.day], g.day_w, TC_SELECTED);
	y = top + rows - FOOT_ROWS;
	draw_footer(y, &g, cols);
	draw_explanation(y + 3, 2, cols);
overlay:
	attrset(A_NORMAL);
	if (W.mode == MODE_TEAMS)
		pick_draw(t, &W.pick);
	else if (W.mode == MODE_DETAIL)
		draw_detail(t);
}

/* ---- the details box ---- */

#define DETAIL_LINES 12

static void draw_detail(struct tui *t)
{
	const struct presence_row *r = sel_row();
	const struct presence_week_day *wd = &W.w.days[W.day];
	const struct presence_cell *c;
	const char *labels[DETAIL_LINES], *values[DETAIL_LINES];
	char date[HOP_DATE_HUMAN_LEN], title[HOP_NAME_MAX + HOP_DATE_HUMAN_LEN + 8];
	char loc[128], desk[HOP_CODE_MAX + 32], teamday[HOP_PRESENCE_NOTE_MAX + 32];
	char devs[DETAIL_LINES][400];
	int n = 0, nd = 0, label_w = 0, width, height, top, left, value_w, total = 0;
	int lines[DETAIL_LINES];

	if (!r)
		return;
	c = &r->days[W.day];
	snprintf(title, sizeof title, _("%s · %s"), r->person.name,
	         date_format_human(wd->day, date, sizeof date));
	if (!wd->working) {
		labels[n] = _("Working day");
		values[n++] = wd->why;
	} else {
		const char *src = c->source == PSRC_DAY ? _("set for this day")
			: c->source == PSRC_DEFAULT ? _("the weekly default") : _("nothing set");
		snprintf(loc, sizeof loc, "%s %s (%s)", loc_symbol(c->loc),
		         c->loc == LOC_NONE ? _("not set") : presence_loc_display(c->loc), src);
		labels[n] = _("Location");
		values[n++] = loc;
		labels[n] = _("Note");
		values[n++] = c->note[0] ? c->note : "—";
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
	for (size_t i = 0; i < W.w.dev.n && n < DETAIL_LINES; i++) {
		const struct agreement_deviation *dv = &W.w.dev.v[i];

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
	text_draw(stdscr, top + height - 2, left + 2, _("Press any key to close."), width - 4);
	attrset(A_NORMAL);
}

/* ---- changing a day ---- */

static void set_location(struct tui *t, enum presence_loc loc)
{
	const struct presence_row *r = sel_row();
	struct presence_result res;
	struct hop_err err;
	char name[HOP_NAME_MAX + 1], date[HOP_DATE_HUMAN_LEN];
	const struct presence_item *it;
	hop_date day = W.w.days[W.day].day;

	if (!r) {
		tui_status(t, true, "%s", _("There is no one here whose day could be set."));
		return;
	}
	snprintf(name, sizeof name, "%s", r->person.name);
	date_format_human(day, date, sizeof date);
	memset(&res, 0, sizeof res);
	if (presence_set(t->app, r->person.login, day, day, loc, NULL, &res, &err) != HOP_OK) {
		presence_result_free(&res);
		tui_status(t, true, "%s", err.msg);
		return;
	}
	it = res.n ? &res.v[0] : NULL;
	if (!load(t)) {
		presence_result_free(&res);
		return;
	}
	if (it && loc == LOC_OFFICE && it->desk[0] && !it->had_desk)
		tui_status(t, false, _("%s: office on %s, desk %s booked."), name, date, it->desk);
	else if (it && loc == LOC_OFFICE && it->no_desk)
		tui_status(t, false, _("%s: office on %s; no desk near the team was free (b tries "
		                       "again)."), name, date);
	else if (it && it->cancelled)
		tui_status(t, false, ngettext("%s: %s on %s; %d desk booking cancelled.",
		                              "%s: %s on %s; %d desk bookings cancelled.",
		                              it->cancelled),
		           name, presence_loc_display(loc), date, it->cancelled);
	else
		tui_status(t, false, _("%s: %s on %s."), name, presence_loc_display(loc), date);
	presence_result_free(&res);
}

static void clear_day(struct tui *t)
{
	const struct presence_row *r = sel_row();
	struct hop_err err;
	char name[HOP_NAME_MAX + 1], date[HOP_DATE_HUMAN_LEN];
	hop_date day = W.w.days[W.day].day;
	int cleared = 0;

	if (!r)
		return;
	snprintf(name, sizeof name, "%s", r->person.name);
	date_format_human(day, date, sizeof date);
	if (presence_clear(t->app, r->person.login, day, day, &cleared, &err) != HOP_OK) {
		tui_status(t, true, "%s", err.msg);
		return;
	}
	if (!load(t))
		return;
	if (cleared)
		tui_status(t, false, _("%s: the entry for %s is cleared; the weekly default "
		                       "applies."), name, date);
	else
		tui_status(t, false, _("%s has no entry of their own for %s."), name, date);
}

static void book_desk(struct tui *t)
{
	const struct presence_row *r = sel_row();
	struct booking_request rq;
	struct hop_booking made;
	struct hop_err err;
	char name[HOP_NAME_MAX + 1], date[HOP_DATE_HUMAN_LEN];

	if (!r) {
		tui_status(t, true, "%s", _("There is no one here to book a desk for."));
		return;
	}
	memset(&rq, 0, sizeof rq);
	rq.day = W.w.days[W.day].day;
	rq.half = HALF_DAY;
	rq.for_login = r->person.login;
	rq.any = true;
	rq.near_team = true;
	snprintf(name, sizeof name, "%s", r->person.name);
	date_format_human(rq.day, date, sizeof date);
	if (booking_book(t->app, &rq, &made, &err) != HOP_OK) {
		tui_status(t, true, "%s", err.msg);
		return;
	}
	if (load(t))
		tui_status(t, false, _("Booked desk %s for %s on %s."), made.desk, name, date);
}

/* ---- the team chooser ---- */

/* The teams the actor may look at: their own, those they lead, and any team
 * for those core lets manage teams (HR, admins). */
static bool teams_open(struct tui *t)
{
	struct hop_err err;
	bool any;
	size_t initial = 0;

	teams_free();
	if (team_list(t->app, false, &W.teams, &err) != HOP_OK) {
		tui_status(t, true, "%s", err.msg);
		teams_free();
		return false;
	}
	any = authz_team_manage(t->app, &err) == HOP_OK;
	W.team_labels = calloc(W.teams.n + 1, sizeof *W.team_labels);
	W.team_items = calloc(W.teams.n + 1, sizeof *W.team_items);
	W.team_index = calloc(W.teams.n + 1, sizeof *W.team_index);
	if (!W.team_labels || !W.team_items || !W.team_index) {
		tui_status(t, true, _("Out of memory while listing %zu teams."), W.teams.n);
		teams_free();
		return false;
	}
	for (size_t i = 0; i < W.teams.n; i++) {
		const struct hop_team *tm = &W.teams.v[i];

		if (!any && tm->id != t->app->actor.person.team_id && !authz_leads_team(t->app, tm->id))
			continue;
		if (tm->lead_name[0])
			snprintf(W.team_labels[W.nitems], TEAM_LABEL_MAX, _("%s (lead: %s)"), tm->name,
			         tm->lead_name);
		else
			snprintf(W.team_labels[W.nitems], TEAM_LABEL_MAX, "%s", tm->name);
		if (W.loaded && tm->id == W.w.team.id)
			initial = W.nitems;
		W.team_items[W.nitems] = W.team_labels[W.nitems];
		W.team_index[W.nitems++] = i;
	}
	if (W.nitems <= 1 && W.loaded) {
		tui_status(t, false, "%s", _("You see your own team; leads switch between the teams "
		                             "they lead, HR and admins between all teams."));
		teams_free();
		return false;
	}
	if (!W.nitems) {
		tui_status(t, true, "%s", _("There is no team to show."));
		teams_free();
		return false;
	}
	if (!pick_open(&W.pick, _("Team:"), W.team_items, W.nitems, initial)) {
		tui_status(t, true, "%s", _("Out of memory while opening the team list."));
		teams_free();
		return false;
	}
	W.mode = MODE_TEAMS;
	return true;
}

static void teams_key(struct tui *t, const struct tui_key *k)
{
	char was[HOP_TEAM_NAME_MAX + 1];
	size_t i;

	switch (pick_key(&W.pick, k)) {
	case PICK_CONTINUE:
		return;
	case PICK_FULL:
		tui_status(t, true, "%s", _("That is longer than any team's name."));
		return;
	case PICK_CANCEL:
		break;
	case PICK_CHOSEN:
		i = pick_chosen(&W.pick);
		if (i >= W.nitems)
			break;
		snprintf(was, sizeof was, "%s", W.team);
		snprintf(W.team, sizeof W.team, "%s", W.teams.v[W.team_index[i]].name);
		W.top = W.sel = 0;
		if (!load(t))
			snprintf(W.team, sizeof W.team, "%s", was);
		break;
	}
	pick_close(&W.pick);
	teams_free();
	W.mode = MODE_GRID;
}

/* ---- keys ---- */

static bool week_key(struct tui *t, const struct tui_key *k)
{
	switch (W.mode) {
	case MODE_DETAIL:
		W.mode = MODE_GRID;
		return true;
	case MODE_TEAMS:
		teams_key(t, k);
		return true;
	case MODE_GRID:
		break;
	}
	if (key_is(k, L'T'))
		teams_open(t);
	else if (key_is(k, L'[') || key_is(k, L']'))
		go_to(t, W.monday + (key_is(k, L'[') ? -7 : 7));
	else if (key_is(k, L't')) {
		hop_date today = clock_today();
		go_to(t, today);
		if (date_weekday(today) <= 5)
			W.day = date_weekday(today) - 1;
	} else if (key_is(k, L'r')) {
		if (load(t))
			tui_status(t, false, ngettext("Read again: %zu person.", "Read again: %zu people.",
			                              W.w.nrows), W.w.nrows);
	} else if (!W.loaded) {
		return false;
	} else if (key_is(k, L'j') || key_fn(k, KEY_DOWN))
		move_rows(1);
	else if (key_is(k, L'k') || key_fn(k, KEY_UP))
		move_rows(-1);
	else if (key_is(k, L'l') || key_fn(k, KEY_RIGHT))
		move_day(1);
	else if (key_fn(k, KEY_LEFT))
		move_day(-1);
	else if (key_fn(k, KEY_NPAGE) || key_is(k, L' '))
		move_rows(W.list_rows > 1 ? W.list_rows - 1 : 1);
	else if (key_fn(k, KEY_PPAGE))
		move_rows(-(W.list_rows > 1 ? W.list_rows - 1 : 1));
	else if (key_fn(k, KEY_HOME))
		move_rows(-(long)W.w.nrows);
	else if (key_fn(k, KEY_END))
		move_rows((long)W.w.nrows);
	else if (key_is(k, L'o'))
		set_location(t, LOC_OFFICE);
	else if (key_is(k, L'h'))
		set_location(t, LOC_HOME);
	else if (key_is(k, L'm'))
		set_location(t, LOC_MOBILE);
	else if (key_is(k, L'a'))
		set_location(t, LOC_AWAY);
	else if (key_is(k, L'x'))
		clear_day(t);
	else if (key_is(k, L'b'))
		book_desk(t);
	else if (key_is(k, L'\r') || key_is(k, L'\n') || key_fn(k, KEY_ENTER)) {
		if (sel_row())
			W.mode = MODE_DETAIL;
	} else
		return false;
	return true;
}

const struct tui_view view_week = {
	.name = N_("Week"),
	.hints = N_("? help  ↑↓←→ move  [ ] week  t today  o h m a set day  b desk  "
	            "Enter details  T team  q quit"),
	.keys = week_keys,
	.nkeys = sizeof week_keys / sizeof week_keys[0],
	.open = week_open,
	.draw = week_draw,
	.key = week_key,
	.close = week_close,
};
