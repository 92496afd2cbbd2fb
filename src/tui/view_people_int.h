/* What the files of the People screen share (view_people.c: state, loading,
 * keys and the search; view_people_draw.c: drawing; view_people_edit.c: the
 * edit form): the screen's state, which tui.c holds and hands to every
 * function, and the few functions one file calls in another.  Only
 * view_people*.c include this. */
#ifndef HOP_VIEW_PEOPLE_INT_H
#define HOP_VIEW_PEOPLE_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "hop/core/people/person.h"
#include "form.h"
#include "input.h"
#include "list.h"
#include "tui_internal.h"

#define SEARCH_MAX 128

/* Everyone as read so far: the roster reads them a part at a time (the
 * first page at once, the rest in idle steps), the search index grows with
 * them.  roster is NULL before the first reading. */
struct people_read {
	struct person_roster *roster;       /* also the teams, for "Leads" */
	struct hop_person_list l;           /* in person_list's order */
	struct person_search *index;        /* l, folded once for the search */
	size_t total;                       /* current people: l.n once done */
	bool done;
};

struct people_state {
	/* Just opened: the first show need not read again what open read. */
	bool fresh;
	struct people_read cur;             /* what is shown */
	/* Reading again (shown again, r, after an edit) while cur stays shown:
	 * it takes cur's place when all are in.  roster NULL: none. */
	struct people_read next;
	size_t *hits;                       /* a search: the matches' indices in cur.l */
	size_t hcap;
	size_t nshown;                      /* people shown: cur.l.n, or the matches */
	bool filtered;
	struct tui_list list;               /* the people under team headings */
	char filter[SEARCH_MAX + 1];
	bool searching;
	struct tui_input search;
	bool editing;
	struct tui_form form;
	struct hop_person orig;             /* the person being edited, as read */
	/* The form's team chooser: "(no team)" and the active teams. */
	struct hop_team_list form_teams;
	const char **team_items, **team_values;
};

/* ---- view_people.c ---- */

/* Shown person i (0 .. nshown - 1). */
const struct hop_person *people_at(const struct people_state *s, size_t i);
/* The selected person, or NULL on an empty list (the detail pane, the form). */
const struct hop_person *people_selected(const struct people_state *s);
/* With all, read everyone again (the first page at once, the rest while the
 * old list stays shown); else only filter what is read by the search. */
bool people_load(struct tui *t, struct people_state *s, bool all);
/* login's row as it is now in the database, while everyone is read again. */
void people_refresh_one(struct tui *t, struct people_state *s, const char *login);
/* Select the person with login, or the one nearest the selection (NULL). */
void people_select_login(struct people_state *s, const char *login);

/* ---- view_people_draw.c ---- */

/* The view's draw: the list, the detail pane beside or below it, the form. */
void people_draw(struct tui *t, void *state);

/* ---- view_people_edit.c ---- */

/* e: open the form with the fields the actor may change of the selected person. */
void people_edit_open(struct tui *t, struct people_state *s);
/* A key while the form is open. */
void people_edit_key(struct tui *t, struct people_state *s, const struct tui_key *k);
/* Free what an open form holds (the screen closes). */
void people_edit_free(struct people_state *s);

#endif
