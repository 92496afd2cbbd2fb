/* The Training screen's matrix (see view_training.c): the people of one team
 * × the courses required of them, read in one call of core's
 * trn_status_people, a letter and a colour per cell, and below the columns
 * the team's coverage report as core makes it (trn_coverage: the counts per
 * status and the share valid), so that the screen and 'hop training
 * coverage' agree.  A person under two requirements of one course shows the
 * more urgent status.  Columns that do not fit scroll sideways with the
 * selected one. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/base/fold.h"
#include "hop/base/i18n.h"
#include "hop/core/app.h"
#include "hop/core/authz.h"
#include "hop/core/training/status.h"
#include "advice.h"
#include "colour.h"
#include "list.h"
#include "text.h"
#include "tui_internal.h"
#include "view_training_int.h"

#define NAME_LEAST 12
#define CELL_LEAST 3
#define CELL_MOST 10

/* How urgent a status is, for a person under two requirements of a course. */
static int urgency(enum trn_status st)
{
	static const int rank[TRN_STATUS_COUNT] = {
		[TRN_NOT_REQUIRED] = 0, [TRN_EXEMPT] = 1, [TRN_VALID] = 2, [TRN_NEW] = 3,
		[TRN_EXPIRING] = 4, [TRN_DUE] = 5, [TRN_OVERDUE] = 6,
	};
	return (unsigned)st < TRN_STATUS_COUNT ? rank[st] : 0;
}

void trs_matrix_free(struct trs_state *s)
{
	trn_status_list_free(&s->status);
	trn_coverage_list_free(&s->cov);
	free(s->cols);
	free(s->people);
	free(s->cell);
	s->cols = NULL;
	s->people = NULL;
	s->cell = NULL;
	s->ncols = s->npeople = 0;
	list_free(&s->grid);
}

/* The team a lead or HR sees first: their own team when they may see it,
 * else the first team they lead. */
static void default_team(struct tui *t, struct trs_state *s)
{
	const struct hop_actor *a = &t->app->actor;
	struct hop_team_list l = { 0 };
	struct hop_err err;

	if (a->known && a->person.team_id && ((a->roles & (ROLE_HR | ROLE_ADMIN)) ||
	                                      authz_leads_team(t->app, a->person.team_id))) {
		s->team_id = a->person.team_id;
		snprintf(s->team, sizeof s->team, "%s", a->person.team);
		return;
	}
	if (team_list(t->app, false, &l, &err) != HOP_OK) {
		team_list_free(&l);
		return;
	}
	for (size_t i = 0; i < l.n && !s->team_id; i++) {
		if (authz_leads_team(t->app, l.v[i].id)) {
			s->team_id = l.v[i].id;
			snprintf(s->team, sizeof s->team, "%s", l.v[i].name);
		}
	}
	team_list_free(&l);
}

static size_t find_col(const struct trs_state *s, int64_t course_id)
{
	for (size_t c = 0; c < s->ncols; c++)
		if (s->cols[c].course_id == course_id)
			return c;
	return TRS_NO_ROW;
}

static size_t find_person(const struct trs_state *s, int64_t id)
{
	for (size_t p = 0; p < s->npeople; p++)
		if (s->people[p].id == id)
			return p;
	return TRS_NO_ROW;
}

static int by_name(const void *a, const void *b)
{
	const struct trs_person *x = a, *y = b;
	int c = fold_collate(x->name, strlen(x->name), y->name, strlen(y->name));

	return c ? c : strcmp(x->login, y->login);
}

/* Columns, people and cells from core's rows (by course, then name). */
static bool build(struct trs_state *s)
{
	const struct trn_status_list *l = &s->status;

	s->cols = calloc(l->n ? l->n : 1, sizeof *s->cols);
	s->people = calloc(l->n ? l->n : 1, sizeof *s->people);
	if (!s->cols || !s->people)
		return false;
	for (size_t i = 0; i < l->n; i++) {
		const struct trn_status_row *r = &l->v[i];

		if (find_col(s, r->course_id) == TRS_NO_ROW) {
			struct trs_col *c = &s->cols[s->ncols++];
			c->course_id = r->course_id;
			snprintf(c->code, sizeof c->code, "%s", r->course);
			snprintf(c->title, sizeof c->title, "%s", r->title);
		}
		if (find_person(s, r->person_id) == TRS_NO_ROW) {
			struct trs_person *p = &s->people[s->npeople++];
			p->id = r->person_id;
			snprintf(p->login, sizeof p->login, "%s", r->login);
			snprintf(p->name, sizeof p->name, "%s", r->name);
		}
	}
	qsort(s->people, s->npeople, sizeof *s->people, by_name);
	s->cell = malloc((s->npeople * s->ncols + 1) * sizeof *s->cell);
	if (!s->cell)
		return false;
	for (size_t i = 0; i < s->npeople * s->ncols; i++)
		s->cell[i] = TRS_NO_ROW;
	for (size_t i = 0; i < l->n; i++) {
		const struct trn_status_row *r = &l->v[i];
		size_t c = find_col(s, r->course_id), p = find_person(s, r->person_id), *cell;

		if (r->st.status == TRN_NOT_REQUIRED)
			continue;
		cell = &s->cell[p * s->ncols + c];
		if (*cell == TRS_NO_ROW || urgency(r->st.status) > urgency(l->v[*cell].st.status))
			*cell = i;
	}
	for (size_t c = 0; c < s->ncols; c++)
		for (size_t k = 0; k < s->cov.n; k++)
			if (s->cov.v[k].course_id == s->cols[c].course_id)
				s->cols[c].cov = &s->cov.v[k];
	return true;
}

bool trs_matrix_load(struct tui *t, struct trs_state *s)
{
	struct trn_status_list l = { 0 };
	struct trn_coverage_list cov = { 0 };
	const struct trs_person *was_p = NULL;
	const struct trs_col *was_c = NULL;
	int64_t keep_person = 0, keep_course = 0;
	struct hop_err err;

	if (!trs_sees_matrix(t)) {
		s->mode = TRS_MINE;
		return trs_reload(t, s);
	}
	trs_matrix_sel(s, &was_p, &was_c);
	keep_person = was_p ? was_p->id : 0;
	keep_course = was_c ? was_c->course_id : 0;
	if (!s->team_id)
		default_team(t, s);
	if (!s->team_id) {
		trs_matrix_free(s);
		return true;        /* the draw says that there is no team */
	}
	if (trn_status_people(t->app, 0, s->team_id, s->today, ~0u, &l, &err) != HOP_OK) {
		trn_status_list_free(&l);
		tui_fail(t, &err);
		return false;
	}
	if (trn_coverage(t->app, s->team_id, s->today, &cov, &err) != HOP_OK) {
		trn_status_list_free(&l);
		trn_coverage_list_free(&cov);
		tui_fail(t, &err);
		return false;
	}
	trs_matrix_free(s);
	s->status = l;
	s->cov = cov;
	if (!build(s) || !list_build(&s->grid, s->npeople, NULL, NULL)) {
		trs_matrix_free(s);
		tui_status(t, true, "%s", _("Out of memory while building the training matrix."));
		return false;
	}
	s->grid.ncols = (int)s->ncols;
	s->grid.col = 0;
	list_select(&s->grid, LIST_NONE);
	for (size_t p = 0; keep_person && p < s->npeople; p++)
		if (s->people[p].id == keep_person)
			list_select(&s->grid, p);
	for (size_t c = 0; keep_course && c < s->ncols; c++)
		if (s->cols[c].course_id == keep_course)
			s->grid.col = (int)c;
	return true;
}

size_t trs_matrix_sel(const struct trs_state *s, const struct trs_person **person,
                      const struct trs_col **col)
{
	size_t p = list_item(&s->grid);

	*person = NULL;
	*col = NULL;
	if (p == LIST_NONE || p >= s->npeople || !s->ncols)
		return TRS_NO_ROW;
	*person = &s->people[p];
	*col = &s->cols[s->grid.col < (int)s->ncols ? s->grid.col : 0];
	return s->cell[p * s->ncols + (size_t)(*col - s->cols)];
}

/* ---- drawing ---- */

struct grid_ctx {
	const struct trs_state *s;
	int name_w, cell_w, first, shown, width;
};

/* The widths: names as wide as the widest (12 to 28), the cells as wide as
 * the widest code (3 to 10) while every column fits, else narrower, else as
 * many columns as fit from first on, the selected one among them. */
static void layout(struct grid_ctx *g, struct trs_state *s, int width)
{
	int name = text_width(_("Name")), code = CELL_LEAST, room, fit;

	for (size_t p = 0; p < s->npeople; p++)
		name = trs_max(name, text_width(s->people[p].name));
	for (size_t c = 0; c < s->ncols; c++)
		code = trs_max(code, text_width(s->cols[c].code));
	g->name_w = trs_max(NAME_LEAST, trs_min(name, 28));
	g->cell_w = trs_min(code, CELL_MOST);
	room = width - 2 - g->name_w - 1;
	while (g->cell_w > CELL_LEAST && (int)s->ncols * (g->cell_w + 1) > room)
		g->cell_w--;
	/* Still too many: the names give up room down to their least. */
	while (g->name_w > NAME_LEAST && (int)s->ncols * (g->cell_w + 1) > room) {
		g->name_w--;
		room++;
	}
	fit = trs_max(1, room / (g->cell_w + 1));
	if (s->col_left > s->grid.col)
		s->col_left = s->grid.col;
	if (s->grid.col >= s->col_left + fit)
		s->col_left = s->grid.col - fit + 1;
	if (s->col_left + fit > (int)s->ncols)
		s->col_left = trs_max(0, (int)s->ncols - fit);
	g->first = s->col_left;
	g->shown = trs_min(fit, (int)s->ncols - g->first);
	g->width = width;
}

static int cell_x(const struct grid_ctx *g, int c)
{
	return 2 + g->name_w + 1 + (c - g->first) * (g->cell_w + 1);
}

static void draw_grid_row(void *ctx, const struct list_row *r, bool sel, int y)
{
	const struct grid_ctx *g = ctx;
	const struct trs_state *s = g->s;
	const struct trs_person *p = &s->people[r->item];

	attrset(colour_attr(sel ? TC_SELECTED : TC_NORMAL));
	text_fill(stdscr, y, 0, 2 + g->name_w);
	if (sel)
		mvaddch(y, 0, '>');
	text_draw(stdscr, y, 2, p->name, g->name_w);
	for (int c = g->first; c < g->first + g->shown; c++) {
		size_t i = s->cell[r->item * s->ncols + (size_t)c];
		enum trn_status st = i == TRS_NO_ROW ? TRN_NOT_REQUIRED : s->status.v[i].st.status;
		bool here = sel && c == s->grid.col;
		int x = cell_x(g, c) + (g->cell_w - 1) / 2;

		attrset(colour_attr(here ? TC_SELECTED : trs_colour(st)));
		if (here)
			text_fill(stdscr, y, cell_x(g, c), g->cell_w);
		text_draw(stdscr, y, x, trs_letter(st), 1);
	}
	attrset(A_NORMAL);
}

/* The rows below the people: core's coverage report of each course, the
 * people overdue, due and expiring, and the share of those it is required of
 * who are valid that day. */
static void draw_counts(const struct grid_ctx *g, int y, int rows)
{
	static const enum trn_status shown[] = { TRN_OVERDUE, TRN_DUE, TRN_EXPIRING };
	const struct trs_state *s = g->s;
	char buf[16];
	int n = 0;

	for (size_t k = 0; k < sizeof shown / sizeof shown[0] && n < rows - 1; k++, n++) {
		snprintf(buf, sizeof buf, "%s %s", trs_letter(shown[k]), trn_status_display(shown[k]));
		trs_line(y + n, 2, buf, g->name_w, trs_colour(shown[k]));
		for (int c = g->first; c < g->first + g->shown; c++) {
			const struct trn_coverage *cv = s->cols[c].cov;
			int count = cv ? cv->count[shown[k]] : 0;

			snprintf(buf, sizeof buf, "%d", count);
			trs_line(y + n, cell_x(g, c) + trs_max(0, g->cell_w - text_width(buf)) / 2, buf,
			         g->cell_w, count ? trs_colour(shown[k]) : TC_DIM);
		}
	}
	if (n >= rows)
		return;
	trs_line(y + n, 2, _("coverage"), g->name_w, TC_HEADING);
	for (int c = g->first; c < g->first + g->shown; c++) {
		const struct trn_coverage *cv = s->cols[c].cov;

		if (cv && cv->required > 0)
			snprintf(buf, sizeof buf, g->cell_w >= 4 ? "%d%%" : "%d",
			         (cv->share_x10 + 5) / 10);
		else
			snprintf(buf, sizeof buf, "%s", trs_sym("—", "-"));
		trs_line(y + n, cell_x(g, c) + trs_max(0, g->cell_w - text_width(buf)) / 2, buf,
		         g->cell_w, TC_HEADING);
	}
}

/* Below it all: the selected cell in words. */
static void draw_cell_line(const struct trs_state *s, int y, int width)
{
	const struct trs_person *p;
	const struct trs_col *c;
	size_t i = trs_matrix_sel(s, &p, &c);
	char line[TRS_LINE_MAX], a[32], b[32];

	if (!p)
		return;
	if (i == TRS_NO_ROW) {
		snprintf(line, sizeof line, _("%s · %s: not required"), p->name, c->title);
	} else {
		const struct trn_state *st = &s->status.v[i].st;
		snprintf(line, sizeof line, _("%s · %s: %s · due %s · valid until %s"), p->name,
		         c->title, trn_status_display(st->status),
		         st->due == HOP_DATE_NONE ? trs_sym("—", "-") :
		         tui_short_date(st->due, a, sizeof a),
		         st->valid_until == HOP_DATE_NONE ? trs_sym("—", "-") :
		         tui_short_date(st->valid_until, b, sizeof b));
	}
	trs_line(y, 0, line, width, TC_DIM);
}

void trs_matrix_draw(struct tui *t, struct trs_state *s)
{
	int top = t->body_top, rows = t->body_rows, width = t->cols, vis, counts;
	struct grid_ctx g = { .s = s };
	char head[HOP_TEAM_NAME_MAX + 160];
	int late = 0;

	if (!s->team_id) {
		trs_line(top, 0, _("Training matrix"), width, TC_HEADING);
		text_wrap(stdscr, top + 2, 2, _("You lead no team; T chooses one, v shows the "
		                                "sessions and your own courses."), width - 4, 3,
		          false, false);
		return;
	}
	for (size_t c = 0; c < s->ncols; c++)
		late += s->cols[c].cov ? s->cols[c].cov->count[TRN_OVERDUE] : 0;
	snprintf(head, sizeof head, ngettext("%s · %zu person · %zu required courses · %d overdue",
	                                     "%s · %zu people · %zu required courses · %d overdue",
	                                     s->npeople), s->team, s->npeople, s->ncols, late);
	trs_line(top, 0, head, width, TC_HEADING);
	if (!s->ncols || !s->npeople) {
		text_wrap(stdscr, top + 2, 2, _("No course is required of anyone in this team today."),
		          width - 4, 2, false, false);
		return;
	}
	layout(&g, s, width);
	attrset(colour_attr(TC_DIM));
	text_draw(stdscr, top + 1, 2, _("Name"), g.name_w);
	for (int c = g.first; c < g.first + g.shown; c++) {
		attrset(colour_attr(c == s->grid.col ? TC_HEADING : TC_DIM));
		text_draw(stdscr, top + 1, cell_x(&g, c), s->cols[c].code, g.cell_w);
	}
	if (g.first > 0)
		trs_line(top + 1, 0, trs_sym("‹", "<"), 1, TC_DIM);
	if (g.first + g.shown < (int)s->ncols)
		trs_line(top + 1, width - 1, trs_sym("›", ">"), 1, TC_DIM);
	attrset(A_NORMAL);
	/* Heading, titles, the counts (four rows and a rule), the cell's line. */
	counts = rows >= 16 ? 4 : 2;
	vis = rows - 2 - counts - 1 - 1;
	list_draw(&s->grid, top + 2, vis, draw_grid_row, &g);
	attrset(colour_attr(TC_DIM));
	mvhline(top + 2 + vis, 2, ACS_HLINE, trs_min(width - 2, cell_x(&g, g.first + g.shown) - 2));
	attrset(A_NORMAL);
	draw_counts(&g, top + 3 + vis, counts);
	draw_cell_line(s, top + rows - 1, width);
}
