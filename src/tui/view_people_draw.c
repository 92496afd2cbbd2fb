/* The People screen's drawing: the count line, the list of team headings
 * and people, the detail pane beside the list (or below it on a narrow
 * terminal), and the edit form over them (see view_people.c). */
#include <stdio.h>

#include "hop/base/i18n.h"
#include "hop/core/people/person.h"
#include "colour.h"
#include "form.h"
#include "list.h"
#include "text.h"
#include "tui_internal.h"
#include "view_people_int.h"

/* From this width on, the detail pane stands beside the list, not below it. */
#define SIDE_BY_SIDE_COLS 90
#define DETAIL_ROWS 8

static const char *leads_of(const struct people_state *s, const struct hop_person *p,
                            char *buf, size_t size)
{
	return person_roster_leads(s->cur.roster, p->id, buf, size);
}

static void draw_detail(const struct people_state *s, const struct hop_person *p, int y, int x,
                        int width, int rows, bool with_title)
{
	const char *labels[DETAIL_ROWS] = {
		_("Login"), _("Name"), _("Email"), _("Team"), _("Roles"),
		_("Start date"), _("End date"), _("Leads"),
	};
	char roles[96], start[32], end[32], leads[512];
	const char *values[DETAIL_ROWS];
	int label_w = 0, line = 0;

	if (!p || width <= 0 || rows <= 0)
		return;
	values[0] = p->login;
	values[1] = p->name;
	values[2] = p->email;
	values[3] = p->team[0] ? p->team : _("No team");
	values[4] = role_format(p->roles, roles, sizeof roles);
	values[5] = tui_date_text(p->start, false, start, sizeof start);
	values[6] = tui_date_text(p->end, false, end, sizeof end);
	values[7] = leads_of(s, p, leads, sizeof leads);
	for (int i = 0; i < DETAIL_ROWS; i++) {
		int lw = text_width(labels[i]);
		label_w = lw > label_w ? lw : label_w;
	}
	if (with_title && rows > DETAIL_ROWS + 1) {
		attrset(colour_attr(TC_HEADING));
		text_draw(stdscr, y, x, p->name, width);
		line = 2;
	}
	for (int i = 0; i < DETAIL_ROWS && line < rows; i++, line++) {
		attrset(colour_attr(TC_DIM));
		text_draw(stdscr, y + line, x, labels[i], label_w);
		if (values[i][0]) {
			attrset(colour_attr(TC_NORMAL));
			text_draw(stdscr, y + line, x + label_w + 2, values[i], width - label_w - 2);
		} else {
			text_draw(stdscr, y + line, x + label_w + 2, "—", width - label_w - 2);
		}
	}
	attrset(A_NORMAL);
}

/* What a row needs to be drawn: the people, and the list's width. */
struct row_ctx {
	const struct people_state *s;
	int width;
};

static void draw_row(void *ctx, const struct list_row *r, bool sel, int y)
{
	const struct row_ctx *c = ctx;
	const struct hop_person *p = people_at(c->s, r->item);
	char head[HOP_TEAM_NAME_MAX + 32];
	int login_w, name_w, width = c->width;

	if (r->heading) {
		snprintf(head, sizeof head, "%s (%zu)", p->team[0] ? p->team : _("No team"),
		         r->members);
		attrset(colour_attr(TC_HEADING));
		text_draw(stdscr, y, 0, head, width);
		attrset(A_NORMAL);
		return;
	}
	login_w = text_width(p->login);
	if (login_w > width / 3)
		login_w = width / 3;
	name_w = width - 2 - login_w - 2;
	attrset(colour_attr(sel ? TC_SELECTED : TC_NORMAL));
	text_fill(stdscr, y, 0, width);
	text_draw(stdscr, y, 2, p->name, name_w);
	if (!sel)
		attrset(colour_attr(TC_DIM));
	text_draw(stdscr, y, width - login_w - 1, p->login, login_w);
	attrset(A_NORMAL);
}

static void draw_list(struct people_state *s, int top, int width, int rows)
{
	struct row_ctx ctx = { s, width };
	char line[SEARCH_MAX + 128];
	int vis = rows - 1;

	if (s->filter[0])
		snprintf(line, sizeof line, _("%zu of %zu people match “%s”"), s->nshown,
		         s->cur.total, s->filter);
	else
		snprintf(line, sizeof line, ngettext("%zu person", "%zu people", s->cur.total),
		         s->cur.total);
	attrset(colour_attr(TC_DIM));
	text_draw(stdscr, top, 0, line, width);
	attrset(A_NORMAL);
	if (vis > 0 && s->list.n == 0) {
		const char *empty = s->filter[0]
			? _("No one matches the search. Esc clears it.")
			: _("There are no people yet. HR adds them with 'hop person add'.");
		text_wrap(stdscr, top + 2, 2, empty, width - 4, vis - 1, false, false);
	}
	list_draw(&s->list, top + 1, vis, draw_row, &ctx);
}

void people_draw(struct tui *t, void *state)
{
	struct people_state *s = state;
	int top = t->body_top, rows = t->body_rows, cols = t->cols;
	const struct hop_person *p = people_selected(s);

	if (cols >= SIDE_BY_SIDE_COLS) {
		int list_w = cols / 2 < 72 ? cols / 2 : 72;

		draw_list(s, top, list_w, rows);
		attrset(colour_attr(TC_DIM));
		mvvline(top, list_w, ACS_VLINE, rows);
		draw_detail(s, p, top, list_w + 2, cols - list_w - 3, rows, true);
	} else {
		int detail = rows / 2 < DETAIL_ROWS + 1 ? rows / 2 : DETAIL_ROWS + 1;
		int list = rows - detail;

		draw_list(s, top, cols, list);
		attrset(colour_attr(TC_DIM));
		mvhline(top + list, 0, ACS_HLINE, cols);
		draw_detail(s, p, top + list + 1, 1, cols - 2, detail - 1, false);
	}
	attrset(A_NORMAL);
	if (s->editing)
		form_draw(t, &s->form);
}
