/* The People screen: everyone in the organisation grouped by team, a detail
 * pane for the selected person, search as you type, and an edit form.
 *
 * All it knows of people comes from core (person_list, person_get, team_list),
 * and every change goes through person_edit.  Which fields the form offers is
 * asked of core's authz; what the core refuses is shown as the core says it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/authz.h"
#include "hop/base/clock.h"
#include "hop/base/i18n.h"
#include "hop/core/people/person.h"
#include "advice.h"
#include "colour.h"
#include "form.h"
#include "input.h"
#include "text.h"
#include "tui_internal.h"

/* From this width on, the detail pane stands beside the list, not below it. */
#define SIDE_BY_SIDE_COLS 90
#define DETAIL_ROWS 8
#define SEARCH_MAX 128

struct row {
	bool heading;
	size_t person;      /* index into people; for a heading, its first member */
	size_t members;     /* headings: people under it */
};

static struct {
	struct hop_person_list people;      /* as shown: filtered when a search is set */
	struct hop_team_list teams;
	struct row *rows;
	size_t nrows;
	size_t total;                       /* current people without the filter */
	size_t sel;                         /* a person row, when there is one */
	size_t top;                         /* first row shown */
	int list_rows;                      /* rows of the list at the last draw */
	char filter[SEARCH_MAX + 1];
	bool searching;
	struct tui_input search;
	bool editing;
	struct tui_form form;
	struct hop_person orig;             /* the person being edited, as read */
} P;

static const struct tui_keyhelp people_keys[] = {
	{ N_("j k  ↓ ↑"), N_("next / previous person") },
	{ N_("PgDn Space  PgUp"), N_("a page down / up") },
	{ N_("g G  Home End"), N_("first / last person") },
	{ N_("/"), N_("search as you type (name, login, email, team)") },
	{ N_("Enter"), N_("in the search: keep the filter") },
	{ N_("Esc"), N_("in the search, or after it: clear the filter") },
	{ N_("e"), N_("edit the selected person (what you may change)") },
	{ N_("Tab Enter Esc"), N_("in the form: next field, save, cancel") },
	{ N_("r"), N_("read the people again from the database") },
};

static const struct hop_person *selected(void)
{
	if (P.sel < P.nrows && !P.rows[P.sel].heading)
		return &P.people.v[P.rows[P.sel].person];
	return NULL;
}

static bool is_person(size_t r)
{
	return r < P.nrows && !P.rows[r].heading;
}

/* Team headings and people, in core's order (by team, no team last). */
static bool build_rows(void)
{
	struct row *rows = NULL;
	size_t n = 0, head = 0;

	if (P.people.n) {
		rows = calloc(P.people.n * 2, sizeof *rows);
		if (!rows)
			return false;
	}
	for (size_t i = 0; i < P.people.n; i++) {
		if (i == 0 || P.people.v[i].team_id != P.people.v[i - 1].team_id) {
			head = n;
			rows[n++] = (struct row){ .heading = true, .person = i };
		}
		rows[head].members++;
		rows[n++] = (struct row){ .heading = false, .person = i };
	}
	free(P.rows);
	P.rows = rows;
	P.nrows = n;
	return true;
}

/* Select the row of login, or the nearest person row to where the selection was. */
static void select_login(const char *login)
{
	size_t old = P.sel;

	for (size_t r = 0; login && r < P.nrows; r++) {
		if (is_person(r) && strcmp(P.people.v[P.rows[r].person].login, login) == 0) {
			P.sel = r;
			return;
		}
	}
	P.sel = old < P.nrows ? old : (P.nrows ? P.nrows - 1 : 0);
	while (P.sel < P.nrows && !is_person(P.sel))
		P.sel++;
	if (P.sel >= P.nrows) {
		P.sel = P.nrows ? P.nrows - 1 : 0;
		while (P.sel > 0 && !is_person(P.sel))
			P.sel--;
	}
}

/* Read the (filtered) list; with all, also the teams and the total count. */
static bool load(struct tui *t, bool all)
{
	struct person_filter f = { .team = NULL, .search = NULL, .include_former = false };
	struct hop_person_list l = { 0 };
	struct hop_err err;
	char keep[HOP_LOGIN_MAX + 1] = "";
	const struct hop_person *s = selected();

	if (s)
		snprintf(keep, sizeof keep, "%s", s->login);
	if (all) {
		struct hop_team_list teams = { 0 };
		if (team_list(t->app, false, &teams, &err) != HOP_OK) {
			team_list_free(&teams);
			tui_fail(t, &err);
			return false;
		}
		team_list_free(&P.teams);
		P.teams = teams;
		if (person_list(t->app, &f, &l, &err) != HOP_OK)
			goto fail;
		P.total = l.n;
	}
	if (P.filter[0] || !all) {
		person_list_free(&l);
		memset(&l, 0, sizeof l);
		f.search = P.filter[0] ? P.filter : NULL;
		if (person_list(t->app, &f, &l, &err) != HOP_OK)
			goto fail;
	}
	person_list_free(&P.people);
	P.people = l;
	if (!build_rows()) {
		tui_status(t, true, _("Out of memory while listing %zu people."), P.people.n);
		return false;
	}
	select_login(keep[0] ? keep : NULL);
	return true;
fail:
	person_list_free(&l);
	tui_fail(t, &err);
	return false;
}

static void people_open(struct tui *t)
{
	load(t, true);
}

static void people_close(struct tui *t)
{
	(void)t;
	person_list_free(&P.people);
	team_list_free(&P.teams);
	free(P.rows);
	memset(&P, 0, sizeof P);
}

/* ---- moving ---- */

static void move_by(int delta)
{
	size_t r = P.sel;

	while (delta != 0) {
		size_t next = r;
		do {
			if (delta > 0 ? next + 1 >= P.nrows : next == 0)
				goto done;
			next = delta > 0 ? next + 1 : next - 1;
		} while (!is_person(next));
		r = next;
		delta += delta > 0 ? -1 : 1;
	}
done:
	P.sel = r;
}

/* A page of rows; lands on the nearest person in the direction of travel. */
static void page(int dir)
{
	size_t step = P.list_rows > 1 ? (size_t)P.list_rows - 1 : 1;
	size_t target;

	if (!P.nrows)
		return;
	if (dir > 0)
		target = P.sel + step < P.nrows ? P.sel + step : P.nrows - 1;
	else
		target = P.sel > step ? P.sel - step : 0;
	P.sel = target;
	select_login(NULL);
}

static void first_or_last(bool last)
{
	if (!P.nrows)
		return;
	P.sel = last ? P.nrows - 1 : 0;
	select_login(NULL);
}

/* ---- drawing ---- */

static const char *leads_of(const struct hop_person *p, char *buf, size_t size)
{
	size_t used = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < P.teams.n; i++) {
		if (P.teams.v[i].lead_id != p->id)
			continue;
		used += (size_t)snprintf(buf + used, size - used, "%s%s", used ? ", " : "",
		                         P.teams.v[i].name);
		if (used >= size)
			break;
	}
	return buf;
}

static void draw_detail(const struct hop_person *p, int y, int x, int width, int rows,
                        bool with_title)
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
	values[7] = leads_of(p, leads, sizeof leads);
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

static void draw_row(const struct row *r, bool sel, int y, int width)
{
	const struct hop_person *p = &P.people.v[r->person];
	char head[HOP_TEAM_NAME_MAX + 32];
	int login_w, name_w;

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

static void draw_list(int top, int width, int rows)
{
	char line[SEARCH_MAX + 128];
	int vis;

	if (P.filter[0])
		snprintf(line, sizeof line, _("%zu of %zu people match “%s”"), P.people.n, P.total,
		         P.filter);
	else
		snprintf(line, sizeof line, ngettext("%zu person", "%zu people", P.total), P.total);
	attrset(colour_attr(TC_DIM));
	text_draw(stdscr, top, 0, line, width);
	attrset(A_NORMAL);
	vis = rows - 1;
	P.list_rows = vis;
	if (vis <= 0)
		return;
	if (P.nrows == 0) {
		const char *empty = P.filter[0]
			? _("No one matches the search. Esc clears it.")
			: _("There are no people yet. HR adds them with 'hop person add'.");
		text_wrap(stdscr, top + 2, 2, empty, width - 4, vis - 1, false, false);
		return;
	}
	/* Keep the selection in view, with its team heading when it is the first. */
	if (P.sel < P.top)
		P.top = P.sel;
	if (P.sel > 0 && P.rows[P.sel - 1].heading && P.sel - 1 < P.top)
		P.top = P.sel - 1;
	if (P.sel >= P.top + (size_t)vis)
		P.top = P.sel - (size_t)vis + 1;
	if (P.top + (size_t)vis > P.nrows)
		P.top = P.nrows > (size_t)vis ? P.nrows - (size_t)vis : 0;
	for (int i = 0; i < vis && P.top + (size_t)i < P.nrows; i++)
		draw_row(&P.rows[P.top + i], P.top + (size_t)i == P.sel, top + 1 + i, width);
}

static void people_draw(struct tui *t, const struct tui_view *v)
{
	int top = t->body_top, rows = t->body_rows, cols = t->cols;
	const struct hop_person *p = selected();

	(void)v;
	if (cols >= SIDE_BY_SIDE_COLS) {
		int list_w = cols / 2 < 72 ? cols / 2 : 72;

		draw_list(top, list_w, rows);
		attrset(colour_attr(TC_DIM));
		mvvline(top, list_w, ACS_VLINE, rows);
		draw_detail(p, top, list_w + 2, cols - list_w - 3, rows, true);
	} else {
		int detail = rows / 2 < DETAIL_ROWS + 1 ? rows / 2 : DETAIL_ROWS + 1;
		int list = rows - detail;

		draw_list(top, cols, list);
		attrset(colour_attr(TC_DIM));
		mvhline(top + list, 0, ACS_HLINE, cols);
		draw_detail(p, top + list + 1, 1, cols - 2, detail - 1, false);
	}
	attrset(A_NORMAL);
	if (P.editing)
		form_draw(t, &P.form);
}

/* ---- search ---- */

static void search_open(struct tui *t)
{
	input_init(&P.search, P.filter, SEARCH_MAX);
	P.searching = true;
	t->prompt = &P.search;
	t->prompt_label = _("Search: ");
}

static void search_close(struct tui *t, bool clear)
{
	P.searching = false;
	t->prompt = NULL;
	if (clear && P.filter[0]) {
		P.filter[0] = '\0';
		load(t, false);
	}
}

static void search_key(struct tui *t, const struct tui_key *k)
{
	switch (input_key(&P.search, k)) {
	case INPUT_ENTER:
		search_close(t, false);
		break;
	case INPUT_ESCAPE:
		search_close(t, true);
		break;
	case INPUT_CHANGED: {
		/* Stay on the selected person while they match, else go to the first match. */
		char was[HOP_LOGIN_MAX + 1] = "";
		const struct hop_person *s = selected();

		if (s)
			snprintf(was, sizeof was, "%s", s->login);
		if (!input_text(&P.search, P.filter, sizeof P.filter))
			P.filter[0] = '\0';
		load(t, false);
		s = selected();
		if (!s || strcmp(s->login, was) != 0)
			first_or_last(false);
		break;
	}
	case INPUT_FULL:
		tui_status(t, true, _("The search holds at most %d bytes."), SEARCH_MAX);
		break;
	case INPUT_IGNORED:
		/* The selection can move while the prompt is open. */
		if (key_fn(k, KEY_DOWN))
			move_by(1);
		else if (key_fn(k, KEY_UP))
			move_by(-1);
		else if (key_fn(k, KEY_NPAGE))
			page(1);
		else if (key_fn(k, KEY_PPAGE))
			page(-1);
		break;
	case INPUT_MOVED:
		break;
	}
}

/* ---- editing ---- */

static bool may_edit(struct tui *t, const struct hop_person *p, unsigned fields)
{
	struct hop_err err;
	return authz_person_edit(t->app, p, fields, p->roles, &err) == HOP_OK;
}

static void edit_open(struct tui *t)
{
	const struct hop_person *s = selected();
	struct hop_person p;
	struct hop_err err;
	char title[HOP_NAME_MAX + HOP_LOGIN_MAX + 32], roles[96], start[HOP_DATE_ISO_LEN];
	bool ok;

	if (!s) {
		tui_status(t, true, _("There is no one to edit here."));
		return;
	}
	if (person_get(t->app, s->login, &p, &err) != HOP_OK) {
		tui_fail(t, &err);
		return;
	}
	/* Name and email are the least anyone may change; core says whether this
	 * actor may change even those, and in its own words if not. */
	if (authz_person_edit(t->app, &p, PF_NAME | PF_EMAIL, p.roles, &err) != HOP_OK) {
		tui_fail(t, &err);
		return;
	}
	snprintf(title, sizeof title, _("Edit %s (%s)"), p.name, p.login);
	form_init(&P.form, title);
	ok = form_add(&P.form, PF_NAME, _("Name"), p.name, HOP_NAME_MAX);
	ok = form_add(&P.form, PF_EMAIL, _("Email"), p.email, HOP_EMAIL_MAX) && ok;
	if (may_edit(t, &p, PF_TEAM))
		ok = form_add(&P.form, PF_TEAM, _("Team"), p.team, HOP_TEAM_NAME_MAX) && ok;
	if (may_edit(t, &p, PF_ROLES))
		ok = form_add(&P.form, PF_ROLES, _("Roles"), role_format(p.roles, roles, sizeof roles),
		              sizeof roles - 1) && ok;
	if (may_edit(t, &p, PF_START))
		ok = form_add(&P.form, PF_START, _("Start date"), date_format(p.start, start),
		              31) && ok;
	if (!ok) {
		tui_status(t, true, _("The record of %s holds characters this terminal's locale "
		                      "cannot show, and saving would change them; start hop with a "
		                      "UTF-8 locale (for example LANG=de_DE.UTF-8) to edit it."),
		           p.login);
		return;
	}
	P.orig = p;
	P.editing = true;
}

static void edit_close(struct tui *t)
{
	P.editing = false;
	t->cursor_y = -1;
}

static void add_changed(char *buf, size_t size, const char *what)
{
	size_t used = strlen(buf);
	snprintf(buf + used, size - used, "%s%s", used ? ", " : "", what);
}

static void edit_submit(struct tui *t)
{
	struct person_edit e;
	struct hop_err err;
	char text[INPUT_MAX_CHARS * 4 + 1], changed[160] = "";
	const struct hop_person *o = &P.orig;

	memset(&e, 0, sizeof e);
	for (int i = 0; i < P.form.n; i++) {
		struct form_field *f = &P.form.f[i];

		if (!input_text(&f->in, text, sizeof text)) {
			tui_status(t, true, _("%s: the text cannot be stored in this locale's "
			                      "encoding."), f->label);
			P.form.cur = i;
			return;
		}
		switch (f->id) {
		case PF_NAME:
			if (strcmp(text, o->name) != 0) {
				e.fields |= PF_NAME;
				snprintf(e.name, sizeof e.name, "%s", text);
				add_changed(changed, sizeof changed, _("name"));
			}
			break;
		case PF_EMAIL:
			if (strcmp(text, o->email) != 0) {
				e.fields |= PF_EMAIL;
				snprintf(e.email, sizeof e.email, "%s", text);
				add_changed(changed, sizeof changed, _("email"));
			}
			break;
		case PF_TEAM:
			if (strcmp(text, o->team) != 0) {
				e.fields |= PF_TEAM;
				snprintf(e.team, sizeof e.team, "%s", text);
				add_changed(changed, sizeof changed, _("team"));
			}
			break;
		case PF_ROLES:
			if (role_parse(text, &e.roles, &err) != HOP_OK) {
				tui_fail(t, &err);
				P.form.cur = i;
				return;
			}
			if (e.roles != o->roles) {
				e.fields |= PF_ROLES;
				add_changed(changed, sizeof changed, _("roles"));
			}
			break;
		case PF_START:
			if (date_parse(text, clock_today(), &e.start, &err) != HOP_OK) {
				tui_fail(t, &err);
				P.form.cur = i;
				return;
			}
			if (e.start != o->start) {
				e.fields |= PF_START;
				add_changed(changed, sizeof changed, _("start date"));
			}
			break;
		}
	}
	if (!e.fields) {
		edit_close(t);
		tui_status(t, false, _("Nothing changed."));
		return;
	}
	/* The form stays open on a refusal, so that what was typed can be fixed. */
	if (person_edit(t->app, o->login, &e, &err) != HOP_OK) {
		tui_fail(t, &err);
		return;
	}
	edit_close(t);
	if (strcmp(o->login, t->app->actor.login) == 0)
		app_resolve_actor(t->app, &err);
	load(t, true);
	select_login(o->login);
	tui_status(t, false, _("Saved: %s (%s)."), (e.fields & PF_NAME) ? e.name : o->name,
	           changed);
}

static void edit_key(struct tui *t, const struct tui_key *k)
{
	switch (form_key(&P.form, k)) {
	case FORM_SUBMIT:
		edit_submit(t);
		break;
	case FORM_CANCEL:
		edit_close(t);
		tui_status(t, false, _("Edit cancelled; nothing changed."));
		break;
	case FORM_FULL:
		tui_status(t, true, _("%s holds at most %zu bytes."),
		           P.form.f[P.form.cur].label, P.form.f[P.form.cur].in.max_bytes);
		break;
	case FORM_CONTINUE:
		break;
	}
}

/* ---- keys ---- */

static bool people_key(struct tui *t, const struct tui_key *k)
{
	if (P.editing) {
		edit_key(t, k);
		return true;
	}
	if (P.searching) {
		search_key(t, k);
		return true;
	}
	if (key_is(k, L'j') || key_fn(k, KEY_DOWN))
		move_by(1);
	else if (key_is(k, L'k') || key_fn(k, KEY_UP))
		move_by(-1);
	else if (key_fn(k, KEY_NPAGE) || key_is(k, L' '))
		page(1);
	else if (key_fn(k, KEY_PPAGE))
		page(-1);
	else if (key_is(k, L'g') || key_fn(k, KEY_HOME))
		first_or_last(false);
	else if (key_is(k, L'G') || key_fn(k, KEY_END))
		first_or_last(true);
	else if (key_is(k, L'/'))
		search_open(t);
	else if (key_is(k, 27) && P.filter[0])
		search_close(t, true);
	else if (key_is(k, L'e'))
		edit_open(t);
	else if (key_is(k, L'r')) {
		if (load(t, true))
			tui_status(t, false, ngettext("Read again: %zu person.", "Read again: %zu people.",
			                              P.total), P.total);
	} else
		return false;
	return true;
}

const struct tui_view view_people = {
	.name = N_("People"),
	.hints = N_("? help   / search   e edit   r reload   1-6 Tab: screens   q quit"),
	.keys = people_keys,
	.nkeys = sizeof people_keys / sizeof people_keys[0],
	.open = people_open,
	.draw = people_draw,
	.key = people_key,
	.close = people_close,
};
