/* The demo's onboardings: a German template as an authority would keep it
 * (imported through the same CSV path as a user's file), and for everyone
 * who started in the last four weeks or starts in the coming ones a mentor
 * from their team and an onboarding, the steps already due mostly ticked.
 * Its own random stream, so people, places and bookings stay as a seed
 * gives them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/base/clock.h"
#include "hop/base/i18n.h"
#include "hop/core/onboarding/onboarding.h"
#include "hop/core/people/person.h"
#include "demo_internal.h"

#define DEMO_TEMPLATE "Einarbeitung (Standard)"
/* Who counts as a new hire: started this many days ago at most. */
#define NEW_DAYS 28
/* Steps already due that were done in time: this many in a hundred. */
#define TICKED_PCT 85

/* The template, one row per step as 'hop import templates' reads it.  %d:
 * the office weeks, then the months to the end of probation. */
static const char template_csv[] =
	"vorlage;titel;art;verantwortlich;fällig;büro;pflicht;notiz;standard\n"
	DEMO_TEMPLATE ";IT-Zugang und Gerät;zugang;it;-3;nein;ja;"
	"Benutzerkonto, Notebook, Headset und VPN, am ersten Tag übergeben;ja\n"
	DEMO_TEMPLATE ";Arbeitsplatz und Zugangskarte;ausstattung;hr;-2;nein;ja;;ja\n"
	DEMO_TEMPLATE ";Begrüßungsgespräch mit der Führungskraft;gespräch;lead;0;ja;ja;"
	"Aufgaben, Erwartungen, erste Ziele;ja\n"
	DEMO_TEMPLATE ";Sicherheitsunterweisung (vor Arbeitsaufnahme);schulung;lead;0;ja;ja;"
	"ArbSchG § 12, DGUV Vorschrift 1 § 4: vor Aufnahme der Tätigkeit, dokumentiert;ja\n"
	DEMO_TEMPLATE ";Einführung in die Abläufe;gespräch;mentor;+1;ja;ja;"
	"Geschäftsgang, Fachverfahren, Ablage;ja\n"
	DEMO_TEMPLATE ";Datenschutz-Einweisung;schulung;hr;+3;ja;ja;;ja\n"
	DEMO_TEMPLATE ";Gespräch mit der Patin oder dem Paten (Woche 1);gespräch;mentor;+4;ja;ja;;ja\n"
	DEMO_TEMPLATE ";Dienstvereinbarung mobiles Arbeiten lesen;dokument;neu;+5;nein;ja;;ja\n"
	DEMO_TEMPLATE ";Geschäftsverteilungsplan und Aktenplan;selbststudium;neu;+7;nein;nein;;ja\n"
	DEMO_TEMPLATE ";Gespräch mit der Patin oder dem Paten (Woche 2);gespräch;mentor;+9;ja;ja;;ja\n"
	DEMO_TEMPLATE ";Schulung E-Akte;schulung;neu;+12;nein;ja;;ja\n"
	DEMO_TEMPLATE ";Grundschulung IT-Sicherheit;schulung;neu;+15;nein;ja;;ja\n"
	DEMO_TEMPLATE ";Gespräch mit der Patin oder dem Paten (Woche 4);gespräch;mentor;+19;ja;ja;;ja\n"
	DEMO_TEMPLATE ";Hybrides Arbeiten vereinbaren;gespräch;lead;+%d wochen;ja;ja;"
	"Nach den Präsenzwochen: Präsenztage und mobile Tage festlegen;ja\n"
	DEMO_TEMPLATE ";Abschlussgespräch;gespräch;lead;+%d monate;ja;ja;"
	"Zum Ende der Probezeit;ja\n";

static enum hop_status add_template(struct hop_app *app, struct hop_err *err)
{
	char text[sizeof template_csv + 32];
	struct import_options opt = { false, false };
	struct import_report rep = { 0 };
	FILE *in;
	enum hop_status st;

	snprintf(text, sizeof text, template_csv, app->cfg.onboarding_office_weeks,
	         app->cfg.review_after_months);
	in = fmemopen(text, strlen(text), "r");
	if (!in)
		return hop_fail(err, HOP_ENOMEM, _("out of memory"));
	st = import_templates(app, in, "demo", &opt, &rep, err);
	fclose(in);
	if (st != HOP_OK && rep.messages)
		hop_err_prefix(err, "%s", rep.messages);
	import_report_free(&rep);
	return st;
}

struct hires {
	struct hop_person *v;
	size_t n, cap;
	hop_date since;
	char actor[HOP_LOGIN_MAX + 1];
};

static enum hop_status collect(void *ctx, const struct hop_person *p, struct hop_err *err)
{
	struct hires *h = ctx;

	if (p->start < h->since || !p->team_id || strcmp(p->login, h->actor) == 0)
		return HOP_OK;
	if (h->n == h->cap) {
		size_t cap = h->cap ? 2 * h->cap : 64;
		struct hop_person *v = realloc(h->v, cap * sizeof *v);
		if (!v)
			return hop_fail(err, HOP_ENOMEM, _("out of memory"));
		h->v = v;
		h->cap = cap;
	}
	h->v[h->n++] = *p;
	return HOP_OK;
}

/* A colleague of the same team who may mentor p, tried in a random order;
 * none is no failure (a small team may have nobody free). */
static enum hop_status find_mentor(struct hop_app *app, const struct hop_person *p,
                                   struct rng *r, struct hop_err *err)
{
	struct person_filter f = { .team = p->team };
	struct hop_person_list l;
	enum hop_status st = HOP_OK;

	if (person_list(app, &f, &l, err) != HOP_OK)
		return err->status;
	for (size_t i = l.n; i > 1; i--) {
		size_t j = rng_below(r, (uint32_t)i);
		struct hop_person t = l.v[i - 1];
		l.v[i - 1] = l.v[j];
		l.v[j] = t;
	}
	for (size_t i = 0, tries = 0; i < l.n && tries < 8; i++) {
		if (l.v[i].id == p->id || l.v[i].start > p->start - 365)
			continue;
		tries++;
		st = mentor_assign(app, p->login, l.v[i].login, HOP_DATE_NONE, HOP_DATE_NONE, NULL,
		                   NULL, err);
		/* The rules said no to this one: the next. */
		if (st == HOP_EINVAL || st == HOP_ECONFLICT) {
			st = HOP_OK;
			continue;
		}
		break;
	}
	person_list_free(&l);
	return st;
}

/* The steps due before today, done in time, most of them. */
static enum hop_status tick_due(struct hop_app *app, const struct hop_person *p, struct rng *r,
                                struct hop_err *err)
{
	struct onb_summary o;
	struct onb_step_list l;
	hop_date today = clock_today();
	char num[16];
	enum hop_status st = HOP_OK;

	if (onboarding_show(app, p->login, &o, &l, err) != HOP_OK)
		return err->status;
	for (size_t i = 0; st == HOP_OK && i < l.n; i++) {
		if (l.v[i].due >= today || !rng_pct(r, TICKED_PCT))
			continue;
		snprintf(num, sizeof num, "%d", l.v[i].number);
		st = onboarding_tick(app, p->login, num, l.v[i].due, NULL, err);
	}
	onb_step_list_free(&l);
	return st;
}

enum hop_status demo_onboarding(struct hop_app *app, uint64_t seed, struct hop_err *err)
{
	struct rng r = rng_stream(seed, 4);
	struct person_filter f = { 0 };
	struct hires h = { .since = clock_today() - NEW_DAYS };
	enum hop_status st;

	snprintf(h.actor, sizeof h.actor, "%s", app->actor.login);
	if ((st = add_template(app, err)) != HOP_OK ||
	    (st = person_each(app, &f, collect, &h, err)) != HOP_OK)
		goto done;
	for (size_t i = 0; st == HOP_OK && i < h.n; i++) {
		st = find_mentor(app, &h.v[i], &r, err);
		if (st == HOP_OK)
			st = onboarding_start(app, h.v[i].login, NULL, NULL, err);
		if (st == HOP_OK)
			st = tick_due(app, &h.v[i], &r, err);
	}
done:
	free(h.v);
	return st;
}
