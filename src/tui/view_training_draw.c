/* The Training screen's drawing of my own view (my courses, then the
 * sessions for them) and of the sessions view, the letters and colours of
 * the statuses, and the view's draw entry (see view_training.c).  Every
 * status has a letter as well as a colour, so that it reads without colour
 * too; columns that do not fit are cut, never wrapped. */
#include <stdio.h>
#include <string.h>

#include "hop/base/i18n.h"
#include "hop/core/app.h"
#include "colour.h"
#include "list.h"
#include "pick.h"
#include "text.h"
#include "tui_internal.h"
#include "view_training_int.h"

#define WHEN_W 14           /* "01.02.27 09:00" */
#define DATE_W 8            /* "18.05.27" */

void trs_line(int y, int x, const char *text, int width, enum tui_colour role)
{
	attrset(colour_attr(role));
	text_draw(stdscr, y, x, text, width);
	attrset(A_NORMAL);
}

const char *trs_sym(const char *utf8_text, const char *ascii)
{
	return text_sym(utf8_text, ascii);
}

const char *trs_letter(enum trn_status st)
{
	/* TRANSLATORS: the letters of the training matrix's cells, one per
	 * status, space-separated, in this order: not required, new, due, valid,
	 * expiring, overdue, exempt.  The legend in the screen's help lists them. */
	static char letters[TRN_STATUS_COUNT][8];
	static char from[64];
	const char *all = _("— N D V E O X");

	if (strcmp(from, all) != 0) {
		char buf[64], *save = NULL, *tok;
		int i = 0;

		snprintf(from, sizeof from, "%s", all);
		snprintf(buf, sizeof buf, "%s", all);
		memset(letters, 0, sizeof letters);
		for (tok = strtok_r(buf, " ", &save); tok && i < TRN_STATUS_COUNT;
		     tok = strtok_r(NULL, " ", &save))
			snprintf(letters[i++], sizeof letters[0], "%s", tok);
	}
	if ((unsigned)st >= TRN_STATUS_COUNT)
		st = TRN_NOT_REQUIRED;
	if (st == TRN_NOT_REQUIRED && !text_utf8())
		return "-";
	return letters[st][0] ? letters[st] : "?";
}

enum tui_colour trs_colour(enum trn_status st)
{
	switch (st) {
	case TRN_OVERDUE:  return TC_WARN;
	case TRN_DUE:      return TC_MINE;
	case TRN_EXPIRING: return TC_FIXED;
	case TRN_VALID:    return TC_FREE;
	case TRN_EXEMPT:   return TC_AWAY;
	case TRN_NEW:      return TC_NORMAL;
	default:           return TC_DIM;
	}
}

const char *trs_where(const struct trn_session *ss, char *buf, size_t size)
{
	if (ss->room_id && ss->site[0])
		snprintf(buf, size, "%s (%s), %s", ss->room_name[0] ? ss->room_name : ss->room,
		         ss->room, ss->site);
	else if (ss->room_id)
		snprintf(buf, size, "%s (%s)", ss->room_name[0] ? ss->room_name : ss->room, ss->room);
	else if (ss->online_url[0])
		snprintf(buf, size, _("online: %s"), ss->online_url);
	else if (ss->location[0])
		snprintf(buf, size, "%s", ss->location);
	else
		snprintf(buf, size, "%s", _("place not given"));
	return buf;
}

/* My enrolment in a session, in a word or two ("waitlist 2"); "" when none. */
static const char *my_state(const struct trn_session *ss, char *buf, size_t size)
{
	if (!ss->mine)
		snprintf(buf, size, "%s", "");
	else if (ss->my_state == ENROL_WAITLISTED)
		snprintf(buf, size, _("waitlist %d"), ss->my_position);
	else
		snprintf(buf, size, "%s", enrol_state_display(ss->my_state));
	return buf;
}

/* ---- my own view ---- */

struct mine_cols {
	int code, title, status, until, x_code, x_title, x_status, x_due, x_until;
	int s_title, x_stitle, x_seats, x_me;
};

static struct mine_cols mine_columns(const struct trs_state *s, int width)
{
	struct mine_cols c;
	int code = text_width(_("Course"));

	memset(&c, 0, sizeof c);
	for (size_t i = 0; i < s->mine.n; i++)
		code = trs_max(code, text_width(s->mine.v[i].course));
	for (size_t i = 0; i < s->nmine_sess; i++)
		code = trs_max(code, text_width(s->sessions.v[s->mine_sess[i]].course));
	c.code = trs_min(code, 12);
	c.status = text_width(_("Status"));
	for (int st = 0; st < TRN_STATUS_COUNT; st++)
		c.status = trs_max(c.status, text_width(trn_status_display((enum trn_status)st)));
	c.x_code = 4;
	c.x_title = c.x_code + c.code + 2;
	/* Title, then status, due and valid until: two dates and three gaps. */
	c.until = trs_max(DATE_W, text_width(_("Valid until")));
	c.title = trs_max(8, width - c.x_title - c.status - DATE_W - c.until - 3 * 2);
	c.x_status = c.x_title + c.title + 2;
	c.x_due = c.x_status + c.status + 2;
	c.x_until = c.x_due + DATE_W + 2;
	/* The sessions: when, course, title, seats, my enrolment. */
	c.x_stitle = c.x_code + WHEN_W + 2 + c.code + 2;
	c.x_seats = width - 12 - 2 - 10;
	c.x_me = width - 12;
	c.s_title = trs_max(4, c.x_seats - 2 - c.x_stitle);
	return c;
}

struct mine_ctx {
	const struct trs_state *s;
	struct mine_cols c;
	int width;
};

static void draw_mine_heading(const struct mine_ctx *mc, bool courses, int y)
{
	const struct mine_cols *c = &mc->c;

	attrset(colour_attr(TC_HEADING));
	text_fill(stdscr, y, 0, mc->width);
	if (courses) {
		text_draw(stdscr, y, 0, _("Your courses"), c->x_status - 2);
		attrset(colour_attr(TC_DIM));
		text_draw(stdscr, y, c->x_status, _("Status"), c->status);
		text_draw(stdscr, y, c->x_due, _("Due"), DATE_W);
		text_draw(stdscr, y, c->x_until, _("Valid until"), c->until);
	} else {
		text_draw(stdscr, y, 0, _("Sessions for your courses"), c->x_seats - 2);
		attrset(colour_attr(TC_DIM));
		text_draw(stdscr, y, c->x_seats, _("Free seats"), 10);
		text_draw(stdscr, y, c->x_me, _("You"), 12);
	}
	attrset(A_NORMAL);
}

static void draw_course_row(const struct mine_ctx *mc, const struct trn_status_row *r, bool sel,
                            int y)
{
	const struct mine_cols *c = &mc->c;
	char buf[32];
	enum tui_colour base = sel ? TC_SELECTED : TC_NORMAL;

	attrset(colour_attr(base));
	text_fill(stdscr, y, 0, mc->width);
	if (sel)
		mvaddch(y, 0, '>');
	attrset(colour_attr(sel ? base : trs_colour(r->st.status)));
	text_draw(stdscr, y, 2, trs_letter(r->st.status), 1);
	attrset(colour_attr(base));
	text_draw(stdscr, y, c->x_code, r->course, c->code);
	text_draw(stdscr, y, c->x_title, r->title, c->title);
	attrset(colour_attr(sel ? base : trs_colour(r->st.status)));
	text_draw(stdscr, y, c->x_status, trn_status_display(r->st.status), c->status);
	attrset(colour_attr(base));
	text_draw(stdscr, y, c->x_due, r->st.due == HOP_DATE_NONE ? trs_sym("—", "-") :
	          tui_short_date(r->st.due, buf, sizeof buf), DATE_W);
	text_draw(stdscr, y, c->x_until, r->st.valid_until == HOP_DATE_NONE ? trs_sym("—", "-") :
	          tui_short_date(r->st.valid_until, buf, sizeof buf), DATE_W);
	attrset(A_NORMAL);
}

static void draw_session_row(const struct mine_ctx *mc, const struct trn_session *ss, bool sel,
                             int y)
{
	const struct mine_cols *c = &mc->c;
	char buf[64];
	enum tui_colour base = sel ? TC_SELECTED : TC_NORMAL;

	attrset(colour_attr(base));
	text_fill(stdscr, y, 0, mc->width);
	if (sel)
		mvaddch(y, 0, '>');
	if (ss->mine) {
		attrset(colour_attr(sel ? base : TC_MINE));
		text_draw(stdscr, y, 2, trs_sym("●", "*"), 1);
		attrset(colour_attr(base));
	}
	text_draw(stdscr, y, c->x_code, trs_when(ss->start, buf, sizeof buf), WHEN_W);
	text_draw(stdscr, y, c->x_code + WHEN_W + 2, ss->course, c->code);
	text_draw(stdscr, y, c->x_stitle, ss->title, c->s_title);
	snprintf(buf, sizeof buf, _("%d of %d"), ss->free, ss->capacity);
	if (!sel && ss->free <= 0)
		attrset(colour_attr(TC_BOOKED));
	text_draw(stdscr, y, c->x_seats, buf, 10);
	attrset(colour_attr(sel ? base : TC_MINE));
	text_draw(stdscr, y, c->x_me, my_state(ss, buf, sizeof buf), 12);
	attrset(A_NORMAL);
}

static void draw_mine_row(void *ctx, const struct list_row *r, bool sel, int y)
{
	const struct mine_ctx *mc = ctx;
	const struct trs_state *s = mc->s;

	if (r->heading)
		draw_mine_heading(mc, r->item < s->mine.n, y);
	else if (r->item < s->mine.n)
		draw_course_row(mc, &s->mine.v[r->item], sel, y);
	else
		draw_session_row(mc, &s->sessions.v[s->mine_sess[r->item - s->mine.n]], sel, y);
}

/* Below the list: what the row does not say. */
static void draw_mine_detail(const struct trs_state *s, int y, int width)
{
	char line[TRS_LINE_MAX], a[32], where[HOP_SESSION_URL_MAX + 64];
	size_t i = list_item(&s->mine_list);
	const struct trn_session *ss = trs_sel_session(s);

	if (ss) {
		snprintf(line, sizeof line, _("%s · %s · until %s · %d waiting"), ss->title,
		         trs_where(ss, where, sizeof where), trs_when(ss->end, a, sizeof a),
		         ss->waitlisted);
		trs_line(y, 0, line, width, TC_DIM);
		return;
	}
	if (i == LIST_NONE || i >= s->mine.n)
		return;
	const struct trn_status_row *r = &s->mine.v[i];
	if (r->st.last_done != HOP_DATE_NONE)
		snprintf(line, sizeof line, _("%s · %s · last done %s"), r->title,
		         trn_status_display(r->st.status),
		         tui_date_text(r->st.last_done, false, a, sizeof a));
	else
		snprintf(line, sizeof line, _("%s · %s · never done"), r->title,
		         trn_status_display(r->st.status));
	trs_line(y, 0, line, width, TC_DIM);
}

static void draw_mine(struct tui *t, struct trs_state *s)
{
	int top = t->body_top, rows = t->body_rows, width = t->cols, vis;
	struct mine_ctx ctx = { s, mine_columns(s, width), width };
	char head[160], day[32];
	int late = 0, due = 0;

	for (size_t i = 0; i < s->mine.n; i++) {
		late += s->mine.v[i].st.status == TRN_OVERDUE;
		due += s->mine.v[i].st.status == TRN_DUE;
	}
	tui_date_text(s->today, true, day, sizeof day);
	if (late || due)
		snprintf(head, sizeof head, _("Your training on %s · %d overdue · %d due"), day, late,
		         due);
	else
		snprintf(head, sizeof head, _("Your training on %s"), day);
	trs_line(top, 0, head, width, TC_HEADING);
	vis = rows - 3;
	if (!s->mine_ok) {
		text_wrap(stdscr, top + 2, 2, _("You are not a person in hop's records: there is no "
		                                "training of yours to show. v shows the sessions."),
		          width - 4, vis, false, false);
		return;
	}
	if (s->mine.n == 0)
		text_wrap(stdscr, top + 2, 2, _("No course is required of you today."), width - 4, 1,
		          false, false);
	if (s->mine.n == 0 && s->nmine_sess == 0) {
		text_wrap(stdscr, top + 3, 2, _("v shows every coming session."), width - 4, 1, false,
		          false);
		return;
	}
	list_draw(&s->mine_list, top + (s->mine.n ? 1 : 3), vis - (s->mine.n ? 0 : 2),
	          draw_mine_row, &ctx);
	if (s->mine.n && s->nmine_sess == 0 && (size_t)vis > s->mine.n + 2)
		trs_line(top + 1 + (int)s->mine.n + 2, 2,
		         _("No coming session of your courses has a free seat."), width - 4, TC_DIM);
	draw_mine_detail(s, top + rows - 1, width);
}

/* ---- the sessions view ---- */

struct sess_ctx {
	const struct trs_state *s;
	int width, code, title, x_code, x_title, x_seats, x_free, x_wait, x_req, x_me;
};

static void draw_sess_row(void *ctx, const struct list_row *r, bool sel, int y)
{
	const struct sess_ctx *c = ctx;
	const struct trn_session *ss = &c->s->sessions.v[r->item];
	enum tui_colour base = sel ? TC_SELECTED : TC_NORMAL;
	char buf[64];

	attrset(colour_attr(base));
	text_fill(stdscr, y, 0, c->width);
	if (sel)
		mvaddch(y, 0, '>');
	if (ss->mine) {
		attrset(colour_attr(sel ? base : TC_MINE));
		text_draw(stdscr, y, 1, trs_sym("●", "*"), 1);
		attrset(colour_attr(base));
	}
	text_draw(stdscr, y, 2, trs_when(ss->start, buf, sizeof buf), WHEN_W);
	text_draw(stdscr, y, c->x_code, ss->course, c->code);
	if (c->title)
		text_draw(stdscr, y, c->x_title, ss->title, c->title);
	snprintf(buf, sizeof buf, "%d/%d", ss->taken, ss->capacity);
	text_draw(stdscr, y, c->x_seats, buf, 7);
	snprintf(buf, sizeof buf, "%d", ss->free);
	if (!sel && ss->free <= 0)
		attrset(colour_attr(TC_BOOKED));
	text_draw(stdscr, y, c->x_free, buf, 4);
	attrset(colour_attr(base));
	snprintf(buf, sizeof buf, "%d", ss->waitlisted);
	text_draw(stdscr, y, c->x_wait, buf, 4);
	snprintf(buf, sizeof buf, "%d", ss->requested);
	text_draw(stdscr, y, c->x_req, buf, 4);
	attrset(colour_attr(sel ? base : TC_MINE));
	text_draw(stdscr, y, c->x_me, my_state(ss, buf, sizeof buf), c->width - c->x_me);
	attrset(A_NORMAL);
}

static void draw_sessions(struct tui *t, struct trs_state *s)
{
	int top = t->body_top, rows = t->body_rows, width = t->cols, full = 0;
	int code = trs_max(6, text_width(_("Course")));
	struct sess_ctx c = { .s = s, .width = width };
	char head[160], where[HOP_SESSION_URL_MAX + 64], line[TRS_LINE_MAX], a[32];
	const struct trn_session *sel = trs_sel_session(s);

	for (size_t i = 0; i < s->sessions.n; i++) {
		code = trs_max(code, text_width(s->sessions.v[i].course));
		full += s->sessions.v[i].free <= 0;
	}
	c.code = trs_min(code, 12);
	c.x_code = 2 + WHEN_W + 2;
	c.x_title = c.x_code + c.code + 2;
	/* Seats, free, waiting, requests (7, 4, 4, 4 and gaps) and at least 10
	 * for the enrolment take the right; the title what is left, if enough. */
	c.title = width - c.x_title - 2 - (8 + 5 + 5 + 5) - 10;
	if (c.title < 6)
		c.title = 0;
	c.x_seats = c.x_title + (c.title ? c.title + 2 : 0);
	c.x_free = c.x_seats + 8;
	c.x_wait = c.x_free + 5;
	c.x_req = c.x_wait + 5;
	c.x_me = c.x_req + 5;
	snprintf(head, sizeof head, ngettext("%zu coming session · %d full",
	                                     "%zu coming sessions · %d full", s->sessions.n),
	         s->sessions.n, full);
	trs_line(top, 0, head, width, TC_HEADING);
	attrset(colour_attr(TC_DIM));
	text_draw(stdscr, top + 1, 2, _("Begins"), WHEN_W);
	text_draw(stdscr, top + 1, c.x_code, _("Course"), c.code);
	if (c.title)
		text_draw(stdscr, top + 1, c.x_title, _("Title"), c.title);
	text_draw(stdscr, top + 1, c.x_seats, _("Taken"), 7);
	text_draw(stdscr, top + 1, c.x_free, _("Avail."), 4);
	text_draw(stdscr, top + 1, c.x_wait, _("Wait"), 4);
	text_draw(stdscr, top + 1, c.x_req, _("Req."), 4);
	text_draw(stdscr, top + 1, c.x_me, _("You"), width - c.x_me);
	attrset(A_NORMAL);
	if (s->sessions.n == 0)
		text_wrap(stdscr, top + 3, 2, _("No session is planned from today on."), width - 4, 1,
		          false, false);
	list_draw(&s->sess_list, top + 2, rows - 4, draw_sess_row, &c);
	if (sel) {
		snprintf(line, sizeof line, _("%s · %s · until %s · trainer %s"), sel->title,
		         trs_where(sel, where, sizeof where), trs_when(sel->end, a, sizeof a),
		         sel->trainer[0] ? sel->trainer : trs_sym("—", "-"));
		trs_line(top + rows - 1, 0, line, width, TC_DIM);
	}
}

void trs_draw(struct tui *t, void *state)
{
	struct trs_state *s = state;

	switch (s->mode) {
	case TRS_MATRIX:   trs_matrix_draw(t, s); break;
	case TRS_SESSIONS: draw_sessions(t, s); break;
	default:           draw_mine(t, s); break;
	}
	if (s->ask == TRS_ASK_TEAM)
		pick_draw(t, &s->pick);
	else if (s->ask == TRS_ASK_CELL || s->ask == TRS_ASK_SESSION)
		trs_draw_box(t, s);
}
