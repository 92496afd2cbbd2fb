/* The Rotation screen's cohort plans (see view_rotation.c): the stations'
 * letters, generating a plan with core's solver (kept as the cohort's draft
 * after y) and publishing the stored plan (after y, or h to start the
 * handovers too).  Every change goes through core; after it the cohort is
 * read again, and a refusal is shown in core's words. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/base/i18n.h"
#include "hop/core/app.h"
#include "hop/core/authz.h"
#include "advice.h"
#include "tui_internal.h"
#include "view_rotation_int.h"

/* The letter of each station: the initial of the last word of its team's
 * name that no station before has, else of another word, else any free
 * letter, so that "Referat 11 Haushalt" and "Referat 12 Personal" are H
 * and P. */
bool rot_letters(struct rot_state *s)
{
	free(s->letters);
	s->letters = calloc(s->prob.nstations ? s->prob.nstations : 1, sizeof *s->letters);
	if (!s->letters)
		return false;
	for (size_t i = 0; i < s->prob.nstations; i++) {
		const char *name = s->prob.stations[i].team;
		char cand[64][ROT_LETTER_MAX];
		int nc = 0;

		/* Word initials, last word first. */
		for (const char *p = name + strlen(name); p > name && nc < 60; p--) {
			const char *w = p - 1;
			size_t len = 1;

			if (w != name && w[-1] != ' ')
				continue;
			if (*w == ' ')
				continue;
			while ((w[len] & 0xC0) == 0x80)
				len++;
			snprintf(cand[nc], ROT_LETTER_MAX, "%.*s", (int)len, w);
			if (len == 1 && isalnum((unsigned char)cand[nc][0]))
				cand[nc][0] = (char)toupper((unsigned char)cand[nc][0]);
			nc += isalpha((unsigned char)cand[nc][0]) || len > 1;
		}
		for (char c = 'A'; c <= 'Z' && nc < 64; c++)
			snprintf(cand[nc++], ROT_LETTER_MAX, "%c", c);
		for (int c = 0; c < nc; c++) {
			bool used = false;

			for (size_t j = 0; j < i && !used; j++)
				used = strcmp(s->letters[j], cand[c]) == 0;
			if (!used) {
				snprintf(s->letters[i], ROT_LETTER_MAX, "%s", cand[c]);
				break;
			}
		}
		if (!s->letters[i][0])
			snprintf(s->letters[i], ROT_LETTER_MAX, "%c", (char)('0' + (int)(i % 10)));
	}
	return true;
}

/* A cohort must be shown, and the actor keep cohorts (core's rule). */
static bool cohort_key_ready(struct tui *t, struct rot_state *s)
{
	struct hop_err err;

	if (s->mode != ROT_COHORT || !s->cohort_ok) {
		tui_status(t, false, "%s", _("Choose a cohort first: c shows its plan."));
		return false;
	}
	if (authz_cohort_keep(t->app, &err) != HOP_OK) {
		tui_fail(t, &err);
		return false;
	}
	return true;
}

void rot_generate(struct tui *t, struct rot_state *s)
{
	struct cohort_plan pl = { 0 };
	struct cohort_solve_result res;
	struct hop_err err;

	if (!cohort_key_ready(t, s))
		return;
	/* The solver may take up to its time limit: say so before it starts. */
	tui_status(t, false, _("Planning %s (at most %d s)..."), s->cohort,
	           t->app->cfg.rotation_plan_time_limit);
	tui_draw(t);
	memset(&res, 0, sizeof res);
	if (cohort_solve(&s->prob, t->app->cfg.rotation_plan_time_limit, &pl, &res, &err) != HOP_OK) {
		cohort_plan_free(&pl);
		tui_fail(t, &err);
		return;
	}
	cohort_plan_free(&s->plan);
	s->plan = pl;
	s->res = res;
	s->generated = true;
	s->has_plan = res.outcome == COHORT_OPTIMAL || res.outcome == COHORT_FEASIBLE;
	rot_check_plan(t, s);
	if (!s->has_plan) {
		s->generated = true;
		tui_status(t, true, _("No plan for %s: %s."), s->cohort,
		           cohort_outcome_display(res.outcome));
		return;
	}
	s->ask = ROT_ASK_SAVE;
	tui_status(t, false, _("A plan, %s (%s, %.2f s): keep it as the draft of %s?   y yes   "
	                       "n no"), cohort_outcome_display(res.outcome),
	           res.method == COHORT_EXACT ? _("exact method")
	           : res.by_heuristic ? _("heuristic and GLPK") : _("GLPK"), res.seconds,
	           s->cohort);
}

void rot_save_key(struct tui *t, struct rot_state *s, const struct tui_key *k)
{
	struct hop_err err;

	if (rot_is_no(k)) {
		s->ask = ROT_ASK_NONE;
		s->generated = false;
		rot_load_cohort(t, s);
		tui_status(t, false, "%s", _("Nothing changed: the stored plan stays."));
		return;
	}
	if (!rot_is_yes(k))
		return;
	s->ask = ROT_ASK_NONE;
	if (cohort_plan_save(t->app, &s->prob, &s->plan, &err) != HOP_OK) {
		tui_fail(t, &err);
		return;
	}
	s->generated = false;
	if (rot_load_cohort(t, s))
		tui_status(t, false, _("Kept as the draft of %s; p publishes it."), s->cohort);
}

static void ask_publish(struct tui *t, const struct rot_state *s)
{
	tui_status(t, false, _("Publish the plan of %s as station assignments?   y yes   "
	                       "h yes, with handovers   n no"), s->cohort);
}

void rot_publish_open(struct tui *t, struct rot_state *s)
{
	if (!cohort_key_ready(t, s))
		return;
	if (s->generated) {
		tui_status(t, false, "%s", _("The plan shown is not kept yet: g makes it again and y "
		                             "keeps it."));
		return;
	}
	if (!s->has_plan) {
		tui_status(t, false, "%s", _("No plan yet: g generates one."));
		return;
	}
	s->ask = ROT_ASK_PUBLISH;
	ask_publish(t, s);
}

void rot_publish_key(struct tui *t, struct rot_state *s, const struct tui_key *k)
{
	struct cohort_publish_report rep;
	struct hop_err err;
	bool handover = key_is(k, L'h') || key_is(k, L'H');

	if (rot_is_no(k)) {
		s->ask = ROT_ASK_NONE;
		tui_status(t, false, "%s", _("Nothing changed: the plan is not published."));
		return;
	}
	if (!rot_is_yes(k) && !handover) {
		ask_publish(t, s);
		return;
	}
	s->ask = ROT_ASK_NONE;
	memset(&rep, 0, sizeof rep);
	if (cohort_publish(t->app, s->cohort, handover, &rep, &err) != HOP_OK) {
		rot_load_cohort(t, s);
		tui_fail(t, &err);
		return;
	}
	if (rot_load_cohort(t, s))
		tui_status(t, false, _("Published %s: %zu added, %zu changed, %zu removed, %zu "
		                       "unchanged; %zu onboardings started."), s->cohort, rep.added,
		           rep.changed, rep.removed, rep.unchanged, rep.onboardings);
}

