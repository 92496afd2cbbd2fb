/* Searching a list of people already read, as fast as a person types: each
 * person's login, name, email and team are folded once (in the three ways
 * fold_matches folds), so that a keystroke folds only the query and looks
 * for it in 20,000 short strings, instead of reading and folding everyone
 * again. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/base/fold.h"
#include "hop/base/i18n.h"
#include "hop/core/people/person.h"

#define MODES 3

struct person_search {
	size_t n;
	char *hay[MODES];       /* per mode: each person's folded fields, NUL-terminated */
	size_t used[MODES], cap[MODES];
	size_t *off[MODES];     /* where person i's begin */
	size_t ocap;
};

static const enum fold_mode modes[MODES] = { FOLD_AE, FOLD_A, FOLD_COLLAPSE };

void person_search_free(struct person_search *s)
{
	if (!s)
		return;
	for (int m = 0; m < MODES; m++) {
		free(s->hay[m]);
		free(s->off[m]);
	}
	free(s);
}

enum hop_status person_search_add(struct person_search *s, const struct hop_person_list *l,
                                  struct hop_err *err)
{
	/* Folding never lengthens a field by more than twice ("ä" is two bytes
	 * and becomes "ae"; "ß" becomes "ss"), so this bounds every person. */
	char field[2 * (HOP_LOGIN_MAX + HOP_NAME_MAX + HOP_EMAIL_MAX + HOP_TEAM_NAME_MAX) + 8];
	char raw[sizeof field];

	if (l->n <= s->n)
		return HOP_OK;
	if (l->n > s->ocap) {
		size_t cap = s->ocap ? s->ocap : 64;

		while (cap < l->n)
			cap *= 2;
		for (int m = 0; m < MODES; m++) {
			size_t *v = realloc(s->off[m], cap * sizeof *v);
			if (!v)
				goto oom;
			s->off[m] = v;
		}
		s->ocap = cap;
	}
	for (int m = 0; m < MODES; m++) {
		for (size_t i = s->n; i < l->n; i++) {
			const struct hop_person *p = &l->v[i];
			size_t len;

			/* Newlines keep the fields apart: a query (without control
			 * characters) never matches across two of them. */
			snprintf(raw, sizeof raw, "%s\n%s\n%s\n%s", p->login, p->name, p->email, p->team);
			fold_key(raw, modes[m], field, sizeof field);
			len = strlen(field) + 1;
			if (s->used[m] + len > s->cap[m]) {
				size_t cap = s->cap[m] ? s->cap[m] : 4096;
				char *v;
				while (s->used[m] + len > cap)
					cap *= 2;
				if (!(v = realloc(s->hay[m], cap)))
					goto oom;
				s->hay[m] = v;
				s->cap[m] = cap;
			}
			memcpy(s->hay[m] + s->used[m], field, len);
			s->off[m][i] = s->used[m];
			s->used[m] += len;
		}
	}
	s->n = l->n;
	return HOP_OK;
oom:
	/* Those of the new people not folded in every mode are not searched. */
	return hop_fail(err, HOP_ENOMEM, _("out of memory while listing people"));
}

enum hop_status person_search_new(const struct hop_person_list *l, struct person_search **out,
                                  struct hop_err *err)
{
	struct person_search *s = calloc(1, sizeof *s);

	*out = NULL;
	if (!s)
		return hop_fail(err, HOP_ENOMEM, _("out of memory while listing people"));
	if (person_search_add(s, l, err) != HOP_OK) {
		person_search_free(s);
		return err->status;
	}
	*out = s;
	return HOP_OK;
}

size_t person_search_run(const struct person_search *s, const char *query, size_t *hits)
{
	char q[MODES][256];
	size_t k = 0;

	for (int m = 0; m < MODES; m++)
		fold_key(query ? query : "", modes[m], q[m], sizeof q[m]);
	for (size_t i = 0; i < s->n; i++) {
		for (int m = 0; m < MODES; m++) {
			if (strstr(s->hay[m] + s->off[m][i], q[m])) {
				hits[k++] = i;
				break;
			}
		}
	}
	return k;
}
